using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SigningClients.Hostile.Tests.Infrastructure;

/// <summary>What the hostile server received: request line, headers and (bounded) body.</summary>
public sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string RawHeaders, string Body)
{
    public string Everything => Method + " " + Target + "\r\n" + RawHeaders + "\r\n" + Body;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A small HTTP/1.1 server on raw loopback sockets, so that it can send bytes Kestrel would never produce: bodies that
/// never end, stalls after the headers, redirects, malformed framing. Each connection carries one request and is then
/// closed. Every request is recorded.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private const int MaxRecordedBody = 1024 * 1024;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly Task _accepting;
    private Func<ReceivedRequest, HostileConnection, Task> _handler;

    public HostileServer(Func<ReceivedRequest, HostileConnection, Task>? handler = null)
    {
        _handler = handler ?? ((_, c) => c.JsonAsync(200, "{}"));
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(512);
        BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<ReceivedRequest> Requests => _requests.ToArray();

    /// <summary>Everything received, as one text (to search for leaked credentials).</summary>
    public string AllReceived => string.Join("\n", _requests.Select(r => r.Everything));

    public CancellationToken Stopping => _stop.Token;

    public void Handle(Func<ReceivedRequest, HostileConnection, Task> handler) => _handler = handler;

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (Exception)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            try
            {
                var request = await ReadRequestAsync(stream, _stop.Token).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                await _handler(request, new HostileConnection(stream, _stop.Token)).ConfigureAwait(false);
                await stream.FlushAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The client went away (which is what most probes want) or the server stops.
            }
        }
    }

    private static async Task<ReceivedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken ct)
    {
        var head = new MemoryStream();
        var one = new byte[1];
        while (true)
        {
            int n = await stream.ReadAsync(one, ct).ConfigureAwait(false);
            if (n == 0)
            {
                return null;
            }

            head.WriteByte(one[0]);
            var b = head.GetBuffer();
            long len = head.Length;
            if (len >= 4 && b[len - 4] == '\r' && b[len - 3] == '\n' && b[len - 2] == '\r' && b[len - 1] == '\n')
            {
                break;
            }

            if (len > 256 * 1024)
            {
                return null;
            }
        }

        var text = Encoding.Latin1.GetString(head.GetBuffer(), 0, (int)head.Length);
        var lines = text.Split("\r\n");
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
            }
        }

        var body = new MemoryStream();
        if (headers.TryGetValue("Content-Length", out var cl) && long.TryParse(cl, out var length))
        {
            await CopyAsync(stream, body, length, ct).ConfigureAwait(false);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var sizeLine = await ReadLineAsync(stream, ct).ConfigureAwait(false);
                int size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
                if (size == 0)
                {
                    await ReadLineAsync(stream, ct).ConfigureAwait(false);
                    break;
                }

                await CopyAsync(stream, body, size, ct).ConfigureAwait(false);
                await ReadLineAsync(stream, ct).ConfigureAwait(false);
            }
        }

        var bodyText = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)Math.Min(body.Length, MaxRecordedBody));
        return new ReceivedRequest(first[0], first.Length > 1 ? first[1] : "/", headers, string.Join("\r\n", lines.Skip(1)), bodyText);
    }

    private static async Task CopyAsync(NetworkStream from, MemoryStream to, long count, CancellationToken ct)
    {
        var buffer = new byte[16384];
        while (count > 0)
        {
            int n = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), ct).ConfigureAwait(false);
            if (n == 0)
            {
                return;
            }

            if (to.Length < MaxRecordedBody)
            {
                to.Write(buffer, 0, n);
            }

            count -= n;
        }
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, ct).ConfigureAwait(false) == 1)
        {
            if (one[0] == '\n')
            {
                break;
            }

            if (one[0] != '\r')
            {
                sb.Append((char)one[0]);
            }
        }

        return sb.ToString();
    }
}

/// <summary>Writes a (possibly hostile) answer on one connection.</summary>
public sealed class HostileConnection
{
    private readonly NetworkStream _stream;

    public HostileConnection(NetworkStream stream, CancellationToken stopping)
    {
        _stream = stream;
        Stopping = stopping;
    }

    public CancellationToken Stopping { get; }

    /// <summary>Bytes of body written so far (endless bodies).</summary>
    public long BodyBytesWritten { get; private set; }

    public Task RawAsync(string text) => WriteAsync(Encoding.Latin1.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes, Stopping).ConfigureAwait(false);
        await _stream.FlushAsync(Stopping).ConfigureAwait(false);
    }

    public Task JsonAsync(int status, string json, string extraHeaders = "") => BodyAsync(status, "application/json", Encoding.UTF8.GetBytes(json), extraHeaders);

    public Task XmlAsync(int status, string xml, string extraHeaders = "") => BodyAsync(status, "text/xml; charset=utf-8", Encoding.UTF8.GetBytes(xml), extraHeaders);

    public async Task BodyAsync(int status, string contentType, byte[] body, string extraHeaders = "")
    {
        await RawAsync("HTTP/1.1 " + status + " " + Reason(status) + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.Length + "\r\n" + extraHeaders + "Connection: close\r\n\r\n").ConfigureAwait(false);
        await WriteAsync(body).ConfigureAwait(false);
    }

    public Task RedirectAsync(int status, Uri location) =>
        RawAsync("HTTP/1.1 " + status + " " + Reason(status) + "\r\nLocation: " + location.AbsoluteUri + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    /// <summary>Headers (chunked), the prefix, then <paramref name="chunk"/> forever, until the client goes away.</summary>
    public async Task EndlessAsync(int status, string contentType, string prefix, string chunk, string extraHeaders = "")
    {
        await RawAsync("HTTP/1.1 " + status + " " + Reason(status) + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n" + extraHeaders + "Connection: close\r\n\r\n").ConfigureAwait(false);
        await ChunkAsync(Encoding.UTF8.GetBytes(prefix)).ConfigureAwait(false);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(chunk, Math.Max(1, 16384 / Math.Max(1, chunk.Length)))));
        while (!Stopping.IsCancellationRequested)
        {
            await ChunkAsync(bytes).ConfigureAwait(false);
        }
    }

    /// <summary>Headers announcing <paramref name="declaredLength"/> bytes, the prefix, then silence until the client goes away.</summary>
    public async Task StallAfterHeadersAsync(int status, string contentType, string prefix, long declaredLength, string extraHeaders = "")
    {
        await RawAsync("HTTP/1.1 " + status + " " + Reason(status) + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + declaredLength + "\r\n" + extraHeaders + "Connection: close\r\n\r\n" + prefix).ConfigureAwait(false);
        var probe = new byte[1];

        // A read returns 0 when the client closes the connection.
        while (await _stream.ReadAsync(probe, Stopping).ConfigureAwait(false) > 0)
        {
        }
    }

    private async Task ChunkAsync(byte[] bytes)
    {
        await WriteAsync(Encoding.ASCII.GetBytes(bytes.Length.ToString("x") + "\r\n")).ConfigureAwait(false);
        await _stream.WriteAsync(bytes, Stopping).ConfigureAwait(false);
        await WriteAsync("\r\n"u8.ToArray()).ConfigureAwait(false);
        BodyBytesWritten += bytes.Length;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        _ => "Status",
    };
}
