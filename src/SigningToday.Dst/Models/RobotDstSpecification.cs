using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A DST to create in one call (robot endpoint) or the patches applied to a template.</summary>
public sealed class RobotDstSpecification
{
    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>Documents.</summary>
    [JsonPropertyName("documents")]
    public IReadOnlyList<RobotDocument>? Documents { get; init; }

    /// <summary>draft or published.</summary>
    [JsonPropertyName("status")]
    public DstStatus? Status { get; init; }

    /// <summary>Expiration date.</summary>
    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Tags.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>True when created from a template.</summary>
    [JsonPropertyName("template")]
    public bool? Template { get; init; }

    /// <summary>True when a public template was used.</summary>
    [JsonPropertyName("publicTemplate")]
    public bool? PublicTemplate { get; init; }

    /// <summary>Groups to inform.</summary>
    [JsonPropertyName("ccGroups")]
    public IReadOnlyList<string>? CcGroups { get; init; }

    /// <summary>Users to inform.</summary>
    [JsonPropertyName("ccUsers")]
    public IReadOnlyList<string>? CcUsers { get; init; }

    /// <summary>Urgent flag.</summary>
    [JsonPropertyName("urgent")]
    public bool? Urgent { get; init; }

    /// <summary>Extra data (see SigningTodayExtraData).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
