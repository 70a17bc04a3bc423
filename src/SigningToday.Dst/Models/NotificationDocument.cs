using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>The document a signature notification is about, in the vendor's form <c>{id, display_name, order}</c>.</summary>
public sealed class NotificationDocument
{
    /// <summary>Id of the document in the DST.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; set; }

    /// <summary>The name shown for the document (<c>display_name</c>).</summary>
    [JsonPropertyName("display_name")]
    public string? DisplayName { get; set; }

    /// <summary>Position of the document in the DST.</summary>
    [JsonPropertyName("order")]
    public int? Order { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
