using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A document of a DST created through the robot endpoints.</summary>
public sealed class RobotDocument
{
    /// <summary>The file.</summary>
    [JsonPropertyName("resource")]
    public RobotResource? Resource { get; set; }

    /// <summary>The fillable elements.</summary>
    [JsonPropertyName("forms")]
    public IReadOnlyList<DstForm>? Forms { get; set; }

    /// <summary>The signature requests.</summary>
    [JsonPropertyName("signatureRequests")]
    public IReadOnlyList<SignatureRequest>? SignatureRequests { get; set; }

    /// <summary>The sign plan.</summary>
    [JsonPropertyName("signerGroups")]
    public IReadOnlyList<SignerGroup>? SignerGroups { get; set; }

    /// <summary>Extra data (free-form JSON members).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
