using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace Plaid.Generated.DependencyInjection.Tests;

/// <summary>
/// The client as an application gets it from DI, over a MockHttp handler that plays scripted
/// answers in order (the last one repeats) and records the fake time of every attempt.
/// </summary>
internal sealed class PlaidHarness
{
    public const string ClientId = "client-id-5f2a9c";
    public const string Secret = "secret-Zq8Lw3Xv0Rt7Yp1";
    public const string Token = "processor-sandbox-0asd1-a92nc";
    public const string SuccessBody = """
        {"account":{"account_id":"QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv","balances":{"available":100,"current":110,"limit":null,
        "iso_currency_code":"USD","unofficial_currency_code":null},"mask":"0000","name":"Plaid Checking",
        "official_name":"Plaid Gold Checking","subtype":"checking","type":"depository"},"request_id":"1zlMf"}
        """;

    /// <summary>Far above any delay the tests expect, so only the timeout test ever reaches it.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(10);

    private readonly Queue<Func<HttpResponseMessage>> _answers = new();
    private Func<HttpResponseMessage>? _last;

    public PlaidHarness(Action<PlaidResilienceOptions>? configure = null)
    {
        Handler.Fallback.Respond(() =>
        {
            Attempts.Add(Time.GetUtcNow());
            _last = _answers.Count > 0 ? _answers.Dequeue() : _last;
            return Task.FromResult(_last!());
        });

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddPlaidClient(
                options =>
                {
                    options.ClientId = ClientId;
                    options.Secret = Secret;
                },
                resilience =>
                {
                    resilience.UseJitter = false;
                    resilience.TotalTimeout = TotalTimeout;
                    configure?.Invoke(resilience);
                })
            .ConfigurePrimaryHttpMessageHandler(() => Handler);
        Client = services.BuildServiceProvider().GetRequiredService<IPlaidClient>();
    }

    public ObservedTimeProvider Time { get; } = new();

    public MockHttpMessageHandler Handler { get; } = new();

    public IPlaidClient Client { get; }

    public List<DateTimeOffset> Attempts { get; } = [];

    /// <summary>The time between consecutive attempts.</summary>
    public IReadOnlyList<TimeSpan> Gaps => [.. Attempts.Zip(Attempts.Skip(1), (first, second) => second - first)];

    public PlaidHarness Answers(params Func<HttpResponseMessage>[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }

        return this;
    }

    public static Func<HttpResponseMessage> Status(HttpStatusCode status, string body = "", Action<HttpResponseMessage>? configure = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    };

    public static Func<HttpResponseMessage> Success => Status(HttpStatusCode.OK, SuccessBody);

    public static Func<HttpResponseMessage> PlaidError(HttpStatusCode status, string errorType, string errorCode) => Status(status, $$"""
        {"error_type":"{{errorType}}","error_code":"{{errorCode}}","error_message":"scripted","display_message":null,
        "request_id":"req-{{errorCode}}","causes":[],"status":{{(int)status}},"documentation_url":null,"suggested_action":null}
        """);

    public static Func<HttpResponseMessage> ConnectionReset => () => throw new HttpRequestException("Connection reset by peer");

    public Task<ProcessorBalanceGetResponse> GetAsync() =>
        Time.RunAsync(Client.ProcessorBalanceGetAsync(new ProcessorBalanceGetRequest { ProcessorToken = Token }), TotalTimeout);
}
