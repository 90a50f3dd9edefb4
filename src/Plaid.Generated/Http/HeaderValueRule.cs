namespace Plaid.Generated;

/// <summary>
/// What a credential or version sent as a header value may not contain: a control character (C0, DEL or C1,
/// as <see cref="char.IsControl(char)"/>). A line break would let one header smuggle another. Applied by the
/// client's constructor and by the DI package's startup validation.
/// </summary>
internal static class HeaderValueRule
{
    public static bool HasControlCharacter(string value) =>
        value.AsSpan().ContainsAnyInRange('\0', '\u001f') || value.AsSpan().ContainsAnyInRange('\u007f', '\u009f');
}
