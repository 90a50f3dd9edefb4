using Microsoft.OpenApi;

namespace ContractDiff;

/// <summary>
/// Walks two OpenAPI documents side by side (servers, paths, operations, parameters, bodies, responses,
/// security, and every schema they reach) and lists the differences a client could notice.
/// Descriptions, summaries and examples are never compared.
/// </summary>
public sealed class SpecComparer
{
    private const string JsonMediaType = "application/json";

    private readonly OpenApiDocument _old;
    private readonly OpenApiDocument _new;
    private readonly bool _onlyPathsOfNew;
    private readonly List<Difference> _differences = [];
    private readonly HashSet<(object Old, object New)> _schemasInProgress = [];

    private SpecComparer(OpenApiDocument oldDocument, OpenApiDocument newDocument, bool onlyPathsOfNew)
    {
        _old = oldDocument;
        _new = newDocument;
        _onlyPathsOfNew = onlyPathsOfNew;
    }

    /// <summary>Everything that differs between <paramref name="oldDocument"/> and <paramref name="newDocument"/>.</summary>
    /// <param name="oldDocument">The contract clients were built against.</param>
    /// <param name="newDocument">The contract they will meet.</param>
    /// <param name="onlyPathsOfNew">
    /// Compare only the paths the new document has: for checking a fragment against the full spec it was cut from.
    /// </param>
    public static IReadOnlyList<Difference> Compare(OpenApiDocument oldDocument, OpenApiDocument newDocument, bool onlyPathsOfNew = false)
    {
        var comparer = new SpecComparer(oldDocument, newDocument, onlyPathsOfNew);
        comparer.CompareServers();
        comparer.ComparePaths();
        return comparer._differences;
    }

    private void Add(DifferenceKind kind, string location, string message) =>
        _differences.Add(new Difference(kind, location, message));

    private void CompareServers()
    {
        var oldUrls = (_old.Servers ?? []).Select(server => server.Url ?? "").ToHashSet(StringComparer.Ordinal);
        var newUrls = (_new.Servers ?? []).Select(server => server.Url ?? "").ToHashSet(StringComparer.Ordinal);
        foreach (var url in oldUrls.Except(newUrls).Order(StringComparer.Ordinal))
        {
            Add(DifferenceKind.ServerRemoved, "servers", $"server {url} was removed");
        }

        foreach (var url in newUrls.Except(oldUrls).Order(StringComparer.Ordinal))
        {
            Add(DifferenceKind.ServerAdded, "servers", $"server {url} was added");
        }
    }

    private void ComparePaths()
    {
        var oldPaths = _old.Paths ?? [];
        var newPaths = _new.Paths ?? [];
        foreach (var (path, oldItem) in oldPaths.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            if (newPaths.TryGetValue(path, out var newItem))
            {
                ComparePathItem(path, oldItem, newItem);
            }
            else if (!_onlyPathsOfNew)
            {
                Add(DifferenceKind.PathRemoved, path, $"path {path} was removed");
            }
        }

        foreach (var path in newPaths.Keys.Where(path => !oldPaths.ContainsKey(path)).Order(StringComparer.Ordinal))
        {
            Add(DifferenceKind.PathAdded, path, $"path {path} was added");
        }
    }

    private void ComparePathItem(string path, IOpenApiPathItem oldItem, IOpenApiPathItem newItem)
    {
        var oldOperations = oldItem.Operations ?? [];
        var newOperations = newItem.Operations ?? [];
        var removed = oldOperations.Keys.Where(method => !newOperations.ContainsKey(method)).OrderBy(Name).ToList();
        var added = newOperations.Keys.Where(method => !oldOperations.ContainsKey(method)).OrderBy(Name).ToList();

        var changed = Math.Min(removed.Count, added.Count);
        for (var i = 0; i < changed; i++)
        {
            Add(DifferenceKind.OperationMethodChanged, path, $"{Name(removed[i])} {path} became {Name(added[i])} {path}");
        }

        foreach (var method in removed.Skip(changed))
        {
            Add(DifferenceKind.OperationRemoved, $"{Name(method)} {path}", $"operation {Name(method)} {path} was removed");
        }

        foreach (var method in added.Skip(changed))
        {
            Add(DifferenceKind.OperationAdded, $"{Name(method)} {path}", $"operation {Name(method)} {path} was added");
        }

        foreach (var (method, oldOperation) in oldOperations.OrderBy(entry => Name(entry.Key)))
        {
            if (newOperations.TryGetValue(method, out var newOperation))
            {
                var operation = new OperationComparison(this, $"{Name(method)} {path}");
                operation.Compare(oldItem, oldOperation, newItem, newOperation);
            }
        }
    }

    private static string Name(HttpMethod method) => method.Method.ToUpperInvariant();

    /// <summary>One operation present in both documents.</summary>
    private sealed class OperationComparison(SpecComparer owner, string location)
    {
        public void Compare(IOpenApiPathItem oldItem, OpenApiOperation oldOperation, IOpenApiPathItem newItem, OpenApiOperation newOperation)
        {
            if (!string.Equals(oldOperation.OperationId, newOperation.OperationId, StringComparison.Ordinal))
            {
                owner.Add(DifferenceKind.OperationIdChanged, location,
                    $"operationId {oldOperation.OperationId ?? "(none)"} became {newOperation.OperationId ?? "(none)"}");
            }

            CompareParameters(Parameters(oldItem, oldOperation), Parameters(newItem, newOperation));
            CompareRequestBody(oldOperation.RequestBody, newOperation.RequestBody);
            CompareResponses(oldOperation.Responses ?? [], newOperation.Responses ?? []);
            CompareSecurity(
                SecurityRequirements.RequiredBy(owner._old, oldOperation),
                SecurityRequirements.RequiredBy(owner._new, newOperation));
        }

        private static Dictionary<string, IOpenApiParameter> Parameters(IOpenApiPathItem item, OpenApiOperation operation)
        {
            var parameters = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal);
            foreach (var parameter in (item.Parameters ?? []).Concat(operation.Parameters ?? []))
            {
                parameters[$"{parameter.In?.ToString().ToLowerInvariant()} {parameter.Name}"] = parameter;
            }

            return parameters;
        }

        private void CompareParameters(Dictionary<string, IOpenApiParameter> oldParameters, Dictionary<string, IOpenApiParameter> newParameters)
        {
            foreach (var (key, oldParameter) in oldParameters.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                var where = $"{location} parameter {key}";
                if (!newParameters.TryGetValue(key, out var newParameter))
                {
                    owner.Add(DifferenceKind.RequestParameterRemoved, where, $"parameter {key} was removed");
                    continue;
                }

                if (!oldParameter.Required && newParameter.Required)
                {
                    owner.Add(DifferenceKind.RequestParameterMadeRequired, where, $"parameter {key} became required");
                }
                else if (oldParameter.Required && !newParameter.Required)
                {
                    owner.Add(DifferenceKind.RequestParameterMadeOptional, where, $"parameter {key} became optional");
                }

                if (oldParameter.Schema is { } oldSchema && newParameter.Schema is { } newSchema)
                {
                    new SchemaComparison(owner, where, Side.Request).Compare("", oldSchema, newSchema);
                }
            }

            foreach (var (key, parameter) in newParameters.Where(entry => !oldParameters.ContainsKey(entry.Key)).OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                owner.Add(
                    parameter.Required ? DifferenceKind.RequestParameterAddedRequired : DifferenceKind.RequestParameterAddedOptional,
                    $"{location} parameter {key}",
                    $"{(parameter.Required ? "required" : "optional")} parameter {key} was added");
            }
        }

        private void CompareRequestBody(IOpenApiRequestBody? oldBody, IOpenApiRequestBody? newBody)
        {
            var where = $"{location} request";
            switch (oldBody, newBody)
            {
                case (null, null):
                    return;
                case (null, { Required: true }):
                    owner.Add(DifferenceKind.RequestBodyAdded, where, "a required request body was added");
                    return;
                case (null, _):
                    owner.Add(DifferenceKind.RequestContentAdded, where, "an optional request body was added");
                    return;
                case (_, null):
                    owner.Add(DifferenceKind.RequestBodyRemoved, where, "the request body was removed");
                    return;
            }

            if (!oldBody.Required && newBody.Required)
            {
                owner.Add(DifferenceKind.RequestBodyMadeRequired, where, "the request body became required");
            }
            else if (oldBody.Required && !newBody.Required)
            {
                owner.Add(DifferenceKind.RequestBodyMadeOptional, where, "the request body became optional");
            }

            CompareContent(where, Side.Request, oldBody.Content, newBody.Content);
        }

        private void CompareResponses(OpenApiResponses oldResponses, OpenApiResponses newResponses)
        {
            var removed = oldResponses.Keys.Where(status => !newResponses.ContainsKey(status)).Order(StringComparer.Ordinal).ToList();
            var added = newResponses.Keys.Where(status => !oldResponses.ContainsKey(status)).Order(StringComparer.Ordinal).ToList();
            var removedSuccess = removed.Where(IsSuccess).ToList();
            var addedSuccess = added.Where(IsSuccess).ToList();

            var changed = Math.Min(removedSuccess.Count, addedSuccess.Count);
            for (var i = 0; i < changed; i++)
            {
                owner.Add(DifferenceKind.SuccessStatusChanged, location,
                    $"success status {removedSuccess[i]} became {addedSuccess[i]}");
            }

            foreach (var status in removed.Except(removedSuccess.Take(changed)))
            {
                owner.Add(IsSuccess(status) ? DifferenceKind.SuccessResponseRemoved : DifferenceKind.ErrorResponseRemoved,
                    $"{location} {status} response", $"response {status} was removed");
            }

            foreach (var status in added.Except(addedSuccess.Take(changed)))
            {
                owner.Add(IsSuccess(status) ? DifferenceKind.SuccessResponseAdded : DifferenceKind.ErrorResponseAdded,
                    $"{location} {status} response", $"response {status} was added");
            }

            foreach (var (status, oldResponse) in oldResponses.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                if (newResponses.TryGetValue(status, out var newResponse))
                {
                    CompareContent($"{location} {status} response", Side.Response, oldResponse.Content, newResponse.Content);
                }
            }
        }

        private static bool IsSuccess(string status) => status.StartsWith('2');

        private void CompareContent(string where, Side side, IDictionary<string, IOpenApiMediaType>? oldContent, IDictionary<string, IOpenApiMediaType>? newContent)
        {
            oldContent ??= new Dictionary<string, IOpenApiMediaType>();
            newContent ??= new Dictionary<string, IOpenApiMediaType>();
            foreach (var (mediaType, oldMedia) in oldContent.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            {
                if (!newContent.TryGetValue(mediaType, out var newMedia))
                {
                    owner.Add(side == Side.Request ? DifferenceKind.RequestContentRemoved : DifferenceKind.ResponseContentRemoved,
                        where, $"content {mediaType} was removed");
                }
                else if (oldMedia.Schema is { } oldSchema && newMedia.Schema is { } newSchema)
                {
                    var contentWhere = mediaType == JsonMediaType ? where : $"{where} ({mediaType})";
                    new SchemaComparison(owner, contentWhere, side).Compare("", oldSchema, newSchema);
                }
            }

            foreach (var mediaType in newContent.Keys.Where(mediaType => !oldContent.ContainsKey(mediaType)).Order(StringComparer.Ordinal))
            {
                owner.Add(side == Side.Request ? DifferenceKind.RequestContentAdded : DifferenceKind.ResponseContentAdded,
                    where, $"content {mediaType} was added");
            }
        }

        private void CompareSecurity(SortedSet<string> oldRequired, SortedSet<string> newRequired)
        {
            var where = $"{location} security";
            var removed = oldRequired.Except(newRequired).ToList();
            var added = newRequired.Except(oldRequired).ToList();
            foreach (var credential in added.ToList())
            {
                var renamedFrom = removed.FirstOrDefault(old => SecurityRequirements.SamePlace(old, credential));
                if (renamedFrom is not null)
                {
                    owner.Add(DifferenceKind.SecurityHeaderRenamed, where, $"credential {renamedFrom} became {credential}");
                    removed.Remove(renamedFrom);
                    added.Remove(credential);
                }
            }

            foreach (var credential in added)
            {
                owner.Add(DifferenceKind.SecuritySchemeRequiredAdded, where, $"credential {credential} is now required");
            }

            foreach (var credential in removed)
            {
                owner.Add(DifferenceKind.SecuritySchemeRemoved, where, $"credential {credential} is no longer required");
            }
        }
    }

    private enum Side
    {
        Request,
        Response,
    }

    /// <summary>Two resolved schemas at the same place of a request or a response, compared member by member.</summary>
    private sealed class SchemaComparison(SpecComparer owner, string location, Side side)
    {
        private const int MaxDepth = 64;

        private bool IsRequest => side == Side.Request;

        public void Compare(string path, IOpenApiSchema oldSchema, IOpenApiSchema newSchema, int depth = 0)
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
                CompareViews(path, oldView, newView, depth);
            }
            finally
            {
                owner._schemasInProgress.Remove(pair);
            }
        }

        private void Add(DifferenceKind kind, string path, string message) =>
            owner.Add(kind, path.Length == 0 ? location : $"{location}: {path}", message);

        private void CompareViews(string path, SchemaView oldView, SchemaView newView, int depth)
        {
            var subject = path.Length == 0 ? "the body" : path;
            if (oldView.Type != newView.Type)
            {
                Add(IsRequest ? DifferenceKind.RequestTypeChanged : DifferenceKind.ResponseTypeChanged, path,
                    $"{subject}: type {oldView.TypeName} became {newView.TypeName}");
                return;
            }

            if (!string.Equals(oldView.Format, newView.Format, StringComparison.Ordinal))
            {
                Add(IsRequest ? DifferenceKind.RequestTypeChanged : DifferenceKind.ResponseTypeChanged, path,
                    $"{subject}: format {oldView.Format ?? "(none)"} became {newView.Format ?? "(none)"}");
            }

            CompareNullability(path, subject, oldView, newView);
            CompareEnum(path, subject, oldView.Enum, newView.Enum);
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

        private void CompareNullability(string path, string subject, SchemaView oldView, SchemaView newView)
        {
            if (!oldView.Nullable && newView.Nullable)
            {
                Add(IsRequest ? DifferenceKind.RequestWidened : DifferenceKind.ResponsePropertyMadeNullable, path, $"{subject} became nullable");
            }
            else if (oldView.Nullable && !newView.Nullable)
            {
                Add(IsRequest ? DifferenceKind.RequestNarrowed : DifferenceKind.ResponsePropertyMadeNonNullable, path, $"{subject} is no longer nullable");
            }
        }

        private void CompareEnum(string path, string subject, SortedSet<string>? oldValues, SortedSet<string>? newValues)
        {
            switch (oldValues, newValues)
            {
                case (null, null):
                    return;
                case (null, _):
                    Add(IsRequest ? DifferenceKind.RequestNarrowed : DifferenceKind.ResponseConstraintChanged, path,
                        $"{subject} is now limited to {string.Join(", ", newValues)}");
                    return;
                case (_, null):
                    Add(IsRequest ? DifferenceKind.RequestWidened : DifferenceKind.ResponseEnumValueAdded, path,
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

                Compare(propertyPath, oldProperty, newProperty, depth + 1);
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
