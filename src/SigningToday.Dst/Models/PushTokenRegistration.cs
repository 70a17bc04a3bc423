using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A push-notification token for a trusted device.</summary>
public sealed class PushTokenRegistration
{
    /// <summary>Creates an empty instance for serializers and object initializers; set <see cref="DeviceId"/> and <see cref="Token"/> before sending it (the client checks them before any I/O).</summary>
    public PushTokenRegistration()
    {
    }

    /// <summary>Creates an instance with its required values.</summary>
    /// <param name="deviceId">The trusted device.</param>
    /// <param name="token">The push token (secret).</param>
    public PushTokenRegistration(string deviceId, string token)
    {
        DeviceId = deviceId ?? throw new ArgumentNullException(nameof(deviceId));
        Token = token ?? throw new ArgumentNullException(nameof(token));
    }

    /// <summary>The trusted device.</summary>
    [JsonPropertyName("deviceId")]
    public string? DeviceId { get; set; }

    /// <summary>The push token.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Returns a description without secret values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "PushTokenRegistration(Token=***)";
}
