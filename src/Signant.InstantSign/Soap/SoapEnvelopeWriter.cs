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
            await ElementAsync(writer, "DateOfBirthRequired", dc, recipient.DateOfBirthRequired is { } dob ? XmlConvert.ToString(dob.Date, XmlDateTimeSerializationMode.Unspecified) : null).ConfigureAwait(false);
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
    public byte[] GetPostingStatus(Guid postingId) =>
        Small(Template(ref _statusTemplate, SoapNames.GetPostingStatus), PostingIdName, postingId, null, default);

    /// <summary>The DownloadInstantAttachment envelope (small, built in memory).</summary>
    public byte[] DownloadInstantAttachment(Guid postingId, Guid attachmentId) =>
        Small(Template(ref _downloadTemplate, SoapNames.DownloadInstantAttachment), PostingIdName, postingId, AttachmentIdName, attachmentId);

    private static readonly byte[] PostingIdName = Utf8.GetBytes("PostingID");
    private static readonly byte[] AttachmentIdName = Utf8.GetBytes("AttachmentID");
    private const int GuidLength = 36;

    private SmallTemplate? _statusTemplate;
    private SmallTemplate? _downloadTemplate;

    // The two small envelopes are plain text: an XmlWriter (with its buffers) per call would cost more than the call's
    // own payload. Their fixed parts (namespace, credentials, operation) are encoded once and kept while the options
    // hold the same values; a call then allocates only its envelope's bytes. Values are checked for characters XML
    // cannot carry and escaped; the ids are GUIDs.
    private SmallTemplate Template(ref SmallTemplate? slot, string operation)
    {
        var current = Volatile.Read(ref slot);
        if (current is not null && current.Matches(_options))
        {
            return current;
        }

        var built = new SmallTemplate(_options, operation);
        Volatile.Write(ref slot, built);
        return built;
    }

    private static byte[] Small(SmallTemplate template, byte[] firstName, Guid first, byte[]? secondName, Guid second)
    {
        int length = template.Head.Length + ElementLength(firstName) + (secondName is null ? 0 : ElementLength(secondName)) + template.Tail.Length;
        var bytes = new byte[length];
        Buffer.BlockCopy(template.Head, 0, bytes, 0, template.Head.Length);
        int position = AppendGuid(bytes, template.Head.Length, firstName, first);
        if (secondName is not null)
        {
            position = AppendGuid(bytes, position, secondName, second);
        }

        Buffer.BlockCopy(template.Tail, 0, bytes, position, template.Tail.Length);
        return bytes;
    }

    // <Name>guid</Name>
    private static int ElementLength(byte[] name) => (2 * name.Length) + 5 + GuidLength;

    private static int AppendGuid(byte[] bytes, int position, byte[] name, Guid value)
    {
        bytes[position++] = (byte)'<';
        Buffer.BlockCopy(name, 0, bytes, position, name.Length);
        position += name.Length;
        bytes[position++] = (byte)'>';
#if NET
        if (!value.TryFormat(bytes.AsSpan(position, GuidLength), out int written, "D") || written != GuidLength)
        {
            throw new InvalidOperationException("A GUID did not format to 36 characters.");
        }
#else
        System.Text.Encoding.ASCII.GetBytes(value.ToString("D"), 0, GuidLength, bytes, position);
#endif
        position += GuidLength;
        bytes[position++] = (byte)'<';
        bytes[position++] = (byte)'/';
        Buffer.BlockCopy(name, 0, bytes, position, name.Length);
        position += name.Length;
        bytes[position++] = (byte)'>';
        return position;
    }

    /// <summary>A small envelope's fixed parts, encoded, with the option values they were built from.</summary>
    private sealed class SmallTemplate
    {
        private readonly string _serviceNamespace;
        private readonly string? _distributorId;
        private readonly string? _accessCode;

        public SmallTemplate(SignantClientOptions options, string operation)
        {
            _serviceNamespace = options.ServiceNamespace;
            _distributorId = options.DistributorId;
            _accessCode = options.AccessCode;
            var head = new StringBuilder(512)
                .Append("<s:Envelope xmlns:s=\"").Append(SoapNames.EnvelopeNamespace).Append("\"><s:Body><")
                .Append(operation).Append(" xmlns=\"").Append(Escape(_serviceNamespace)).Append("\"><DistributorID>")
                .Append(Escape(_distributorId ?? string.Empty)).Append("</DistributorID><AccessCode>")
                .Append(Escape(_accessCode ?? string.Empty)).Append("</AccessCode>");
            Head = Utf8.GetBytes(head.ToString());
            Tail = Utf8.GetBytes("</" + operation + "></s:Body></s:Envelope>");
        }

        public byte[] Head { get; }

        public byte[] Tail { get; }

        // The same string instances (options are normally not changed after the client is made; if they are, the
        // next envelope is built from the new values).
        public bool Matches(SignantClientOptions options) =>
            ReferenceEquals(options.ServiceNamespace, _serviceNamespace) &&
            ReferenceEquals(options.DistributorId, _distributorId) &&
            ReferenceEquals(options.AccessCode, _accessCode);
    }

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
