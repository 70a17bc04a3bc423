using System;
using System.Text.Json;
using SigningClients.Core;

namespace AlphaTrust.Tasks.Serialization;

/// <summary>
/// Reads AlphaTrust's default return (<c>{ "IsSuccessful": false, "Message": "…" }</c>) from a 4xx/5xx body.
/// Returns <see langword="null"/> for bodies in any other shape, so the status alone describes the failure.
/// </summary>
internal sealed class AlphaTrustErrorParser : ProviderErrorParser
{
    public override ProviderError? Parse(int statusCode, string? contentType, string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            string? message = null;
            bool? successful = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "Message", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    message = property.Value.GetString();
                }
                else if (string.Equals(property.Name, "IsSuccessful", StringComparison.OrdinalIgnoreCase) &&
                         property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    successful = property.Value.GetBoolean();
                }
            }

            if (message is null && successful is null)
            {
                return null;
            }

            return new ProviderError(null, message ?? "The service reported IsSuccessful = false without a message.");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
