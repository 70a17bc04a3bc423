using SigningClients.Core;

namespace Trident.SignerProcess.Serialization;

/// <summary>Reads TRIDENT error bodies: <c>{code, message}</c> or OAuth2 <c>{error, error_description}</c> (the resource error shape is not documented).</summary>
internal sealed class TridentErrorParser : ProviderErrorParser
{
    private static readonly JsonProviderErrorParser CodeMessage = new("code", "message");
    private static readonly JsonProviderErrorParser OAuth = new("error", "error_description");

    public override ProviderError? Parse(int statusCode, string? contentType, string body) =>
        CodeMessage.Parse(statusCode, contentType, body) ?? OAuth.Parse(statusCode, contentType, body);
}
