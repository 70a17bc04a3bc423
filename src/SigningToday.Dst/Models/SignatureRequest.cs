using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A signature requested on a document.</summary>
public sealed class SignatureRequest
{
    /// <summary>Internal id used by Signing Today; kept as received.</summary>
    [JsonPropertyName("_instance_id")]
    public long? InstanceId { get; set; }

    /// <summary>Id of the signature request.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; set; }

    /// <summary>The reason of the signature.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>A description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Id of the signer in the sign plan.</summary>
    [JsonPropertyName("signerId")]
    public int? SignerId { get; set; }

    /// <summary>The signature profile (CAdES, PAdES).</summary>
    [JsonPropertyName("signProfile")]
    public SignProfile? SignProfile { get; set; }

    /// <summary>True to add a timestamp.</summary>
    [JsonPropertyName("withTimestamp")]
    public bool? WithTimestamp { get; set; }

    /// <summary>True when the signer may decline.</summary>
    [JsonPropertyName("declinable")]
    public bool? Declinable { get; set; }

    /// <summary>Restrictions on the signer.</summary>
    [JsonPropertyName("restrictions")]
    public IReadOnlyList<SignatureRestriction>? Restrictions { get; set; }

    /// <summary>Extra data, e.g. st_ticketUrl / st_signatureTicketUrl (the signature ticket) or sign_urlback.</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
