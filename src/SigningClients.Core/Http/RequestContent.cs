using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Streaming;

namespace SigningClients.Core.Http;

/// <summary>
/// The body of a <see cref="SigningRequest"/>. A content creates a fresh <see cref="HttpContent"/> for every
/// attempt, so a retry resends the same bytes; content that cannot be produced twice (a non-seekable caller stream)
/// reports <see cref="IsReplayable"/> = <see langword="false"/> and is never retried after it was sent.
/// </summary>
public abstract class RequestContent
{
    /// <summary>Whether the content can be sent again on a retry.</summary>
    public abstract bool IsReplayable { get; }

    /// <summary>Creates the <see cref="HttpContent"/> for one attempt.</summary>
    /// <returns>A new HTTP content.</returns>
    public abstract HttpContent CreateHttpContent();

    /// <summary>JSON content serialized with source-generated metadata (no reflection).</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="mediaType">The media type, <c>application/json</c> by default.</param>
    /// <returns>A replayable content.</returns>
    public static RequestContent Json<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType = "application/json")
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return new BytesContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), mediaType + "; charset=utf-8");
    }

    /// <summary>Raw bytes with the given content type.</summary>
    /// <param name="bytes">The bytes (not copied).</param>
    /// <param name="contentType">The full content type header value.</param>
    /// <returns>A replayable content.</returns>
    public static RequestContent Bytes(byte[] bytes, string contentType)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        return new BytesContent(bytes, contentType);
    }

    /// <summary>UTF-8 text with the given media type.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mediaType">Media type, e.g. <c>text/xml</c>.</param>
    /// <returns>A replayable content.</returns>
    public static RequestContent Text(string text, string mediaType) =>
        new BytesContent(Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text))), mediaType + "; charset=utf-8");

    /// <summary><c>application/x-www-form-urlencoded</c> fields, in order.</summary>
    /// <param name="fields">Field names and values.</param>
    /// <returns>A replayable content.</returns>
    public static RequestContent Form(IEnumerable<KeyValuePair<string, string>> fields)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        var builder = new StringBuilder();
        foreach (var field in fields)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(FormEncode(field.Key)).Append('=').Append(FormEncode(field.Value));
        }

        return new BytesContent(Encoding.ASCII.GetBytes(builder.ToString()), "application/x-www-form-urlencoded");
    }

    /// <summary>
    /// Content streamed from the caller's stream, which is read once per attempt and never disposed by the SDK.
    /// A seekable stream is rewound to its starting position for a retry; a non-seekable one makes the request
    /// non-replayable.
    /// </summary>
    /// <param name="stream">The caller's stream, positioned at the first byte to send.</param>
    /// <param name="contentType">The content type header value.</param>
    /// <returns>The content.</returns>
    public static RequestContent Stream(Stream stream, string contentType)
    {
        return new CallerStreamContent(OpenSource(stream, nameof(stream)), contentType);
    }

    /// <summary>
    /// Content produced by a writer callback straight into the network stream (chunked transfer encoding), for
    /// bodies that wrap a large stream, such as a SOAP envelope carrying a base64 document.
    /// </summary>
    /// <param name="writeAsync">Writes the whole body into the given stream.</param>
    /// <param name="contentType">The content type header value.</param>
    /// <param name="isReplayable">Whether <paramref name="writeAsync"/> can run more than once with the same result.</param>
    /// <returns>The content.</returns>
    public static RequestContent Writer(Func<Stream, CancellationToken, Task> writeAsync, string contentType, bool isReplayable)
    {
        if (writeAsync is null)
        {
            throw new ArgumentNullException(nameof(writeAsync));
        }

        return new WriterContent(writeAsync, contentType, isReplayable);
    }

    /// <summary>
    /// Content produced by a writer callback around the caller's stream <paramref name="source"/> (chunked transfer
    /// encoding), for bodies that wrap a large document, such as a SOAP envelope carrying it as base64. Before every
    /// attempt after the first, <paramref name="source"/> is put back where it stands now; a non-seekable source makes
    /// the request non-replayable. The SDK never disposes <paramref name="source"/>.
    /// </summary>
    /// <param name="source">The caller's stream, positioned at its first byte.</param>
    /// <param name="writeAsync">Writes the whole body into the output stream (second argument), reading the source (first argument) from its start.</param>
    /// <param name="contentType">The content type header value.</param>
    /// <returns>The content; replayable when <paramref name="source"/> is seekable.</returns>
    public static RequestContent Writer(Stream source, Func<Stream, Stream, CancellationToken, Task> writeAsync, string contentType)
    {
        var replay = OpenSource(source, nameof(source));
        if (writeAsync is null)
        {
            throw new ArgumentNullException(nameof(writeAsync));
        }

        return new WriterContent((output, ct) => writeAsync(replay.Open(), output, ct), contentType, replay.IsReplayable);
    }

    /// <summary>
    /// JSON content in which one string member carries <paramref name="source"/> as base64, streamed in chunks (the
    /// document is never held whole in memory, neither as bytes nor as base64 text). <paramref name="value"/> is
    /// serialized once with <paramref name="placeholder"/> as that member's value; every attempt writes the JSON
    /// before the placeholder, the base64 of <paramref name="source"/> from its start, then the JSON after it.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The body, with <paramref name="placeholder"/> where the base64 goes.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="placeholder">A marker of letters, digits, <c>-</c> and <c>_</c> that occurs once in the serialized value.</param>
    /// <param name="source">The caller's stream, positioned at its first byte; never disposed.</param>
    /// <param name="contentType">The content type header value.</param>
    /// <returns>The content; replayable when <paramref name="source"/> is seekable.</returns>
    /// <exception cref="ArgumentException">The placeholder is not a plain marker, or does not occur exactly once.</exception>
    public static RequestContent JsonWithBase64<T>(T value, JsonTypeInfo<T> typeInfo, string placeholder, Stream source, string contentType = "application/json")
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        if (string.IsNullOrEmpty(placeholder) || !IsPlainMarker(placeholder))
        {
            throw new ArgumentException("The placeholder must be a non-empty marker of ASCII letters, digits, '-' and '_' (it is matched in the serialized JSON as is).", nameof(placeholder));
        }

        var replay = OpenSource(source, nameof(source));
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        byte[] marker = Encoding.ASCII.GetBytes(placeholder);
        int at = IndexOf(json, marker, 0);
        if (at < 0 || IndexOf(json, marker, at + marker.Length) >= 0)
        {
            throw new ArgumentException("The placeholder must occur exactly once in the serialized value.", nameof(placeholder));
        }

        int after = at + marker.Length;
        return new WriterContent(
            async (output, ct) =>
            {
                var stream = replay.Open();
                await output.WriteAsync(json, 0, at, ct).ConfigureAwait(false);
                await Base64Streaming.CopyAsBase64Async(stream, output, ct).ConfigureAwait(false);
                await output.WriteAsync(json, after, json.Length - after, ct).ConfigureAwait(false);
            },
            contentType,
            replay.IsReplayable);
    }

    /// <summary><c>multipart/form-data</c> made of the given parts, in order.</summary>
    /// <param name="parts">The parts.</param>
    /// <returns>The content; replayable when every part is.</returns>
    public static RequestContent Multipart(params MultipartPart[] parts)
    {
        if (parts is null || parts.Length == 0)
        {
            throw new ArgumentException("A multipart content needs at least one part.", nameof(parts));
        }

        return new MultipartContent(parts);
    }

    private static ReplayableSource OpenSource(Stream source, string paramName)
    {
        if (source is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!source.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", paramName);
        }

        return new ReplayableSource(source);
    }

    private static bool IsPlainMarker(string marker)
    {
        foreach (char c in marker)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        for (int i = from; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    private static string FormEncode(string value) => Uri.EscapeDataString(value ?? string.Empty).Replace("%20", "+");

    // Added unparsed (written as is; parsed only if someone reads ContentType): parsing it on every request cost more
    // than serializing a small JSON body. A value with a line break gets the strict parse (and is refused).
    private static readonly char[] LineBreaks = { '\r', '\n' };

    private static void SetContentType(HttpContent content, string contentType)
    {
        if (contentType.IndexOfAny(LineBreaks) >= 0 || !content.Headers.TryAddWithoutValidation("Content-Type", contentType))
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
    }

    private sealed class BytesContent : RequestContent
    {
        private readonly byte[] _bytes;
        private readonly string _contentType;

        public BytesContent(byte[] bytes, string contentType)
        {
            _bytes = bytes;
            _contentType = contentType;
        }

        public override bool IsReplayable => true;

        public override HttpContent CreateHttpContent()
        {
            var content = new ByteArrayContent(_bytes);
            SetContentType(content, _contentType);
            return content;
        }
    }

    private sealed class CallerStreamContent : RequestContent
    {
        private readonly ReplayableSource _source;
        private readonly string _contentType;

        public CallerStreamContent(ReplayableSource source, string contentType)
        {
            _source = source;
            _contentType = contentType;
        }

        public override bool IsReplayable => _source.IsReplayable;

        public override HttpContent CreateHttpContent()
        {
            var content = new StreamContent(new NonDisposingStream(_source.Open()), 81920);
            SetContentType(content, _contentType);
            if (_source.Length is { } length)
            {
                content.Headers.ContentLength = length;
            }

            return content;
        }
    }

    private sealed class WriterContent : RequestContent
    {
        private readonly Func<Stream, CancellationToken, Task> _writeAsync;
        private readonly string _contentType;
        private readonly bool _replayable;

        public WriterContent(Func<Stream, CancellationToken, Task> writeAsync, string contentType, bool replayable)
        {
            _writeAsync = writeAsync;
            _contentType = contentType;
            _replayable = replayable;
        }

        public override bool IsReplayable => _replayable;

        public override HttpContent CreateHttpContent()
        {
            var content = new PushContent(_writeAsync);
            SetContentType(content, _contentType);
            return content;
        }
    }

    private sealed class MultipartContent : RequestContent
    {
        private readonly MultipartPart[] _parts;

        public MultipartContent(MultipartPart[] parts) => _parts = parts;

        public override bool IsReplayable
        {
            get
            {
                foreach (var part in _parts)
                {
                    if (!part.Content.IsReplayable)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public override HttpContent CreateHttpContent()
        {
            var multipart = new MultipartFormDataContent("----SigningClients" + Guid.NewGuid().ToString("N"));
            foreach (var part in _parts)
            {
                var content = part.Content.CreateHttpContent();
                if (part.FileName is null)
                {
                    multipart.Add(content, QuoteIfNeeded(part.Name));
                }
                else
                {
                    multipart.Add(content, QuoteIfNeeded(part.Name), QuoteIfNeeded(part.FileName));

                    // MultipartFormDataContent also writes filename* from the value it was given, which here is the
                    // quoted name: servers that prefer filename* (RFC 6266) would see the quotes as part of the name.
                    // Send filename* only when the name needs it (non-ASCII), with the raw name.
                    content.Headers.ContentDisposition!.FileNameStar = IsAscii(part.FileName) ? null : part.FileName;
                }
            }

            return multipart;
        }

        private static string QuoteIfNeeded(string value) => "\"" + value.Replace("\"", "\\\"") + "\"";

        private static bool IsAscii(string value)
        {
            foreach (char c in value)
            {
                if (c > 0x7E || c < 0x20)
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed class PushContent : HttpContent
    {
        private readonly Func<Stream, CancellationToken, Task> _writeAsync;

        public PushContent(Func<Stream, CancellationToken, Task> writeAsync) => _writeAsync = writeAsync;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            _writeAsync(stream, CancellationToken.None);

#if NET5_0_OR_GREATER
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            _writeAsync(stream, cancellationToken);
#endif

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}

/// <summary>One part of a <c>multipart/form-data</c> body.</summary>
public sealed class MultipartPart
{
    /// <summary>Creates a part.</summary>
    /// <param name="name">The form field name.</param>
    /// <param name="content">The part body.</param>
    /// <param name="fileName">The file name, for file parts.</param>
    public MultipartPart(string name, RequestContent content, string? fileName = null)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A multipart part needs a name.", nameof(name));
        }

        Name = name;
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName;
    }

    /// <summary>The form field name.</summary>
    public string Name { get; }

    /// <summary>The part body.</summary>
    public RequestContent Content { get; }

    /// <summary>The file name, when the part is a file.</summary>
    public string? FileName { get; }

    /// <summary>A text field.</summary>
    /// <param name="name">Field name.</param>
    /// <param name="value">Field value (UTF-8, no content type header).</param>
    /// <returns>The part.</returns>
    public static MultipartPart Field(string name, string value) =>
        new(name, new FieldContent(value ?? throw new ArgumentNullException(nameof(value))));

    private sealed class FieldContent : RequestContent
    {
        private readonly string _value;

        public FieldContent(string value) => _value = value;

        public override bool IsReplayable => true;

        public override HttpContent CreateHttpContent()
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(_value));
            return content;
        }
    }
}
