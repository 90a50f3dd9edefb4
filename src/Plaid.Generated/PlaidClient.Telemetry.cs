using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Plaid.Generated;

/// <summary>
/// Traces and metrics with what the BCL has: one <see cref="ActivityKind.Client"/> activity per call, named after the
/// operation, and the <c>plaid.client.operation.duration</c> histogram, both under the name <c>Plaid.Generated</c>.
/// Tag values come from the operation name, the status code and Plaid's identifiers only: never a credential, a
/// processor token or a body.
/// </summary>
public sealed partial class PlaidClient
{
    internal const string TelemetryName = "Plaid.Generated";
    internal const string DurationInstrument = "plaid.client.operation.duration";
    internal const string OperationTag = "plaid.operation";
    internal const string RequestIdTag = "plaid.request_id";
    internal const string StatusCodeTag = "http.response.status_code";
    internal const string ErrorTypeTag = "error.type";
    internal const string PlaidErrorTypeTag = "plaid.error_type";
    internal const string PlaidErrorCodeTag = "plaid.error_code";

    // Plaid's identifiers (error types and codes, request ids) are short runs of these; anything else a server sends
    // in their place is not put in a tag, which keeps echoed text out and the metric's cardinality bounded.
    private const int MaxIdentifierLength = 64;
    private const string OtherValue = "_OTHER";

    private static readonly string? TelemetryVersion = typeof(PlaidClient).Assembly.GetName().Version?.ToString(3);
    private static readonly ActivitySource ActivitySource = new(TelemetryName, TelemetryVersion);
    private static readonly Meter Meter = new(TelemetryName, TelemetryVersion);

    private const string DurationDescription = "Duration of a Plaid operation called through PlaidClient, retries and the response body included.";

#if NET8_0
    // .NET 8's System.Diagnostics.DiagnosticSource has no InstrumentAdvice (it came with .NET 9), and this build depends on
    // nothing but Newtonsoft.Json: no bucket advice here (README, "Supported frameworks", says how to set the buckets).
    private static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(DurationInstrument, unit: "s", DurationDescription);
#else
    // Plaid's institution round trips take from a fraction of a second to tens of seconds.
    private static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        DurationInstrument,
        unit: "s",
        DurationDescription,
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60] });
#endif

    /// <summary>Every generated operation calls this: the transport, observed only when someone listens.</summary>
    private Task<TResponse> CallAsync<TRequest, TResponse>(
        string operation, HttpMethod method, string path, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class =>
        ActivitySource.HasListeners() || OperationDuration.Enabled
            ? CallObservedAsync<TRequest, TResponse>(operation, method, path, request, cancellationToken)
            : SendAsync<TRequest, TResponse>(method, path, request, cancellationToken);

    private async Task<TResponse> CallObservedAsync<TRequest, TResponse>(
        string operation, HttpMethod method, string path, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        var startedAt = Stopwatch.GetTimestamp();
        using var activity = ActivitySource.StartActivity(operation, ActivityKind.Client);
        try
        {
            var response = await SendAsync<TRequest, TResponse>(method, path, request, cancellationToken).ConfigureAwait(false);
            if (activity is { IsAllDataRequested: true } && Identifier((response as IPlaidResponse)?.RequestId) is { } requestId)
            {
                activity.SetTag(RequestIdTag, requestId);
            }

            RecordDuration(operation, startedAt, failure: null);
            return response;
        }
        catch (Exception exception)
        {
            var failure = CallFailure.Of(exception);
            if (activity is not null)
            {
                failure.TagOnto(activity);
            }

            RecordDuration(operation, startedAt, failure);
            throw;
        }
    }

    /// <summary>Tags the status code on this call's own activity (the transport calls it when headers arrive), never a caller's.</summary>
    private static void ObserveStatusCode(int statusCode)
    {
        if (ActivitySource.HasListeners()
            && Activity.Current is { IsAllDataRequested: true } activity
            && ReferenceEquals(activity.Source, ActivitySource))
        {
            activity.SetTag(StatusCodeTag, statusCode);
        }
    }

    private static void RecordDuration(string operation, long startedAt, CallFailure? failure)
    {
        if (!OperationDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { OperationTag, operation } };
        if (failure is { } failed)
        {
            tags.Add(ErrorTypeTag, failed.ErrorType);
            if (failed.PlaidCode is { } errorCode)
            {
                tags.Add(PlaidErrorCodeTag, errorCode);
            }
        }

        OperationDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
    }

    private static string? Identifier(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-')
            {
                return OtherValue;
            }
        }

        return value.Length <= MaxIdentifierLength ? value : OtherValue;
    }

    /// <summary>
    /// What a failed call is tagged with. <c>error.type</c> follows OpenTelemetry's HTTP conventions: the status code
    /// when Plaid answered with an error, else the type of the exception (or of its cause, for no response).
    /// </summary>
    private readonly record struct CallFailure(string ErrorType, string? PlaidType, string? PlaidCode, string? RequestId)
    {
        public static CallFailure Of(Exception exception) => exception switch
        {
            PlaidApiException { StatusCode: >= 400 } plaid => new(
                plaid.StatusCode.ToString(CultureInfo.InvariantCulture),
                Identifier(plaid.ErrorType?.ToString()),
                Identifier(plaid.ErrorCode),
                Identifier(plaid.RequestId)),
            PlaidApiException { IsTransportFailure: true, InnerException: { } cause } plaid =>
                new(TypeName(cause), null, null, Identifier(plaid.RequestId)),
            PlaidApiException plaid => new(TypeName(plaid), null, null, Identifier(plaid.RequestId)),
            _ => new(TypeName(exception), null, null, null),
        };

        public void TagOnto(Activity activity)
        {
            activity.SetStatus(ActivityStatusCode.Error, PlaidCode ?? ErrorType);
            if (!activity.IsAllDataRequested)
            {
                return;
            }

            activity.SetTag(ErrorTypeTag, ErrorType);
            activity.SetTag(PlaidErrorTypeTag, PlaidType);
            activity.SetTag(PlaidErrorCodeTag, PlaidCode);
            activity.SetTag(RequestIdTag, RequestId);
        }

        private static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;
    }
}
