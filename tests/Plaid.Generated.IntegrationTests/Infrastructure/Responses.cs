using System.Text;
using Microsoft.AspNetCore.Http;

namespace Plaid.Generated.IntegrationTests.Infrastructure;

/// <summary>The common server scripts: answer with a fixed status and body, and the one-call tests built on them.</summary>
internal static class Responses
{
    public static Task Write(HttpContext context, int status, string body, string contentType = "application/json") =>
        Write(context, status, Encoding.UTF8.GetBytes(body), contentType);

    public static Task Write(HttpContext context, int status, byte[] body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>One call to a server that answers <paramref name="status"/> with <paramref name="body"/>, expected to fail.</summary>
    public static async Task<PlaidApiException> FailureFrom(int status, string body, string contentType = "application/json")
    {
        await using var server = await LoopbackServer.StartAsync(context => Write(context, status, body, contentType));
        using var caller = TestCaller.For(server);
        return await caller.FailsWith<PlaidApiException>();
    }

    /// <summary>One call to a server that answers 200 with <paramref name="body"/>, expected to succeed.</summary>
    public static async Task<ProcessorBalanceGetResponse> ResultFrom(string body)
    {
        await using var server = await LoopbackServer.StartAsync(context => Write(context, 200, body));
        using var caller = TestCaller.For(server);
        return await caller.GetAsync();
    }
}
