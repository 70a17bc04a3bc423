using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A signing identity (X.509 certificate) of a user.</summary>
public sealed class Identity
{
    /// <summary>Id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Provider.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    /// <summary>Label.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; set; }

    /// <summary>Provider type.</summary>
    [JsonPropertyName("providerType")]
    public string? ProviderType { get; set; }

    /// <summary>Subject CN.</summary>
    [JsonPropertyName("subjectCommonName")]
    public string? SubjectCommonName { get; set; }

    /// <summary>Issuer CN.</summary>
    [JsonPropertyName("issuerCommonName")]
    public string? IssuerCommonName { get; set; }

    /// <summary>Expiry.</summary>
    [JsonPropertyName("expireDate")]
    public DateTimeOffset? ExpireDate { get; set; }

    /// <summary>The certificate in PEM.</summary>
    [JsonPropertyName("rawCertificate")]
    public string? RawCertificate { get; set; }

    /// <summary>The graphical appearance.</summary>
    [JsonPropertyName("appearance")]
    public DstResource? Appearance { get; set; }

    /// <summary>Provider-specific data.</summary>
    [JsonPropertyName("providerData")]
    public IReadOnlyDictionary<string, JsonElement>? ProviderData { get; set; }

    /// <summary>True when valid.</summary>
    [JsonPropertyName("valid")]
    public bool? Valid { get; set; }

    /// <summary>Tags.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
