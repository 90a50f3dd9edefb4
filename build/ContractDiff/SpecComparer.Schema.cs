using Microsoft.OpenApi;

namespace ContractDiff;

public sealed partial class SpecComparer
{
    /// <summary>Two resolved schemas at the same place of a request or a response, compared member by member.</summary>
    private sealed class SchemaComparison(SpecComparer owner, string location, Side side)
    {
        private const int MaxDepth = 64;

        private bool IsRequest => side == Side.Request;

        // oldRequired/newRequired: whether the member must be present on each side (a body or an array item always is).
        public void Compare(string path, IOpenApiSchema oldSchema, IOpenApiSchema newSchema, int depth = 0, bool oldRequired = true, bool newRequired = true)
        {
            var oldView = SchemaView.Of(oldSchema);
            var newView = SchemaView.Of(newSchema);
            var pair = (oldView.Identity, newView.Identity);
            if (depth > MaxDepth || !owner._schemasInProgress.Add(pair))
            {
                return; // recursive schema: this pair is already being compared further up
            }

            try
            {
                CompareViews(path, oldView, newView, depth, oldRequired, newRequired);
            }
            finally
            {
                owner._schemasInProgress.Remove(pair);
            }
        }

        private void Add(DifferenceKind kind, string path, string message) =>
            owner.Add(kind, path.Length == 0 ? location : $"{location}: {path}", message);

        private void CompareViews(string path, SchemaView oldView, SchemaView newView, int depth, bool oldRequired, bool newRequired)
        {
            var subject = path.Length == 0 ? "the body" : path;
            var typeChanged = IsRequest ? DifferenceKind.RequestTypeChanged : DifferenceKind.ResponseTypeChanged;
            if (oldView.Type != newView.Type)
            {
                Add(typeChanged, path, $"{subject}: type {oldView.TypeName} became {newView.TypeName}");
                return;
            }

            var oldType = owner._types.Of(oldView);
            var newType = owner._types.Of(newView);
            if (!string.Equals(oldView.Format, newView.Format, StringComparison.Ordinal))
            {
                var change = $"{subject}: format {oldView.Format ?? "(none)"} became {newView.Format ?? "(none)"}";
                if (oldType != newType)
                {
                    Add(typeChanged, path, $"{change}; the generated {oldType} becomes {newType}");
                }
                else if (oldView.Type == JsonSchemaType.String && (IsRequest
                    ? StringFormats.RequestProblem(oldType, oldView.Format, newView.Format)
                    : StringFormats.ResponseProblem(oldType, oldView.Format, newView.Format)) is { } problem)
                {
                    Add(IsRequest ? DifferenceKind.RequestFormatNarrowed : DifferenceKind.ResponseFormatUnreadable, path, $"{change}; {problem}");
                }
                else
                {
                    var text = oldView.Type != JsonSchemaType.String ? "" : IsRequest ? ", and the text it sends stays valid" : ", and it reads every value";
                    Add(DifferenceKind.FormatChanged, path, $"{change}; the generated {oldType} stays{text}");
                }
            }
            else if (oldType != newType)
            {
                Add(typeChanged, path, $"{subject}: the generated {oldType} becomes {newType}");
            }

            CompareNullability(path, subject, oldView, newView, oldRequired);
            if (oldType == newType)
            {
                CompareGeneratedNullability(path, subject, oldView, newView, oldRequired, newRequired);
            }

            CompareEnum(path, subject, oldView.Enum, newView.Enum, sameType: oldType == newType);
            CompareConstraints(path, subject, oldView, newView);
            CompareProperties(path, oldView, newView, depth);
            CompareVariants(path, subject, "oneOf", oldView.OneOf, newView.OneOf, depth);
            CompareVariants(path, subject, "anyOf", oldView.AnyOf, newView.AnyOf, depth);

            if (oldView.Items is { } oldItems && newView.Items is { } newItems)
            {
                Compare($"{path}[]", oldItems, newItems, depth + 1);
            }

            if (oldView.AdditionalProperties is { } oldValues && newView.AdditionalProperties is { } newValues)
            {
                Compare($"{path}{{}}", oldValues, newValues, depth + 1);
            }
        }

        private void CompareNullability(string path, string subject, SchemaView oldView, SchemaView newView, bool oldRequired)
        {
            if (!oldView.Nullable && newView.Nullable)
            {
                // An optional member could already be absent, which the client reads as null; generated as T? when
                // optional properties are nullable, its type does not change either.
                var wasNullableInCSharp = !oldRequired && owner._types.OptionalPropertiesAsNullable;
                var kind = IsRequest ? DifferenceKind.RequestWidened
                    : wasNullableInCSharp ? DifferenceKind.ResponseOptionalPropertyMadeNullable : DifferenceKind.ResponsePropertyMadeNullable;
                Add(kind, path, $"{subject} became nullable");
            }
            else if (oldView.Nullable && !newView.Nullable)
            {
                Add(IsRequest ? DifferenceKind.RequestNarrowed : DifferenceKind.ResponsePropertyMadeNonNullable, path, $"{subject} is no longer nullable");
            }
        }

        /// <summary>A value-type property losing its <c>?</c> (made required, or no longer nullable) no longer compiles where callers test for null.</summary>
        private void CompareGeneratedNullability(string path, string subject, SchemaView oldView, SchemaView newView, bool oldRequired, bool newRequired)
        {
            var oldSpelling = owner._types.Spell(oldView, oldRequired);
            var newSpelling = owner._types.Spell(newView, newRequired);
            if (oldSpelling.EndsWith('?') && !newSpelling.EndsWith('?'))
            {
                Add(IsRequest ? DifferenceKind.RequestTypeChanged : DifferenceKind.ResponseTypeChanged, path,
                    $"{subject}: the generated {oldSpelling} becomes {newSpelling}");
            }
        }

        private void CompareEnum(string path, string subject, SortedSet<string>? oldValues, SortedSet<string>? newValues, bool sameType)
        {
            switch (oldValues, newValues)
            {
                case (null, null):
                    return;
                case (null, _) or (_, null) when !sameType:
                    return; // a string became an enum struct or the reverse: already reported as a change of the generated type
                case (null, _):
                    Add(IsRequest ? DifferenceKind.RequestNarrowed : DifferenceKind.ResponseConstraintChanged, path,
                        $"{subject} is now limited to {string.Join(", ", newValues)}");
                    return;
                case (_, null):
                    Add(IsRequest ? DifferenceKind.RequestWidened : DifferenceKind.ResponseConstraintChanged, path,
                        $"{subject} is no longer limited to an enum");
                    return;
            }

            foreach (var value in oldValues.Except(newValues))
            {
                Add(IsRequest ? DifferenceKind.RequestNarrowed : DifferenceKind.ResponseEnumValueRemoved, path,
                    $"{subject}: enum value {value} was removed");
            }

            foreach (var value in newValues.Except(oldValues))
            {
                Add(IsRequest ? DifferenceKind.RequestWidened : DifferenceKind.ResponseEnumValueAdded, path,
                    $"{subject}: enum value {value} was added");
            }
        }

        private void CompareConstraints(string path, string subject, SchemaView oldView, SchemaView newView)
        {
            CompareBound(path, subject, "maxLength", oldView.MaxLength, newView.MaxLength, upper: true);
            CompareBound(path, subject, "minLength", oldView.MinLength, newView.MinLength, upper: false);
            CompareBound(path, subject, "maximum", oldView.Maximum, newView.Maximum, upper: true);
            CompareBound(path, subject, "minimum", oldView.Minimum, newView.Minimum, upper: false);
            CompareBound(path, subject, "maxItems", oldView.MaxItems, newView.MaxItems, upper: true);
            CompareBound(path, subject, "minItems", oldView.MinItems, newView.MinItems, upper: false);

            if (!string.Equals(oldView.Pattern, newView.Pattern, StringComparison.Ordinal))
            {
                var widened = newView.Pattern is null;
                Report(path, widened, $"{subject}: pattern {oldView.Pattern ?? "(none)"} became {newView.Pattern ?? "(none)"}");
            }

            if (oldView.AdditionalPropertiesAllowed != newView.AdditionalPropertiesAllowed)
            {
                Report(path, widened: newView.AdditionalPropertiesAllowed,
                    $"{subject}: additionalProperties {(newView.AdditionalPropertiesAllowed ? "became allowed" : "is no longer allowed")}");
            }
        }

        private void CompareBound<T>(string path, string subject, string keyword, T? oldBound, T? newBound, bool upper)
            where T : struct, IComparable<T>
        {
            if (Nullable.Equals(oldBound, newBound))
            {
                return;
            }

            // A bound removed widens; a bound added narrows; otherwise it depends on the direction it moved.
            var widened = newBound is null
                || (oldBound is { } oldValue && (upper ? newBound.Value.CompareTo(oldValue) > 0 : newBound.Value.CompareTo(oldValue) < 0));
            Report(path, widened, $"{subject}: {keyword} {Show(oldBound)} became {Show(newBound)}");
        }

        private static string Show<T>(T? value)
            where T : struct => value?.ToString() ?? "(none)";

        private void Report(string path, bool widened, string message) =>
            Add(IsRequest ? (widened ? DifferenceKind.RequestWidened : DifferenceKind.RequestNarrowed) : DifferenceKind.ResponseConstraintChanged,
                path, message);

        private void CompareProperties(string path, SchemaView oldView, SchemaView newView, int depth)
        {
            foreach (var (name, oldProperty) in oldView.Properties.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                var propertyPath = path.Length == 0 ? name : $"{path}.{name}";
                if (!newView.Properties.TryGetValue(name, out var newProperty))
                {
                    Add(IsRequest ? DifferenceKind.RequestPropertyRemoved : DifferenceKind.ResponsePropertyRemoved, propertyPath,
                        $"property {propertyPath} was removed");
                    continue;
                }

                var wasRequired = oldView.Required.Contains(name);
                var isRequired = newView.Required.Contains(name);
                if (!wasRequired && isRequired)
                {
                    Add(IsRequest ? DifferenceKind.RequestPropertyMadeRequired : DifferenceKind.ResponsePropertyMadeRequired, propertyPath,
                        $"property {propertyPath} became required");
                }
                else if (wasRequired && !isRequired)
                {
                    Add(IsRequest ? DifferenceKind.RequestPropertyMadeOptional : DifferenceKind.ResponsePropertyMadeOptional, propertyPath,
                        $"property {propertyPath} became optional");
                }

                Compare(propertyPath, oldProperty, newProperty, depth + 1, wasRequired, isRequired);
            }

            foreach (var name in newView.Properties.Keys.Where(name => !oldView.Properties.ContainsKey(name)).Order(StringComparer.Ordinal))
            {
                var propertyPath = path.Length == 0 ? name : $"{path}.{name}";
                var required = newView.Required.Contains(name);
                var kind = !IsRequest ? DifferenceKind.ResponsePropertyAdded
                    : required ? DifferenceKind.RequestPropertyAddedRequired : DifferenceKind.RequestPropertyAddedOptional;
                Add(kind, propertyPath, $"{(required ? "required" : "optional")} property {propertyPath} was added");
            }
        }

        private void CompareVariants(string path, string subject, string keyword, IList<IOpenApiSchema> oldVariants, IList<IOpenApiSchema> newVariants, int depth)
        {
            if (oldVariants.Count != newVariants.Count)
            {
                Add(IsRequest ? DifferenceKind.RequestTypeChanged : DifferenceKind.ResponseTypeChanged, path,
                    $"{subject}: {keyword} had {oldVariants.Count} alternatives and now has {newVariants.Count}");
                return;
            }

            for (var i = 0; i < oldVariants.Count; i++)
            {
                Compare($"{path}({keyword}[{i}])", oldVariants[i], newVariants[i], depth + 1);
            }
        }
    }
}
