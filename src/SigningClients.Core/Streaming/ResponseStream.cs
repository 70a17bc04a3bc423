using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;

namespace SigningClients.Core.Streaming;

/// <summary>A response body handed to the caller: owns the response and maps transport failures to <see cref="SigningApiException"/>.</summary>
internal sealed class ResponseStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly SigningResponse _response;
    private readonly SigningPipeline _pipeline;
    private long _position;

    public ResponseStream(Stream inner, SigningResponse response, SigningPipeline pipeline)
    {
        _inner = inner;
        _response = response;
        _pipeline = pipeline;
    }

    public override long Position => _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            int read = _inner.Read(buffer, offset, count);
            Track(read);
            return read;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw Broken(ex);
        }
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        try
        {
            int read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            Track(read);
            return read;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw Broken(ex);
        }
    }

#if NET
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Track(read);
            return read;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            throw Broken(ex);
        }
    }
#endif

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _response.DisposeCore();
        }

        base.Dispose(disposing);
    }

    private void Track(int read)
    {
        _position += read;
        if (read == 0 && _response.ContentLength is long expected && _position < expected)
        {
            throw _pipeline.CreateException(_response.Request, _response, SigningFailureKind.ConnectionFailure, null,
                "The download ended after " + _position + " of " + expected + " bytes.", isTransient: true);
        }
    }

    private SigningApiException Broken(Exception ex) =>
        _pipeline.CreateException(_response.Request, _response, SigningFailureKind.ConnectionFailure, null,
            "The connection broke after " + _position + " bytes of the response body.", isTransient: true, innerException: ex);
}
