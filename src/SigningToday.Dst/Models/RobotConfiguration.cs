using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Configuration of a robot account: headers, authentication and webhooks.</summary>
public sealed class RobotConfiguration
{
    /// <summary>Headers Signing Today adds to its requests.</summary>
    [JsonPropertyName("requestHeaders")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? RequestHeaders { get; set; }

    /// <summary>Authentication data.</summary>
    [JsonPropertyName("authentication")]
    public RobotAuthentication? Authentication { get; set; }

    /// <summary>Webhooks.</summary>
    [JsonPropertyName("webhooks")]
    public RobotWebhooks? Webhooks { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Returns a description without secret values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "RobotConfiguration(RequestHeaders=***, Authentication=***)";
}
