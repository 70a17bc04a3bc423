using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningClients.Core.Serialization;

/// <summary>An OAuth2 token endpoint answer (RFC 6749 §5.1).</summary>
internal sealed class OAuth2TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    public JsonElement ExpiresIn { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    public override string ToString() => "OAuth2TokenResponse(***)";
}

[JsonSerializable(typeof(OAuth2TokenResponse))]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
}
