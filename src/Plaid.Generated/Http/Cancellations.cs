namespace Plaid.Generated;

/// <summary>The <see cref="TaskCanceledException"/> HttpClient gives a timeout or a cancellation, carrying the token behind it.</summary>
internal static class Cancellations
{
    public static TaskCanceledException TaskCanceled(string message, Exception innerException, CancellationToken token) =>
#if NET
        new(message, innerException, token);
#else
        TaskCanceledException.Create(message, innerException, token); // src/NetStandardApis.cs: no such constructor here
#endif
}
