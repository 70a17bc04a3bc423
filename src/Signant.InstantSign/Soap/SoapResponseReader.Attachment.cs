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
