using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Perfolizer.Metrology;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// What traces and metrics cost a successful call: <see cref="NoListener"/> is the public call when nothing listens to
/// <c>Plaid.Generated</c>, <see cref="Listened"/> the same call with an activity listener sampling everything and a meter
/// listener. (Telemetry and the attempt loop are one send path, so there is no call without it to compare with.)
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InBytes))]
public class TelemetryBenchmarks : IDisposable
{
    private readonly Clients _ok = Clients.InMemory(HttpStatusCode.OK, Payloads.Success);
    private ActivityListener? _activities;
    private MeterListener? _meters;

    [GlobalSetup(Target = nameof(Listened))]
    public void Listen()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Plaid.Generated",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Plaid.Generated")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meters.Start();
    }

    [Benchmark(Baseline = true)]
    public Task<ProcessorBalanceGetResponse> NoListener() => _ok.Plaid.ProcessorBalanceGetAsync(Clients.PlaidRequest());

    [Benchmark]
    public Task<ProcessorBalanceGetResponse> Listened() => _ok.Plaid.ProcessorBalanceGetAsync(Clients.PlaidRequest());

    public void Dispose()
    {
        _activities?.Dispose();
        _meters?.Dispose();
        _ok.Dispose();
        GC.SuppressFinalize(this);
    }

    // Allocations are exact; in bytes, an added object is not rounded away.
    private sealed class InBytes : ManualConfig
    {
        public InBytes() => WithSummaryStyle(SummaryStyle.Default.WithSizeUnit(SizeUnit.B));
    }
}
