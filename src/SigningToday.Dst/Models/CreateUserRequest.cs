using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A user to create, with an optional initial password.</summary>
public sealed class CreateUserRequest
{
    /// <summary>Creates an empty instance for serializers and object initializers; set <see cref="User"/> before sending it (the client checks them before any I/O).</summary>
    public CreateUserRequest()
    {
    }

    /// <summary>Creates an instance with its required values.</summary>
    /// <param name="user">The user.</param>
    public CreateUserRequest(User user)
    {
        User = user ?? throw new ArgumentNullException(nameof(user));
    }

    /// <summary>The user.</summary>
    [JsonPropertyName("user")]
    public User? User { get; set; }

    /// <summary>Initial password; when omitted the user gets an email to set one.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Returns a description without secret values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "CreateUserRequest(Password=***)";
}
