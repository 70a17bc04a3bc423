using SigningClients.Core;

namespace SigningToday.Dst.Serialization;

/// <summary>Reads Signing Today error bodies <c>{code, message, target}</c> (the code is a server string).</summary>
internal sealed class SigningTodayErrorParser : ProviderErrorParser
{
    private static readonly JsonProviderErrorParser Inner = new("code", "message", "target");

    public override ProviderError? Parse(int statusCode, string? contentType, string body) => Inner.Parse(statusCode, contentType, body);
}
