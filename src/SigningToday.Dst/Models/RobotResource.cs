using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A document file given to the robot endpoints.</summary>
public sealed class RobotResource
{
    /// <summary>File name with extension.</summary>
    [JsonPropertyName("filename")]
    public string? Filename { get; set; }

    /// <summary>PDF_Document for PDF files.</summary>
    [JsonPropertyName("resourceType")]
    public ResourceType? ResourceType { get; set; }

    /// <summary>Title shown in the signature tray.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Where the bytes come from.</summary>
    [JsonPropertyName("source")]
    public DocumentSource? Source { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
