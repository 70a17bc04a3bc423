using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.SigningToday;

/// <summary>
/// Signing Today's wire: bearer authentication, <c>{code,message,target}</c> errors, JSON answers, the
/// <c>{count, values}</c> lists with <c>$top/$skip/$count/$orderBy/$filter</c>, uploads and ZIP downloads.
/// </summary>
internal sealed class SigningTodayWire : ISimulatorWire<string>
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = false };
    private readonly SigningTodayState _state;
    private readonly SigningTodaySimulatorOptions _options;

    public SigningTodayWire(SigningTodayState state, SigningTodaySimulatorOptions options)
    {
        _state = state;
        _options = options;
    }

    public ValueTask<string> AuthenticateAsync(HttpContext context) => ValueTask.FromResult(_state.Authenticate(SimulatorHttp.GetBearerToken(context.Request)));

    public Task WriteErrorAsync(HttpContext context, SimulatorStateException error)
    {
        var (status, code) = error.Kind switch
        {
            SimulatorErrorKind.Unauthenticated => (401, "UNAUTHORIZED"),
            SimulatorErrorKind.Forbidden => (403, "FORBIDDEN"),
            SimulatorErrorKind.NotFound => (404, "NOT_FOUND"),
            SimulatorErrorKind.IllegalTransition => (409, "ILLEGAL_STATUS"),
            SimulatorErrorKind.Conflict => (409, "CONFLICT"),
            _ => (400, "INVALID_REQUEST"),
        };
        return Error(context, status, error.Code ?? code, error.Message, error.Target);
    }

    public static Task Error(HttpContext context, int status, string code, string message, string? target) =>
        Json(context, new JsonObject { ["code"] = code, ["message"] = message, ["target"] = target }, status);

    public static Task Json(HttpContext context, JsonNode node, int status = 200) =>
        SimulatorHttp.WriteJsonAsync(context.Response, node, WriteOptions, status);

    public static Task Ids(HttpContext context, string id, int status = 200) => Json(context, new JsonArray(id), status);

    public static Task Download(HttpContext context, SigningTodayState.Download download) =>
        context.WriteBytesAsync(download.Bytes, download.ContentType, download.FileName);

    public static Task Zip(HttpContext context, IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, bytes) in files)
            {
                var entryName = name;
                for (int n = 2; !used.Add(entryName); n++)
                {
                    entryName = n.ToString(CultureInfo.InvariantCulture) + "-" + name;
                }

                var entry = zip.CreateEntry(entryName);
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return context.WriteBytesAsync(buffer.ToArray(), "application/zip", "resources.zip");
    }

    public static async Task<JsonNode?> ReadNode(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static async Task<JsonObject?> ReadObject(HttpContext context) => await ReadNode(context).ConfigureAwait(false) as JsonObject;

    /// <summary>A password sent as a JSON string or as plain text.</summary>
    public static async Task<string?> ReadPasswordBody(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = (await reader.ReadToEndAsync().ConfigureAwait(false)).Trim();
        if (!text.StartsWith('"'))
        {
            return text;
        }

        try
        {
            return JsonSerializer.Deserialize<string>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The multipart upload of a resource: the <c>file</c> part and its form fields.</summary>
    public static async Task<SigningTodayState.Upload> ReadUpload(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync().ConfigureAwait(false) : null;
        var file = form?.Files["file"] ?? throw SimulatorStateException.Invalid("file is required.", "INVALID_REQUEST", "file");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer).ConfigureAwait(false);
        var name = form!["filename"].ToString();
        return new SigningTodayState.Upload(
            buffer.ToArray(),
            string.IsNullOrEmpty(name) ? file.FileName : name,
            file.ContentType ?? "application/octet-stream",
            form["title"].ToString(),
            form["resourceType"].ToString(),
            form["extraData"].ToString());
    }

    /// <summary>Writes a <c>{count, values}</c> page of <paramref name="source"/>.</summary>
    public Task Page(HttpContext context, IEnumerable<JsonObject> source)
    {
        IEnumerable<JsonObject> items = source;
        var filter = context.Query("$filter");
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var alternatives = filter.Split(" or ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            items = items.Where(item => alternatives.Any(alt => alt.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(term =>
            {
                var at = term.IndexOf("==", StringComparison.Ordinal);
                if (at < 0)
                {
                    return false;
                }

                var field = term[..at].Trim();
                var value = term[(at + 2)..].Trim().Trim('"');
                return item[field]?.ToString() == value;
            })));
        }

        var orderBy = context.Query("$orderBy");
        if (!string.IsNullOrWhiteSpace(orderBy))
        {
            var parts = orderBy.Split(',', StringSplitOptions.TrimEntries);
            var field = parts[0];
            items = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)
                ? items.OrderByDescending(x => x[field]?.ToString(), StringComparer.Ordinal)
                : items.OrderBy(x => x[field]?.ToString(), StringComparer.Ordinal);
        }

        var all = items.ToList();
        int skip = int.TryParse(context.Query("$skip"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        int top = int.TryParse(context.Query("$top"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? Math.Min(t, _options.MaxPageSize) : _options.MaxPageSize;
        var result = new JsonObject
        {
            ["values"] = new JsonArray(all.Skip(skip).Take(top).Select(x => (JsonNode)x).ToArray()),
        };
        if (string.Equals(context.Query("$count"), "true", StringComparison.OrdinalIgnoreCase))
        {
            result["count"] = all.Count;
        }

        return Json(context, result);
    }
}
