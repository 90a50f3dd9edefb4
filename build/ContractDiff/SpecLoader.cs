using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ContractDiff;

/// <summary>A spec that cannot be compared: missing, unreadable, not YAML/JSON, or not a valid OpenAPI 3 document.</summary>
public sealed class SpecLoadException(string path, string problem) : Exception($"cannot read {path}: {problem}")
{
    public string Path { get; } = path;
}

/// <summary>Reads an OpenAPI 3.x document (YAML or JSON) from a local file, without following external references.</summary>
public static class SpecLoader
{
    private const int MaxErrorsShown = 5;

    public static async Task<OpenApiDocument> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SpecLoadException(path, exception.Message);
        }

        return await LoadAsync(path, bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a document already in memory; <paramref name="path"/> names it in messages.</summary>
    public static async Task<OpenApiDocument> LoadAsync(string path, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (bytes.Length == 0)
        {
            throw new SpecLoadException(path, "the file is empty");
        }

        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();

        ReadResult result;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            result = await OpenApiDocument.LoadAsync(stream, "yaml", settings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new SpecLoadException(path, $"not a readable YAML or JSON document ({exception.Message})");
        }

        if (result.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            var shown = string.Join("; ", errors.Take(MaxErrorsShown).Select(error => error.ToString()));
            var more = errors.Count > MaxErrorsShown ? $" (and {errors.Count - MaxErrorsShown} more)" : "";
            throw new SpecLoadException(path, $"invalid OpenAPI: {shown}{more}");
        }

        if (result.Document is null || result.Diagnostic?.SpecificationVersion is not (OpenApiSpecVersion.OpenApi3_0 or OpenApiSpecVersion.OpenApi3_1))
        {
            throw new SpecLoadException(path, "not an OpenAPI 3.x document");
        }

        SchemaLimits.Check(path, result.Document);
        return result.Document;
    }
}
