using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A text note attached to a DST (DSTNote).</summary>
public sealed class DstNote
{
    /// <summary>The id of the note.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>The UUID of the DST.</summary>
    [JsonPropertyName("dstId")]
    public string? DstId { get; set; }

    /// <summary>The UUID of the user who created the note.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    /// <summary>When the note was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The content of the note.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
