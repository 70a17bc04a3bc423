using System;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.Trident;

/// <summary>Endpoint metadata: failures are OAuth 2.0 error bodies <c>{error, error_description}</c> (the token endpoint).</summary>
internal sealed class OAuthErrors
{
    public static readonly OAuthErrors Instance = new();
}

/// <summary>Endpoint metadata: the route is a page of the user's browser; failures are HTML pages.</summary>
internal sealed class BrowserPage
{
    public static readonly BrowserPage Instance = new();
}

/// <summary>
/// TRIDENT's wire (snake_case JSON): bearer authentication, OAuth errors <c>{error, error_description}</c> with
/// <c>WWW-Authenticate</c>, resource errors <c>{code, message}</c> (410 for a process that is gone, 404 for a result
/// not there yet), the multipart process creation, process/document/result JSON and the user's browser pages.
/// </summary>
internal sealed class TridentWire : ISimulatorWire<TridentAccessToken>
{
    /// <summary>The resources' path.</summary>
    public const string Resources = "/trustedx-resources/esignsp/v2";

    /// <summary>The path of the simulated user browser pages.</summary>
    public const string BrowserPath = "/trustedx-sim/userbrowser/";

    private readonly TridentState _state;
    private readonly Func<Uri> _baseAddress;

    public TridentWire(TridentState state, Func<Uri> baseAddress)
    {
        _state = state;
        _baseAddress = baseAddress;
    }

    public ValueTask<TridentAccessToken> AuthenticateAsync(HttpContext context)
    {
        return ValueTask.FromResult(_state.Authenticate(SimulatorHttp.GetBearerToken(context.Request)));
    }

    public Task WriteErrorAsync(HttpContext context, SimulatorStateException error)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<BrowserPage>() is not null)
        {
            int page = error.Kind switch
            {
                SimulatorErrorKind.NotFound => StatusCodes.Status404NotFound,
                SimulatorErrorKind.IllegalTransition => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return HtmlAsync(context, page, "<h1>" + WebUtility.HtmlEncode(error.Message) + "</h1>");
        }

        if (error.Kind == SimulatorErrorKind.Unauthenticated)
        {
            context.Response.Headers.WWWAuthenticate = error.Code == "invalid_client" ? "Basic realm=\"trustedx\"" : "Bearer error=\"invalid_token\"";
            return OAuthErrorAsync(context, StatusCodes.Status401Unauthorized, error);
        }

        if (error.Kind == SimulatorErrorKind.Invalid && metadata?.GetMetadata<OAuthErrors>() is not null)
        {
            return OAuthErrorAsync(context, StatusCodes.Status400BadRequest, error);
        }

        int status = error.Code switch
        {
            "gone" => StatusCodes.Status410Gone,
            "not_finished" => StatusCodes.Status404NotFound,
            "unsupported_media_type" => StatusCodes.Status415UnsupportedMediaType,
            _ => error.Kind switch
            {
                SimulatorErrorKind.NotFound => StatusCodes.Status404NotFound,
                SimulatorErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                SimulatorErrorKind.IllegalTransition or SimulatorErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            },
        };
        return context.WriteJsonAsync(new JsonObject { ["code"] = error.Code ?? "invalid_request", ["message"] = error.Message }, status);
    }

    /// <summary>Parses the multipart creation request (<c>process</c> JSON part and <c>document</c> PDF part).</summary>
    public static async Task<TridentProcessDraft> ParseProcessAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType || context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw SimulatorStateException.Invalid("Expected multipart/form-data.", "unsupported_media_type");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        string processJson = form["process"].ToString();
        var file = form.Files.GetFile("document");
        if (processJson.Length == 0 || file is null)
        {
            throw SimulatorStateException.Invalid("The request needs a 'process' part and a 'document' part.", "invalid_request");
        }

        if (string.IsNullOrEmpty(file.FileName))
        {
            throw SimulatorStateException.Invalid("The 'document' part needs a file name.", "invalid_request");
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

        var processType = Text(process?["process_type"]);
        if (process is null || string.IsNullOrEmpty(processType) ||
            !Uri.TryCreate(Text(process["finish_callback_url"]), UriKind.Absolute, out var callback) || (callback.Scheme != Uri.UriSchemeHttp && callback.Scheme != Uri.UriSchemeHttps))
        {
            throw SimulatorStateException.Invalid("The process needs a process_type and an absolute finish_callback_url.", "invalid_process");
        }

        TridentProcessSettings settings;
        try
        {
            settings = TridentProcessSettings.Parse(process);
        }
        catch (FormatException ex)
        {
            throw SimulatorStateException.Invalid(ex.Message, "invalid_process");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return new TridentProcessDraft(processType, callback, processJson, settings, file.FileName, buffer.ToArray());
    }

    /// <summary>Where the user's browser goes when the process ends: the callback URL with <c>status</c> and <c>signer_process_id</c>.</summary>
    public static Uri Redirect(TridentSignerProcessSnapshot process)
    {
        var separator = string.IsNullOrEmpty(process.FinishCallbackUrl.Query) ? "?" : "&";
        return new Uri(process.FinishCallbackUrl.AbsoluteUri + separator + "status=" + TridentState.Wire(process.Status) + "&signer_process_id=" + Uri.EscapeDataString(process.Id));
    }

    public static Task TokenAsync(HttpContext context, TridentAccessToken token, TimeSpan lifetime)
    {
        context.Response.Headers.CacheControl = "no-store";
        return context.WriteJsonAsync(new JsonObject
        {
            ["access_token"] = token.Token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)lifetime.TotalSeconds,
            ["scope"] = token.Scope,
        });
    }

    /// <summary>The signer process JSON: the pending browser task while pending, the live documents, the result once ended.</summary>
    public JsonObject Render(TridentSignerProcessSnapshot process)
    {
        var json = new JsonObject
        {
            ["id"] = process.Id,
            ["self"] = ProcessUrl(process).AbsoluteUri,
            ["process_type"] = process.ProcessType,
        };
        var pending = new JsonArray();
        if (process.Status == TridentProcessStatus.Pending)
        {
            pending.Add(new JsonObject { ["type"] = "UserBrowserTask", ["id"] = process.TaskId, ["url"] = BrowserUrl(process).AbsoluteUri });
        }

        json["tasks"] = new JsonObject { ["pending"] = pending };
        json["documents"] = RenderDocuments(process);
        if (RenderResult(process) is { } result)
        {
            json["result"] = result;
            if (process.Status == TridentProcessStatus.Finished)
            {
                json["signing_information"] = new JsonObject { ["signer"] = "CN=Simulated Signer", ["signature_type"] = "pades-baseline" };
            }
        }

        return json;
    }

    /// <summary>The process's documents that were not deleted.</summary>
    public JsonArray RenderDocuments(TridentSignerProcessSnapshot process)
    {
        var documents = new JsonArray();
        foreach (var document in process.Documents)
        {
            if (!document.Deleted)
            {
                documents.Add(Render(document, process));
            }
        }

        return documents;
    }

    public JsonObject Render(TridentDocumentSnapshot document, TridentSignerProcessSnapshot process)
    {
        var url = new Uri(_baseAddress(), Resources.TrimStart('/') + "/documents/" + document.Id).AbsoluteUri;
        var json = new JsonObject { ["id"] = document.Id, ["url"] = url, ["content"] = url + "/content" };
        if (RenderResult(process) is { } result)
        {
            json["result"] = result;
        }

        return json;
    }

    /// <summary>The result <c>{status, details {message}}</c>, or <see langword="null"/> while pending.</summary>
    public static JsonObject? RenderResult(TridentSignerProcessSnapshot process)
    {
        if (process.Status == TridentProcessStatus.Pending)
        {
            return null;
        }

        var result = new JsonObject { ["status"] = TridentState.Wire(process.Status) };
        if (process.Message is not null)
        {
            result["details"] = new JsonObject { ["message"] = process.Message };
        }

        return result;
    }

    /// <summary>The document's bytes as <c>application/pdf</c>, an attachment with its file name.</summary>
    public static async Task WriteContentAsync(HttpContext context, TridentDocumentSnapshot document)
    {
        var bytes = document.Content;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/pdf";
        context.Response.ContentLength = bytes.Length;
        var disposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = "\"" + document.FileName.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" };
        context.Response.Headers.ContentDisposition = disposition.ToString();
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The signature page: sign, fail or cancel links; the "I have read the document" acknowledgment unless <c>skip_server_id</c>.</summary>
    public Task WriteSignaturePageAsync(HttpContext context, TridentSignerProcessSnapshot process)
    {
        var self = BrowserUrl(process).AbsoluteUri;
        var name = WebUtility.HtmlEncode(process.Documents[0].FileName);

        // views.document_agreement.skip_server_id: the application obtained the acknowledgment itself.
        var agreement = process.Settings.SkipServerId == true ? string.Empty : "<p id=\"agreement\">I have read the document.</p>";
        return HtmlAsync(context, StatusCodes.Status200OK,
            "<h1>TRIDENT simulator</h1>" + agreement + "<p>Sign <b>" + name + "</b>?</p>" +
            "<a id=\"sign\" href=\"" + self + "?action=sign\">Sign</a> " +
            "<a id=\"fail\" href=\"" + self + "?action=fail\">Fail</a> " +
            "<a id=\"cancel\" href=\"" + self + "?action=cancel\">Cancel</a>");
    }

    /// <summary>The <c>action</c> of a page link.</summary>
    public static TridentUserAction ParseAction(string action) => action switch
    {
        "sign" => TridentUserAction.Sign,
        "fail" => TridentUserAction.Fail,
        "cancel" => TridentUserAction.Cancel,
        _ => throw SimulatorStateException.Invalid("Unknown action"),
    };

    public Uri ProcessUrl(TridentSignerProcessSnapshot process) => new(_baseAddress(), Resources.TrimStart('/') + "/signer_processes/" + process.Id);

    private Uri BrowserUrl(TridentSignerProcessSnapshot process) => new(_baseAddress(), BrowserPath.TrimStart('/') + process.TaskId);

    private static Task OAuthErrorAsync(HttpContext context, int status, SimulatorStateException error) =>
        context.WriteJsonAsync(new JsonObject { ["error"] = error.Code ?? "invalid_request", ["error_description"] = error.Message }, status);

    private static Task HtmlAsync(HttpContext context, int status, string body) =>
        context.WriteBytesAsync(
            Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>TRIDENT simulator</title></head><body>" + body + "</body></html>"),
            "text/html; charset=utf-8",
            status: status);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
