using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Plaid.Generated;

/// <summary>
/// Traces and metrics with what the BCL has: one <see cref="ActivityKind.Client"/> activity per call, retries included,
/// named after the operation, with a <c>plaid.retry</c> event per retry, and the <c>plaid.client.operation.duration</c>
/// histogram, both under the name <c>Plaid.Generated</c>.
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
    internal const string RetryEvent = "plaid.retry";
    internal const string RetryAttemptTag = "plaid.retry.attempt";
    internal const string RetryReasonTag = "plaid.retry.reason";
    internal const string RetryDelayTag = "plaid.retry.delay";
    internal const string BudgetWaitEvent = "plaid.rate_limit.wait";
    internal const string BudgetTag = "plaid.rate_limit.budget";
    internal const string BudgetWaitTag = "plaid.rate_limit.wait";

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

    /// <summary>
    /// The telemetry of one call, retries included: its activity (null when nobody listens) and the start of its
    /// duration (0 when the histogram is off). Started before the first attempt, completed once with the outcome.
    /// </summary>
    private readonly struct CallTelemetry : IDisposable
    {
        private readonly string _operation;
        private readonly Activity? _activity;
        private readonly long _startedAt;
        private readonly PlaidCallObserver? _observer;

        private CallTelemetry(string operation, Activity? activity, long startedAt, PlaidCallObserver? observer)
        {
            _operation = operation;
            _activity = activity;
            _startedAt = startedAt;
            _observer = observer;
        }

        public static CallTelemetry Start(string operation, PlaidCallObserver? observer = null) => new(
            operation,
            ActivitySource.StartActivity(operation, ActivityKind.Client),
            OperationDuration.Enabled ? Stopwatch.GetTimestamp() : 0,
            observer);

        /// <summary>Tags the status code of the latest attempt's response; null, for an attempt that has none yet, removes it.</summary>
        public void ObserveStatusCode(int? statusCode)
        {
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag(StatusCodeTag, statusCode);
            }
        }

        /// <summary>A <c>plaid.retry</c> event: which attempt failed, why, and how long the client waits before the next.</summary>
        public void Retrying(int attempt, PlaidApiException failure, TimeSpan delay)
        {
            if (_observer is not null)
            {
                var rateLimited = failure.StatusCode == 429 || failure.ErrorType == PlaidErrorType.RateLimitExceeded;
                _observer.Retrying(_operation, attempt, delay, rateLimited, CallFailure.Of(failure).Facts);
            }

            if (_activity is not { IsAllDataRequested: true })
            {
                return;
            }

            var reason = CallFailure.Of(failure);
            _activity.AddEvent(new ActivityEvent(RetryEvent, tags: new ActivityTagsCollection
            {
                { RetryAttemptTag, attempt },
                { RetryReasonTag, reason.PlaidCode ?? reason.ErrorType },
                { RetryDelayTag, delay.TotalSeconds },
            }));
        }

        /// <summary>A <c>plaid.rate_limit.wait</c> event: which budget held the attempt back, and for how long (seconds).</summary>
        public void BudgetWaited(PlaidBudget budget, TimeSpan waited)
        {
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.AddEvent(new ActivityEvent(BudgetWaitEvent, tags: new ActivityTagsCollection
                {
                    { BudgetTag, budget == PlaidBudget.PerItem ? "per_item" : "per_client" },
                    { BudgetWaitTag, waited.TotalSeconds },
                }));
            }
        }

        /// <summary>Tags the call's total wait for budgets so far (<c>plaid.rate_limit.wait</c>, seconds): its share of the duration.</summary>
        public void ObserveBudgetWait(TimeSpan total)
        {
            if (_activity is { IsAllDataRequested: true })
            {
                _activity.SetTag(BudgetWaitTag, total.TotalSeconds);
            }
        }

        public void Succeeded(object response)
        {
            if (_activity is { IsAllDataRequested: true } && Identifier((response as IPlaidResponse)?.RequestId) is { } requestId)
            {
                _activity.SetTag(RequestIdTag, requestId);
            }

            RecordDuration(failure: null);
        }

        public void Failed(Exception exception)
        {
            _observer?.Failed(_operation, CallFailure.Of(exception).Facts);
            if (_activity is null && _startedAt == 0)
            {
                return;
            }

            var failure = CallFailure.Of(exception);
            if (_activity is not null)
            {
                failure.TagOnto(_activity);
            }

            RecordDuration(failure);
        }

        public void Dispose() => _activity?.Dispose();

        private void RecordDuration(CallFailure? failure)
        {
            if (_startedAt == 0)
            {
                return;
            }

            var tags = new TagList { { OperationTag, _operation } };
            if (failure is { } failed)
            {
                tags.Add(ErrorTypeTag, failed.ErrorType);
                if (failed.PlaidCode is { } errorCode)
                {
                    tags.Add(PlaidErrorCodeTag, errorCode);
                }
            }

            OperationDuration.Record(Stopwatch.GetElapsedTime(_startedAt).TotalSeconds, tags);
        }
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

        public PlaidCallFacts Facts => new(ErrorType, PlaidType, PlaidCode, RequestId);

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
