using System;
using System.Collections.Generic;
using System.Text.Json;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst;

/// <summary>
/// Helpers for the <c>extraData</c> members the doc's Integration Tips describe: <c>email_disabled</c> and
/// <c>dst_urlback</c> on a DST, <c>sign_urlback</c> on a signature request, and the signature ticket URL.
/// </summary>
public static class SigningTodayExtraData
{
    /// <summary>DST extra data member that turns off emails for the DST.</summary>
    public const string EmailDisabledKey = "email_disabled";

    /// <summary>DST extra data member with the URL the signer is sent to after the last signature.</summary>
    public const string DstUrlBackKey = "dst_urlback";

    /// <summary>Signature request extra data member with the URL the signer is sent to after this signature.</summary>
    public const string SignUrlBackKey = "sign_urlback";

    /// <summary>Signature request extra data members that may hold the signature ticket URL.</summary>
    public static IReadOnlyList<string> SignatureTicketUrlKeys { get; } = new[] { "st_signatureTicketUrl", "st_ticketUrl" };

    /// <summary>Builds DST extra data.</summary>
    /// <param name="emailDisabled">Adds <c>email_disabled: true</c> when true.</param>
    /// <param name="urlBack">Adds <c>dst_urlback</c> with this URL: where the signer goes after the last signature.</param>
    /// <param name="other">Other members to keep.</param>
    /// <param name="stayInTray">
    /// Adds <c>dst_urlback: null</c>: after the last signature the signer stays in the Signature Tray (the doc's Integration
    /// Tips: "the allowed values are null and a URL"). Without either, the member is left out and Signing Today redirects
    /// to its web application (the doc's default).
    /// </param>
    /// <returns>The extra data.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="urlBack"/> and <paramref name="stayInTray"/> are given.</exception>
    public static IReadOnlyDictionary<string, JsonElement> ForDst(bool emailDisabled = false, Uri? urlBack = null, IReadOnlyDictionary<string, JsonElement>? other = null, bool stayInTray = false)
    {
        if (stayInTray && urlBack is not null)
        {
            throw new ArgumentException("Give a URL to go back to or stay in the tray, not both.", nameof(stayInTray));
        }

        var result = Copy(other);
        if (emailDisabled)
        {
            result[EmailDisabledKey] = BoolValue(true);
        }

        if (urlBack is not null)
        {
            result[DstUrlBackKey] = StringValue(urlBack.AbsoluteUri);
        }
        else if (stayInTray)
        {
            result[DstUrlBackKey] = NullValue();
        }

        return result;
    }

    /// <summary>Builds signature request extra data with <c>sign_urlback</c>.</summary>
    /// <param name="urlBack">Where to send the signer after this signature; <see langword="null"/> keeps the signer in the tray (written as null).</param>
    /// <param name="other">Other members to keep.</param>
    /// <returns>The extra data.</returns>
    public static IReadOnlyDictionary<string, JsonElement> ForSignatureRequest(Uri? urlBack, IReadOnlyDictionary<string, JsonElement>? other = null)
    {
        var result = Copy(other);
        result[SignUrlBackKey] = urlBack is null ? NullValue() : StringValue(urlBack.AbsoluteUri);
        return result;
    }

    /// <summary>Whether the DST has <c>email_disabled: true</c>.</summary>
    /// <param name="dst">The DST.</param>
    /// <returns>True when emails are disabled.</returns>
    public static bool IsEmailDisabled(this DigitalSignatureTransaction dst)
    {
        if (dst is null)
        {
            throw new ArgumentNullException(nameof(dst));
        }

        return dst.ExtraData is not null && dst.ExtraData.TryGetValue(EmailDisabledKey, out var value) && value.ValueKind == JsonValueKind.True;
    }

    /// <summary>
    /// The signature ticket (pre-authenticated link to the signature tray) of a signature request, read from its extra
    /// data (<c>st_signatureTicketUrl</c> or <c>st_ticketUrl</c>). Without ids, the first ticket found.
    /// </summary>
    /// <param name="dst">The DST.</param>
    /// <param name="documentId">The document, or any.</param>
    /// <param name="signatureRequestId">The signature request, or any.</param>
    /// <returns>The ticket URL, or <see langword="null"/> when the server sent none.</returns>
    public static Uri? GetSignatureTicketUrl(this DigitalSignatureTransaction dst, int? documentId = null, int? signatureRequestId = null)
    {
        if (dst is null)
        {
            throw new ArgumentNullException(nameof(dst));
        }

        foreach (var document in dst.Documents ?? Array.Empty<DstDocument>())
        {
            if (documentId is not null && document.Id != documentId)
            {
                continue;
            }

            foreach (var signature in document.SignatureRequests ?? Array.Empty<SignatureRequest>())
            {
                if (signatureRequestId is not null && signature.Id != signatureRequestId)
                {
                    continue;
                }

                foreach (var key in SignatureTicketUrlKeys)
                {
                    if (signature.ExtraData is not null && signature.ExtraData.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String
                        && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri))
                    {
                        return uri;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A JSON string value for extra data.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The element.</returns>
    public static JsonElement StringValue(string value) => JsonSerializer.SerializeToElement(value ?? throw new ArgumentNullException(nameof(value)), SigningTodayJsonContext.Default.String);

    /// <summary>A JSON boolean value for extra data.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The element.</returns>
    public static JsonElement BoolValue(bool value) => Parse(value ? "true" : "false");

    /// <summary>A JSON number value for extra data.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The element.</returns>
    public static JsonElement NumberValue(long value) => Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A JSON null value for extra data.</summary>
    /// <returns>The element.</returns>
    public static JsonElement NullValue() => Parse("null");

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> Copy(IReadOnlyDictionary<string, JsonElement>? other)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (other is not null)
        {
            foreach (var pair in other)
            {
                result[pair.Key] = pair.Value;
            }
        }

        return result;
    }
}
