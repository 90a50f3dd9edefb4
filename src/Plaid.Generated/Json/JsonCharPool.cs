using System.Buffers;
using Newtonsoft.Json;

namespace Plaid.Generated;

/// <summary>Lets the request's <c>JsonTextWriter</c> rent its character buffers instead of allocating them per call.</summary>
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
