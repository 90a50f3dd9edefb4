using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Plaid.Generated.Tests;

/// <summary>The README's three lines, as a service would write them, export a call's span and duration.</summary>
public class OpenTelemetryWiringTests
{
    [Test]
    public async Task AddSource_and_AddMeter_export_the_call()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var services = new ServiceCollection();
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource("Plaid.Generated").AddInMemoryExporter(spans))
            .WithMetrics(metering => metering.AddMeter("Plaid.Generated").AddInMemoryExporter(metrics));
        using var provider = services.BuildServiceProvider();
        var tracerProvider = provider.GetRequiredService<TracerProvider>();
        var meterProvider = provider.GetRequiredService<MeterProvider>();

        await new TestClient().RespondsWithSpecExample().GetAsync();

        tracerProvider.ForceFlush();
        meterProvider.ForceFlush();

        var span = spans.Single(activity => activity.Source.Name == "Plaid.Generated");
        Assert.That(span.DisplayName, Is.EqualTo("POST /processor/balance/get"));
        Assert.That(span.GetTagItem("plaid.request_id"), Is.EqualTo("1zlMf"));

        var duration = metrics.Single(metric => metric.Name == "plaid.client.operation.duration");
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in duration.GetMetricPoints())
        {
            points.Add(point);
        }

        Assert.That(duration.Unit, Is.EqualTo("s"));
        Assert.That(points.Sum(point => point.GetHistogramCount()), Is.EqualTo(1));
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in points.Single().Tags)
        {
            tags.Add(tag);
        }

        Assert.That(tags, Is.EqualTo(new[] { new KeyValuePair<string, object?>("plaid.operation", "POST /processor/balance/get") }));
    }
}
