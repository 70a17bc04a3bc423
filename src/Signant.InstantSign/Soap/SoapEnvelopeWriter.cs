using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Signant.InstantSign.Models;
using SigningClients.Core.Streaming;

namespace Signant.InstantSign.Soap;

/// <summary>
/// Writes the SOAP 1.1 request envelopes. Operation parameters are written in the operation's parameter order;
/// data-contract members in ordinal alphabetical order, as WCF's DataContractSerializer expects. Null members are
/// omitted. The attachment is base64-encoded in chunks straight from the caller's stream.
/// </summary>
internal sealed class SoapEnvelopeWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly char[] Special = { '&', '<', '>', '"', '\'', '\r' };
    private readonly SignantClientOptions _options;

    public SoapEnvelopeWriter(SignantClientOptions options) => _options = options;

    private static XmlWriterSettings Settings(bool async) => new()
    {
        Async = async,
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = true,
        CloseOutput = false,
        Indent = false,
    };

    /// <summary>Writes CreateInstantPosting; the attachment's bytes are read from <paramref name="file"/> (the stream the PDF check returned).</summary>
    public async Task WriteCreateInstantPostingAsync(Stream output, InstantPosting posting, Stream file, CancellationToken cancellationToken)
    {
        var dc = _options.DataContractNamespace;
        var target = new TokenStream(output, cancellationToken);
#if NET
        await using var writer = XmlWriter.Create(target, Settings(async: true));
#else
        using var writer = XmlWriter.Create(target, Settings(async: true));
#endif
        await StartOperationAsync(writer, SoapNames.CreateInstantPosting).ConfigureAwait(false);
        await writer.WriteStartElementAsync(null, "Posting", _options.ServiceNamespace).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync("xmlns", "a", null, dc).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync("xmlns", "b", null, _options.EnumNamespace).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync("xmlns", "i", null, SoapNames.XsiNamespace).ConfigureAwait(false);

        // Ordinal alphabetical order of InstantPosting's members.
        await ElementAsync(writer, "AfterSignAction", dc, posting.AfterSignAction.Value).ConfigureAwait(false);
        await ElementAsync(writer, "AfterSignRedirectCaption", dc, posting.AfterSignRedirectCaption).ConfigureAwait(false);
        await ElementAsync(writer, "AfterSignRedirectDelay", dc, Int(posting.AfterSignRedirectDelay)).ConfigureAwait(false);
        await ElementAsync(writer, "AfterSignRedirectUrl", dc, posting.AfterSignRedirectUrl?.OriginalString).ConfigureAwait(false);
        await WriteAttachmentAsync(writer, posting.AttachmentToSign, file, dc, cancellationToken).ConfigureAwait(false);
        await ElementAsync(writer, "CancelUrl", dc, posting.CancelUrl?.OriginalString).ConfigureAwait(false);
        await ElementAsync(writer, "Description", dc, posting.Description).ConfigureAwait(false);
        await ElementAsync(writer, "DistributorSystemID", dc, posting.DistributorSystemId).ConfigureAwait(false);
        await writer.WriteStartElementAsync("a", "Recipients", dc).ConfigureAwait(false);
        foreach (var recipient in posting.Recipients)
        {
            await writer.WriteStartElementAsync("a", "InstantPostingRecipient", dc).ConfigureAwait(false);
            await ElementAsync(writer, "DateOfBirthRequired", dc, recipient.DateOfBirthRequired is { } dob ? XmlConvert.ToString(dob, XmlDateTimeSerializationMode.RoundtripKind) : null).ConfigureAwait(false);
            await ElementAsync(writer, "Email", dc, recipient.Email).ConfigureAwait(false);
            await ElementAsync(writer, "MaximumAge", dc, Int(recipient.MaximumAge)).ConfigureAwait(false);
            await ElementAsync(writer, "MinimumAge", dc, Int(recipient.MinimumAge)).ConfigureAwait(false);
            await ElementAsync(writer, "Name", dc, recipient.Name).ConfigureAwait(false);
            await ElementAsync(writer, "SSN", dc, recipient.Ssn).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }

        await writer.WriteEndElementAsync().ConfigureAwait(false);
        await ElementAsync(writer, "Title", dc, posting.Title).ConfigureAwait(false);
        await ElementAsync(writer, "UseWidget", dc, posting.UseWidget ? "true" : "false").ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false); // Posting
        await EndOperationAsync(writer).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>The GetPostingStatus envelope (small, built in memory).</summary>
    public byte[] GetPostingStatus(Guid postingId) => Small(SoapNames.GetPostingStatus, ("PostingID", postingId), null);

    /// <summary>The DownloadInstantAttachment envelope (small, built in memory).</summary>
    public byte[] DownloadInstantAttachment(Guid postingId, Guid attachmentId) =>
        Small(SoapNames.DownloadInstantAttachment, ("PostingID", postingId), ("AttachmentID", attachmentId));

    // The two small envelopes are plain text: an XmlWriter (with its buffers) per call would cost more than the call's
    // own payload. Values are checked for characters XML cannot carry and escaped; the ids are GUIDs.
    private byte[] Small(string operation, (string Name, Guid Value) first, (string Name, Guid Value)? second)
    {
        var ns = Escape(_options.ServiceNamespace);
        var text = new StringBuilder(512)
            .Append("<s:Envelope xmlns:s=\"").Append(SoapNames.EnvelopeNamespace).Append("\"><s:Body><")
            .Append(operation).Append(" xmlns=\"").Append(ns).Append("\"><DistributorID>")
            .Append(Escape(_options.DistributorId ?? string.Empty)).Append("</DistributorID><AccessCode>")
            .Append(Escape(_options.AccessCode ?? string.Empty)).Append("</AccessCode>");
        AppendGuid(text, first);
        if (second is { } s)
        {
            AppendGuid(text, s);
        }

        text.Append("</").Append(operation).Append("></s:Body></s:Envelope>");
        return Utf8.GetBytes(text.ToString());
    }

    private static void AppendGuid(StringBuilder text, (string Name, Guid Value) element) =>
        text.Append('<').Append(element.Name).Append('>').Append(element.Value.ToString("D")).Append("</").Append(element.Name).Append('>');

    /// <summary>Escapes text for element content and attribute values; characters XML cannot carry are refused.</summary>
    private static string Escape(string value)
    {
        XmlConvert.VerifyXmlChars(value);
        if (value.IndexOfAny(Special) < 0)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length + 16);
        foreach (char c in value)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&apos;"); break;
                case '\r': escaped.Append("&#xD;"); break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    private async Task StartOperationAsync(XmlWriter writer, string operation)
    {
        await writer.WriteStartElementAsync("s", "Envelope", SoapNames.EnvelopeNamespace).ConfigureAwait(false);
        await writer.WriteStartElementAsync("s", "Body", SoapNames.EnvelopeNamespace).ConfigureAwait(false);
        await writer.WriteStartElementAsync(null, operation, _options.ServiceNamespace).ConfigureAwait(false);
        await writer.WriteElementStringAsync(null, "DistributorID", _options.ServiceNamespace, _options.DistributorId ?? string.Empty).ConfigureAwait(false);
        await writer.WriteElementStringAsync(null, "AccessCode", _options.ServiceNamespace, _options.AccessCode ?? string.Empty).ConfigureAwait(false);
    }

    private static async Task EndOperationAsync(XmlWriter writer)
    {
        await writer.WriteEndElementAsync().ConfigureAwait(false); // operation
        await writer.WriteEndElementAsync().ConfigureAwait(false); // Body
        await writer.WriteEndElementAsync().ConfigureAwait(false); // Envelope
    }

    private static async Task WriteAttachmentAsync(XmlWriter writer, InstantAttachment attachment, Stream file, string dc, CancellationToken cancellationToken)
    {
        await writer.WriteStartElementAsync("a", "AttachmentToSign", dc).ConfigureAwait(false);
        await ElementAsync(writer, "ActionType", dc, attachment.ActionType.Value).ConfigureAwait(false);
        await ElementAsync(writer, "CancelUrl", dc, attachment.CancelUrl?.OriginalString).ConfigureAwait(false);
        await ElementAsync(writer, "Description", dc, attachment.Description).ConfigureAwait(false);
        await writer.WriteStartElementAsync("a", "File", dc).ConfigureAwait(false);
        await Base64Streaming.WriteBase64Async(writer, file, cancellationToken).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false); // File
        await ElementAsync(writer, "FileName", dc, attachment.FileName).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false); // AttachmentToSign
    }

    private static Task ElementAsync(XmlWriter writer, string name, string ns, string? value) =>
        value is null ? Task.CompletedTask : writer.WriteElementStringAsync("a", name, ns, value);

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
