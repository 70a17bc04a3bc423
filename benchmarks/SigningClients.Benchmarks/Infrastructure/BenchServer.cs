using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SigningClients.Benchmarks.Infrastructure;

/// <summary>
/// The minimal loopback server every benchmark talks to (SDK and baseline alike): Kestrel on 127.0.0.1:0, one
/// terminal middleware, no routing, no logging, canned answers of the right shape, uploads drained without
/// buffering and downloads generated on the fly. It runs in its own process (<c>serve</c> mode) so that neither its
/// CPU allocations nor its memory are counted in the client's figures.
/// </summary>
internal static class BenchServer
{
    private const int ChunkSize = 48 * 1024; // a multiple of 3, so base64 chunks concatenate without padding

    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxRequestBodySize = null;
            o.Limits.MinRequestBodyDataRate = null;
            o.Limits.MinResponseDataRate = null;
            o.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }

    public static Uri GetAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    private static Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return NotFound(context);
        }

        return segments[0] switch
        {
            "consigno" => ConsignOAsync(context, segments),
            "trident" => TridentAsync(context, segments),
            "signant" => SignantAsync(context, segments),
            "st" => SigningTodayServer.HandleAsync(context, segments),
            _ => NotFound(context),
        };
    }

    private static async Task ConsignOAsync(HttpContext context, string[] s)
    {
        // consigno/auth/login, consigno/documents, consigno/workflows/{id}, consigno/workflows/{size}/documents
        if (s.Length == 3 && s[1] == "auth" && s[2] == "login")
        {
            await DrainAsync(context).ConfigureAwait(false);
            context.Response.Headers["X-Auth-Token"] = Canned.ConsignOToken;
            await WriteAsync(context, 200, "application/json", Canned.ConsignOLoggedIn).ConfigureAwait(false);
        }
        else if (s.Length == 2 && s[1] == "documents")
        {
            await DrainAsync(context).ConfigureAwait(false);
            await WriteAsync(context, 200, "application/json", Canned.ConsignOUploaded).ConfigureAwait(false);
        }
        else if (s.Length == 3 && s[1] == "workflows")
        {
            await WriteAsync(context, 200, "application/json", Canned.ConsignOWorkflow).ConfigureAwait(false);
        }
        else if (s.Length == 4 && s[1] == "workflows" && s[3] == "documents")
        {
            await DrainAsync(context).ConfigureAwait(false);
            await StreamPdfAsync(context, long.Parse(s[2], CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
        else
        {
            await NotFound(context).ConfigureAwait(false);
        }
    }

    private static async Task TridentAsync(HttpContext context, string[] s)
    {
        // trident/trustedx-authserver/oauth/{as}/token, trident/trustedx-resources/esignsp/v2/signer_processes,
        // trident/trustedx-resources/esignsp/v2/documents/{size}/content
        if (s.Length == 5 && s[1] == "trustedx-authserver" && s[4] == "token")
        {
            await DrainAsync(context).ConfigureAwait(false);
            await WriteAsync(context, 200, "application/json", Canned.TridentTokenAnswer).ConfigureAwait(false);
        }
        else if (s.Length == 5 && s[4] == "signer_processes")
        {
            await DrainAsync(context).ConfigureAwait(false);
            await WriteAsync(context, 201, "application/json", Canned.TridentCreated).ConfigureAwait(false);
        }
        else if (s.Length == 7 && s[4] == "documents" && s[6] == "content")
        {
            await StreamPdfAsync(context, long.Parse(s[5], CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
        else
        {
            await NotFound(context).ConfigureAwait(false);
        }
    }

    private static async Task SignantAsync(HttpContext context, string[] s)
    {
        // signant/{size}: the operation comes from SOAPAction; {size} is the attachment size served by downloads.
        string action = context.Request.Headers["SOAPAction"].ToString();
        await DrainAsync(context).ConfigureAwait(false);
        if (action.EndsWith("/GetPostingStatus\"", StringComparison.Ordinal))
        {
            await WriteAsync(context, 200, "text/xml; charset=utf-8", Canned.SignantStatus).ConfigureAwait(false);
        }
        else if (action.EndsWith("/CreateInstantPosting\"", StringComparison.Ordinal))
        {
            await WriteAsync(context, 200, "text/xml; charset=utf-8", Canned.SignantCreated).ConfigureAwait(false);
        }
        else if (action.EndsWith("/DownloadInstantAttachment\"", StringComparison.Ordinal) && s.Length == 2)
        {
            await StreamSignantDownloadAsync(context, long.Parse(s[1], CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
        else
        {
            await NotFound(context).ConfigureAwait(false);
        }
    }

    internal static async Task DrainAsync(HttpContext context)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (await context.Request.Body.ReadAsync(buffer.AsMemory(), context.RequestAborted).ConfigureAwait(false) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    internal static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    internal static async Task StreamPdfAsync(HttpContext context, long size)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/pdf";
        context.Response.ContentLength = size;
        context.Response.Headers.ContentDisposition = "attachment; filename=\"signed.pdf\"";
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            for (long position = 0; position < size;)
            {
                int n = (int)Math.Min(ChunkSize, size - position);
                GeneratedPdf.Fill(position, size, buffer.AsSpan(0, n));
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, n), context.RequestAborted).ConfigureAwait(false);
                position += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task StreamSignantDownloadAsync(HttpContext context, long size)
    {
        const string Op = "DownloadInstantAttachment";
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/xml; charset=utf-8";
        var body = context.Response.Body;
        var head = Encoding.UTF8.GetBytes(Canned.SoapResultOpen(Op) + "<a:AttachmentFile>");
        await body.WriteAsync(head, context.RequestAborted).ConfigureAwait(false);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var raw = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(ChunkSize));
        try
        {
            for (long position = 0; position < size;)
            {
                int n = (int)Math.Min(ChunkSize, size - position);
                GeneratedPdf.Fill(position, size, raw.AsSpan(0, n));
                md5.AppendData(raw, 0, n);
                Base64.EncodeToUtf8(raw.AsSpan(0, n), encoded, out _, out int written);
                await body.WriteAsync(encoded.AsMemory(0, written), context.RequestAborted).ConfigureAwait(false);
                position += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
            ArrayPool<byte>.Shared.Return(encoded);
        }

        var hash = Convert.ToHexString(md5.GetHashAndReset()).ToLowerInvariant();
        var tail = Encoding.UTF8.GetBytes(
            "</a:AttachmentFile><a:AttachmentID>" + Canned.SignantAttachmentId + "</a:AttachmentID><a:Description>The terms</a:Description><a:ErrorCode>0</a:ErrorCode>" +
            "<a:FileHash>" + hash + "</a:FileHash><a:FileName>terms.pdf</a:FileName><a:Message i:nil=\"true\"/><a:Success>true</a:Success>" +
            Canned.SoapResultClose(Op));
        await body.WriteAsync(tail, context.RequestAborted).ConfigureAwait(false);
    }
}
