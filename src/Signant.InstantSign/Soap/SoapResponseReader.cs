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

    // Short values (counters, dates, ids, flags) are parsed from characters copied here, never made into strings:
    // [0, ScalarCapacity) holds the value without its leading white space, the rest is where chunks are read into.
    private readonly char[] _scalar;

    // (XmlReader.Settings is not read: the reader returns a new copy of its settings on every call.)
    private SoapResponseReader(XmlReader reader, bool async, int maxElementLength, char[]? scalar)
    {
        _reader = reader;
        _async = async;
        _maxElementLength = maxElementLength;
        _chars = async ? new char[1024] : null;
        _scalar = scalar ?? new char[ScalarBufferLength];
    }

    /// <summary>The length of the buffer short values are parsed from (see <see cref="SmallAnswerReaderSettings"/>).</summary>
    internal const int ScalarBufferLength = ScalarCapacity + ScalarChunk;

    // A valid counter, date, GUID or flag is far shorter than this (white space around it aside).
    private const int ScalarCapacity = 192;
    private const int ScalarChunk = 64;

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
    /// Parses a buffered small answer with a synchronous reader whose settings, name table and value buffer are reused
    /// on this thread (an answer's element names are then looked up, not allocated again). The parse runs to its end on
    /// the calling thread (every await in it completes at once), and the settings are taken out of the thread's slot
    /// while in use, so no two readers ever share a name table or a buffer.
    /// </summary>
    private static async Task<T> ParseBufferedAsync<T>(Stream body, SignantClientOptions options, ResultReader<T> result, CancellationToken cancellationToken)
        where T : SignantResult
    {
        using var buffered = await BufferedBody.ReadAsync(body, options.MaxResponseCharacters, cancellationToken).ConfigureAwait(false);
        var reuse = SmallAnswerReaderSettings.Take(options.MaxResponseCharacters);
        try
        {
            using var xml = XmlReader.Create(buffered.AsStream(), reuse.Settings);
            await new SoapResponseReader(xml, async: false, options.MaxElementLength, reuse.ScalarBuffer).ReadResultAsync(result).ConfigureAwait(false);
            return result.Result;
        }
        finally
        {
            SmallAnswerReaderSettings.Return(reuse);
        }
    }

    public static Task<CreateInstantPostingResult> ReadCreateAsync(Stream body, SignantClientOptions options, CancellationToken cancellationToken) =>
        ParseBufferedAsync(body, options, new CreateReader(), cancellationToken);

    public static Task<InstantPostingStatus> ReadStatusAsync(Stream body, SignantClientOptions options, CancellationToken cancellationToken) =>
        ParseBufferedAsync(body, options, new StatusReader(), cancellationToken);

    /// <summary>Reads a download answer, writing the decoded file into <paramref name="destination"/>. The hash is checked by the caller.</summary>
    public static async Task<InstantAttachmentDownload> ReadDownloadAsync(Stream body, Stream destination, SignantClientOptions options, CancellationToken cancellationToken)
    {
        using var xml = XmlReader.Create(new TokenStream(body, cancellationToken), CreateSettings(0, async: true));
        var r = new SoapResponseReader(xml, async: true, options.MaxElementLength, null);
        var download = new DownloadReader(destination, options.MaxAttachmentBytes, cancellationToken);
        await r.ReadResultAsync(download).ConfigureAwait(false);
        var result = download.Result;
        result.ComputedHash = download.FileSeen ? download.Computed : string.Empty;
        return result;
    }

    /// <summary>What one operation's result is read into: its members, in any order, by name.</summary>
    private abstract class ResultReader<T>
        where T : SignantResult
    {
        protected ResultReader(string operation, T result)
        {
            Operation = operation;
            Result = result;
        }

        public string Operation { get; }

        public T Result { get; }

        /// <summary>Reads the member the reader is positioned on (it must consume it).</summary>
        public abstract ValueTask ReadMemberAsync(SoapResponseReader r, string name);
    }

    private sealed class CreateReader : ResultReader<CreateInstantPostingResult>
    {
        private List<UrlToSigning>? _urls;

        public CreateReader()
            : base(SoapNames.CreateInstantPosting, new CreateInstantPostingResult())
        {
        }

        public override async ValueTask ReadMemberAsync(SoapResponseReader r, string name)
        {
            var result = Result;
            switch (name)
            {
                case "PostingID": result.PostingId = await r.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "AttachmentID": result.AttachmentId = await r.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "SignUrls":
                    if (_urls is null)
                    {
                        result.SignUrls = _urls = new List<UrlToSigning>();
                    }

                    int list = await r.EnterAsync().ConfigureAwait(false);
                    while (await r.NextChildAsync(list).ConfigureAwait(false))
                    {
                        if (_urls.Count >= MaxListItems)
                        {
                            throw new XmlException("Too many SignUrls items.");
                        }

                        var url = new UrlToSigning();
                        int item = await r.EnterAsync().ConfigureAwait(false);
                        while (await r.NextChildAsync(item).ConfigureAwait(false))
                        {
                            string field = r._reader.LocalName;
                            if (field == "Name")
                            {
                                url.Name = await r.ReadTextAsync().ConfigureAwait(false);
                            }
                            else if (field == "Url")
                            {
                                // An unsafe URL (javascript:, data:, plain http to a remote host...) is dropped, not handed out.
                                var text = await r.ReadTextAsync().ConfigureAwait(false);
                                url.Url = SafeUrl.TryCreate(text, out var safe, out _) ? safe : null;
                            }
                            else
                            {
                                await r.SkipAsync().ConfigureAwait(false);
                            }
                        }

                        _urls.Add(url);
                    }

                    break;
                default: await r.ReadCommonOrExtraAsync(name, result).ConfigureAwait(false); break;
            }
        }
    }

    private sealed class StatusReader : ResultReader<InstantPostingStatus>
    {
        public StatusReader()
            : base(SoapNames.GetPostingStatus, new InstantPostingStatus())
        {
        }

        public override async ValueTask ReadMemberAsync(SoapResponseReader r, string name)
        {
            var s = Result;
            switch (name)
            {
                case "PostingID": s.PostingId = await r.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "Status": s.Status = await r.ReadTextAsync().ConfigureAwait(false) is { } t ? new PostingStatus(t.Trim()) : default; break;
                case "PostingType": s.PostingType = await r.ReadTextAsync().ConfigureAwait(false) is { } p ? new PostingType(p.Trim()) : default; break;
                case "TotalDocsToSign": s.TotalDocsToSign = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsSigned": s.TotalDocsSigned = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsRejected": s.TotalDocsRejected = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "ToBeSignedCount": s.ToBeSignedCount = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "SignatureCount": s.SignatureCount = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsToRead": s.TotalDocsToRead = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsRead": s.TotalDocsRead = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsToUpload": s.TotalDocsToUpload = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "TotalDocsUploaded": s.TotalDocsUploaded = await r.ReadIntAsync().ConfigureAwait(false); break;
                case "Activated": s.Activated = await r.ReadBoolAsync().ConfigureAwait(false); break;
                case "ActiveTo": s.ActiveTo = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "CreatedDateTime": s.CreatedDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "LastModifiedDateTime": s.LastModifiedDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "WillBeDeletedDateTime": s.WillBeDeletedDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "CompletedDateTime": s.CompletedDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "LastReminderDateTime": s.LastReminderDateTime = await r.ReadDateAsync().ConfigureAwait(false); break;
                case "Title": s.Title = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "Description": s.Description = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "DefaultLanguage": s.DefaultLanguage = await r.ReadTextAsync().ConfigureAwait(false); break;
                default: await r.ReadCommonOrExtraAsync(name, s).ConfigureAwait(false); break;
            }
        }
    }

    private sealed class DownloadReader : ResultReader<InstantAttachmentDownload>
    {
        private readonly Stream _destination;
        private readonly long _maxBytes;
        private readonly CancellationToken _cancellationToken;

        public DownloadReader(Stream destination, long maxBytes, CancellationToken cancellationToken)
            : base(SoapNames.DownloadInstantAttachment, new InstantAttachmentDownload())
        {
            _destination = destination;
            _maxBytes = maxBytes;
            _cancellationToken = cancellationToken;
        }

        public bool FileSeen { get; private set; }

        public string Computed { get; private set; } = string.Empty;

        public override async ValueTask ReadMemberAsync(SoapResponseReader r, string name)
        {
            var d = Result;
            switch (name)
            {
                case "AttachmentID": d.AttachmentId = await r.ReadGuidAsync().ConfigureAwait(false) ?? default; break;
                case "FileName": d.FileName = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "Description": d.Description = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "FileHash": d.FileHash = await r.ReadTextAsync().ConfigureAwait(false); break;
                case "AttachmentFile":
                    if (FileSeen)
                    {
                        throw new XmlException("The response holds more than one AttachmentFile.");
                    }

                    FileSeen = true;
                    var (length, computed) = await r.ReadBase64IntoAsync(_destination, _maxBytes, _cancellationToken).ConfigureAwait(false);
                    d.Length = length;
                    Computed = computed;
                    break;
                default: await r.ReadCommonOrExtraAsync(name, d).ConfigureAwait(false); break;
            }
        }
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

    /// <summary>
    /// Navigates Envelope/Body/{op}Response/{op}Result and hands each member of the result to <paramref name="target"/>:
    /// plain loops over the children of each level (no callbacks, so nothing is allocated per level).
    /// </summary>
    private async ValueTask ReadResultAsync<T>(ResultReader<T> target)
        where T : SignantResult
    {
        string operation = target.Operation;
        await MoveToContentAsync().ConfigureAwait(false);
        if (_reader.NodeType != XmlNodeType.Element || _reader.LocalName != "Envelope")
        {
            throw new XmlException("The response is not a SOAP envelope.");
        }

        bool bodySeen = false;
        int envelope = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(envelope).ConfigureAwait(false))
        {
            if (_reader.LocalName != "Body")
            {
                await SkipAsync().ConfigureAwait(false);
                continue;
            }

            bodySeen = true;
            bool responseSeen = false;
            int body = await EnterAsync().ConfigureAwait(false);
            while (await NextChildAsync(body).ConfigureAwait(false))
            {
                string bodyChild = _reader.LocalName;
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
                int response = await EnterAsync().ConfigureAwait(false);
                while (await NextChildAsync(response).ConfigureAwait(false))
                {
                    if (!IsNamed(_reader.LocalName, operation, "Result"))
                    {
                        await SkipAsync().ConfigureAwait(false);
                        continue;
                    }

                    resultSeen = true;
                    if (IsNil())
                    {
                        throw new XmlException(operation + "Result is nil.");
                    }

                    int result = await EnterAsync().ConfigureAwait(false);
                    while (await NextChildAsync(result).ConfigureAwait(false))
                    {
                        await target.ReadMemberAsync(this, _reader.LocalName).ConfigureAwait(false);
                    }
                }

                if (!resultSeen)
                {
                    throw new XmlException("The response has no " + operation + "Result.");
                }
            }

            if (!responseSeen)
            {
                throw new XmlException("The SOAP body is empty.");
            }
        }

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

    private async ValueTask ReadCommonOrExtraAsync(string name, SignantResult result)
    {
        switch (name)
        {
            case "Success": result.Success = await ReadBoolAsync().ConfigureAwait(false); break;
            case "ErrorCode": result.ErrorCode = await ReadIntAsync().ConfigureAwait(false); break;
            case "Message": result.Message = await ReadTextAsync().ConfigureAwait(false); break;
            default:
                // The dictionary is created on first use; until then the result holds the shared empty one.
                var additional = ReferenceEquals(result.AdditionalElements, SignantResult.EmptyElements) ? null : (Dictionary<string, string>)result.AdditionalElements;
                if ((additional?.Count ?? 0) < MaxAdditionalElements && !(additional?.ContainsKey(name) ?? false))
                {
                    // Unknown members are kept when they are simple values; complex ones are skipped.
                    var text = await TryReadSimpleAsync().ConfigureAwait(false);
                    if (text is not null)
                    {
                        if (additional is null)
                        {
                            result.AdditionalElements = additional = new Dictionary<string, string>(StringComparer.Ordinal);
                        }

                        additional[name] = text;
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
        int depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            await onChild(_reader.LocalName).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Steps into the current element: returns its depth for <see cref="NextChildAsync"/>, or -1 when it is empty
    /// (then it is consumed already).
    /// </summary>
    private async ValueTask<int> EnterAsync()
    {
        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return -1;
        }

        int depth = _reader.Depth;
        await ReadNodeAsync().ConfigureAwait(false);
        return depth;
    }

    /// <summary>
    /// Moves to the next child element of the element entered at <paramref name="depth"/> and returns
    /// <see langword="true"/> (the caller must consume the child), or consumes the parent's end and returns
    /// <see langword="false"/>.
    /// </summary>
    private async ValueTask<bool> NextChildAsync(int depth)
    {
        if (depth < 0)
        {
            return false;
        }

        if (_reader.Depth > depth + 1 || (_reader.Depth == depth + 1 && _reader.NodeType == XmlNodeType.EndElement))
        {
            throw new XmlException("Internal reader error: a child element was not fully consumed.");
        }

        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    await ReadNodeAsync().ConfigureAwait(false);
                    return false;
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

    /// <summary>
    /// Reads a short value (a counter, date, GUID or flag) into <see cref="_scalar"/> without making a string, white
    /// space around it removed: returns its length, -1 when nil, or more than <see cref="ScalarCapacity"/> when it is
    /// longer than any valid value (the buffer then holds its start). Bounded like any text.
    /// </summary>
    private async ValueTask<int> ReadScalarAsync()
    {
        if (IsNil())
        {
            await SkipAsync().ConfigureAwait(false);
            return -1;
        }

        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return 0;
        }

        string name = _reader.LocalName;
        int length = 0;
        long total = 0;
        bool tooLong = false;
        await ReadNodeAsync().ConfigureAwait(false);
        while (_reader.NodeType != XmlNodeType.EndElement)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (_reader.CanReadValueChunk)
                    {
                        int read;
                        while ((read = await ReadScalarChunkAsync().ConfigureAwait(false)) > 0)
                        {
                            total += read;
                            if (total > _maxElementLength)
                            {
                                throw TooLong(name);
                            }

                            AppendScalar(_scalar, ScalarCapacity, read, ref length, ref tooLong);
                        }
                    }
                    else
                    {
                        var value = await GetValueAsync().ConfigureAwait(false);
                        total += value.Length;
                        if (total > _maxElementLength)
                        {
                            throw TooLong(name);
                        }

                        AppendScalar(value.ToCharArray(), 0, value.Length, ref length, ref tooLong);
                    }

                    await ReadNodeAsync().ConfigureAwait(false);
                    break;
                case XmlNodeType.Element:
                    throw new XmlException("The element '" + name + "' must hold text, not elements.");
                case XmlNodeType.None:
                    throw new XmlException("The response ended unexpectedly.");
                default:
                    await ReadNodeAsync().ConfigureAwait(false);
                    break;
            }
        }

        await ReadNodeAsync().ConfigureAwait(false);
        while (length > 0 && char.IsWhiteSpace(_scalar[length - 1]))
        {
            length--;
        }

        return tooLong ? ScalarCapacity + 1 : length;
    }

    private ValueTask<int> ReadScalarChunkAsync() =>
        _async ? new ValueTask<int>(_reader.ReadValueChunkAsync(_scalar, ScalarCapacity, ScalarChunk)) : new ValueTask<int>(_reader.ReadValueChunk(_scalar, ScalarCapacity, ScalarChunk));

    // Appends characters to the value in [0, ScalarCapacity): leading white space is dropped; past the capacity only
    // white space may follow (trailing), anything else makes the value too long to be valid.
    private void AppendScalar(char[] source, int offset, int count, ref int length, ref bool tooLong)
    {
        for (int i = offset; i < offset + count; i++)
        {
            char c = source[i];
            if (length == 0 && char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == ScalarCapacity)
            {
                tooLong |= !char.IsWhiteSpace(c);
                continue;
            }

            _scalar[length++] = c;
        }
    }

    private bool ScalarIs(int length, string value)
    {
        if (length != value.Length)
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            if (_scalar[i] != value[i])
            {
                return false;
            }
        }

        return true;
    }

    private XmlException NotA(int length, string what) =>
        new("'" + new string(_scalar, 0, Math.Min(length, ScalarCapacity)) + (length > ScalarCapacity ? "..." : string.Empty) + "' is not " + what + ".");

    private async ValueTask<Guid?> ReadGuidAsync()
    {
        int length = await ReadScalarAsync().ConfigureAwait(false);
        if (length <= 0)
        {
            return null;
        }

#if NET
        bool parsed = Guid.TryParse(new ReadOnlySpan<char>(_scalar, 0, Math.Min(length, ScalarCapacity)), out var id);
#else
        bool parsed = Guid.TryParse(new string(_scalar, 0, Math.Min(length, ScalarCapacity)), out var id);
#endif
        return parsed && length <= ScalarCapacity ? id : throw NotA(length, "a GUID");
    }

    private async ValueTask<int> ReadIntAsync()
    {
        int length = await ReadScalarAsync().ConfigureAwait(false);
        if (length <= 0)
        {
            return 0;
        }

#if NET
        bool parsed = int.TryParse(new ReadOnlySpan<char>(_scalar, 0, Math.Min(length, ScalarCapacity)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value);
#else
        bool parsed = int.TryParse(new string(_scalar, 0, Math.Min(length, ScalarCapacity)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value);
#endif
        return parsed && length <= ScalarCapacity ? value : throw NotA(length, "an integer");
    }

    private async ValueTask<bool> ReadBoolAsync()
    {
        int length = await ReadScalarAsync().ConfigureAwait(false);
        if (length <= 0)
        {
            return false;
        }

        if (ScalarIs(length, "true") || ScalarIs(length, "1"))
        {
            return true;
        }

        return ScalarIs(length, "false") || ScalarIs(length, "0") ? false : throw NotA(length, "a boolean");
    }

    private async ValueTask<DateTimeOffset?> ReadDateAsync()
    {
        int length = await ReadScalarAsync().ConfigureAwait(false);
        if (length <= 0)
        {
            return null;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
#if NET
        bool parsed = DateTimeOffset.TryParse(new ReadOnlySpan<char>(_scalar, 0, Math.Min(length, ScalarCapacity)), CultureInfo.InvariantCulture, Styles, out var value);
#else
        bool parsed = DateTimeOffset.TryParse(new string(_scalar, 0, Math.Min(length, ScalarCapacity)), CultureInfo.InvariantCulture, Styles, out var value);
#endif
        return parsed && length <= ScalarCapacity ? value : throw NotA(length, "a date");
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
}
