using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Signant.InstantSign.Models;
using SigningClients.Core.Security;

namespace Signant.InstantSign.Soap;

/// <summary>A SOAP Fault found in a response body.</summary>
internal sealed class SoapFaultException : Exception
{
    public SoapFaultException(string? faultCode, string? faultString)
        : base("SOAP Fault " + faultCode + ": " + faultString)
    {
        FaultCode = faultCode;
        FaultString = faultString;
    }

    public string? FaultCode { get; }

    public string? FaultString { get; }
}

/// <summary>
/// Reads Signant SOAP responses safely and in any member order: DTDs prohibited, no resolver, bounded element text
/// (<see cref="SignantClientOptions.MaxElementLength"/>), bounded documents for file-less calls, and the attachment
/// decoded from base64 in chunks straight into the caller's stream while its MD5 is computed.
/// </summary>
internal sealed class SoapResponseReader
{
    private const int MaxListItems = 10_000;
    private const int MaxAdditionalElements = 256;

    // Signant answers nest under ten levels; deeper XML is refused (it is read iteratively, never by recursion).
    private const int MaxDepth = 64;
    private readonly XmlReader _reader;
    private readonly bool _async;
    private readonly int _maxElementLength;

    // Only the streamed (async) reader reads text in chunks; a buffered answer's text is read whole (it is bounded).
    private readonly char[]? _chars;

    // (XmlReader.Settings is not read: the reader returns a new copy of its settings on every call.)
    private SoapResponseReader(XmlReader reader, bool async, int maxElementLength)
    {
        _reader = reader;
        _async = async;
        _maxElementLength = maxElementLength;
        _chars = async ? new char[1024] : null;
    }

    /// <summary>The reader settings: DTDs prohibited, no resolver, async, optional document size cap.</summary>
    public static XmlReaderSettings CreateSettings(long maxCharacters, bool async) => new()
    {
        Async = async,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        // With DTDs prohibited no entity can be declared; 0 would mean "unlimited", so a small explicit cap is kept.
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>
    /// Parses a buffered small answer with a synchronous reader whose settings and name table are reused on this
    /// thread (an answer's element names are then looked up, not allocated again). The parse runs to its end on the
    /// calling thread (every await in it completes at once), and the settings are taken out of the thread's slot while
    /// in use, so no two readers ever share a name table.
    /// </summary>
    private static async Task<T> ParseBufferedAsync<T>(Stream body, SignantClientOptions options, Func<SoapResponseReader, ValueTask<T>> parse, CancellationToken cancellationToken)
    {
        using var buffered = await BufferedBody.ReadAsync(body, options.MaxResponseCharacters, cancellationToken).ConfigureAwait(false);
        var reuse = SmallAnswerReaderSettings.Take(options.MaxResponseCharacters);
        try
        {
            using var xml = XmlReader.Create(buffered.AsStream(), reuse.Settings);
            return await parse(new SoapResponseReader(xml, async: false, options.MaxElementLength)).ConfigureAwait(false);
        }
        finally
        {
            SmallAnswerReaderSettings.Return(reuse);
        }
    }

    public static Task<CreateInstantPostingResult> ReadCreateAsync(Stream body, SignantClientOptions options, CancellationToken cancellationToken) =>
        ParseBufferedAsync(body, options, ReadCreateAsync, cancellationToken);

    private static async ValueTask<CreateInstantPostingResult> ReadCreateAsync(SoapResponseReader reader)
    {
        var common = new Common();
        Guid postingId = default, attachmentId = default;
        var urls = new List<UrlToSigning>();
        await reader.ReadResultAsync(SoapNames.CreateInstantPosting, async name =>
        {
            switch (name)
            {
                case "PostingID": postingId = await reader.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "AttachmentID": attachmentId = await reader.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "SignUrls":
                    await reader.ReadChildrenAsync(async item =>
                    {
                        if (urls.Count >= MaxListItems)
                        {
                            throw new XmlException("Too many SignUrls items.");
                        }

                        string? n = null;
                        Uri? u = null;
                        await reader.ReadChildrenAsync(async field =>
                        {
                            if (field == "Name")
                            {
                                n = await reader.ReadTextAsync().ConfigureAwait(false);
                            }
                            else if (field == "Url")
                            {
                                // An unsafe URL (javascript:, data:, plain http to a remote host...) is dropped, not handed out.
                                var text = await reader.ReadTextAsync().ConfigureAwait(false);
                                u = SafeUrl.TryCreate(text, out var safe, out _) ? safe : null;
                            }
                            else
                            {
                                await reader.SkipAsync().ConfigureAwait(false);
                            }
                        }).ConfigureAwait(false);
                        urls.Add(new UrlToSigning { Name = n, Url = u });
                    }).ConfigureAwait(false);
                    break;
                default: await reader.ReadCommonOrExtraAsync(name, common).ConfigureAwait(false); break;
            }
        }).ConfigureAwait(false);
        return new CreateInstantPostingResult
        {
            Success = common.Success,
            ErrorCode = common.ErrorCode,
            Message = common.Message,
            AdditionalElements = common.Extra(),
            PostingId = postingId,
            AttachmentId = attachmentId,
            SignUrls = urls,
        };
    }

    public static Task<InstantPostingStatus> ReadStatusAsync(Stream body, SignantClientOptions options, CancellationToken cancellationToken) =>
        ParseBufferedAsync(body, options, ReadStatusAsync, cancellationToken);

    private static async ValueTask<InstantPostingStatus> ReadStatusAsync(SoapResponseReader r)
    {
        var c = new Common();
        Guid postingId = default;
        PostingStatus status = default;
        PostingType type = default;
        int toSign = 0, signed = 0, rejected = 0, toBeSigned = 0, signatures = 0, toRead = 0, read = 0, toUpload = 0, uploaded = 0;
        bool activated = false;
        DateTimeOffset? activeTo = null, created = null, modified = null, deleted = null, completed = null, reminder = null;
        string? title = null, description = null, language = null;
        await r.ReadResultAsync(SoapNames.GetPostingStatus, async name =>
        {
            switch (name)
            {
                case "PostingID": postingId = await r.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "Status": status = await r.ReadTextAsync().ConfigureAwait(false) is { } s ? new PostingStatus(s.Trim()) : default; break;
                case "PostingType": type = await r.ReadTextAsync().ConfigureAwait(false) is { } t ? new PostingType(t.Trim()) : default; break;
                case "TotalDocsToSign": toSign = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsSigned": signed = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsRejected": rejected = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "ToBeSignedCount": toBeSigned = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "SignatureCount": signatures = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsToRead": toRead = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsRead": read = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsToUpload": toUpload = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsUploaded": uploaded = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "Activated": activated = await r.ReadBoolAsync().ConfigureAwait(false); break;
                case "ActiveTo": activeTo = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "CreatedDateTime": created = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "LastModifiedDateTime": modified = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "WillBeDeletedDateTime": deleted = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "CompletedDateTime": completed = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "LastReminderDateTime": reminder = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "Title": title = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "Description": description = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "DefaultLanguage": language = await r.ReadTextAsync().ConfigureAwait(false); break;
                default: await r.ReadCommonOrExtraAsync(name, c).ConfigureAwait(false); break;
            }
        }).ConfigureAwait(false);
        return new InstantPostingStatus
        {
            Success = c.Success,
            ErrorCode = c.ErrorCode,
            Message = c.Message,
            AdditionalElements = c.Extra(),
            PostingId = postingId,
            Status = status,
            PostingType = type,
            TotalDocsToSign = toSign,
            TotalDocsSigned = signed,
            TotalDocsRejected = rejected,
            ToBeSignedCount = toBeSigned,
            SignatureCount = signatures,
            TotalDocsToRead = toRead,
            TotalDocsRead = read,
            TotalDocsToUpload = toUpload,
            TotalDocsUploaded = uploaded,
            Activated = activated,
            ActiveTo = activeTo,
            CreatedDateTime = created,
            LastModifiedDateTime = modified,
            WillBeDeletedDateTime = deleted,
            CompletedDateTime = completed,
            LastReminderDateTime = reminder,
            Title = title,
            Description = description,
            DefaultLanguage = language,
        };
    }

    /// <summary>Reads a download answer, writing the decoded file into <paramref name="destination"/>. The hash is checked by the caller.</summary>
    public static async Task<InstantAttachmentDownload> ReadDownloadAsync(Stream body, Stream destination, SignantClientOptions options, CancellationToken cancellationToken)
    {
        using var xml = XmlReader.Create(new TokenStream(body, cancellationToken), CreateSettings(0, async: true));
        var r = new SoapResponseReader(xml, async: true, options.MaxElementLength);
        var c = new Common();
        Guid attachmentId = default;
        string? fileName = null, description = null, fileHash = null;
        string computed = string.Empty;
        long length = 0;
        bool fileSeen = false;
        await r.ReadResultAsync(SoapNames.DownloadInstantAttachment, async name =>
        {
            switch (name)
            {
                case "AttachmentID": attachmentId = await r.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "FileName": fileName = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "Description": description = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "FileHash": fileHash = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "AttachmentFile":
                    if (fileSeen)
                    {
                        throw new XmlException("The response holds more than one AttachmentFile.");
                    }

                    fileSeen = true;
                    (length, computed) = await r.ReadBase64IntoAsync(destination, options.MaxAttachmentBytes, cancellationToken).ConfigureAwait(false);
                    break;
                default: await r.ReadCommonOrExtraAsync(name, c).ConfigureAwait(false); break;
            }
        }).ConfigureAwait(false);
        return new InstantAttachmentDownload
        {
            Success = c.Success,
            ErrorCode = c.ErrorCode,
            Message = c.Message,
            AdditionalElements = c.Extra(),
            AttachmentId = attachmentId,
            FileName = fileName,
            Description = description,
            FileHash = fileHash,
            ComputedHash = fileSeen ? computed : string.Empty,
            Length = length,
        };
    }

    /// <summary>Synchronously reads a SOAP Fault or a Success=false result from a (size-limited) error body.</summary>
    public static (string? Code, string? Message)? TryReadError(string body, int maxElementLength)
    {
        using var xml = XmlReader.Create(new StringReader(body), CreateSettings(Math.Max(body.Length, 1) + 1, async: false));
        string? faultCode = null, faultString = null, errorCode = null, message = null, detailMessage = null;
        bool fault = false, success = true;
        try
        {
            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "Fault": fault = true; xml.Read(); break;
                    case "faultcode": faultCode = Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "faultstring": faultString = Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "ErrorCode": errorCode = Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "Message": message = Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "Text": detailMessage ??= Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "Success": success = !string.Equals(xml.ReadElementContentAsString().Trim(), "false", StringComparison.OrdinalIgnoreCase); break;
                    default: xml.Read(); break;
                }
            }
        }
        catch (XmlException)
        {
            // A truncated or hostile body (a DTD is rejected here): keep what was read before the problem.
        }

        if (fault)
        {
            return (errorCode is { Length: > 0 } and not "0" ? errorCode : faultCode, faultString ?? message ?? detailMessage);
        }

        return !success || errorCode is not null ? (errorCode, message) : null;
    }

    private static string Bounded(string value, int max) => value.Length > max ? value.Substring(0, max) : value;

    // name == operation + suffix, without building the string.
    private static bool IsNamed(string name, string operation, string suffix) =>
        name.Length == operation.Length + suffix.Length &&
        name.StartsWith(operation, StringComparison.Ordinal) &&
        name.EndsWith(suffix, StringComparison.Ordinal);

    /// <summary>Navigates Envelope/Body/{op}Response/{op}Result and hands each member of the result to <paramref name="onMember"/>.</summary>
    private async ValueTask ReadResultAsync(string operation, Func<string, ValueTask> onMember)
    {
        await MoveToContentAsync().ConfigureAwait(false);
        if (_reader.NodeType != XmlNodeType.Element || _reader.LocalName != "Envelope")
        {
            throw new XmlException("The response is not a SOAP envelope.");
        }

        bool bodySeen = false;
        await ReadChildrenAsync(async envelopeChild =>
        {
            if (envelopeChild != "Body")
            {
                await SkipAsync().ConfigureAwait(false);
                return;
            }

            bodySeen = true;
            bool responseSeen = false;
            await ReadChildrenAsync(async bodyChild =>
            {
                if (bodyChild == "Fault")
                {
                    await ReadFaultAsync().ConfigureAwait(false);
                }

                if (!IsNamed(bodyChild, operation, "Response") || responseSeen)
                {
                    throw new XmlException("Unexpected element '" + bodyChild + "' in the SOAP body; expected " + operation + "Response.");
                }

                responseSeen = true;
                bool resultSeen = false;
                await ReadChildrenAsync(async responseChild =>
                {
                    if (!IsNamed(responseChild, operation, "Result"))
                    {
                        await SkipAsync().ConfigureAwait(false);
                        return;
                    }

                    resultSeen = true;
                    if (IsNil())
                    {
                        throw new XmlException(operation + "Result is nil.");
                    }

                    await ReadChildrenAsync(onMember).ConfigureAwait(false);
                }).ConfigureAwait(false);
                if (!resultSeen)
                {
                    throw new XmlException("The response has no " + operation + "Result.");
                }
            }).ConfigureAwait(false);
            if (!responseSeen)
            {
                throw new XmlException("The SOAP body is empty.");
            }
        }).ConfigureAwait(false);
        if (!bodySeen)
        {
            throw new XmlException("The SOAP envelope has no Body.");
        }
    }

    private async ValueTask ReadFaultAsync()
    {
        string? code = null, text = null, errorCode = null, message = null;
        await ReadChildrenAsync(async name =>
        {
            switch (name)
            {
                case "faultcode": code = await ReadTextAsync().ConfigureAwait(false); break;
                case "faultstring": text = await ReadTextAsync().ConfigureAwait(false); break;
                case "detail":
                    await ReadDescendantsAsync(async (n) =>
                    {
                        if (n == "ErrorCode")
                        {
                            errorCode = await ReadTextAsync().ConfigureAwait(false);
                            return true;
                        }

                        if (n == "Message")
                        {
                            message = await ReadTextAsync().ConfigureAwait(false);
                            return true;
                        }

                        return false;
                    }).ConfigureAwait(false);
                    break;
                default: await SkipAsync().ConfigureAwait(false); break;
            }
        }).ConfigureAwait(false);
        throw new SoapFaultException(errorCode is { Length: > 0 } and not "0" ? errorCode : code, text ?? message);
    }

    /// <summary>
    /// Visits every element under the current one (which it consumes), depth first, without recursion: a server can
    /// nest as deep as it likes without growing the stack. <paramref name="onElement"/> returns whether it consumed the
    /// element; otherwise its children are visited.
    /// </summary>
    private async ValueTask ReadDescendantsAsync(Func<string, ValueTask<bool>> onElement)
    {
        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return;
        }

        int depth = _reader.Depth;
        await ReadNodeAsync().ConfigureAwait(false);
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (await onElement(_reader.LocalName).ConfigureAwait(false))
                    {
                        continue;
                    }

                    await ReadNodeAsync().ConfigureAwait(false);
                    continue;
                case XmlNodeType.EndElement:
                    bool end = _reader.Depth == depth;
                    await ReadNodeAsync().ConfigureAwait(false);
                    if (end)
                    {
                        return;
                    }

                    continue;
                case XmlNodeType.None:
                    throw new XmlException("The response ended unexpectedly.");
                default:
                    if (!await ReadNodeAsync().ConfigureAwait(false))
                    {
                        throw new XmlException("The response ended unexpectedly.");
                    }

                    continue;
            }
        }
    }

    private async ValueTask ReadCommonOrExtraAsync(string name, Common common)
    {
        switch (name)
        {
            case "Success": common.Success = await ReadBoolAsync().ConfigureAwait(false); break;
            case "ErrorCode": common.ErrorCode = await ReadIntAsync().ConfigureAwait(false); break;
            case "Message": common.Message = await ReadTextAsync().ConfigureAwait(false); break;
            default:
                if (common.AdditionalCount < MaxAdditionalElements && !common.HasAdditional(name))
                {
                    // Unknown members are kept when they are simple values; complex ones are skipped.
                    var text = await TryReadSimpleAsync().ConfigureAwait(false);
                    if (text is not null)
                    {
                        common.AddAdditional(name, text);
                    }
                }
                else
                {
                    await SkipAsync().ConfigureAwait(false);
                }

                break;
        }
    }

    /// <summary>Calls <paramref name="onChild"/> for each child element (positioned on it; it must consume it) and consumes the parent.</summary>
    private async ValueTask ReadChildrenAsync(Func<string, ValueTask> onChild)
    {
        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return;
        }

        int depth = _reader.Depth;
        await ReadNodeAsync().ConfigureAwait(false);
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    await onChild(_reader.LocalName).ConfigureAwait(false);
                    if (_reader.Depth > depth + 1 || (_reader.Depth == depth + 1 && _reader.NodeType == XmlNodeType.EndElement))
                    {
                        throw new XmlException("Internal reader error: a child element was not fully consumed.");
                    }

                    break;
                case XmlNodeType.EndElement:
                    await ReadNodeAsync().ConfigureAwait(false);
                    return;
                case XmlNodeType.None:
                    throw new XmlException("The response ended unexpectedly.");
                default:
                    if (!await ReadNodeAsync().ConfigureAwait(false))
                    {
                        throw new XmlException("The response ended unexpectedly.");
                    }

                    break;
            }
        }
    }

    private ValueTask SkipAsync()
    {
        if (_async)
        {
            return new ValueTask(_reader.SkipAsync());
        }

        _reader.Skip();
        return default;
    }

    // The reader is either asynchronous (a streamed download) or synchronous over a buffered small answer; in the
    // synchronous case every await below completes at once and the ValueTask-based methods allocate nothing.
    private ValueTask<bool> ReadNodeAsync()
    {
        if (_async)
        {
            return ReadNodeCoreAsync();
        }

        bool read = _reader.Read();
        CheckDepth();
        return new ValueTask<bool>(read);
    }

    private async ValueTask<bool> ReadNodeCoreAsync()
    {
        bool read = await _reader.ReadAsync().ConfigureAwait(false);
        CheckDepth();
        return read;
    }

    private void CheckDepth()
    {
        if (_reader.Depth > MaxDepth)
        {
            throw new XmlException("The response nests elements deeper than " + MaxDepth + " levels.");
        }
    }

    private ValueTask<int> ReadValueChunkAsync() =>
        _async ? new ValueTask<int>(_reader.ReadValueChunkAsync(_chars!, 0, _chars!.Length)) : new ValueTask<int>(_reader.ReadValueChunk(_chars!, 0, _chars!.Length));

    private ValueTask<string> GetValueAsync() => _async ? new ValueTask<string>(_reader.GetValueAsync()) : new ValueTask<string>(_reader.Value);

    private ValueTask<XmlNodeType> MoveToContentAsync() => _async ? new ValueTask<XmlNodeType>(_reader.MoveToContentAsync()) : new ValueTask<XmlNodeType>(_reader.MoveToContent());

    private bool IsNil() => string.Equals(_reader.GetAttribute("nil", SoapNames.XsiNamespace), "true", StringComparison.Ordinal);

    /// <summary>Reads the text of the current element (bounded); <see langword="null"/> when nil.</summary>
    private async ValueTask<string?> ReadTextAsync(bool lenient = false)
    {
        if (IsNil())
        {
            await SkipAsync().ConfigureAwait(false);
            return null;
        }

        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return string.Empty;
        }

        string name = _reader.LocalName;
        bool complex = false;
        StringBuilder? builder = null;
        string? single = null;
        await ReadNodeAsync().ConfigureAwait(false);
        while (_reader.NodeType != XmlNodeType.EndElement)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (_chars is not null && _reader.CanReadValueChunk)
                    {
                        int read;
                        while ((read = await ReadValueChunkAsync().ConfigureAwait(false)) > 0)
                        {
                            if (Length(single, builder) + read > _maxElementLength)
                            {
                                throw TooLong(name);
                            }

                            // The common case, one text node within one chunk, makes one string and no builder.
                            if (single is null && builder is null)
                            {
                                single = new string(_chars, 0, read);
                            }
                            else
                            {
                                builder ??= new StringBuilder(single);
                                single = null;
                                builder.Append(_chars, 0, read);
                            }
                        }
                    }
                    else
                    {
                        // A buffered answer (bounded as a whole): the node's text at once, usually the element's only one.
                        var value = await GetValueAsync().ConfigureAwait(false);
                        if (Length(single, builder) + value.Length > _maxElementLength)
                        {
                            throw TooLong(name);
                        }

                        if (single is null && builder is null)
                        {
                            single = value;
                        }
                        else
                        {
                            builder ??= new StringBuilder(single);
                            single = null;
                            builder.Append(value);
                        }
                    }

                    await ReadNodeAsync().ConfigureAwait(false);
                    break;
                case XmlNodeType.Element:
                    if (!lenient)
                    {
                        throw new XmlException("The element '" + name + "' must hold text, not elements.");
                    }

                    complex = true;
                    await SkipAsync().ConfigureAwait(false);
                    break;
                case XmlNodeType.None:
                    throw new XmlException("The response ended unexpectedly.");
                default:
                    await ReadNodeAsync().ConfigureAwait(false);
                    break;
            }
        }

        await ReadNodeAsync().ConfigureAwait(false);
        return complex ? null : single ?? builder?.ToString() ?? string.Empty;
    }

    private static int Length(string? single, StringBuilder? builder) => single?.Length ?? builder?.Length ?? 0;

    private XmlException TooLong(string name) =>
        new("The element '" + name + "' is longer than the limit of " + _maxElementLength + " characters.");

    private ValueTask<string?> TryReadSimpleAsync() => ReadTextAsync(lenient: true);

    private async ValueTask<Guid?> ReadGuidAsync()
    {
        var text = await ReadTextAsync().ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Guid.TryParse(text!.Trim(), out var id) ? id : throw new XmlException("'" + text + "' is not a GUID.");
    }

    private async ValueTask<int> ReadIntAsync()
    {
        var text = await ReadTextAsync().ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        return int.TryParse(text!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new XmlException("'" + text + "' is not an integer.");
    }

    private async ValueTask<bool> ReadBoolAsync()
    {
        var text = (await ReadTextAsync().ConfigureAwait(false))?.Trim();
        return text switch
        {
            null or "" => false,
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw new XmlException("'" + text + "' is not a boolean."),
        };
    }

    private async ValueTask<DateTimeOffset?> ReadDateAsync()
    {
        var text = (await ReadTextAsync().ConfigureAwait(false))?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw new XmlException("'" + text + "' is not a date.");
    }

    private async ValueTask<(long Length, string Hash)> ReadBase64IntoAsync(Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        using var md5 = new Md5Accumulator();
        if (IsNil())
        {
            await SkipAsync().ConfigureAwait(false);
            return (0, md5.FinishHex());
        }

        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await _reader.ReadElementContentAsBase64Async(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new XmlException("The attachment is larger than the limit of " + maxBytes + " bytes (SignantClientOptions.MaxAttachmentBytes); discard what was written.");
            }

            md5.Append(buffer, 0, read);
            await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
        }

        return (total, md5.FinishHex());
    }

    private sealed class Common
    {
        public bool Success { get; set; }

        public int ErrorCode { get; set; }

        public string? Message { get; set; }

        private Dictionary<string, string>? _additional;

        public int AdditionalCount => _additional?.Count ?? 0;

        public bool HasAdditional(string name) => _additional?.ContainsKey(name) ?? false;

        public void AddAdditional(string name, string value) => (_additional ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;

        public IReadOnlyDictionary<string, string> Extra() => _additional is { Count: > 0 } ? _additional : SignantResult.EmptyElements;
    }
}
