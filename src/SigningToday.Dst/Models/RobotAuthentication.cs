using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Credentials Signing Today uses to reach the integrator (webhooks, document URLs).</summary>
public sealed class RobotAuthentication
{
    /// <summary>User name.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>Password.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Authentication type, e.g. basic.</summary>
    [JsonPropertyName("authMode")]
    public string? AuthMode { get; set; }

    /// <summary>Client key.</summary>
    [JsonPropertyName("clientKey")]
    public string? ClientKey { get; set; }

    /// <summary>Client certificate.</summary>
    [JsonPropertyName("clientCert")]
    public string? ClientCert { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Returns a description without secret values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "RobotAuthentication(Password=***, ClientKey=***)";
}
