using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Plaid.Generated.Tests;

/// <summary>
/// Listens to the <c>Plaid.Generated</c> activity source and meter as OpenTelemetry would, keeping only what belongs
/// to the trace of the test's own parent activity (so that nothing else in the process can leak in).
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    public const string Name = "Plaid.Generated";

    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    /// <param name="sampling">What the trace listener's sampler decides for Plaid's activities.</param>
    public TelemetryCapture(ActivitySamplingResult sampling = ActivitySamplingResult.AllDataAndRecorded)
    {
        Parent = new Activity("test caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => sampling,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == Parent.TraceId)
                {
                    Activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (Activity.Current?.TraceId == Parent.TraceId)
            {
                Measurements.Add(new Measurement(instrument, value, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value)));
            }
        });
        _meters.Start();
    }

    /// <summary>The test's own activity, the caller's context every captured call runs in.</summary>
    public Activity Parent { get; }

    public List<Activity> Activities { get; } = [];

    public List<Measurement> Measurements { get; } = [];

    /// <summary>Every string that could reach a telemetry backend: names, status descriptions, tag keys and values.</summary>
    public IEnumerable<string> EverythingExported() =>
        Activities.SelectMany(activity => new[] { activity.DisplayName, activity.OperationName, activity.StatusDescription ?? "" }
                .Concat(activity.TagObjects.SelectMany(tag => new[] { tag.Key, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" }))
                .Concat(activity.Events.SelectMany(activityEvent => activityEvent.Tags.SelectMany(tag =>
                    new[] { activityEvent.Name, tag.Key, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" }))))
            .Concat(Measurements.SelectMany(measurement => measurement.Tags.SelectMany(tag =>
                new[] { tag.Key, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "" })));

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
        Parent.Stop();
    }

    public sealed record Measurement(Instrument Instrument, double Value, Dictionary<string, object?> Tags);
}
