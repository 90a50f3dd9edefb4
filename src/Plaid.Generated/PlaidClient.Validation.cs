namespace Plaid.Generated;

public sealed partial class PlaidClient
{
    private const string ProcessorTokenPrefix = "processor-";

    /// <summary>
    /// Every check of a request, in one place, before the call's telemetry starts: catches the mistakes Plaid would
    /// only reject after a round trip (a Sandbox-only operation against Production, the processor token, a required
    /// member left unset, the credentials of <see cref="ResolveCredentials"/>); nothing is sent or recorded when this throws.
    /// </summary>
    /// <returns>The call's credentials, for <see cref="CallAsync"/>.</returns>
    private CallCredentials ValidateRequest<TRequest>(TRequest request, PlaidOperation operation)
        where TRequest : class, IPlaidJsonModel
    {
        if (operation.IsSandboxOnly)
        {
            RefuseProduction(operation);
        }

        if (request is IProcessorTokenRequest tokenRequest)
        {
            ValidateProcessorToken(tokenRequest.ProcessorToken, operation.Name);
        }

        if (request.MissingRequiredMember() is { } missing)
        {
            throw new ArgumentException($"{missing} is required by {operation.Name}: set it before calling.", nameof(request));
        }

        return ResolveCredentials(request as IPlaidCredentials);
    }

    private void ValidateProcessorToken(string? token, string operation)
    {
        const string parameterName = "request";
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("ProcessorToken is required (processor-<environment>-<identifier>).", parameterName);
        }

        if (!token.StartsWith(ProcessorTokenPrefix, StringComparison.Ordinal))
        {
            var kind = token.StartsWith("access-", StringComparison.Ordinal) ? "an access token" : "not a processor token";
            throw new ArgumentException(
                $"ProcessorToken is {kind}: {operation} needs a processor token "
                + "(processor-<environment>-<identifier>, from /processor/token/create).",
                parameterName);
        }

        var rest = token.AsSpan(ProcessorTokenPrefix.Length);
        var dash = rest.IndexOf('-');
        if (dash <= 0 || dash == rest.Length - 1)
        {
            throw new ArgumentException(
                "ProcessorToken is malformed: expected processor-<environment>-<identifier>.", parameterName);
        }

        var tokenEnvironment = rest[..dash];
        if (_tokenEnvironment is { } configured && !tokenEnvironment.SequenceEqual(configured.TokenSegment()))
        {
            throw new ArgumentException(
                $"ProcessorToken is for the '{tokenEnvironment.ToString()}' environment but the client is configured for "
                + $"{configured}: use a {configured.TokenSegment()} token, or set PlaidClientOptions.Environment to match.",
                parameterName);
        }
    }
}
