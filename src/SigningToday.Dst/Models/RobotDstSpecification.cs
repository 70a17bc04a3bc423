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
    public string? Title { get; set; }

    /// <summary>Documents.</summary>
    [JsonPropertyName("documents")]
    public IReadOnlyList<RobotDocument>? Documents { get; set; }

    /// <summary>draft or published.</summary>
    [JsonPropertyName("status")]
    public DstStatus? Status { get; set; }

    /// <summary>Expiration date.</summary>
    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Tags.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; set; }

    /// <summary>True when created from a template.</summary>
    [JsonPropertyName("template")]
    public bool? Template { get; set; }

    /// <summary>True when a public template was used.</summary>
    [JsonPropertyName("publicTemplate")]
    public bool? PublicTemplate { get; set; }

    /// <summary>Groups to inform.</summary>
    [JsonPropertyName("ccGroups")]
    public IReadOnlyList<string>? CcGroups { get; set; }

    /// <summary>Users to inform.</summary>
    [JsonPropertyName("ccUsers")]
    public IReadOnlyList<string>? CcUsers { get; set; }

    /// <summary>Urgent flag.</summary>
    [JsonPropertyName("urgent")]
    public bool? Urgent { get; set; }

    /// <summary>Extra data (see SigningTodayExtraData).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
