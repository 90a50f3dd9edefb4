using System.Buffers;
using Newtonsoft.Json;

namespace Plaid.Generated;

/// <summary>Lets <c>JsonTextReader</c>/<c>JsonTextWriter</c> rent their character buffers instead of allocating them per call.</summary>
internal sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Instance = new();

    private JsonCharPool()
    {
    }

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
