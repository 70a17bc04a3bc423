using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Where the bytes of a robot-created document come from: URL or embedded base64.</summary>
public sealed class DocumentSource
{
    /// <summary>URL or Embedded (see <see cref="DocumentSourceType"/>).</summary>
    [JsonPropertyName("type")]
    public DocumentSourceType? Type { get; set; }

    /// <summary>The URL of the document (type URL).</summary>
    [JsonPropertyName("sourceURL")]
    public string? SourceUrl { get; set; }

    /// <summary>Base64 of the file (type Embedded).</summary>
    [JsonPropertyName("embeddedData")]
    public string? EmbeddedData { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
