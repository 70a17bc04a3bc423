using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.ConsignO;

/// <summary>Endpoint metadata: the token comes as a form (or query) parameter, as for downloads ("WARNING the auth token must be passed as a request parameter").</summary>
internal sealed class TokenAsParameter
{
    public static readonly TokenAsParameter Instance = new();
}

/// <summary>
/// ConsignO's wire: the <c>X-Auth-Token</c> check, the <c>{code,msg,parameters}</c> error body, the wrapped
/// <c>{msg,parameters,response}</c> answer (which carries a rotated token), workflow JSON and document downloads.
/// </summary>
internal sealed class ConsignOWire : ISimulatorWire<ConsignOState.Session>
{
    private static readonly byte[] SignedMarker = Encoding.ASCII.GetBytes("\n% signed by the ConsignO simulator\n");

    private static readonly Dictionary<string, int> ErrorNumbers = new(StringComparer.Ordinal)
    {
        ["INVALID_REQUEST"] = 1000,
        ["INVALID_CREDENTIALS"] = 1001,
        ["INVALID_TOKEN"] = 1002,
        ["INVALID_TENANT"] = 1003,
        ["INVALID_DOCUMENT"] = 2001,
        ["INVALID_DOCUMENT_TYPE"] = 2002,
        ["INVALID_WORKFLOW"] = 3001,
        ["WORKFLOW_NOT_COMPLETED"] = 3005,
        ["INVALID_STATE"] = 3006,
        ["ENTITY_NOT_FOUND"] = 5004,
    };

    private readonly ConsignOState _state;
    private readonly Func<Uri> _baseAddress;

    public ConsignOWire(ConsignOState state, Func<Uri> baseAddress)
    {
        _state = state;
        _baseAddress = baseAddress;
    }

    public async ValueTask<ConsignOState.Session> AuthenticateAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<TokenAsParameter>() is null)
        {
            return _state.Authenticate(context.Request.Headers[ConsignOSimulator.TokenName].FirstOrDefault(), "The X-Auth-Token header is missing or unknown.");
        }

        string? token = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            token = form[ConsignOSimulator.TokenName].FirstOrDefault();
        }

        token ??= context.Request.Query[ConsignOSimulator.TokenName].FirstOrDefault();
        return _state.Authenticate(token, "The X-Auth-Token request parameter is missing or unknown.");
    }

    public Task WriteErrorAsync(HttpContext context, SimulatorStateException error)
    {
        var (status, name) = error.Kind switch
        {
            SimulatorErrorKind.Unauthenticated => (401, "INVALID_TOKEN"),
            SimulatorErrorKind.NotFound => (404, "ENTITY_NOT_FOUND"),
            SimulatorErrorKind.IllegalTransition or SimulatorErrorKind.Conflict => (409, "INVALID_STATE"),
            SimulatorErrorKind.Forbidden => (403, "INVALID_STATE"),
            _ => (400, "INVALID_REQUEST"),
        };
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        name = error.Code ?? name;
        return WriteErrorAsync(context, status, name, error.Message);
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string name, string message)
    {
        var code = ErrorNumbers.TryGetValue(name, out var number) ? number : 1000;
        return WriteJsonAsync(context, status, new JsonObject
        {
            ["code"] = code,
            ["msg"] = "[" + code.ToString(CultureInfo.InvariantCulture) + " - " + name + "] " + message,
            ["parameters"] = new JsonArray(),
        });
    }

    /// <summary>Counts the answer for the caller's session; when the session's token rotates, the new one goes in the response header.</summary>
    public void Answer(HttpContext context)
    {
        if (_state.CountAnswer(context.Caller<ConsignOState.Session>()) is { } rotated)
        {
            context.Response.Headers[ConsignOSimulator.TokenName] = rotated;
        }
    }

    /// <summary>Writes the wrapped success answer <c>{msg, parameters: null, response}</c>.</summary>
    public Task OkAsync(HttpContext context, JsonNode? response, string msg = "OK")
    {
        Answer(context);
        return WriteWrappedAsync(context, response, msg);
    }

    /// <summary>Writes a wrapped answer without counting it for a session (login, logout).</summary>
    public static Task WriteWrappedAsync(HttpContext context, JsonNode? response, string msg = "OK") =>
        WriteJsonAsync(context, 200, new JsonObject { ["msg"] = msg, ["parameters"] = null, ["response"] = response });

    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses <c>POST /workflows</c> into a draft for the state model.</summary>
    public static ConsignOWorkflowDraft ParseWorkflow(JsonObject body)
    {
        var documents = new List<ConsignODocumentDraft>();
        foreach (var node in body["documents"] as JsonArray ?? new JsonArray())
        {
            if (node is not JsonObject document)
            {
                throw SimulatorStateException.Invalid("Invalid document.", "INVALID_WORKFLOW");
            }

            byte[]? data = null;
            if ((string?)document["documentId"] is null && (string?)document["data"] is { } base64)
            {
                try
                {
                    data = Convert.FromBase64String(base64);
                }
                catch (FormatException)
                {
                    throw SimulatorStateException.Invalid("The document data is not base64.", "INVALID_WORKFLOW");
                }
            }

            int zones = ((document["fields"] as JsonArray)?.Count ?? 0) + ((document["anchors"] as JsonArray)?.Count ?? 0);
            documents.Add(new ConsignODocumentDraft((string?)document["documentId"], (string?)document["name"], data, zones));
        }

        var actions = new List<ConsignOActionDraft>();
        var actionNodes = body["actions"] as JsonArray ?? new JsonArray();
        for (int i = 0; i < actionNodes.Count; i++)
        {
            if (actionNodes[i] is not JsonObject action || action["signer"] is not JsonObject signer)
            {
                throw SimulatorStateException.Invalid("Every action needs a signer.", "INVALID_WORKFLOW");
            }

            var mode = (string?)action["mode"] == "embedded" ? ConsignOSigningMode.Embedded : ConsignOSigningMode.Remote;
            int step = action["step"] is JsonValue s && s.TryGetValue<int>(out var value) ? value : i + 1;
            var amr = (signer["amr"] as JsonArray)?.Select(a => (string?)a).ToArray() ?? System.Array.Empty<string?>();
            actions.Add(new ConsignOActionDraft(step, mode, amr, !string.IsNullOrWhiteSpace((string?)signer["phone"]), (JsonObject)signer.DeepClone()));
        }

        bool launch = body["status"] is JsonValue st && st.TryGetValue<int>(out var requested) && requested == 1;
        return new ConsignOWorkflowDraft((string?)body["name"] ?? string.Empty, (string?)body["expiresOn"], launch, documents, actions, (JsonObject)body.DeepClone());
    }

    /// <summary>The workflow JSON of the API (the <c>response</c> of a wrapped answer).</summary>
    public JsonObject Render(ConsignOWorkflowSnapshot workflow)
    {
        var request = workflow.Request;
        var requestDocuments = request["documents"] as JsonArray;
        var documents = new JsonArray();
        for (int i = 0; i < workflow.Documents.Count; i++)
        {
            documents.Add(new JsonObject
            {
                ["documentId"] = workflow.Documents[i].Id,
                ["originalDocumentId"] = workflow.Documents[i].Id,
                ["name"] = workflow.Documents[i].Name,
                ["fields"] = (requestDocuments?[i]?["fields"] as JsonArray)?.DeepClone() ?? new JsonArray(),
            });
        }

        var actions = new JsonArray();
        foreach (var action in workflow.Actions)
        {
            actions.Add(new JsonObject
            {
                ["id"] = action.Id,
                ["step"] = action.Step,
                ["signer"] = action.Signer.DeepClone(),
                ["status"] = ConsignOState.Wire(action.Status),
                ["statusDate"] = Iso(action.StatusDate),
                ["mode"] = action.Mode == ConsignOSigningMode.Embedded ? "embedded" : "remote",
                ["secondFactorUsed"] = action.SecondFactorUsed is null ? new JsonArray() : new JsonArray(action.SecondFactorUsed),
                ["declineReason"] = action.DeclineReason,
            });
        }

        return new JsonObject
        {
            ["id"] = workflow.Id,
            ["version"] = 1,
            ["name"] = workflow.Name,
            ["status"] = (int)workflow.Status,
            ["documents"] = documents,
            ["totalActions"] = workflow.Actions.Count,
            ["remainingActions"] = workflow.Actions.Count(a => a.Status != ConsignOActionStatus.Completed),
            ["createdOn"] = Iso(workflow.CreatedOn),
            ["expiresOn"] = workflow.ExpiresOn,
            ["statusDate"] = Iso(workflow.StatusDate),
            ["auditTrailDocumentId"] = workflow.AuditTrailDocumentId,
            ["editUrl"] = new Uri(_baseAddress(), "workspace/" + workflow.Id).ToString(),
            ["actions"] = actions,
            ["webhooks"] = request["webhooks"]?.DeepClone() ?? new JsonArray(),
            ["workflowOwnerEmailsEnabled"] = (bool?)request["workflowOwnerEmailsEnabled"] ?? request["webhooks"] is not JsonArray { Count: > 0 },
            ["signatureInProgress"] = workflow.Status == ConsignOWorkflowStatus.Launched,
        };
    }

    /// <summary>One document as <c>application/pdf</c>, several as <c>application/zip</c>; signed copies once completed.</summary>
    public static async Task WriteDocumentsAsync(HttpContext context, IReadOnlyList<ConsignODocumentSnapshot> documents, bool signed)
    {
        context.Response.StatusCode = 200;
        if (documents.Count == 1)
        {
            var document = documents[0];
            context.Response.ContentType = "application/pdf";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"" + document.Name + "\"";
            context.Response.ContentLength = document.Size + (signed && document.Content is not null ? SignedMarker.Length : 0);
            await CopyDocumentAsync(document, signed, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var zipBuffer = new MemoryStream();
        using (var zip = new ZipArchive(zipBuffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var document in documents)
            {
                var entry = zip.CreateEntry(document.Name, CompressionLevel.Fastest);
                using var entryStream = entry.Open();
                await CopyDocumentAsync(document, signed, entryStream, context.RequestAborted).ConfigureAwait(false);
            }
        }

        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"documents.zip\"";
        context.Response.ContentLength = zipBuffer.Length;
        zipBuffer.Position = 0;
        await zipBuffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The audit-trail PDF of a completed workflow.</summary>
    public static Task WriteAuditTrailAsync(HttpContext context, ConsignOWorkflowSnapshot workflow)
    {
        var text = "%PDF-1.4\n% ConsignO audit trail for workflow " + workflow.Id + "\n" +
            string.Join("\n", workflow.Actions.Select(a => "% " + a.Id + " " + ConsignOState.Wire(a.Status) + " " + Iso(a.StatusDate))) + "\n%%EOF\n";
        return context.WriteBytesAsync(Encoding.ASCII.GetBytes(text), "application/pdf", "audit-" + workflow.Id + ".pdf");
    }

    private static async Task CopyDocumentAsync(ConsignODocumentSnapshot document, bool signed, Stream destination, CancellationToken cancellationToken)
    {
        if (document.Content is not null)
        {
            await destination.WriteAsync(document.Content, cancellationToken).ConfigureAwait(false);
            if (signed)
            {
                await destination.WriteAsync(SignedMarker, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        // Synthetic document: generated chunk by chunk with one reused buffer.
        var header = Encoding.ASCII.GetBytes("%PDF-1.7\n%");
        var trailer = Encoding.ASCII.GetBytes("\n%%EOF\n");
        await destination.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        long remaining = document.Size - header.Length - trailer.Length;
        var buffer = new byte[64 * 1024];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)('a' + (i % 26));
        }

        while (remaining > 0)
        {
            int n = (int)Math.Min(buffer.Length, remaining);
            await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            remaining -= n;
        }

        await destination.WriteAsync(trailer, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static string Iso(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
