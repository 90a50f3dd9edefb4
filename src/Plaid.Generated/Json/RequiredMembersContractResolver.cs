using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Plaid.Generated;

/// <summary>
/// Enforces the spec's required members as <see cref="Required"/> does, without its cost: for
/// every object with a required member Newtonsoft.Json builds a dictionary of all its properties
/// per deserialized object (about 1.2 KB per response here). Instead, presence is one bit per
/// required member in a per-thread stack of frames, one frame per object being read; the null
/// checks move into the property's value provider. Converters, exact names and case twins come from
/// <see cref="PlaidContractResolver"/>.
/// </summary>
internal sealed class RequiredMembersContractResolver : PlaidContractResolver
{
    // One bit per required member in a ulong; frames beyond MaxDepth never happen, Newtonsoft fails first.
    private const int MaxRequiredMembers = 64;

    // Safe across awaits by construction: the frames are pushed and popped by Newtonsoft's callbacks
    // inside one JsonSerializer.Deserialize call (PlaidJson.Deserialize), which is synchronous over a
    // body already in memory, so no await can run between BeginDocument and the last PopFrame, and no
    // other document can use this thread's stack meanwhile. A read that throws leaves frames behind;
    // the next BeginDocument drops them.
    [ThreadStatic]
    private static ulong[]? t_frames;

    [ThreadStatic]
    private static int t_depth;

    public static void BeginDocument() => t_depth = 0;

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        var mustBePresent = new List<JsonProperty>();
        foreach (var property in contract.Properties)
        {
            var required = property.Required;
            var tracked = required is Required.Always or Required.AllowNull;
            if (property.Ignored || required == Required.Default || (tracked && mustBePresent.Count == MaxRequiredMembers))
            {
                continue; // beyond 64 tracked members, Newtonsoft's own check stays in place
            }

            property.Required = Required.Default;
            if (required is Required.Always or Required.DisallowNull && CanBeNull(property.PropertyType)
                && property.ValueProvider is { } valueProvider)
            {
                property.ValueProvider = new NonNullValueProvider(valueProvider, property.PropertyName!);
            }

            if (tracked)
            {
                var bit = 1UL << mustBePresent.Count;
                property.ShouldDeserialize = _ => MarkPresent(bit);
                mustBePresent.Add(property);
            }
        }

        if (mustBePresent.Count > 0)
        {
            var names = mustBePresent.Select(p => p.PropertyName!).ToArray();
            var all = mustBePresent.Count == MaxRequiredMembers ? ulong.MaxValue : (1UL << mustBePresent.Count) - 1;
            contract.OnDeserializingCallbacks.Add(static (_, _) => PushFrame());
            contract.OnDeserializedCallbacks.Add((_, _) => PopFrame(all, names, objectType));
        }

        return contract;
    }

    // Non-nullable value types cannot take a JSON null: Newtonsoft.Json or the type's converter already refuses it.
    private static bool CanBeNull(Type? type) => type is null || !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static void PushFrame()
    {
        var frames = t_frames ??= new ulong[PlaidJson.MaxDepth + 1];
        if (t_depth == frames.Length)
        {
            throw new JsonSerializationException($"The JSON is nested deeper than {PlaidJson.MaxDepth} objects.");
        }

        frames[t_depth++] = 0;
    }

    private static bool MarkPresent(ulong bit)
    {
        if (t_depth > 0)
        {
            t_frames![t_depth - 1] |= bit;
        }

        return true;
    }

    private static void PopFrame(ulong all, string[] names, Type objectType)
    {
        var seen = t_depth > 0 ? t_frames![--t_depth] : 0;
        var missing = all & ~seen;
        if (missing != 0)
        {
            var first = 0; // the lowest missing bit (BitOperations is not public in netstandard2.0; this is the error path)
            while ((missing & (1UL << first)) == 0)
            {
                first++;
            }

            var name = names[first];
            throw new JsonSerializationException($"Required property '{name}' not found in JSON ({objectType.Name}).");
        }
    }

    private sealed class NonNullValueProvider(IValueProvider inner, string name) : IValueProvider
    {
        public object? GetValue(object target) => inner.GetValue(target);

        public void SetValue(object target, object? value) =>
            inner.SetValue(target, value ?? throw new JsonSerializationException($"Required property '{name}' expects a non-null value."));
    }
}
