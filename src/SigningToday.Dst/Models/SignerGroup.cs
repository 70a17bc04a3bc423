using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A group of signers; groups sign in order, signers in a group in any order.</summary>
public sealed class SignerGroup
{
    /// <summary>Internal id used by Signing Today; kept as received.</summary>
    [JsonPropertyName("_instance_id")]
    public long? InstanceId { get; set; }

    /// <summary>Label of the group.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; set; }

    /// <summary>The signers of the group.</summary>
    [JsonPropertyName("signers")]
    public IReadOnlyList<Signer>? Signers { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
