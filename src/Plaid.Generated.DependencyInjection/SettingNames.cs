namespace Plaid.Generated.DependencyInjection;

/// <summary>
/// How validation messages name a setting: by its configuration key (<c>Plaid:ClientId</c>) when
/// the options came from configuration, else by its property (<c>PlaidClientOptions.ClientId</c>).
/// </summary>
internal sealed class SettingNames
{
    private readonly string _prefix;

    private SettingNames(string prefix) => _prefix = prefix;

    /// <param name="sectionPath">Null or empty for the configuration root.</param>
    public static SettingNames ForSection(string? sectionPath) => new(string.IsNullOrEmpty(sectionPath) ? "" : sectionPath + ":");

    public static SettingNames ForType(string typeName) => new(typeName + ".");

    public string Of(string property) => _prefix + property;
}
