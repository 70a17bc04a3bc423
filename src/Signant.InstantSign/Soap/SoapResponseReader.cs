using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Signant.InstantSign.Models;

namespace Signant.InstantSign.Soap;

/// <summary>
/// Reads Signant SOAP responses safely and in any member order: DTDs prohibited, no resolver, bounded element text
/// (<see cref="SignantClientOptions.MaxElementLength"/>), bounded documents for file-less calls, and the attachment
/// decoded from base64 in chunks straight into the caller's stream while its MD5 is computed.
/// </summary>
/// <remarks>
/// One job per file: this one holds the reader's state and entry points; <c>.Envelope.cs</c> navigates
/// Envelope/Body/Response/Result and steps through nodes (depth-limited), <c>.Values.cs</c> reads and parses element
/// text, <c>.Results.cs</c> maps each operation's members, <c>.Attachment.cs</c> streams the base64 file, and
/// <c>.Faults.cs</c> reads SOAP Faults.
/// </remarks>
internal sealed partial class SoapResponseReader
{
    private readonly XmlReader _reader;
    private readonly bool _async;
    private readonly int _maxElementLength;

    // Only the streamed (async) reader reads text in chunks; a buffered answer's text is read whole (it is bounded).
    private readonly char[]? _chars;

    // Short values (counters, dates, ids, flags) are parsed from characters copied here, never made into strings:
    // [0, ScalarCapacity) holds the value without its leading white space, the rest is where chunks are read into.
    private readonly char[] _scalar;

#if NET
    // The download's stream, which reads the AttachmentFile text itself when it can (null for other answers).
    private AttachmentTextScanner? _scanner;
#endif

    // (XmlReader.Settings is not read: the reader returns a new copy of its settings on every call.)
    private SoapResponseReader(XmlReader reader, bool async, int maxElementLength, char[]? scalar)
    {
        _reader = reader;
        _async = async;
        _maxElementLength = maxElementLength;
        _chars = async ? new char[1024] : null;
        _scalar = scalar ?? new char[ScalarBufferLength];
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
    public static async Task<InstantAttachmentDownload> ReadDownloadAsync(Stream body, Stream destination, SignantClientOptions options, CancellationToken cancellationToken) =>
        (await ReadDownloadAsync(body, destination, options, scan: true, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>
    /// Reads a download answer; with <paramref name="scan"/> (net8.0 and later) the AttachmentFile text is read by
    /// <c>AttachmentTextScanner</c> when it can take it, else by the reader. Returns whether the scanner read it.
    /// </summary>
    internal static async Task<(InstantAttachmentDownload Result, bool Scanned)> ReadDownloadAsync(Stream body, Stream destination, SignantClientOptions options, bool scan, CancellationToken cancellationToken)
    {
#if NET
        using var scanner = scan ? new AttachmentTextScanner(body, cancellationToken) : null;
        using var xml = XmlReader.Create((Stream?)scanner ?? new TokenStream(body, cancellationToken, fillReads: true), CreateSettings(0, async: true));
        var r = new SoapResponseReader(xml, async: true, options.MaxElementLength, null) { _scanner = scanner };
#else
        using var xml = XmlReader.Create(new TokenStream(body, cancellationToken, fillReads: true), CreateSettings(0, async: true));
        var r = new SoapResponseReader(xml, async: true, options.MaxElementLength, null);
#endif
        var download = new DownloadReader(destination, options.MaxAttachmentBytes, cancellationToken);
        await r.ReadResultAsync(download).ConfigureAwait(false);
        var result = download.Result;
        result.ComputedHash = download.FileSeen ? download.Computed : string.Empty;
#if NET
        return (result, scanner?.TextsRead > 0);
#else
        return (result, false);
#endif
    }
}
