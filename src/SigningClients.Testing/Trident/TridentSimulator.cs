using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.Trident;

namespace SigningClients.Testing;

/// <summary>
/// A stateful simulator of TRIDENT (TrustedX) eSignSP signer processes: the OAuth2 token endpoint (client
/// credentials with HTTP Basic, scope check, expiry on the simulator's clock), signer process creation from
/// multipart (<c>process</c> JSON + <c>document</c> PDF), the user's browser page at the task URL (sign, fail or
/// cancel, then <c>302</c> to the <c>finish_callback_url</c>), results (404 while running, 410 once the process is
/// gone), documents, signed content and deletion.
/// </summary>
/// <example>
/// <code>
/// await using var sim = await TridentSimulator.StartAsync();
/// // options.Endpoint = sim.BaseAddress; options.ClientId = sim.ClientId; options.ClientSecret = sim.ClientSecret;
/// // after creating a process, play the user: GET {taskUrl}?action=sign answers 302 to the callback URL.
/// </code>
/// </example>
public sealed class TridentSimulator : SimulatorHost
{
    /// <summary>The marker appended to a document's bytes when the simulated user signs it.</summary>
    public const string SignatureMarker = "%TRIDENT-SIMULATOR-SIGNATURE";

    private const string Resources = "/trustedx-resources/esignsp/v2";
    private const string BrowserPath = "/trustedx-sim/userbrowser/";

    private readonly TridentSimulatorOptions _settings;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedProcess> _processes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedProcess> _tasks = new(StringComparer.Ordinal);
    private int _tokenCount;

    private TridentSimulator(TridentSimulatorOptions settings)
        : base(settings.Host)
    {
        _settings = settings;
    }

    /// <summary>The client id the token endpoint accepts.</summary>
    public string ClientId => _settings.ClientId;

    /// <summary>The client secret the token endpoint accepts.</summary>
    public string ClientSecret => _settings.ClientSecret;

    /// <summary>The authorization server name.</summary>
    public string AuthServer => _settings.AuthServer;

    /// <summary>The scope the client may request.</summary>
    public string Scope => _settings.Scope;

    /// <summary>The path of the token endpoint.</summary>
    public string TokenPath => "/trustedx-authserver/oauth/" + _settings.AuthServer + "/token";

    /// <summary>How many tokens were issued so far.</summary>
    public int TokensIssued => Volatile.Read(ref _tokenCount);

    /// <summary>Starts a simulator.</summary>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started simulator; dispose it to stop it.</returns>
    public static Task<TridentSimulator> StartAsync(TridentSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        return StartSimulatorAsync(new TridentSimulator(options ?? new TridentSimulatorOptions()), cancellationToken);
    }

    /// <summary>The ids of the signer processes that exist (not deleted).</summary>
    public IReadOnlyCollection<string> SignerProcessIds => _processes.Keys.ToArray();

    /// <summary>Plays the user without a browser: signs, fails or cancels a pending process.</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <param name="outcome">What the user does.</param>
    /// <returns>The URL the browser would be redirected to (the callback URL with <c>status</c> and <c>signer_process_id</c>).</returns>
    /// <exception cref="InvalidOperationException">The process does not exist or is not pending.</exception>
    public Uri CompleteSigning(string signerProcessId, TridentUserAction outcome = TridentUserAction.Sign)
    {
        if (!_processes.TryGetValue(signerProcessId, out var process))
        {
            throw new InvalidOperationException("No signer process '" + signerProcessId + "'.");
        }

        return Execute(process, outcome) ?? throw new InvalidOperationException("Signer process '" + signerProcessId + "' is not pending.");
    }

    /// <summary>The status of a process: <c>pending</c>, <c>finished</c>, <c>failed</c> or <c>canceled</c>; <see langword="null"/> when it does not exist.</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <returns>The status.</returns>
    public string? GetStatus(string signerProcessId) => _processes.TryGetValue(signerProcessId, out var process) ? process.Status : null;

    /// <summary>The raw <c>process</c> JSON part a process was created with.</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <returns>The JSON text, or <see langword="null"/>.</returns>
    public string? GetProcessJson(string signerProcessId) => _processes.TryGetValue(signerProcessId, out var process) ? process.ProcessJson : null;

    /// <summary>The settings the simulator read from a process's definition (signature field placement, <c>skip_server_id</c>).</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <returns>The settings, or <see langword="null"/> when the process does not exist.</returns>
    public TridentProcessSettings? GetProcessSettings(string signerProcessId) => _processes.TryGetValue(signerProcessId, out var process) ? process.Settings : null;

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/trustedx-authserver/oauth/{authServer}/token", IssueTokenAsync);
        routes.MapPost(Resources + "/signer_processes", CreateAsync);
        routes.MapGet(Resources + "/signer_processes/{id}", GetProcessAsync);
        routes.MapGet(Resources + "/signer_processes/{id}/result", GetResultAsync);
        routes.MapGet(Resources + "/signer_processes/{id}/documents", ListDocumentsAsync);
        routes.MapGet(Resources + "/documents/{id}", GetDocumentAsync);
        routes.MapGet(Resources + "/documents/{id}/content", GetContentAsync);
        routes.MapDelete(Resources + "/documents/{id}", DeleteDocumentAsync);
        routes.MapGet(BrowserPath + "{taskId}", BrowserAsync);
    }

    private async Task IssueTokenAsync(HttpContext context, string authServer)
    {
        if (!string.Equals(authServer, _settings.AuthServer, StringComparison.Ordinal))
        {
            await ErrorAsync(context, 404, "not_found", "Unknown authorization server.").ConfigureAwait(false);
            return;
        }

        if (!SimulatorHttp.TryGetBasicCredentials(context.Request, out var user, out var password) ||
            !string.Equals(user, _settings.ClientId, StringComparison.Ordinal) ||
            !string.Equals(password, _settings.ClientSecret, StringComparison.Ordinal))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"trustedx\"";
            await OAuthErrorAsync(context, 401, "invalid_client", "Client authentication failed.").ConfigureAwait(false);
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await OAuthErrorAsync(context, 400, "invalid_request", "Expected application/x-www-form-urlencoded.").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (!string.Equals(form["grant_type"], "client_credentials", StringComparison.Ordinal))
        {
            await OAuthErrorAsync(context, 400, "unsupported_grant_type", "Only client_credentials is supported.").ConfigureAwait(false);
            return;
        }

        var allowed = _settings.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var requested = form["scope"].ToString();
        if (requested.Length > 0 && requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => !allowed.Contains(s, StringComparer.Ordinal)))
        {
            await OAuthErrorAsync(context, 400, "invalid_scope", "The requested scope is not allowed for this client.").ConfigureAwait(false);
            return;
        }

        var token = "sim-at-" + Guid.NewGuid().ToString("N");
        _tokens[token] = TimeProvider.GetUtcNow() + _settings.TokenLifetime;
        Interlocked.Increment(ref _tokenCount);
        context.Response.Headers.CacheControl = "no-store";
        await WriteAsync(context, 200, new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)_settings.TokenLifetime.TotalSeconds,
            ["scope"] = requested.Length > 0 ? requested : _settings.Scope,
        }).ConfigureAwait(false);
    }

    private async Task<bool> AuthorizeAsync(HttpContext context)
    {
        var token = SimulatorHttp.GetBearerToken(context.Request);
        if (token is not null && _tokens.TryGetValue(token, out var expires) && TimeProvider.GetUtcNow() < expires)
        {
            return true;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await OAuthErrorAsync(context, 401, "invalid_token", token is null ? "A bearer token is required." : "The access token is invalid or expired.").ConfigureAwait(false);
        return false;
    }

    private async Task CreateAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!context.Request.HasFormContentType || context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            await ErrorAsync(context, 415, "unsupported_media_type", "Expected multipart/form-data.").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        string processJson = form["process"].ToString();
        var file = form.Files.GetFile("document");
        if (processJson.Length == 0 || file is null)
        {
            await ErrorAsync(context, 400, "invalid_request", "The request needs a 'process' part and a 'document' part.").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(file.FileName))
        {
            await ErrorAsync(context, 400, "invalid_request", "The 'document' part needs a file name.").ConfigureAwait(false);
            return;
        }

        JsonObject? process;
        try
        {
            process = JsonNode.Parse(processJson) as JsonObject;
        }
        catch (JsonException)
        {
            process = null;
        }

        var callbackText = process?["finish_callback_url"]?.GetValue<string>();
        var processType = process?["process_type"]?.GetValue<string>();
        if (process is null || string.IsNullOrEmpty(processType) ||
            !Uri.TryCreate(callbackText, UriKind.Absolute, out var callback) || (callback.Scheme != Uri.UriSchemeHttp && callback.Scheme != Uri.UriSchemeHttps))
        {
            await ErrorAsync(context, 400, "invalid_process", "The process needs a process_type and an absolute finish_callback_url.").ConfigureAwait(false);
            return;
        }

        TridentProcessSettings settings;
        try
        {
            settings = TridentProcessSettings.Parse(process);
        }
        catch (FormatException ex)
        {
            await ErrorAsync(context, 400, "invalid_process", ex.Message).ConfigureAwait(false);
            return;
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

        if (bytes.Length < 5 || Encoding.ASCII.GetString(bytes, 0, 5) != "%PDF-")
        {
            await ErrorAsync(context, 400, "invalid_document", "The document is not a PDF.").ConfigureAwait(false);
            return;
        }

        var simulated = new SimulatedProcess(NewId("sp"), NewId("task"), processType!, callback, processJson) { Settings = settings };
        var document = new SimulatedDocument(NewId("doc"), simulated, file.FileName, bytes);
        simulated.Documents.Add(document);
        _processes[simulated.Id] = simulated;
        _documents[document.Id] = document;
        _tasks[simulated.TaskId] = simulated;

        context.Response.Headers.Location = ProcessUrl(simulated).AbsoluteUri;
        await WriteAsync(context, 201, ProcessJson(simulated)).ConfigureAwait(false);
    }

    private async Task GetProcessAsync(HttpContext context, string id)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!_processes.TryGetValue(id, out var process))
        {
            await GoneAsync(context).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, ProcessJson(process)).ConfigureAwait(false);
    }

    private async Task GetResultAsync(HttpContext context, string id)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!_processes.TryGetValue(id, out var process))
        {
            await GoneAsync(context).ConfigureAwait(false);
            return;
        }

        var result = ResultJson(process);
        if (result is null)
        {
            await ErrorAsync(context, 404, "not_finished", "The signer process has not finished yet.").ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, result).ConfigureAwait(false);
    }

    private async Task ListDocumentsAsync(HttpContext context, string id)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!_processes.TryGetValue(id, out var process))
        {
            await GoneAsync(context).ConfigureAwait(false);
            return;
        }

        var array = new JsonArray();
        foreach (var document in process.LiveDocuments())
        {
            array.Add(DocumentJson(document));
        }

        await WriteAsync(context, 200, array).ConfigureAwait(false);
    }

    private async Task GetDocumentAsync(HttpContext context, string id)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!_documents.TryGetValue(id, out var document))
        {
            await ErrorAsync(context, 404, "not_found", "No such document.").ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, DocumentJson(document)).ConfigureAwait(false);
    }

    private async Task GetContentAsync(HttpContext context, string id)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!_documents.TryGetValue(id, out var document))
        {
            await ErrorAsync(context, 404, "not_found", "No such document.").ConfigureAwait(false);
            return;
        }

        var bytes = document.Content;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/pdf";
        context.Response.ContentLength = bytes.Length;
        var disposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = "\"" + document.FileName.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" };
        context.Response.Headers.ContentDisposition = disposition.ToString();
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task DeleteDocumentAsync(HttpContext context, string id)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!_documents.TryRemove(id, out var document))
        {
            await ErrorAsync(context, 404, "not_found", "No such document.").ConfigureAwait(false);
            return;
        }

        var process = document.Process;
        lock (process)
        {
            document.Deleted = true;
            if (!process.LiveDocuments().Any())
            {
                // The process goes with its last document: from now on its result is 410 Gone.
                _processes.TryRemove(process.Id, out _);
                _tasks.TryRemove(process.TaskId, out _);
            }
        }

        context.Response.StatusCode = 204;
    }

    private async Task BrowserAsync(HttpContext context, string taskId)
    {
        if (!_tasks.TryGetValue(taskId, out var process))
        {
            await HtmlAsync(context, 404, "<h1>Unknown or expired task</h1>").ConfigureAwait(false);
            return;
        }

        string action = context.Request.Query["action"].ToString();
        if (action.Length == 0)
        {
            if (process.Status != "pending")
            {
                await HtmlAsync(context, 409, "<h1>This signature process has already ended.</h1>").ConfigureAwait(false);
                return;
            }

            var self = BrowserUrl(process).AbsoluteUri;
            var name = WebUtility.HtmlEncode(process.Documents[0].FileName);

            // views.document_agreement.skip_server_id: the application obtained the acknowledgment itself.
            var agreement = process.Settings.SkipServerId == true ? string.Empty : "<p id=\"agreement\">I have read the document.</p>";
            await HtmlAsync(context, 200,
                "<h1>TRIDENT simulator</h1>" + agreement + "<p>Sign <b>" + name + "</b>?</p>" +
                "<a id=\"sign\" href=\"" + self + "?action=sign\">Sign</a> " +
                "<a id=\"fail\" href=\"" + self + "?action=fail\">Fail</a> " +
                "<a id=\"cancel\" href=\"" + self + "?action=cancel\">Cancel</a>").ConfigureAwait(false);
            return;
        }

        TridentUserAction? parsed = action switch
        {
            "sign" => TridentUserAction.Sign,
            "fail" => TridentUserAction.Fail,
            "cancel" => TridentUserAction.Cancel,
            _ => null,
        };
        if (parsed is null)
        {
            await HtmlAsync(context, 400, "<h1>Unknown action</h1>").ConfigureAwait(false);
            return;
        }

        var redirect = Execute(process, parsed.Value);
        if (redirect is null)
        {
            await HtmlAsync(context, 409, "<h1>This signature process has already ended.</h1>").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = 302;
        context.Response.Headers.Location = redirect.AbsoluteUri;
    }

    private static Uri? Execute(SimulatedProcess process, TridentUserAction action)
    {
        lock (process)
        {
            if (process.Status != "pending")
            {
                return null;
            }

            switch (action)
            {
                case TridentUserAction.Sign:
                    process.Status = "finished";
                    foreach (var document in process.Documents)
                    {
                        var marker = Encoding.ASCII.GetBytes("\n" + SignatureMarker + " process=" + process.Id + " document=" + document.Id + "\n");
                        document.Content = document.Original.Concat(marker).ToArray();
                    }

                    break;
                case TridentUserAction.Fail:
                    process.Status = "failed";
                    process.Message = "The signature could not be generated (simulated failure).";
                    break;
                default:
                    process.Status = "canceled";
                    process.Message = "The user canceled the signature process.";
                    break;
            }
        }

        var callback = process.FinishCallbackUrl.AbsoluteUri;
        var separator = string.IsNullOrEmpty(process.FinishCallbackUrl.Query) ? "?" : "&";
        return new Uri(callback + separator + "status=" + process.Status + "&signer_process_id=" + Uri.EscapeDataString(process.Id));
    }

    private JsonObject ProcessJson(SimulatedProcess process)
    {
        var json = new JsonObject
        {
            ["id"] = process.Id,
            ["self"] = ProcessUrl(process).AbsoluteUri,
            ["process_type"] = process.ProcessType,
        };
        lock (process)
        {
            var pending = new JsonArray();
            if (process.Status == "pending")
            {
                pending.Add(new JsonObject
                {
                    ["type"] = "UserBrowserTask",
                    ["id"] = process.TaskId,
                    ["url"] = BrowserUrl(process).AbsoluteUri,
                });
            }

            json["tasks"] = new JsonObject { ["pending"] = pending };
            var documents = new JsonArray();
            foreach (var document in process.LiveDocuments())
            {
                documents.Add(DocumentJson(document));
            }

            json["documents"] = documents;
            if (ResultJson(process) is { } result)
            {
                json["result"] = result;
                if (process.Status == "finished")
                {
                    json["signing_information"] = new JsonObject { ["signer"] = "CN=Simulated Signer", ["signature_type"] = "pades-baseline" };
                }
            }
        }

        return json;
    }

    private JsonObject DocumentJson(SimulatedDocument document)
    {
        var url = new Uri(BaseAddress, Resources.TrimStart('/') + "/documents/" + document.Id).AbsoluteUri;
        var json = new JsonObject
        {
            ["id"] = document.Id,
            ["url"] = url,
            ["content"] = url + "/content",
        };
        if (ResultJson(document.Process) is { } result)
        {
            json["result"] = result;
        }

        return json;
    }

    private static JsonObject? ResultJson(SimulatedProcess process)
    {
        if (process.Status == "pending")
        {
            return null;
        }

        var result = new JsonObject { ["status"] = process.Status };
        if (process.Message is not null)
        {
            result["details"] = new JsonObject { ["message"] = process.Message };
        }

        return result;
    }

    private Uri ProcessUrl(SimulatedProcess process) => new(BaseAddress, Resources.TrimStart('/') + "/signer_processes/" + process.Id);

    private Uri BrowserUrl(SimulatedProcess process) => new(BaseAddress, BrowserPath.TrimStart('/') + process.TaskId);

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..16];

    private static Task GoneAsync(HttpContext context) => ErrorAsync(context, 410, "gone", "The signer process does not exist.");

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, new JsonObject { ["code"] = code, ["message"] = message });

    private static Task OAuthErrorAsync(HttpContext context, int status, string error, string description) =>
        WriteAsync(context, status, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = SimulatorHttp.JsonContentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task HtmlAsync(HttpContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>TRIDENT simulator</title></head><body>" + body + "</body></html>");
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private sealed class SimulatedProcess
    {
        public SimulatedProcess(string id, string taskId, string processType, Uri finishCallbackUrl, string processJson)
        {
            Id = id;
            TaskId = taskId;
            ProcessType = processType;
            FinishCallbackUrl = finishCallbackUrl;
            ProcessJson = processJson;
        }

        public string Id { get; }

        public string TaskId { get; }

        public string ProcessType { get; }

        public Uri FinishCallbackUrl { get; }

        public string ProcessJson { get; }

        public TridentProcessSettings Settings { get; init; } = new(null, null);

        public string Status { get; set; } = "pending";

        public string? Message { get; set; }

        public List<SimulatedDocument> Documents { get; } = new();

        public IEnumerable<SimulatedDocument> LiveDocuments() => Documents.Where(d => !d.Deleted);
    }

    private sealed class SimulatedDocument
    {
        public SimulatedDocument(string id, SimulatedProcess process, string fileName, byte[] original)
        {
            Id = id;
            Process = process;
            FileName = fileName;
            Original = original;
            Content = original;
        }

        public string Id { get; }

        public SimulatedProcess Process { get; }

        public string FileName { get; }

        public byte[] Original { get; }

        public byte[] Content { get; set; }

        public bool Deleted { get; set; }
    }
}
