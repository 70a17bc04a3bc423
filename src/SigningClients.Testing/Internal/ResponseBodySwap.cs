using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SigningClients.Testing.Internal;

/// <summary>
/// Temporarily routes the response body (Body, BodyWriter, SendFileAsync, StartAsync) of a request into another
/// stream, then puts the server's own body feature back.
/// </summary>
internal sealed class ResponseBodySwap
{
    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _original;
    private readonly StreamResponseBodyFeature _replacement;
    private bool _restored;

    private ResponseBodySwap(HttpContext context, Stream target)
    {
        _context = context;
        _original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        _replacement = new StreamResponseBodyFeature(target, _original);
        context.Features.Set<IHttpResponseBodyFeature>(_replacement);
    }

    /// <summary>The server's real response body stream.</summary>
    public Stream OriginalStream => _original.Stream;

    public static ResponseBodySwap Install(HttpContext context, Stream target) => new(context, target);

    /// <summary>Flushes whatever the route left buffered in the replacement's pipe writer and restores the real body.</summary>
    public async Task RestoreAsync()
    {
        if (_restored)
        {
            return;
        }

        _restored = true;
        try
        {
            await _replacement.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
        }
        finally
        {
            _replacement.Dispose();
            _context.Features.Set(_original);
        }
    }
}
