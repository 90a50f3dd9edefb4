using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Perfolizer.Metrology;

namespace Plaid.Generated.Benchmarks;

/// <summary>
/// What traces and metrics cost a successful call. <see cref="WithoutTelemetry"/> takes the generated method's
/// steps (validate, send) minus the telemetry branch, through the client's private methods; <see cref="NoListener"/>
/// is the public call when nothing listens to <c>Plaid.Generated</c> (the case to compare with the baseline);
/// <see cref="Listened"/> is the public call with an activity listener sampling everything and a meter listener.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InBytes))]
public class TelemetryBenchmarks : IDisposable
{
    private const string Operation = "POST /processor/balance/get";

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
    public Task<ProcessorBalanceGetResponse> WithoutTelemetry()
    {
        var request = Clients.PlaidRequest();
        ValidateRequest(_ok.Plaid, request, Operation);
        return SendAsync<ProcessorBalanceGetRequest, ProcessorBalanceGetResponse>(
            _ok.Plaid, HttpMethod.Post, "processor/balance/get", request, CancellationToken.None);
    }

    [Benchmark]
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

    // The generated method's two steps without PlaidClient.CallAsync; a rename in the client fails the baseline at run time.
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "ValidateRequest")]
    private static extern void ValidateRequest<TRequest>(PlaidClient client, TRequest request, string operation)
        where TRequest : class;

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "SendAsync")]
    private static extern Task<TResponse> SendAsync<TRequest, TResponse>(
        PlaidClient client, HttpMethod method, string path, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class;
}
