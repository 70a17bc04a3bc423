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
    public string? InstantiationGroupId { get; init; }

    /// <summary>The template.</summary>
    [JsonPropertyName("templateId")]
    public string? TemplateId { get; init; }

    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>When the group was generated.</summary>
    [JsonPropertyName("generatedAt")]
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>Number of DSTs.</summary>
    [JsonPropertyName("groupSize")]
    public int? GroupSize { get; init; }

    /// <summary>How many are signed.</summary>
    [JsonPropertyName("inStateSigned")]
    public int? InStateSigned { get; init; }

    /// <summary>How many are in error.</summary>
    [JsonPropertyName("inStateError")]
    public int? InStateError { get; init; }

    /// <summary>How many are rejected.</summary>
    [JsonPropertyName("inStateRejected")]
    public int? InStateRejected { get; init; }

    /// <summary>How many are expired.</summary>
    [JsonPropertyName("inStateExpired")]
    public int? InStateExpired { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
