
namespace Plaid.Generated.Cli;

/// <summary>A Plaid error object, for stderr: the fields Plaid says to act on.</summary>
internal static class ErrorReport
{
    public static void Write(TextWriter error, PlaidApiException exception)
    {
        error.WriteLine($"plaid-balance: Plaid answered HTTP {exception.StatusCode} with an error.");
        error.WriteLine($"  error_type:      {TerminalText.Clean(exception.ErrorType?.ToString())}");
        error.WriteLine($"  error_code:      {TerminalText.Clean(exception.ErrorCode)}");
        error.WriteLine($"  error_message:   {TerminalText.Clean(exception.ErrorMessage)}");
        if (exception.DisplayMessage is { Length: > 0 } display)
        {
            error.WriteLine($"  display_message: {TerminalText.Clean(display)}");
        }

        error.WriteLine($"  request_id:      {TerminalText.Clean(exception.RequestId)}");
        if (exception.DocumentationUrl is { Length: > 0 } url)
        {
            error.WriteLine($"  documentation:   {TerminalText.Clean(url)}");
        }
    }
}
