using System.Text;

namespace Plaid.Generated;

/// <summary>The byte order marks <see cref="StreamReader"/> recognises; a mark wins over the declared charset, as there.</summary>
internal static class ByteOrderMark
{
    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    public static Encoding? Detect(ReadOnlySpan<byte> bytes, out int length)
    {
        (var encoding, length) = bytes switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (Utf32BigEndian, 4),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }
}
