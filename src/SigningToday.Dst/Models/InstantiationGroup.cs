using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A group of DSTs instantiated by file.</summary>
public sealed class InstantiationGroup
{
    /// <summary>The group id.</summary>
    [JsonPropertyName("instantiationGroupId")]
    public string? InstantiationGroupId { get; set; }

    /// <summary>The template.</summary>
    [JsonPropertyName("templateId")]
    public string? TemplateId { get; set; }

    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>When the group was generated.</summary>
    [JsonPropertyName("generatedAt")]
    public DateTimeOffset? GeneratedAt { get; set; }

    /// <summary>Number of DSTs.</summary>
    [JsonPropertyName("groupSize")]
    public int? GroupSize { get; set; }

    /// <summary>How many are signed.</summary>
    [JsonPropertyName("inStateSigned")]
    public int? InStateSigned { get; set; }

    /// <summary>How many are in error.</summary>
    [JsonPropertyName("inStateError")]
    public int? InStateError { get; set; }

    /// <summary>How many are rejected.</summary>
    [JsonPropertyName("inStateRejected")]
    public int? InStateRejected { get; set; }

    /// <summary>How many are expired.</summary>
    [JsonPropertyName("inStateExpired")]
    public int? InStateExpired { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
