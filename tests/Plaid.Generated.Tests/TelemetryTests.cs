using System.Diagnostics;
using System.Net;
using RichardSzalay.MockHttp;

namespace Plaid.Generated.Tests;

public class TelemetryTests
{
    private const string Operation = "POST /processor/balance/get";

    [Test]
    public async Task A_call_is_one_client_activity_named_after_the_operation()
    {
        var test = new TestClient().RespondsWithSpecExample();
        using var capture = new TelemetryCapture();

        await test.GetAsync();

        Assert.That(capture.Activities, Has.Count.EqualTo(1));
        var activity = capture.Activities[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(activity.Source.Name, Is.EqualTo("Plaid.Generated"));
            Assert.That(activity.DisplayName, Is.EqualTo(Operation));
            Assert.That(activity.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(activity.ParentSpanId, Is.EqualTo(capture.Parent.SpanId), "child of the caller's activity");
            Assert.That(activity.GetTagItem("plaid.request_id"), Is.EqualTo("1zlMf"));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(activity.GetTagItem("error.type"), Is.Null);
        }
    }

    [Test]
    public async Task A_refused_redirect_still_tags_its_status_code()
    {
        var test = new TestClient().Responds(HttpStatusCode.TemporaryRedirect, "",
            configure: response => response.Headers.Location = new Uri("https://elsewhere.example/processor/balance/get"));
        using var capture = new TelemetryCapture();

        await test.GetFailureAsync();

        var activity = capture.Activities.Single();
        Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(307));
        Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
    }

    [Test]
    public async Task A_call_records_its_duration_in_seconds_tagged_with_the_operation()
    {
        var test = new TestClient().RespondsWithSpecExample();
        using var capture = new TelemetryCapture();

        await test.GetAsync();

        Assert.That(capture.Measurements, Has.Count.EqualTo(1));
        var measurement = capture.Measurements[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(measurement.Instrument.Name, Is.EqualTo("plaid.client.operation.duration"));
            Assert.That(measurement.Instrument.Unit, Is.EqualTo("s"));
            Assert.That(measurement.Instrument, Is.InstanceOf<System.Diagnostics.Metrics.Histogram<double>>());
            Assert.That(measurement.Value, Is.GreaterThan(0).And.LessThan(capture.Activities[0].Duration.TotalSeconds + 1));
            Assert.That(measurement.Tags, Is.EquivalentTo(new Dictionary<string, object?> { ["plaid.operation"] = Operation }));
        }
    }

    [Test]
    public async Task A_Plaid_error_marks_the_activity_and_the_measurement()
    {
        var test = new TestClient().Responds(HttpStatusCode.BadRequest, Fixture.Read("errors/ITEM_LOGIN_REQUIRED.json"));
        using var capture = new TelemetryCapture();

        await test.GetFailureAsync();

        var activity = capture.Activities.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.StatusDescription, Is.EqualTo("ITEM_LOGIN_REQUIRED"));
            Assert.That(activity.GetTagItem("error.type"), Is.EqualTo("400"));
            Assert.That(activity.GetTagItem("plaid.error_type"), Is.EqualTo("ITEM_ERROR"));
            Assert.That(activity.GetTagItem("plaid.error_code"), Is.EqualTo("ITEM_LOGIN_REQUIRED"));
            Assert.That(activity.GetTagItem("plaid.request_id"), Is.EqualTo("req-ITEM_LOGIN_REQUIRED"));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(400));
            Assert.That(capture.Measurements.Single().Tags, Is.EquivalentTo(new Dictionary<string, object?>
            {
                ["plaid.operation"] = Operation,
                ["error.type"] = "400",
                ["plaid.error_code"] = "ITEM_LOGIN_REQUIRED",
            }));
        }
    }

    [Test]
    public async Task No_response_is_an_error_typed_by_its_cause_without_a_status_code()
    {
        var test = new TestClient();
        test.Handler.Fallback.Throw(new HttpRequestException("Connection refused (127.0.0.1:9)"));
        using var capture = new TelemetryCapture();

        await test.GetFailureAsync();

        var activity = capture.Activities.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.GetTagItem("error.type"), Is.EqualTo("System.Net.Http.HttpRequestException"));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.Null);
            Assert.That(activity.GetTagItem("plaid.error_code"), Is.Null);
            Assert.That(capture.Measurements.Single().Tags["error.type"], Is.EqualTo("System.Net.Http.HttpRequestException"));
        }
    }

    [Test]
    public async Task An_unreadable_success_body_is_an_error_with_its_status_code()
    {
        var test = new TestClient().Responds(HttpStatusCode.OK, "<html>maintenance</html>", "text/html");
        using var capture = new TelemetryCapture();

        await test.GetFailureAsync();

        var activity = capture.Activities.Single();
        Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(activity.GetTagItem("error.type"), Is.EqualTo("Plaid.Generated.PlaidApiException"));
        Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(200));
    }

    [Test]
    public async Task A_cancelled_call_is_an_error_activity()
    {
        var test = new TestClient().RespondsWithSpecExample();
        using var capture = new TelemetryCapture();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await test.GetAsync(cancellationToken: cancelled.Token), Throws.InstanceOf<OperationCanceledException>());

        Assert.That(capture.Activities.Single().GetTagItem("error.type"), Does.EndWith("CanceledException"));
    }

    [Test]
    public void A_request_refused_before_sending_records_nothing()
    {
        var test = new TestClient().RespondsWithSpecExample();
        using var capture = new TelemetryCapture();

        Assert.That(() => test.GetAsync("access-sandbox-1234"), Throws.ArgumentException);

        Assert.That(capture.Activities, Is.Empty);
        Assert.That(capture.Measurements, Is.Empty);
    }

    [Test]
    public async Task When_a_sampler_drops_the_activity_the_callers_activity_stays_untouched()
    {
        var test = new TestClient().RespondsWithSpecExample();
        using var capture = new TelemetryCapture(ActivitySamplingResult.None);

        await test.GetAsync();

        Assert.That(capture.Activities, Is.Empty);
        Assert.That(capture.Measurements, Has.Count.EqualTo(1), "metrics do not depend on the sampler");
        Assert.That(capture.Parent.TagObjects, Is.Empty);
    }

    [Test]
    public async Task Credentials_tokens_and_bodies_never_reach_a_tag()
    {
        const string bodyClientId = "body-client-7d3e91";
        const string bodySecret = "body-secret-Qm5Rt8Vx";
        const string token = "processor-sandbox-8c1f27-44b0aa";
        var secrets = new[] { TestClient.ClientId, TestClient.Secret, bodyClientId, bodySecret, token, "8c1f27-44b0aa" };
        using var capture = new TelemetryCapture();

        await new TestClient().RespondsWithSpecExample().GetAsync(token);
        await new TestClient().RespondsWithSpecExample().Client.ProcessorBalanceGetAsync(
            new ProcessorBalanceGetRequest { ProcessorToken = token, ClientId = bodyClientId, Secret = bodySecret });
        var echo = $$"""
            {"error_type":"INVALID_INPUT {{TestClient.Secret}}","error_code":"{{token}} {{TestClient.ClientId}}",
             "error_message":"token {{token}} with secret {{TestClient.Secret}}","request_id":"{{TestClient.Secret}} x"}
            """;
        await new TestClient().Responds(HttpStatusCode.BadRequest, echo).GetFailureAsync(token);
        await new TestClient().Responds(HttpStatusCode.BadRequest, Fixture.Read("errors/ITEM_LOGIN_REQUIRED.json")).GetFailureAsync(token);

        var exported = capture.EverythingExported().ToList();
        Assert.That(capture.Activities, Has.Count.EqualTo(4));
        foreach (var value in secrets.Concat(["Plaid Checking", "the login details of this item have changed", "QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv"]))
        {
            Assert.That(exported, Has.None.Contains(value), $"'{value}' reached telemetry");
        }

        Assert.That(capture.Activities[2].GetTagItem("plaid.error_code"), Is.EqualTo("_OTHER"), "an echoed value is replaced, not dropped");
    }
}
