using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using SigningToday.Dst.Internal;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>
/// Webhook: the status of a DST changed. In the vendor's models <c>dst</c> is the DST id (a UUID string); a server
/// that sends the whole DST object is read too (<see cref="Dst"/>). Either form round-trips unchanged.
/// </summary>
public sealed class DstStatusChangedNotification
{
    /// <summary>toFill, toSign, expired, performed or error.</summary>
    [JsonPropertyName("status")]
    public DstNotificationStatus? Status { get; set; }

    /// <summary>
    /// The id of the DST: the <c>dst</c> string (the vendor's form) or the <c>id</c> of a <c>dst</c> object. Setting it
    /// writes the vendor's form, a bare UUID string.
    /// </summary>
    [JsonIgnore]
    public string? DstId
    {
        get => WireValue.Text(DstValue) ?? WireValue.Text(WireValue.Member(DstValue, "id"));
        set => DstValue = WireValue.String(value);
    }

    /// <summary>
    /// The DST when the server sent an object for <c>dst</c>; <see langword="null"/> for the vendor's bare-id form (use
    /// <see cref="DstId"/> and <see cref="IDstOperations.GetAsync"/>). Each read parses the member again; setting it
    /// writes the object form.
    /// </summary>
    [JsonIgnore]
    public DigitalSignatureTransaction? Dst
    {
        get => WireValue.Object(DstValue, SigningTodayJsonContext.Default.DigitalSignatureTransaction);
        set => DstValue = WireValue.From(value, SigningTodayJsonContext.Default.DigitalSignatureTransaction);
    }

    /// <summary>Why.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The <c>dst</c> member as sent.</summary>
    [JsonInclude]
    [JsonPropertyName("dst")]
    internal JsonElement? DstValue { get; set; }
}
