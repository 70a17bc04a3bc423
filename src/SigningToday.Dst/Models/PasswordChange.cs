using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Change of the own password.</summary>
public sealed class PasswordChange
{
    /// <summary>Creates an empty instance for serializers and object initializers; set <see cref="CurrentPassword"/> and <see cref="NewPassword"/> before sending it (the client checks them before any I/O).</summary>
    public PasswordChange()
    {
    }

    /// <summary>Creates an instance with its required values.</summary>
    /// <param name="currentPassword">The current password.</param>
    /// <param name="newPassword">The new password.</param>
    public PasswordChange(string currentPassword, string newPassword)
    {
        CurrentPassword = currentPassword ?? throw new ArgumentNullException(nameof(currentPassword));
        NewPassword = newPassword ?? throw new ArgumentNullException(nameof(newPassword));
    }

    /// <summary>Current password.</summary>
    [JsonPropertyName("currentPassword")]
    public string? CurrentPassword { get; set; }

    /// <summary>New password.</summary>
    [JsonPropertyName("newPassword")]
    public string? NewPassword { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Returns a description without secret values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "PasswordChange(CurrentPassword=***, NewPassword=***)";
}
