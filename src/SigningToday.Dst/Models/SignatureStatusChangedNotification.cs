using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using SigningToday.Dst.Internal;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>
/// Webhook: the status of a signature (or fill) changed. The vendor's models send <c>dst</c> as <c>{id, title}</c>,
/// <c>signature</c> as an integer (the signature request id), <c>signer</c> as a string and <c>document</c> as
/// <c>{id, display_name, order}</c>; servers that send the whole objects (DST, signature request, signer, document)
/// are read too. Every member round-trips in the form received.
/// </summary>
public sealed class SignatureStatusChangedNotification
{
    /// <summary>pending, performed, expired, error or declined.</summary>
    [JsonPropertyName("status")]
    public SignatureNotificationStatus? Status { get; set; }

    /// <summary>fill or sign.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; set; }

    /// <summary>The signer group.</summary>
    [JsonPropertyName("group")]
    public int? Group { get; set; }

    /// <summary>The id of the DST (from the <c>dst</c> object, or a bare id string).</summary>
    [JsonIgnore]
    public string? DstId => WireValue.Text(WireValue.Member(DstValue, "id")) ?? WireValue.Text(DstValue);

    /// <summary>The title of the DST (from the <c>dst</c> object).</summary>
    [JsonIgnore]
    public string? DstTitle => WireValue.Text(WireValue.Member(DstValue, "title"));

    /// <summary>
    /// The <c>dst</c> object: with the vendor's <c>{id, title}</c> form a DST with only <see cref="DigitalSignatureTransaction.Id"/>
    /// and <see cref="DigitalSignatureTransaction.Title"/>; <see langword="null"/> when no object was sent. Each read parses the member again.
    /// </summary>
    [JsonIgnore]
    public DigitalSignatureTransaction? Dst
    {
        get => WireValue.Object(DstValue, SigningTodayJsonContext.Default.DigitalSignatureTransaction);
        set => DstValue = WireValue.From(value, SigningTodayJsonContext.Default.DigitalSignatureTransaction);
    }

    /// <summary>The form.</summary>
    [JsonPropertyName("fillableForm")]
    public DstForm? FillableForm { get; set; }

    /// <summary>The id of the signature request: the <c>signature</c> integer (the vendor's form) or the <c>id</c> of a <c>signature</c> object. Setting it writes an integer.</summary>
    [JsonIgnore]
    public int? SignatureId
    {
        get => WireValue.Int32(SignatureValue) ?? WireValue.Int32(WireValue.Member(SignatureValue, "id"));
        set => SignatureValue = WireValue.Number(value);
    }

    /// <summary>The signature request when the server sent an object for <c>signature</c>; <see langword="null"/> for the vendor's integer form.</summary>
    [JsonIgnore]
    public SignatureRequest? SignatureRequest
    {
        get => WireValue.Object(SignatureValue, SigningTodayJsonContext.Default.SignatureRequest);
        set => SignatureValue = WireValue.From(value, SigningTodayJsonContext.Default.SignatureRequest);
    }

    /// <summary>The <c>signer</c> string of the vendor's form (a number is read as its digits); <see langword="null"/> when an object was sent (see <see cref="SignerDetails"/>).</summary>
    [JsonIgnore]
    public string? Signer
    {
        get => WireValue.Text(SignerValue);
        set => SignerValue = WireValue.String(value);
    }

    /// <summary>The signer when the server sent an object for <c>signer</c>; <see langword="null"/> for the vendor's string form.</summary>
    [JsonIgnore]
    public Signer? SignerDetails
    {
        get => WireValue.Object(SignerValue, SigningTodayJsonContext.Default.Signer);
        set => SignerValue = WireValue.From(value, SigningTodayJsonContext.Default.Signer);
    }

    /// <summary>The <c>document</c> object read in the vendor's form <c>{id, display_name, order}</c> (other members of a whole document object stay in its <see cref="NotificationDocument.AdditionalProperties"/>).</summary>
    [JsonIgnore]
    public NotificationDocument? Document
    {
        get => WireValue.Object(DocumentValue, SigningTodayJsonContext.Default.NotificationDocument);
        set => DocumentValue = WireValue.From(value, SigningTodayJsonContext.Default.NotificationDocument);
    }

    /// <summary>The <c>document</c> object read as a whole DST document (forms, signature requests, status) for servers that send one.</summary>
    [JsonIgnore]
    public DstDocument? DocumentDetails
    {
        get => WireValue.Object(DocumentValue, SigningTodayJsonContext.Default.DstDocument);
        set => DocumentValue = WireValue.From(value, SigningTodayJsonContext.Default.DstDocument);
    }

    /// <summary>True when performed automatically.</summary>
    [JsonPropertyName("automatic")]
    public bool? Automatic { get; set; }

    /// <summary>The page.</summary>
    [JsonPropertyName("page")]
    public int? Page { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The <c>dst</c> member as sent.</summary>
    [JsonInclude]
    [JsonPropertyName("dst")]
    internal JsonElement? DstValue { get; set; }

    /// <summary>The <c>signature</c> member as sent.</summary>
    [JsonInclude]
    [JsonPropertyName("signature")]
    internal JsonElement? SignatureValue { get; set; }

    /// <summary>The <c>signer</c> member as sent.</summary>
    [JsonInclude]
    [JsonPropertyName("signer")]
    internal JsonElement? SignerValue { get; set; }

    /// <summary>The <c>document</c> member as sent.</summary>
    [JsonInclude]
    [JsonPropertyName("document")]
    internal JsonElement? DocumentValue { get; set; }
}
