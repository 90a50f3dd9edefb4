namespace Plaid.Generated.Testing;

/// <summary>
/// A request <see cref="FakePlaidHandler"/> received, for assertions. The client id and secret it carried
/// (headers or body) are replaced by <see cref="CredentialRedactor.Mask"/> everywhere in it.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RequestUri">The URL it was sent to.</param>
/// <param name="Headers">Request and content headers, names case-insensitive, values joined with <c>", "</c>.</param>
/// <param name="Body">The body as text (empty when there was none).</param>
public sealed record FakePlaidRequest(HttpMethod Method, Uri? RequestUri, IReadOnlyDictionary<string, string> Headers, string Body);
