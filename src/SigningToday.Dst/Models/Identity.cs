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
    public string? Id { get; init; }

    /// <summary>Provider.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; init; }

    /// <summary>Label.</summary>
    [JsonPropertyName("label")]
    public string? Label { get; init; }

    /// <summary>Provider type.</summary>
    [JsonPropertyName("providerType")]
    public string? ProviderType { get; init; }

    /// <summary>Subject CN.</summary>
    [JsonPropertyName("subjectCommonName")]
    public string? SubjectCommonName { get; init; }

    /// <summary>Issuer CN.</summary>
    [JsonPropertyName("issuerCommonName")]
    public string? IssuerCommonName { get; init; }

    /// <summary>Expiry.</summary>
    [JsonPropertyName("expireDate")]
    public DateTimeOffset? ExpireDate { get; init; }

    /// <summary>The certificate in PEM.</summary>
    [JsonPropertyName("rawCertificate")]
    public string? RawCertificate { get; init; }

    /// <summary>The graphical appearance.</summary>
    [JsonPropertyName("appearance")]
    public DstResource? Appearance { get; init; }

    /// <summary>Provider-specific data.</summary>
    [JsonPropertyName("providerData")]
    public IReadOnlyDictionary<string, JsonElement>? ProviderData { get; init; }

    /// <summary>True when valid.</summary>
    [JsonPropertyName("valid")]
    public bool? Valid { get; init; }

    /// <summary>Tags.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
