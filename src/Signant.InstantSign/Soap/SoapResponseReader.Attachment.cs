using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Signant.InstantSign.Models;

namespace Signant.InstantSign.Soap;

// The download: its result members, and the AttachmentFile decoded from base64 in chunks straight into the caller's
// stream while its size is bounded and its MD5 computed.
internal sealed partial class SoapResponseReader
{
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

    private async ValueTask<(long Length, string Hash)> ReadBase64IntoAsync(Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        using var md5 = new Md5Accumulator();
        if (IsNil())
        {
            await SkipAsync().ConfigureAwait(false);
            return (0, md5.FinishHex());
        }

#if NET
        if (_scanner is { IsPaused: true } scanner && !_reader.IsEmptyElement)
        {
            // The scanner stopped right after this element's start tag: the text is read from the network there.
            long length = await scanner.ReadTextAsync(md5, destination, maxBytes, _maxElementLength, cancellationToken).ConfigureAwait(false);
            await ReadNodeAsync().ConfigureAwait(false);
            if (_reader.NodeType != XmlNodeType.EndElement)
            {
                throw new XmlException("The element 'AttachmentFile' must hold text, not elements.");
            }

            await ReadNodeAsync().ConfigureAwait(false);
            return (length, md5.FinishHex());
        }

        if (_async && _reader.CanReadValueChunk)
        {
            return await ReadBase64TextIntoAsync(md5, destination, maxBytes, cancellationToken).ConfigureAwait(false);
        }
#endif

        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await _reader.ReadElementContentAsBase64Async(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            md5.Append(buffer, 0, read);
            await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
        }

        return (total, md5.FinishHex());
    }

#if NET
    /// <summary>
    /// The element's text in chunks of characters (CDATA and text nodes in order, character references resolved by the
    /// reader, comments and processing instructions skipped, child elements refused), decoded by
    /// <see cref="Base64TextDecoder"/> straight into <paramref name="destination"/> while the size is bounded and the
    /// MD5 computed.
    /// </summary>
    private async ValueTask<(long Length, string Hash)> ReadBase64TextIntoAsync(Md5Accumulator md5, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return (0, md5.FinishHex());
        }

        using var decoder = new Base64TextDecoder();
        long total = 0;
        await ReadNodeAsync().ConfigureAwait(false);
        while (await NextTextNodeAsync("AttachmentFile").ConfigureAwait(false))
        {
            int read;
            while ((read = await _reader.ReadValueChunkAsync(decoder.Chars, 0, Base64TextDecoder.ChunkCharacters).ConfigureAwait(false)) > 0)
            {
                total = await WriteDecodedAsync(md5, destination, decoder.Output, decoder.Decode(read), total, maxBytes, cancellationToken).ConfigureAwait(false);
            }

            await ReadNodeAsync().ConfigureAwait(false);
        }

        total = await WriteDecodedAsync(md5, destination, decoder.Output, decoder.Finish(), total, maxBytes, cancellationToken).ConfigureAwait(false);
        await ReadNodeAsync().ConfigureAwait(false);
        return (total, md5.FinishHex());
    }

    internal static async ValueTask<long> WriteDecodedAsync(Md5Accumulator md5, Stream destination, byte[] bytes, int count, long total, long maxBytes, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return total;
        }

        total += count;
        if (total > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        md5.Append(bytes, 0, count);
        await destination.WriteAsync(bytes.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        return total;
    }
#endif

    internal static XmlException TooLarge(long maxBytes) =>
        new("The attachment is larger than the limit of " + maxBytes + " bytes (SignantClientOptions.MaxAttachmentBytes); discard what was written.");
}
