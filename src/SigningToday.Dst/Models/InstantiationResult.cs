using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>The DSTs created by instantiating a template from a spec file.</summary>
public sealed class InstantiationResult
{
    /// <summary>The instantiation group.</summary>
    [JsonPropertyName("instantiationGroup")]
    public string? InstantiationGroup { get; set; }

    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>The ids of the created DSTs.</summary>
    [JsonPropertyName("dstIDs")]
    public IReadOnlyList<string>? DstIds { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
