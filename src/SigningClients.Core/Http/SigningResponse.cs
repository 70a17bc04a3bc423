using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Serialization;
using SigningClients.Core.Streaming;

namespace SigningClients.Core.Http;

/// <summary>
/// A provider response whose headers have arrived and whose body has not been read yet. Handlers read it once,
/// as JSON, text or a stream.
/// </summary>
public sealed class SigningResponse : IDisposable, IBodyGuardFailures
{
    private readonly HttpResponseMessage _response;
    private readonly SigningPipeline _pipeline;
    private bool _bodyTaken;

    internal SigningResponse(HttpResponseMessage response, SigningPipeline pipeline, SigningRequest request, string? requestId)
    {
        _response = response;
        _pipeline = pipeline;
        Request = request;
        RequestId = requestId;
    }

    /// <summary>The request this response answers.</summary>
    public SigningRequest Request { get; }

    /// <summary>The HTTP status code.</summary>
    public int Status => (int)_response.StatusCode;

    /// <summary>The media type of the body (without parameters), if any.</summary>
    public string? ContentType => _response.Content?.Headers.ContentType?.MediaType;

    /// <summary>The declared body length, if any.</summary>
    public long? ContentLength => _response.Content?.Headers.ContentLength;

    /// <summary>The file name from <c>Content-Disposition</c>, if any.</summary>
    public string? FileName
    {
        get
        {
            var disposition = _response.Content?.Headers.ContentDisposition;
            var name = disposition?.FileNameStar ?? disposition?.FileName;
            return name?.Trim('"');
        }
    }

    /// <summary>The provider's request id, if it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>Gets a response or content header, multiple values joined with <c>, </c>.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetHeader(string name)
    {
        if (_response.Headers.TryGetValues(name, out var values) ||
            (_response.Content is not null && _response.Content.Headers.TryGetValues(name, out values)))
        {
            return string.Join(", ", values);
        }

        return null;
    }

    /// <summary>
    /// The body stream, for use inside a response handler (the pipeline owns the response). It is bounded by the
    /// client's <see cref="ClientLimits"/>: more than <see cref="ClientLimits.MaxResponseBytes"/> bytes, or a stall longer
    /// than <see cref="ClientLimits.BodyIdleTimeout"/>, ends the read with a <see cref="SigningApiException"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The body stream.</returns>
    public async Task<Stream> ReadBodyAsync(CancellationToken cancellationToken = default)
    {
        var raw = await ReadRawBodyAsync(cancellationToken).ConfigureAwait(false);
        var limits = _pipeline.Limits;
        return Guard(raw, limits.MaxResponseBytes);
    }

    /// <summary>Deserializes the JSON body with source-generated metadata.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="typeInfo">Metadata for <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SigningApiException">
    /// The body is empty, not valid JSON for the model, repeats a member name in one object (also differing only in
    /// case), or is larger than <see cref="ClientLimits.MaxResponseBytes"/> (<see cref="SigningFailureKind.InvalidResponse"/>).
    /// </exception>
    public Task<T> ReadJsonAsync<T>(JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        ReadJsonCoreAsync(typeInfo, cancellationToken).AsTask();

    // ReadJsonAsync as a ValueTask: no Task allocated when the body is already there (the pipeline's typed path).
    internal async ValueTask<T> ReadJsonCoreAsync<T>(JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        // The body is read into a pooled buffer: it is deserialized from a span, so nothing of the model can keep a
        // reference to it (JsonElement values copy their bytes), and it is cleared before it goes back to the pool.
        // A converter that refuses repeated member names itself makes the separate pass over the body unnecessary.
        bool checkedByConverter = typeInfo.Converter is IRefusesRepeatedMemberNames;
        var body = await ReadJsonBytesAsync(typeof(T).Name, pooled: true, checkRepeatedNames: !checkedByConverter, cancellationToken).ConfigureAwait(false);
        T? value;
        try
        {
            value = body.Count == 0 ? default : JsonSerializer.Deserialize(new ReadOnlySpan<byte>(body.Array, body.Offset, body.Count), typeInfo);
        }
        catch (JsonException ex)
        {
            if (checkedByConverter)
            {
                // The converter may have thrown for a repeated name: refused as by the separate pass, same message.
                ThrowIfRepeatedNames(body, typeof(T).Name);
            }

            throw _pipeline.CreateException(Request, this, SigningFailureKind.InvalidResponse, null, "The response body is not valid JSON for " + typeof(T).Name + ".", isTransient: false, innerException: ex);
        }
        finally
        {
            Release(body.Array!, body.Count, pooled: true);
        }

        if (value is null)
        {
            throw _pipeline.CreateException(Request, this, SigningFailureKind.InvalidResponse, null, "The response body was empty or null; expected " + typeof(T).Name + ".", isTransient: false);
        }

        return value;
    }

    /// <summary>
    /// Parses the JSON body into a <see cref="JsonDocument"/> (for answers whose shape varies), with the same checks as
    /// <see cref="ReadJsonAsync{T}"/>: size limit and no repeated member names.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The document; dispose it.</returns>
    /// <exception cref="SigningApiException">The body is empty, not JSON, ambiguous or too large.</exception>
    public async Task<JsonDocument> ReadJsonDocumentAsync(CancellationToken cancellationToken = default)
    {
        // Not pooled: the document keeps referencing the bytes it was parsed from.
        var body = await ReadJsonBytesAsync("a JSON document", pooled: false, checkRepeatedNames: true, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(new ReadOnlyMemory<byte>(body.Array, body.Offset, body.Count));
        }
        catch (JsonException ex)
        {
            throw _pipeline.CreateException(Request, this, SigningFailureKind.InvalidResponse, null, "The response body is not valid JSON.", isTransient: false, innerException: ex);
        }
    }

    private const int MaxPresizedBody = 16 * 1024 * 1024;

    // The body, read whole (for the size limit and the duplicate-member check), into a buffer rented from
    // ArrayPool<byte>.Shared when pooled (the caller gives it back with Release), or a new one. The repeated-name check
    // is skipped when the caller's converter does it (an empty body is still refused here, as before).
    private async ValueTask<ArraySegment<byte>> ReadJsonBytesAsync(string expected, bool pooled, bool checkRepeatedNames, CancellationToken cancellationToken)
    {
        var limits = _pipeline.Limits;
        using var stream = Guard(await ReadRawBodyAsync(cancellationToken).ConfigureAwait(false), limits.MaxResponseBytes);
        // Sized from the declared length (the body is read whole anyway, and the limit bounds it): a buffer grown by
        // doubling from a small start allocates and copies up to three times a large page (a 5 MB list page: 1, 2, 4
        // and 8 MB). A declared length is trusted up to 16 MB before a byte has arrived; beyond, the buffer grows as
        // the bytes come (so a server merely announcing a huge body gets no huge allocation).
        long hint = ContentLength is long declared && declared > 0 ? Math.Min(declared, limits.MaxResponseBytes) : 4096;
        // One byte more than the declared length, so the end of a body of exactly that length is seen without growing.
        var buffer = Acquire((int)Math.Min(Math.Max(hint, 1), MaxPresizedBody) + 1, pooled);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = Acquire((int)Math.Min((long)buffer.Length * 2, MaxBufferLength), pooled);
                    if (larger.Length <= length)
                    {
                        throw new InvalidOperationException("The response body does not fit in one buffer.");
                    }

                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    Release(buffer, length, pooled);
                    buffer = larger;
                }

                int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            var bytes = new ArraySegment<byte>(buffer, 0, length);
            if (checkRepeatedNames || length == 0)
            {
                ThrowIfRepeatedNames(bytes, expected);
            }

            return bytes;
        }
        catch
        {
            Release(buffer, length, pooled);
            throw;
        }
    }

    // Refuses a body that repeats a member name in one object, or that is not valid JSON.
    private void ThrowIfRepeatedNames(ArraySegment<byte> bytes, string expected)
    {
        try
        {
            if (JsonDuplicateKeyGuard.TryFindDuplicate(bytes, out var duplicate))
            {
                throw _pipeline.CreateException(Request, this, SigningFailureKind.InvalidResponse, null,
                    "The response is ambiguous: the member '" + duplicate + "' appears more than once in one object (names compared case-insensitively); expected " + expected + ".", isTransient: false);
            }
        }
        catch (JsonException ex)
        {
            throw _pipeline.CreateException(Request, this, SigningFailureKind.InvalidResponse, null, "The response body is not valid JSON; expected " + expected + ".", isTransient: false, innerException: ex);
        }
    }

    // The largest byte array the runtime allows (Array.MaxLength on .NET 6+).
    private const int MaxBufferLength = 0x7FFFFFC7;

    private static byte[] Acquire(int size, bool pooled) => pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];

    // A pooled buffer is cleared (it may hold tokens or personal data) before another caller can rent it.
    private static void Release(byte[] buffer, int used, bool pooled)
    {
        if (pooled)
        {
            Array.Clear(buffer, 0, used);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Task<Stream> ReadRawBodyAsync(CancellationToken cancellationToken)
    {
        if (_response.Content is null)
        {
            return Task.FromResult<Stream>(Stream.Null);
        }

#if NET5_0_OR_GREATER
        return _response.Content.ReadAsStreamAsync(cancellationToken);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return _response.Content.ReadAsStreamAsync();
#endif
    }

    private BodyGuardStream Guard(Stream raw, long maxBytes) => new(raw, _pipeline.Limits.BodyIdleTimeout, maxBytes, this);

    Exception IBodyGuardFailures.Stalled(TimeSpan idleTimeout) =>
        _pipeline.CreateException(Request, this, SigningFailureKind.Timeout, null,
            "The response body stalled: no bytes for " + idleTimeout.TotalSeconds + " s (Limits.BodyIdleTimeout).", isTransient: true);

    Exception IBodyGuardFailures.TooLarge(long limit) =>
        _pipeline.CreateException(Request, this, SigningFailureKind.InvalidResponse, null,
            "The response body is larger than the limit of " + limit + " bytes (Limits.MaxResponseBytes).", isTransient: false);

    /// <summary>Reads the body as UTF-8 text, up to <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="maxBytes">Maximum bytes to read.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The text (possibly truncated).</returns>
    /// <exception cref="SigningApiException">The body stalled longer than <see cref="ClientLimits.BodyIdleTimeout"/>.</exception>
    public async Task<string> ReadTextAsync(int maxBytes = 1024 * 1024, CancellationToken cancellationToken = default)
    {
        using var stream = Guard(await ReadRawBodyAsync(cancellationToken).ConfigureAwait(false), -1);
        return await ReadLimitedTextAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes ownership of the body as a download: the returned object owns the HTTP response, streams the body
    /// without buffering it and turns a broken connection into a <see cref="SigningApiException"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The download; dispose it when done.</returns>
    public async Task<SigningDownload> TakeDownloadAsync(CancellationToken cancellationToken = default)
    {
        var raw = await ReadRawBodyAsync(cancellationToken).ConfigureAwait(false);
        _bodyTaken = true;

        // A download is streamed, not held in memory: only stalls are bounded here (a caller that decodes it bounds its size).
        var stream = new ResponseStream(Guard(raw, -1), this, _pipeline);
        return new SigningDownload(stream, _response.Content?.Headers.ContentType?.ToString(), ContentLength, FileName);
    }

    /// <summary>Disposes the response unless its body was taken as a download.</summary>
    public void Dispose()
    {
        if (!_bodyTaken)
        {
            _response.Dispose();
        }
    }

    internal void DisposeCore() => _response.Dispose();

    internal static async Task<string> ReadLimitedTextAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(16384, Math.Max(1, maxBytes))];
        while (buffer.Length < maxBytes)
        {
            int read = await stream.ReadAsync(chunk, 0, (int)Math.Min(chunk.Length, maxBytes - buffer.Length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
