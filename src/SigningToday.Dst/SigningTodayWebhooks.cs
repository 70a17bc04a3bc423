using System;
using System.Text.Json;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst;

/// <summary>The kind of a Signing Today webhook notification.</summary>
public enum SigningTodayWebhookKind
{
    /// <summary>The body is neither known notification.</summary>
    Unknown = 0,

    /// <summary>A <see cref="DstStatusChangedNotification"/>.</summary>
    DstStatusChanged = 1,

    /// <summary>A <see cref="SignatureStatusChangedNotification"/>.</summary>
    SignatureStatusChanged = 2,
}

/// <summary>A parsed webhook notification.</summary>
public sealed class SigningTodayWebhook
{
    internal SigningTodayWebhook(SigningTodayWebhookKind kind, DstStatusChangedNotification? dst, SignatureStatusChangedNotification? signature)
    {
        Kind = kind;
        DstStatusChanged = dst;
        SignatureStatusChanged = signature;
    }

    /// <summary>Which notification this is.</summary>
    public SigningTodayWebhookKind Kind { get; }

    /// <summary>The DST notification when <see cref="Kind"/> is <see cref="SigningTodayWebhookKind.DstStatusChanged"/>.</summary>
    public DstStatusChangedNotification? DstStatusChanged { get; }

    /// <summary>The signature notification when <see cref="Kind"/> is <see cref="SigningTodayWebhookKind.SignatureStatusChanged"/>.</summary>
    public SignatureStatusChangedNotification? SignatureStatusChanged { get; }
}

/// <summary>
/// Parses the notifications Signing Today posts to the robot's webhook. Do not trust a notification alone: confirm
/// the DST state with <see cref="IDstOperations.GetAsync"/>.
/// </summary>
public static class SigningTodayWebhooks
{
    /// <summary>
    /// Parses a notification body, telling the two kinds apart by their members (<c>action</c>, <c>signature</c>,
    /// <c>signer</c>, <c>fillableForm</c> mean a signature notification). The vendor's forms (ids for <c>dst</c>,
    /// <c>signature</c>, <c>signer</c>) and whole objects are both read; no member form makes it throw.
    /// </summary>
    /// <param name="json">The request body.</param>
    /// <returns>The notification.</returns>
    /// <exception cref="FormatException">The body is not a JSON object.</exception>
    public static SigningTodayWebhook Parse(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A Signing Today notification is a JSON object.");
            }

            bool signature = root.TryGetProperty("action", out _) || root.TryGetProperty("signature", out _) || root.TryGetProperty("signer", out _) || root.TryGetProperty("fillableForm", out _);
            if (signature)
            {
                return new SigningTodayWebhook(SigningTodayWebhookKind.SignatureStatusChanged, null, root.Deserialize(SigningTodayJsonContext.Default.SignatureStatusChangedNotification));
            }

            if (root.TryGetProperty("dst", out _) || root.TryGetProperty("status", out _))
            {
                return new SigningTodayWebhook(SigningTodayWebhookKind.DstStatusChanged, root.Deserialize(SigningTodayJsonContext.Default.DstStatusChangedNotification), null);
            }

            return new SigningTodayWebhook(SigningTodayWebhookKind.Unknown, null, null);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The notification body is not valid JSON for Signing Today.", ex);
        }
    }

    /// <summary>Parses a DST-status-changed notification.</summary>
    /// <param name="json">The request body.</param>
    /// <returns>The notification.</returns>
    public static DstStatusChangedNotification ParseDstStatusChanged(string json) =>
        Deserialize(json, SigningTodayJsonContext.Default.DstStatusChangedNotification);

    /// <summary>Parses a signature-status-changed notification.</summary>
    /// <param name="json">The request body.</param>
    /// <returns>The notification.</returns>
    public static SignatureStatusChangedNotification ParseSignatureStatusChanged(string json) =>
        Deserialize(json, SigningTodayJsonContext.Default.SignatureStatusChangedNotification);

    /// <summary>
    /// Writes a DST-status notification as Signing Today posts it, e.g. to test your own webhook endpoint with a body
    /// built by <see cref="SigningTodayModelFactory"/>. A parsed notification is written back in the form received.
    /// </summary>
    /// <param name="notification">The notification.</param>
    /// <returns>The JSON body.</returns>
    public static string Serialize(DstStatusChangedNotification notification) =>
        JsonSerializer.Serialize(notification ?? throw new ArgumentNullException(nameof(notification)), SigningTodayJsonContext.Default.DstStatusChangedNotification);

    /// <summary>Writes a signature-status notification as Signing Today posts it (see <see cref="Serialize(DstStatusChangedNotification)"/>).</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>The JSON body.</returns>
    public static string Serialize(SignatureStatusChangedNotification notification) =>
        JsonSerializer.Serialize(notification ?? throw new ArgumentNullException(nameof(notification)), SigningTodayJsonContext.Default.SignatureStatusChangedNotification);

    private static T Deserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        try
        {
            return JsonSerializer.Deserialize(json, typeInfo) ?? throw new FormatException("The notification body is null.");
        }
        catch (JsonException ex)
        {
            throw new FormatException("The notification body is not valid JSON for Signing Today.", ex);
        }
    }
}
