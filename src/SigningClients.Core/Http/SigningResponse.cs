using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Streaming;

namespace SigningClients.Core.Http;

/// <summary>
/// A provider response whose headers have arrived and whose body has not been read yet. Handlers read it once,
/// as JSON, text or a stream.
/// </summary>
public sealed class SigningResponse : IDisposable
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

    /// <summary>The raw body stream, for use inside a response handler (the pipeline owns the response).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The body stream.</returns>
    public Task<Stream> ReadBodyAsync(CancellationToken cancellationToken = default)
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

    /// <summary>Deserializes the JSON body with source-generated metadata.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="typeInfo">Metadata for <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SigningApiException">The body is empty or not valid JSON for the model (<see cref="SigningFailureKind.InvalidResponse"/>).</exception>
    public async Task<T> ReadJsonAsync<T>(JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        var stream = await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw _pipeline.CreateException(Request, this, SigningFailureKind.InvalidResponse, null, "The response body is not valid JSON for " + typeof(T).Name + ".", isTransient: false, innerException: ex);
        }

        if (value is null)
        {
            throw _pipeline.CreateException(Request, this, SigningFailureKind.InvalidResponse, null, "The response body was empty or null; expected " + typeof(T).Name + ".", isTransient: false);
        }

        return value;
    }

    /// <summary>Reads the body as UTF-8 text, up to <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="maxBytes">Maximum bytes to read.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The text (possibly truncated).</returns>
    public async Task<string> ReadTextAsync(int maxBytes = 1024 * 1024, CancellationToken cancellationToken = default)
    {
        var stream = await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
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
        var body = await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
        _bodyTaken = true;
        var stream = new ResponseStream(body, this, _pipeline);
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
