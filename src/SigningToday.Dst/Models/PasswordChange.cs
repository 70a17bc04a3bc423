using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Change of the own password.</summary>
public sealed class PasswordChange
{
    /// <summary>Current password.</summary>
    [JsonPropertyName("currentPassword")]
    public required string CurrentPassword { get; init; }

    /// <summary>New password.</summary>
    [JsonPropertyName("newPassword")]
    public required string NewPassword { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Returns a description without secret values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "PasswordChange(CurrentPassword=***, NewPassword=***)";
}
