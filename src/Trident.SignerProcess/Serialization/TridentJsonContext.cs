using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess.Serialization;

/// <summary>Source-generated JSON metadata for TRIDENT (snake_case, nulls omitted when writing).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SignerProcessDefinition))]
[JsonSerializable(typeof(TridentSignerProcess))]
[JsonSerializable(typeof(SignerProcessResult))]
[JsonSerializable(typeof(SignerProcessDocument))]
[JsonSerializable(typeof(List<SignerProcessDocument>))]
[JsonSerializable(typeof(JsonElement))]
// Read and written by SignatureFieldLocationConverter (the generator does not walk a type that has its own converter).
[JsonSerializable(typeof(SignaturePage))]
[JsonSerializable(typeof(SignatureRectangle))]
[JsonSerializable(typeof(SignaturePageNumber))]
internal sealed partial class TridentJsonContext : JsonSerializerContext
{
}
