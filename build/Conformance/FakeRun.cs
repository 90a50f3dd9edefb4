using System.Text.Json;
using Plaid.Generated.Testing;

namespace Plaid.Generated.Conformance;

/// <summary>
/// FakePlaidHandler's scenarios (the default account, every documented error, the Capital One rule, a rate
/// limit, an unknown subtype, Sandbox token creation and its institution error) served on loopback and called through <c>prism proxy</c> of Plaid's spec, which
/// validates the requests and the fake's answers. The one violation allowed is the subtype of
/// <see cref="FakeAccount.UnknownSubtype"/>, outside the spec's enum on purpose.
/// </summary>
internal static class FakeRun
{
    private const string CapitalOneToken = "processor-sandbox-capital-one";
    private const string UnknownSubtypeToken = "processor-sandbox-unknown-subtype";

    // The card's balance date, set so that the bounds below are fixed (the built-in card is dated at each request).
    private static readonly DateTimeOffset BalanceTime = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private sealed record Scenario(string Name, string Token, DateTimeOffset? MinLastUpdated = null, int ExpectedStatus = 200, string? ExpectedCode = null);

    public static async Task<Tally> RunAsync(Uri proxy, int fakePort, AnswerCheck check)
    {
        var fake = new FakePlaidHandler { ClientId = Calls.ClientId, Secret = Calls.Secret }
            .Serve(CapitalOneToken, FakeAccount.CapitalOneCreditCard with { LastUpdatedDatetime = BalanceTime })
            .Serve(UnknownSubtypeToken, FakeAccount.UnknownSubtype);
        await using var server = await FakeServer.StartAsync(fake, fakePort).ConfigureAwait(false);
        var client = Calls.Client(proxy);
        var tally = new Tally("fake conformance");
        foreach (var scenario in Scenarios(BalanceTime))
        {
            if (scenario.Name == "rate limit")
            {
                fake.RateLimitNext(1, TimeSpan.FromSeconds(2));
            }

            var exchange = new Exchange();
            var (response, failure) = await Calls.SendAsync(client, exchange, scenario.Token, scenario.MinLastUpdated).ConfigureAwait(false);
            var code = (failure as PlaidApiException)?.ErrorCode;
            var problem = UnallowedViolations(exchange.Violations, scenario.Token)
                ?? (exchange.Status != scenario.ExpectedStatus ? $"HTTP {exchange.Status}, expected {scenario.ExpectedStatus}" : null)
                ?? (code != scenario.ExpectedCode ? $"error code {code ?? "(none)"}, expected {scenario.ExpectedCode ?? "(none)"}" : null)
                ?? check.Problem(exchange, response, failure);
            tally.Add(scenario.Name, exchange.Status, problem);
        }

        await SandboxTokenScenariosAsync(client, tally).ConfigureAwait(false);
        return tally;
    }

    /// <summary>A token created through the proxy, then its balance; and an institution id Plaid refuses.</summary>
    private static async Task SandboxTokenScenariosAsync(PlaidClient client, Tally tally)
    {
        var created = new Exchange();
        RecordingHandler.Record(created);
        var token = (await client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "ins_109508" })
            .ConfigureAwait(false)).ProcessorToken;
        tally.Add("sandbox token created", created.Status, UnallowedViolations(created.Violations, token));

        var balance = new Exchange();
        var (_, failure) = await Calls.SendAsync(client, balance, token, minLastUpdated: null).ConfigureAwait(false);
        tally.Add("balance of the created token", balance.Status,
            UnallowedViolations(balance.Violations, token) ?? (failure is null ? null : $"failed: {failure.Message}"));

        var refused = new Exchange();
        RecordingHandler.Record(refused);
        string? code = null;
        try
        {
            await client.SandboxProcessorTokenCreateAsync(new SandboxProcessorTokenCreateRequest { InstitutionId = "first-platypus" }).ConfigureAwait(false);
        }
        catch (PlaidApiException exception)
        {
            code = exception.ErrorCode;
        }

        tally.Add("sandbox token for a malformed institution", refused.Status,
            UnallowedViolations(refused.Violations, "") ?? (code == "INVALID_INSTITUTION" ? null : $"error code {code ?? "(none)"}, expected INVALID_INSTITUTION"));
    }

    private static IEnumerable<Scenario> Scenarios(DateTimeOffset balanceTime)
    {
        yield return new("default account", "processor-sandbox-0asd1-a92nc");
        yield return new("default account with options", "processor-production-0asd1-a92nc", balanceTime.AddHours(-1));
        yield return new("Capital One without options", CapitalOneToken, ExpectedStatus: 400, ExpectedCode: PlaidErrorCodes.InvalidField);
        yield return new("Capital One with an older bound", CapitalOneToken, balanceTime.AddMinutes(-5));
        yield return new("Capital One with a later bound", CapitalOneToken, balanceTime.AddMinutes(5), 400, PlaidErrorCodes.LastUpdatedDatetimeOutOfRange);
        yield return new("unknown subtype", UnknownSubtypeToken);
        yield return new("rate limit", "processor-sandbox-0asd1-a92nc", ExpectedStatus: 429, ExpectedCode: PlaidErrorCodes.RateLimit);
        foreach (var (code, status) in DocumentedErrorTable())
        {
            yield return new($"documented error {code}", $"processor-sandbox-error-{code}", ExpectedStatus: status, ExpectedCode: code);
        }
    }

    /// <summary>The fake's table of documented errors, as it ships in Plaid.Generated.Testing.</summary>
    private static IEnumerable<(string Code, int Status)> DocumentedErrorTable()
    {
        using var table = typeof(FakePlaidHandler).Assembly.GetManifestResourceStream("Plaid.Generated.Testing.documented-errors.json")
            ?? throw new InvalidOperationException("documented-errors.json is not embedded in Plaid.Generated.Testing");
        using var rows = JsonDocument.Parse(table);
        return [.. rows.RootElement.EnumerateArray().Select(row => (row.GetProperty("error_code").GetString()!, row.GetProperty("status").GetInt32()))];
    }

    private static string? UnallowedViolations(string? header, string token)
    {
        if (header is null)
        {
            return null;
        }

        using var violations = JsonDocument.Parse(header);
        var unallowed = violations.RootElement.EnumerateArray()
            .Where(violation => !(token == UnknownSubtypeToken && IsSubtypeEnumViolation(violation)))
            .Select(violation => violation.GetRawText())
            .ToList();
        return unallowed.Count == 0 ? null : $"Prism found violations: {string.Join("; ", unallowed)}";
    }

    private static bool IsSubtypeEnumViolation(JsonElement violation) =>
        violation.TryGetProperty("location", out var location)
        && string.Join(".", location.EnumerateArray().Select(part => part.ToString())) == "response.body.account.subtype"
        && violation.TryGetProperty("code", out var code) && code.ToString() == "enum";
}
