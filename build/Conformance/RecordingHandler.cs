namespace Plaid.Generated.Conformance;

/// <summary>What went over the wire for one call: the raw answer, before the client parsed it.</summary>
internal sealed class Exchange
{
    /// <summary>The <c>Prefer</c> header to send (Prism's way to force a status), or null.</summary>
    public string? Prefer { get; init; }

    public int Status { get; set; }

    public byte[] Body { get; set; } = [];

    /// <summary>Prism's <c>sl-violations</c> header: the request and response violations it found, as JSON.</summary>
    public string? Violations { get; set; }

    public bool Answered { get; set; }
}

/// <summary>
/// Sits under the client: adds the current call's <c>Prefer</c> header and keeps a copy of the answer's status,
/// body and violations, so that the answer is judged from the bytes, not from what the client made of them.
/// </summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly AsyncLocal<Exchange?> Current = new();

    /// <summary>Records the calls made in the current async flow into <paramref name="exchange"/>.</summary>
    public static void Record(Exchange exchange) => Current.Value = exchange;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var exchange = Current.Value ?? throw new InvalidOperationException("a call was made outside a recorded exchange");
        if (exchange.Prefer is { } prefer)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var replaced = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            replaced.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = replaced;
        exchange.Status = (int)response.StatusCode;
        exchange.Body = body;
        exchange.Violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(",", values) : null;
        exchange.Answered = true;
        return response;
    }
}
