using System;
using System.Text.Json;
using SigningClients.Core;

namespace ConsignO.Workflows.Serialization;

/// <summary>
/// Reads ConsignO error bodies <c>{code, msg, parameters}</c>. The message usually starts with
/// <c>[5004 - ENTITY_NOT_FOUND]</c>; the symbolic name in brackets becomes the error code (the numeric code when there
/// is none).
/// </summary>
internal sealed class ConsignOErrorParser : ProviderErrorParser
{
    private readonly JsonProviderErrorParser _inner = new("code", "msg");

    public override ProviderError? Parse(int statusCode, string? contentType, string body)
    {
        var parsed = _inner.Parse(statusCode, contentType, body);
        if (parsed is null)
        {
            return null;
        }

        var code = SymbolicCode(parsed.Message) ?? parsed.Code;
        return new ProviderError(code, parsed.Message, parsed.Target);
    }

    /// <summary>Extracts <c>ENTITY_NOT_FOUND</c> from <c>[5004 - ENTITY_NOT_FOUND] …</c>.</summary>
    internal static string? SymbolicCode(string? message)
    {
        if (message is null || message.Length < 3 || message[0] != '[')
        {
            return null;
        }

        int end = message.IndexOf(']');
        if (end < 0)
        {
            return null;
        }

        var inside = message.Substring(1, end - 1);
        int dash = inside.IndexOf(" - ", StringComparison.Ordinal);
        var name = (dash >= 0 ? inside.Substring(dash + 3) : inside).Trim();
        return name.Length == 0 ? null : name;
    }
}
