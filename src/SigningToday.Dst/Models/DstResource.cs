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
    public string? Id { get; set; }

    /// <summary>The organization.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; set; }

    /// <summary>Type of the resource, e.g. PDF_Document.</summary>
    [JsonPropertyName("type")]
    public ResourceType? Type { get; set; }

    /// <summary>The DST the resource belongs to.</summary>
    [JsonPropertyName("dstUuid")]
    public string? DstUuid { get; set; }

    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>File name with extension.</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; set; }

    /// <summary>URL of the resource.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Size in bytes.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; set; }

    /// <summary>When it was uploaded.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>MIME type.</summary>
    [JsonPropertyName("mimetype")]
    public string? MimeType { get; set; }

    /// <summary>Number of pages.</summary>
    [JsonPropertyName("pages")]
    public int? Pages { get; set; }

    /// <summary>Extra data (free-form JSON members).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
