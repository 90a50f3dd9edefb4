using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Plaid.Generated;

/// <summary>
/// The .NET APIs the libraries call that netstandard2.0 lacks, compiled into that build only (src/Directory.Build.targets),
/// so the code reads the same on every target and the .NET 8 and .NET 10 builds call the runtime's own. Each does what the API
/// it stands in for does, for the arguments the client passes; the netstandard2.0 test run (README, "Supported
/// frameworks") runs the whole suite through them. Language features (records, init, Index/Range, nullable attributes)
/// come from the PolySharp package instead.
/// </summary>
internal static class NetStandardApis
{
    extension(ArgumentNullException)
    {
        public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(paramName);
            }
        }
    }

    extension(ArgumentException)
    {
        public static void ThrowIfNullOrEmpty([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            ArgumentNullException.ThrowIfNull(argument, paramName);
            if (argument.Length == 0)
            {
                throw new ArgumentException("The value cannot be an empty string.", paramName);
            }
        }
    }

    extension(ArgumentOutOfRangeException)
    {
        public static void ThrowIfNegative(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{value}') must be a non-negative value.");
            }
        }

        public static void ThrowIfLessThan<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
            where T : IComparable<T>
        {
            if (value.CompareTo(other) < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{value}') must be greater than or equal to '{other}'.");
            }
        }
    }

    extension<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> dictionary)
    {
        public TValue GetValueOrDefault(TKey key, TValue defaultValue) => dictionary.TryGetValue(key, out var value) ? value : defaultValue;
    }

    extension(Stopwatch)
    {
        public static TimeSpan GetElapsedTime(long startingTimestamp) =>
            new((long)((Stopwatch.GetTimestamp() - startingTimestamp) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
    }

    extension(char)
    {
        public static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
    }

    extension(ushort)
    {
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out ushort result) =>
            ushort.TryParse(s.ToString(), style, provider, out result);
    }

    extension(string text)
    {
        public bool Contains(char value) => text.IndexOf(value) >= 0;

        public bool Contains(string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

        public bool EndsWith(char value) => text.Length > 0 && text[text.Length - 1] == value;

        // string.Replace(string, string) is ordinal, the one comparison the client asks for.
        public string Replace(string oldValue, string? newValue, StringComparison comparison) => comparison == StringComparison.Ordinal
            ? text.Replace(oldValue, newValue)
            : throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Only an ordinal replacement is available here.");
    }

    extension(ReadOnlySpan<char> span)
    {
        public bool ContainsAnyInRange(char lowInclusive, char highInclusive)
        {
            foreach (var c in span)
            {
                if (c >= lowInclusive && c <= highInclusive)
                {
                    return true;
                }
            }

            return false;
        }
    }

    extension(Encoding encoding)
    {
        public unsafe string GetString(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return string.Empty;
            }

            fixed (byte* start = bytes)
            {
                return encoding.GetString(start, bytes.Length);
            }
        }

        public unsafe int GetByteCount(ReadOnlySpan<char> chars)
        {
            if (chars.IsEmpty)
            {
                return 0;
            }

            fixed (char* start = chars)
            {
                return encoding.GetByteCount(start, chars.Length);
            }
        }

        public unsafe int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
        {
            if (chars.IsEmpty)
            {
                return 0;
            }

            fixed (char* source = chars)
            fixed (byte* destination = bytes)
            {
                return encoding.GetBytes(source, chars.Length, destination, bytes.Length);
            }
        }
    }

    extension(HttpContent content)
    {
        // The request's token is checked first; the stream itself is then read with it (Stream.ReadAsync below).
        public Task<Stream> ReadAsStreamAsync(CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<Stream>(cancellationToken)
            : content.ReadAsStreamAsync();

        public Task<string> ReadAsStringAsync(CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<string>(cancellationToken)
            : content.ReadAsStringAsync();
    }

    extension(Stream stream)
    {
        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
            MemoryMarshal.TryGetArray<byte>(buffer, out var array)
                ? new ValueTask<int>(stream.ReadAsync(array.Array!, array.Offset, array.Count, cancellationToken))
                : throw new ArgumentException("The client reads only into arrays.", nameof(buffer));
    }

    extension(TaskCanceledException)
    {
        /// <summary>
        /// The exception HttpClient gives a timeout, carrying <paramref name="token"/>: .NET 5+ has the constructor that takes
        /// it (found at run time, where this build runs there); .NET Framework has none, so there its CancellationToken is empty.
        /// </summary>
        public static TaskCanceledException Create(string message, Exception innerException, CancellationToken token) =>
            WithToken?.Invoke([message, innerException, token]) as TaskCanceledException ?? new TaskCanceledException(message, innerException);
    }

    private static readonly System.Reflection.ConstructorInfo? WithToken =
        typeof(TaskCanceledException).GetConstructor([typeof(string), typeof(Exception), typeof(CancellationToken)]);
}
