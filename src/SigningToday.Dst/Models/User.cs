using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A user of an organization.</summary>
public sealed class User
{
    /// <summary>Unique id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The login name.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>The organization.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; init; }

    /// <summary>Default language: it, en, es, fr.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Surname.</summary>
    [JsonPropertyName("surname")]
    public string? Surname { get; init; }

    /// <summary>Email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Phone number.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>admin, instructor or signer.</summary>
    [JsonPropertyName("role")]
    public UserRole? Role { get; init; }

    /// <summary>Groups of the user.</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<UserGroup>? Groups { get; init; }

    /// <summary>What the user may do, e.g. dst.list.all.</summary>
    [JsonPropertyName("capabilities")]
    public IReadOnlyList<string>? Capabilities { get; init; }

    /// <summary>Who created the user.</summary>
    [JsonPropertyName("createdBy")]
    public string? CreatedBy { get; init; }

    /// <summary>When created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When deleted.</summary>
    [JsonPropertyName("deletedAt")]
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>True for automatic users.</summary>
    [JsonPropertyName("automatic")]
    public bool? Automatic { get; init; }

    /// <summary>Extra data (free-form JSON members).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; init; }

    /// <summary>Additional user data.</summary>
    [JsonPropertyName("templateData")]
    public IReadOnlyDictionary<string, JsonElement>? TemplateData { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
