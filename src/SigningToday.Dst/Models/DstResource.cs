using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A resource (file) attached to a DST or a user.</summary>
public sealed class DstResource
{
    /// <summary>Unique id of the resource.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The organization.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>Type of the resource, e.g. PDF_Document.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The DST the resource belongs to.</summary>
    [JsonPropertyName("dstUuid")]
    public string? DstUuid { get; init; }

    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>File name with extension.</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; init; }

    /// <summary>URL of the resource.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Size in bytes.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }

    /// <summary>When it was uploaded.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>MIME type.</summary>
    [JsonPropertyName("mimetype")]
    public string? MimeType { get; init; }

    /// <summary>Number of pages.</summary>
    [JsonPropertyName("pages")]
    public int? Pages { get; init; }

    /// <summary>Extra data (free-form JSON members).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
