namespace Plaid.Generated.Testing;

/// <summary>
/// An account <see cref="FakePlaidHandler"/> serves, and the institution it belongs to. Type and subtype are
/// plain strings so that a test can serve a value Plaid adds after this client was generated.
/// </summary>
/// <param name="AccountId">Plaid's <c>account_id</c>.</param>
/// <param name="Name">The account's name.</param>
/// <param name="Type">Plaid's account type, e.g. <c>depository</c> or <c>credit</c>.</param>
/// <param name="Subtype">Plaid's account subtype, e.g. <c>checking</c> or <c>credit card</c>; null is sent as null.</param>
public sealed record FakeAccount(string AccountId, string Name, string Type, string? Subtype)
{
    /// <summary>Capital One's institution id, whose non-depository accounts need <c>options.min_last_updated_datetime</c>.</summary>
    public const string CapitalOneInstitutionId = "ins_128026";

    /// <summary>The institution of the Item the account belongs to (Plaid's sandbox First Platypus Bank unless set).</summary>
    public string InstitutionId { get; init; } = "ins_109508";

    /// <summary>The last four digits of the account number.</summary>
    public string? Mask { get; init; } = "0000";

    /// <summary>The institution's name for the account.</summary>
    public string? OfficialName { get; init; }

    /// <summary><c>balances.available</c>.</summary>
    public decimal? Available { get; init; }

    /// <summary><c>balances.current</c>.</summary>
    public decimal? Current { get; init; }

    /// <summary><c>balances.limit</c>.</summary>
    public decimal? Limit { get; init; }

    /// <summary><c>balances.iso_currency_code</c>.</summary>
    public string? IsoCurrencyCode { get; init; } = "USD";

    private readonly DateTimeOffset? _lastUpdatedDatetime;

    /// <summary>
    /// <c>balances.last_updated_datetime</c>: when the institution last refreshed the balance, sent as set (null
    /// included). Setting it, with <c>with</c> too, turns <see cref="IsLastUpdatedNow"/> off. Where Plaid's Capital
    /// One rule applies (<see cref="NeedsMinLastUpdated"/>), a request whose <c>options.min_last_updated_datetime</c>
    /// is later, or an account with no date, gets <c>LAST_UPDATED_DATETIME_OUT_OF_RANGE</c>; other accounts ignore
    /// the bound, as Plaid does.
    /// </summary>
    public DateTimeOffset? LastUpdatedDatetime
    {
        get => _lastUpdatedDatetime;
        init
        {
            _lastUpdatedDatetime = value;
            IsLastUpdatedNow = false;
        }
    }

    /// <summary>
    /// Whether the balance is dated at the time of each request on <see cref="FakePlaidHandler.TimeProvider"/> (in
    /// whole seconds), so that it is always fresh: true for the built-in accounts until
    /// <see cref="LastUpdatedDatetime"/> is set; false for an account made with the constructor.
    /// </summary>
    public bool IsLastUpdatedNow { get; private init; }

    /// <summary><c>persistent_account_id</c> (Plaid sends it for some institutions only; left out when null).</summary>
    public string? PersistentAccountId { get; init; }

    /// <summary><c>holder_category</c>, e.g. <c>personal</c>.</summary>
    public string? HolderCategory { get; init; }

    /// <summary>Whether Plaid's Capital One rule applies: a non-depository account at <c>ins_128026</c>.</summary>
    public bool NeedsMinLastUpdated =>
        InstitutionId == CapitalOneInstitutionId && !string.Equals(Type, "depository", StringComparison.Ordinal);

    /// <summary>
    /// The account in the spec's example response, a personal checking account, served by default; its balance is
    /// refreshed at the time of the request. Plaid ignores <c>options.min_last_updated_datetime</c> for it.
    /// </summary>
    public static FakeAccount PlaidChecking { get; } = new("QKKzevvp33HxPWpoqn6rI13BxW4awNSjnw4xv", "Plaid Checking", "depository", "checking")
    {
        OfficialName = "Plaid Gold Checking",
        PersistentAccountId = "8cfb8beb89b774ee43b090625f0d61d0814322b43bff984eaf60386e",
        Available = 100m,
        Current = 110m,
        IsLastUpdatedNow = true,
        HolderCategory = "personal",
    };

    /// <summary>
    /// A Capital One credit card, its balance refreshed at the time of the request: a request for it without
    /// <c>options.min_last_updated_datetime</c> gets <c>INVALID_FIELD</c>, one with a bound in the future gets
    /// <c>LAST_UPDATED_DATETIME_OUT_OF_RANGE</c>.
    /// </summary>
    public static FakeAccount CapitalOneCreditCard { get; } = new("x9Lq3nB7vKp2Wd5ZcR8tYh1FjM4sGa6EoNu0", "Capital One Quicksilver", "credit", "credit card")
    {
        InstitutionId = CapitalOneInstitutionId,
        Mask = "4321",
        OfficialName = "Capital One Quicksilver Cash Rewards",
        Available = 2450.75m,
        Current = 549.25m,
        Limit = 3000m,
        IsLastUpdatedNow = true,
        HolderCategory = "personal",
    };

    /// <summary>
    /// A depository account whose subtype this client was not generated with: it must arrive as a value, not fail.
    /// Its subtype is outside the enum of Plaid's spec on purpose, the one answer of the fake that the spec does not allow.
    /// </summary>
    public static FakeAccount UnknownSubtype { get; } = PlaidChecking with { Subtype = "crypto wallet", Name = "Plaid Future Account" };
}
