using Microsoft.OpenApi;

namespace ContractDiff;

public sealed partial class SpecComparer
{
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
}
