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
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        return new CallerStreamContent(stream, contentType);
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
        private readonly Stream _stream;
        private readonly string _contentType;
        private readonly long _start;
        private int _uses;

        public CallerStreamContent(Stream stream, string contentType)
        {
            _stream = stream;
            _contentType = contentType;
            _start = stream.CanSeek ? stream.Position : -1;
        }

        public override bool IsReplayable => _stream.CanSeek;

        public override HttpContent CreateHttpContent()
        {
            if (Interlocked.Increment(ref _uses) > 1)
            {
                if (!_stream.CanSeek)
                {
                    throw new InvalidOperationException("A non-seekable stream cannot be sent twice.");
                }

                _stream.Position = _start;
            }

            var content = new StreamContent(new NonDisposingStream(_stream), 81920);
            SetContentType(content, _contentType);
            if (_stream.CanSeek)
            {
                content.Headers.ContentLength = _stream.Length - _start;
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
