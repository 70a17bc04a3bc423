using System.Text.Json;
using System.Text.Json.Serialization;
using ConsignO.Workflows.Models;
using SigningClients.Core.Serialization;

namespace ConsignO.Workflows.Serialization;

/// <summary>Source-generated JSON metadata of the ConsignO models (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    Converters = new[] { typeof(TolerantDateTimeOffsetConverter) })]
[JsonSerializable(typeof(CreateWorkflowRequest))]
[JsonSerializable(typeof(ConsignOEnvelope<Workflow>))]
[JsonSerializable(typeof(Workflow))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class ConsignOJsonContext : JsonSerializerContext
{
}
