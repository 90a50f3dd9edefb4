using Plaid.Generated.Conformance;

// Usage: Plaid.Generated.Conformance SPEC MOCK_URL CALLS PROXY_URL FAKE_PORT
// build/conformance.sh starts Prism (mock and proxy) and passes their loopback addresses.
if (args.Length != 5 || !int.TryParse(args[2], out var calls) || !int.TryParse(args[4], out var fakePort))
{
    Console.Error.WriteLine("usage: Plaid.Generated.Conformance SPEC MOCK_URL CALLS PROXY_URL FAKE_PORT");
    return 2;
}

var check = await AnswerCheck.LoadAsync(args[0]);
var seed = Environment.TickCount & int.MaxValue;
Console.WriteLine($"  seed {seed} (Prism's own answers are random too)");
var client = await MockRun.RunAsync(new Uri(args[1]), check, calls, seed);
var fake = await FakeRun.RunAsync(new Uri(args[3]), fakePort, check);
client.Print(Console.Out);
fake.Print(Console.Out);
return client.Calls > 0 && client.Right == client.Calls && fake.Calls > 0 && fake.Right == fake.Calls ? 0 : 1;
