using System.Xml;
using Signant.InstantSign.Soap;
using SigningClients.Core;

namespace Signant.InstantSign.Serialization;

/// <summary>
/// Reads Signant error bodies: a SOAP 1.1 Fault (<c>faultcode</c>/<c>faultstring</c>, with <c>ErrorCode</c>/<c>Message</c>
/// from <c>detail</c> when present) or a result with <c>Success=false</c>, <c>ErrorCode</c> and <c>Message</c>. DTDs are
/// prohibited; never throws.
/// </summary>
internal sealed class SignantErrorParser : ProviderErrorParser
{
    private readonly int _maxElementLength;

    /// <summary>Creates a parser.</summary>
    /// <param name="maxElementLength">Longest element text kept.</param>
    public SignantErrorParser(int maxElementLength) => _maxElementLength = maxElementLength;

    /// <inheritdoc />
    public override ProviderError? Parse(int statusCode, string? contentType, string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '<')
        {
            return null;
        }

        try
        {
            var error = SoapResponseReader.TryReadError(body, _maxElementLength);
            return error is { } e && (e.Code is not null || e.Message is not null) ? new ProviderError(e.Code, e.Message) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
