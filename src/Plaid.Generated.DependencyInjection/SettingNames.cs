namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// How validation messages name a setting: by its configuration key (<c>Plaid:ClientId</c>,
/// <c>Plaid:Resilience:TotalTimeout</c>) when the options came from configuration, else by its property
/// (<c>PlaidClientOptions.ClientId</c>, <c>PlaidClientOptions.Resilience.TotalTimeout</c>).
/// </summary>
internal sealed record SettingNames(string Prefix, char Separator)
{
    /// <param name="sectionPath">Null or empty for the configuration root.</param>
    public static SettingNames ForSection(string? sectionPath) => new(string.IsNullOrEmpty(sectionPath) ? "" : sectionPath + ":", ':');

    public static SettingNames InCode { get; } = new(nameof(PlaidClientOptions) + ".", '.');

    public string Of(string property) => Prefix + property;
}
