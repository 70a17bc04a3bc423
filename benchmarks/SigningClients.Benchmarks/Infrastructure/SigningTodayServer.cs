using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SigningClients.Benchmarks.Infrastructure;

/// <summary>
/// SigningToday routes of the loopback server (under <c>/st/</c>): <c>GET DST/{id}</c>, <c>GET DSTs</c> (pages generated
/// from <c>$top</c>/<c>$skip</c>; <c>$filter=bench:{full|compact}:{total}</c> chooses the item shape and the list
/// length), <c>POST DSTs</c>, <c>PATCH DST/{id}/resources</c> (upload drained) and <c>GET resource/{size}</c> (download
/// generated).
/// </summary>
internal static class SigningTodayServer
{
    public static Task HandleAsync(HttpContext context, string[] s)
    {
        string method = context.Request.Method;
        if (method == "GET" && s.Length == 3 && s[1] == "DST")
        {
            return BenchServer.WriteAsync(context, 200, "application/json", Canned.SigningTodayDst);
        }

        if (method == "GET" && s.Length == 2 && s[1] == "DSTs")
        {
            return ListAsync(context);
        }

        if (method == "POST" && s.Length == 2 && s[1] == "DSTs")
        {
            return DrainThenWriteAsync(context, 201, Canned.SigningTodayDst);
        }

        if (method == "PATCH" && s.Length == 4 && s[1] == "DST" && s[3] == "resources")
        {
            return DrainThenWriteAsync(context, 200, Canned.SigningTodayDst);
        }

        if (method == "GET" && s.Length == 3 && s[1] == "resource")
        {
            return BenchServer.StreamPdfAsync(context, long.Parse(s[2], CultureInfo.InvariantCulture));
        }

        return BenchServer.NotFound(context);
    }

    private static async Task DrainThenWriteAsync(HttpContext context, int status, byte[] body)
    {
        await BenchServer.DrainAsync(context).ConfigureAwait(false);
        await BenchServer.WriteAsync(context, status, "application/json", body).ConfigureAwait(false);
    }

    private static Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        int top = int.Parse(query["$top"].ToString(), CultureInfo.InvariantCulture);
        int skip = int.Parse(query["$skip"].ToString(), CultureInfo.InvariantCulture);
        var filter = query["$filter"].ToString().Split(':');
        bool full = filter.Length == 3 && filter[1] == "full";
        long total = filter.Length == 3 ? long.Parse(filter[2], CultureInfo.InvariantCulture) : 0;
        using var buffer = new MemoryStream();
        Write(buffer, "{\"count\":" + total.ToString(CultureInfo.InvariantCulture) + ",\"values\":[");
        long end = Math.Min(total, (long)skip + top);
        for (long i = skip; i < end; i++)
        {
            if (i > skip)
            {
                buffer.WriteByte((byte)',');
            }

            Write(buffer, full ? Canned.SigningTodayFullItemHead : Canned.SigningTodayCompactItemHead);
            Write(buffer, "dst-" + i.ToString("D8", CultureInfo.InvariantCulture));
            Write(buffer, full ? Canned.SigningTodayFullItemTail : Canned.SigningTodayCompactItemTail);
        }

        Write(buffer, "]}");
        return BenchServer.WriteAsync(context, 200, "application/json", buffer.ToArray());
    }

    private static void Write(MemoryStream buffer, string text) => buffer.Write(Encoding.UTF8.GetBytes(text));
}
