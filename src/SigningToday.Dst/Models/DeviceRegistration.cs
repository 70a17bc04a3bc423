using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Registration of a new trusted device.</summary>
public sealed class DeviceRegistration
{
    /// <summary>Creates an empty instance for serializers and object initializers; set <see cref="Challenge"/> and <see cref="DeviceId"/> before sending it (the client checks them before any I/O).</summary>
    public DeviceRegistration()
    {
    }

    /// <summary>Creates an instance with its required values.</summary>
    /// <param name="challenge">The challenge obtained from the authorization endpoint.</param>
    /// <param name="deviceId">The id of the device.</param>
    public DeviceRegistration(string challenge, string deviceId)
    {
        Challenge = challenge ?? throw new ArgumentNullException(nameof(challenge));
        DeviceId = deviceId ?? throw new ArgumentNullException(nameof(deviceId));
    }

    /// <summary>The challenge obtained from the authorization endpoint.</summary>
    [JsonPropertyName("challenge")]
    public string? Challenge { get; set; }

    /// <summary>The id of the device.</summary>
    [JsonPropertyName("deviceId")]
    public string? DeviceId { get; set; }

    /// <summary>An arbitrary name for the device.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
