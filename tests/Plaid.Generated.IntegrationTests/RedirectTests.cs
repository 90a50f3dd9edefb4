using System.Net;
using Microsoft.AspNetCore.Http;
using Plaid.Generated.IntegrationTests.Infrastructure;

namespace Plaid.Generated.IntegrationTests;

/// <summary>
/// A server on the configured origin answers with a redirect to another origin that would answer with a
/// balance. The credentials must never reach the other origin through the client's own handlers, and its
/// answer must never come back as data, even through a caller's handler that follows redirects.
/// </summary>
public class RedirectTests
{
    private const string OtherOriginAccountName = "Answered by the other origin";

    private static readonly int[] RedirectStatuses = [301, 302, 303, 307, 308];

    private static IEnumerable<TestCaseData> Cases() =>
        from entryPoint in Enum.GetValues<EntryPoint>()
        from status in RedirectStatuses
        from otherOrigin in new[] { OtherOrigin.Port, OtherOrigin.HostName }
        select new TestCaseData(entryPoint, status, otherOrigin).SetName($"{entryPoint}: {status} to another {otherOrigin}");

    public enum OtherOrigin
    {
        /// <summary>127.0.0.1 on another port.</summary>
        Port,

        /// <summary>The same port under the name <c>localhost</c> instead of 127.0.0.1.</summary>
        HostName,
    }

    [TestCaseSource(nameof(Cases))]
    public async Task A_redirect_to_another_origin_never_returns_its_data(EntryPoint entryPoint, int status, OtherOrigin otherOrigin)
    {
        await using var servers = await RedirectingServers.StartAsync(status, otherOrigin);
        using var caller = EntryPointClient.Create(entryPoint, servers.ConfiguredOrigin);

        var exception = await Outcome.FailsWith<PlaidApiException>(() => caller.GetAsync());

        Assert.That(exception.ResponseBody ?? "", Does.Not.Contain(OtherOriginAccountName));
        if (entryPoint == EntryPoint.RedirectFollowingHttpClient)
        {
            Assert.That(exception.Message, Does.Contain($"The response came from {servers.OtherOrigin.GetLeftPart(UriPartial.Authority)}"));
            Assert.That(exception.Message, Does.Contain("AllowAutoRedirect = false"));
            Assert.That(servers.RequestsToOtherOrigin, Is.EqualTo(1), "the caller's handler followed the redirect, as the README warns");
        }
        else
        {
            Assert.That(servers.RequestsToOtherOrigin, Is.Zero, "the other origin received a request");
            Assert.That(exception.StatusCode, Is.EqualTo(status));
            Assert.That(exception.Message, Does.Contain($"HTTP {status}"));
            Assert.That(exception.Message, Does.Contain($"Location {servers.OtherOrigin.GetLeftPart(UriPartial.Authority)}/"));
            Assert.That(exception.Message, Does.Contain("credentials are never sent to another origin"));
        }
    }

    [Test]
    public async Task The_redirect_error_redacts_the_credentials_and_leaves_out_the_query_of_the_Location()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"http://127.0.0.1:9/steal/{Credentials.Secret}?client={Credentials.ClientId}&token={Credentials.Token}";
            return Task.CompletedTask;
        });
        using var caller = EntryPointClient.Create(EntryPoint.DefaultConstructor, server.BaseUri);

        var exception = await Outcome.FailsWith<PlaidApiException>(() => caller.GetAsync());

        Assert.That(exception.Message, Does.Contain("Location http://127.0.0.1:9/steal/REDACTED,"));
        Assert.That(exception.Message, Does.Not.Contain(Credentials.Token));
    }

    [Test]
    public async Task A_redirect_within_the_configured_origin_is_still_an_error_for_the_client_s_own_handlers()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 308;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });
        using var caller = EntryPointClient.Create(EntryPoint.DependencyInjection, server.BaseUri);

        var exception = await Outcome.FailsWith<PlaidApiException>(() => caller.GetAsync());

        Assert.That(exception.Message, Does.Contain("HTTP 308 (Permanent Redirect) with Location /elsewhere,"));
        Assert.That(exception.IsRetryable, Is.False);
    }

    /// <summary>The configured origin, which redirects every request, and the other origin, which answers with a balance.</summary>
    private sealed class RedirectingServers : IAsyncDisposable
    {
        private readonly LoopbackServer _configured;
        private readonly LoopbackServer? _other;
        private int _requestsToOtherOrigin;

        private RedirectingServers(LoopbackServer configured, LoopbackServer? other)
        {
            _configured = configured;
            _other = other;
        }

        public Uri ConfiguredOrigin => _configured.BaseUri;

        public Uri OtherOrigin => _other?.BaseUri ?? new UriBuilder(_configured.BaseUri) { Host = "localhost" }.Uri;

        public int RequestsToOtherOrigin => Volatile.Read(ref _requestsToOtherOrigin);

        public static async Task<RedirectingServers> StartAsync(int status, OtherOrigin otherOrigin)
        {
            RedirectingServers? servers = null;
            LoopbackServer? other = null;
            if (otherOrigin == RedirectTests.OtherOrigin.Port)
            {
                other = await LoopbackServer.StartAsync(context => servers!.AnswerFromOtherOrigin(context));
            }

            var configured = await LoopbackServer.StartAsync(context =>
                otherOrigin == RedirectTests.OtherOrigin.HostName && context.Request.Host.Host == "localhost"
                    ? servers!.AnswerFromOtherOrigin(context)
                    : Redirect(context, status, servers!.OtherOrigin));
            servers = new RedirectingServers(configured, other);
            return servers;
        }

        public async ValueTask DisposeAsync()
        {
            await _configured.DisposeAsync();
            if (_other is not null)
            {
                await _other.DisposeAsync();
            }
        }

        private static Task Redirect(HttpContext context, int status, Uri otherOrigin)
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = new Uri(otherOrigin, "processor/balance/get").AbsoluteUri;
            return Task.CompletedTask;
        }

        private Task AnswerFromOtherOrigin(HttpContext context)
        {
            Interlocked.Increment(ref _requestsToOtherOrigin);
            var body = Fixtures.SpecExample.Replace("\"Plaid Checking\"", $"\"{OtherOriginAccountName}\"", StringComparison.Ordinal);
            Assert.That(body, Does.Contain(OtherOriginAccountName));
            return Responses.Write(context, (int)HttpStatusCode.OK, body);
        }
    }
}
