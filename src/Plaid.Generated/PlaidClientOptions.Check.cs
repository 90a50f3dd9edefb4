namespace Plaid.Generated;

public sealed partial class PlaidClientOptions
{
    private static readonly TimeSpan MinTotalTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    /// <summary>
    /// The one check of these options, behind the client's constructors (which throw the first problem) and the DI
    /// package's startup validation (which reports them all). Credentials may be absent: a request can carry its own.
    /// </summary>
    /// <param name="settingPrefix">What each setting's name starts with: <c>"PlaidClientOptions."</c>, or a configuration section's <c>"Plaid:"</c>.</param>
    /// <param name="separator">Between a section and its setting: <c>'.'</c> in code, <c>':'</c> in configuration (<c>Plaid:Resilience:TotalTimeout</c>).</param>
    /// <returns>Each problem as the setting's name and what is wrong with it; empty when the options are valid. Never a credential's value.</returns>
    public IReadOnlyList<string> Check(string settingPrefix = "PlaidClientOptions.", char separator = '.')
    {
        ArgumentNullException.ThrowIfNull(settingPrefix);
        var problems = new List<string>();
        void Add(string setting, string problem) => problems.Add($"{settingPrefix}{setting.Replace('.', separator)} {problem}");

        CheckCredential(ClientId, nameof(ClientId), Add);
        CheckCredential(Secret, nameof(Secret), Add);
        if (Environment is not (PlaidEnvironment.Sandbox or PlaidEnvironment.Production))
        {
            Add(nameof(Environment), "must be Sandbox or Production.");
        }

        if (BaseUri is { } baseUri && CheckBaseUri(baseUri) is { } baseUriProblem)
        {
            Add(nameof(BaseUri), baseUriProblem);
        }

        if (string.IsNullOrWhiteSpace(PlaidVersion))
        {
            Add(nameof(PlaidVersion), "must not be empty.");
        }
        else
        {
            CheckHeaderValue(PlaidVersion, nameof(PlaidVersion), Add);
        }

        if (MaxResponseBytes <= 0)
        {
            Add(nameof(MaxResponseBytes), "must be positive.");
        }

        if (TimeProvider is null)
        {
            Add(nameof(TimeProvider), "must not be null.");
        }

        if (Resilience.MaxRetryAttempts < 0)
        {
            Add("Resilience.MaxRetryAttempts", "must not be negative.");
        }

        if (Resilience.BaseDelay < TimeSpan.Zero || Resilience.BaseDelay > MaxDuration)
        {
            Add("Resilience.BaseDelay", "must be between 0 and 1 day.");
        }

        if (Resilience.TotalTimeout < MinTotalTimeout || Resilience.TotalTimeout > MaxDuration)
        {
            Add("Resilience.TotalTimeout", "must be between 10 ms and 1 day.");
        }

        foreach (var problem in RateLimits.Check())
        {
            var space = problem.IndexOf(' ');
            Add(problem[..space], problem[(space + 1)..]);
        }

        return problems;
    }

    private static void CheckCredential(string? value, string setting, Action<string, string> add)
    {
        CheckHeaderValue(value, setting, add);
        if (CredentialRedactor.TooShort(value) is { } problem)
        {
            add(setting, problem);
        }
    }

    // A control character (C0, DEL or C1, as char.IsControl) in a header value: a line break would let one header
    // smuggle another. The value itself is never echoed.
    private static void CheckHeaderValue(string? value, string setting, Action<string, string> add)
    {
        if (value is not null && (value.AsSpan().ContainsAnyInRange('\0', '\u001f') || value.AsSpan().ContainsAnyInRange('\u007f', '\u009f')))
        {
            add(setting, "contains a control character.");
        }
    }
}
