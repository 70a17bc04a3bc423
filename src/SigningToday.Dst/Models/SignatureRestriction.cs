using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A restriction on who may perform a signature.</summary>
public sealed class SignatureRestriction
{
    /// <summary>The rule.</summary>
    [JsonPropertyName("rule")]
    public string? Rule { get; set; }

    /// <summary>The operator.</summary>
    [JsonPropertyName("operator")]
    public string? Operator { get; set; }

    /// <summary>The value.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
