namespace Plaid.Generated;

/// <summary>
/// What the send path needs to know of one operation, generated from the fragment by build/templates/Client.Class.liquid
/// as one static instance per operation (nothing is allocated per call).
/// </summary>
/// <param name="Name">As telemetry and messages name it: <c>POST /processor/balance/get</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">Relative to the base URI: <c>processor/balance/get</c>.</param>
/// <param name="IsIdempotent">
/// The fragment's <c>x-idempotent</c>: true when sending the request twice does no more than sending it once, so any
/// retryable failure is sent again; false (also when the key is absent) when only a request that provably was not
/// processed is (<see cref="PlaidClient"/>'s <c>RetryDelay</c>).
/// </param>
/// <param name="IsSandboxOnly">The path starts with <c>/sandbox/</c>, Plaid's convention: refused by a client that targets Production.</param>
internal sealed record PlaidOperation(string Name, HttpMethod Method, string Path, bool IsIdempotent, bool IsSandboxOnly);
