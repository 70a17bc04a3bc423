using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.ConsignO;

namespace SigningClients.Testing;

/// <summary>
/// A stateful in-process simulator of ConsignO Cloud (<c>/api/v1</c>): login with tenant and optional platform client
/// headers, session tokens that rotate every N responses and expire after idle time on the simulator's clock, logout
/// and verify, PDF upload (multipart), workflows (create, launch, get, delete), acting as the signers, PDF/ZIP and
/// audit-trail downloads with the token as a form parameter, and ConsignO error bodies <c>{code,msg,parameters}</c>.
/// </summary>
public sealed class ConsignOSimulator : SimulatorHost
{
    /// <summary>The session token header and form parameter name.</summary>
    public const string TokenName = "X-Auth-Token";

    private static readonly string[] HeadMethod = { "HEAD" };
    private static readonly byte[] SignedMarker = Encoding.ASCII.GetBytes("\n% signed by the ConsignO simulator\n");
    private readonly ConsignOSimulatorOptions _options;
    private readonly object _gate = new();
    private readonly Dictionary<string, SimSession> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimWorkflow> _workflows = new(StringComparer.Ordinal);
    private readonly List<string> _issuedTokens = new();
    private int _logins;
    private long _ids;

    private ConsignOSimulator(ConsignOSimulatorOptions options)
        : base(options.Host)
    {
        _options = options;
    }

    /// <summary>The API base to configure clients with: <c>http://127.0.0.1:{port}/api/v1/</c>.</summary>
    public Uri ApiEndpoint => new(BaseAddress, "api/v1/");

    /// <summary>The simulator's settings.</summary>
    public ConsignOSimulatorOptions Settings => _options;

    /// <summary>Number of successful logins.</summary>
    public int LoginCount => Volatile.Read(ref _logins);

    /// <summary>Every token issued so far (logins and rotations), oldest first.</summary>
    public IReadOnlyList<string> IssuedTokens
    {
        get
        {
            lock (_gate)
            {
                return _issuedTokens.ToArray();
            }
        }
    }

    /// <summary>Number of stored documents (uploaded, synthetic and inline workflow documents).</summary>
    public int DocumentCount
    {
        get
        {
            lock (_gate)
            {
                return _documents.Count;
            }
        }
    }

    /// <summary>Number of workflows created (deleted ones included: a deletion changes their status, see <see cref="GetWorkflowStatus"/>).</summary>
    public int WorkflowCount
    {
        get
        {
            lock (_gate)
            {
                return _workflows.Count;
            }
        }
    }

    /// <summary>Starts a simulator.</summary>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop it.</returns>
    public static Task<ConsignOSimulator> StartAsync(ConsignOSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        return StartSimulatorAsync(new ConsignOSimulator(options ?? new ConsignOSimulatorOptions()), cancellationToken);
    }

    /// <summary>Adds a document whose content is generated while it is sent (a valid PDF header, filler, <c>%%EOF</c>), for large-download tests.</summary>
    /// <param name="size">The size in bytes (at least 64).</param>
    /// <param name="name">The file name.</param>
    /// <returns>The document id, usable in a workflow.</returns>
    public string AddSyntheticDocument(long size, string name = "large.pdf")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 64);
        lock (_gate)
        {
            var id = NewId();
            _documents[id] = new SimDocument(id, name, null, size, false);
            return id;
        }
    }

    /// <summary>Gets a workflow's state as the API would return it, or <see langword="null"/>.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <returns>The status number (0..6), or <see langword="null"/> when unknown.</returns>
    public int? GetWorkflowStatus(string workflowId)
    {
        lock (_gate)
        {
            return _workflows.TryGetValue(workflowId, out var workflow) ? workflow.Status : null;
        }
    }

    /// <summary>Plays the signers of the workflow's current step: each completes their action.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <returns>The number of actions completed.</returns>
    /// <exception cref="InvalidOperationException">The workflow is unknown or not launched.</exception>
    public int SignCurrentStep(string workflowId)
    {
        lock (_gate)
        {
            var workflow = GetLaunched(workflowId);
            int signed = 0;
            foreach (var action in workflow.Actions.Where(a => a.Status == "STARTED" || a.Status == "IN_PROGRESS").ToList())
            {
                Complete(workflow, action);
                signed++;
            }

            return signed;
        }
    }

    /// <summary>Plays every signer in order until the workflow is completed.</summary>
    /// <param name="workflowId">The workflow id.</param>
    public void SignAll(string workflowId)
    {
        while (GetWorkflowStatus(workflowId) == 1)
        {
            if (SignCurrentStep(workflowId) == 0)
            {
                break;
            }
        }
    }

    /// <summary>Plays a signer of the current step who declines: the workflow becomes declined (5).</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="reason">The decline reason.</param>
    public void Decline(string workflowId, string reason = "Declined by the simulated signer")
    {
        lock (_gate)
        {
            var workflow = GetLaunched(workflowId);
            var action = workflow.Actions.First(a => a.Status == "STARTED" || a.Status == "IN_PROGRESS");
            action.Status = "DECLINED";
            action.DeclineReason = reason;
            action.StatusDate = Now();
            workflow.Status = 5;
            workflow.StatusDate = Now();
        }
    }

    /// <summary>Makes the workflow expire (3).</summary>
    /// <param name="workflowId">The workflow id.</param>
    public void Expire(string workflowId)
    {
        lock (_gate)
        {
            var workflow = GetLaunched(workflowId);
            workflow.Status = 3;
            workflow.StatusDate = Now();
        }
    }

    /// <summary>Ends every session at once (as if the server restarted); the next call with an old token gets 401.</summary>
    public void ExpireAllSessions()
    {
        lock (_gate)
        {
            foreach (var session in _tokens.Values)
            {
                session.Ended = true;
            }
        }
    }

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1");
        api.MapPost("/auth/login", LoginAsync);
        api.MapPost("/auth/logout", Logout);
        api.MapMethods("/auth", HeadMethod, Verify);
        api.MapPost("/documents", UploadAsync);
        api.MapPost("/workflows", CreateWorkflowAsync);
        api.MapGet("/workflows/{id}", GetWorkflowAsync);
        api.MapDelete("/workflows/{id}", DeleteWorkflowAsync);
        api.MapPost("/workflows/{id}/documents", DownloadDocumentsAsync);
        api.MapPost("/workflows/{id}/audit", DownloadAuditAsync);
        api.MapGet("/workflows/{id}/actions/{actionId}/url", GetSigningUrlAsync);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, int code, string name, string message) =>
        WriteJsonAsync(context, status, new JsonObject
        {
            ["code"] = code,
            ["msg"] = "[" + code.ToString(CultureInfo.InvariantCulture) + " - " + name + "] " + message,
            ["parameters"] = new JsonArray(),
        });

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteWrappedAsync(HttpContext context, JsonNode? response, string msg = "OK") =>
        WriteJsonAsync(context, 200, new JsonObject { ["msg"] = msg, ["parameters"] = null, ["response"] = response });

    private async Task LoginAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            await WriteErrorAsync(context, 400, 1000, "INVALID_REQUEST", "The login body must be a JSON object.").ConfigureAwait(false);
            return;
        }

        string? username = (string?)body["username"];
        string? password = (string?)body["password"];
        string? tenant = (string?)body[_options.TenantFieldName];
        bool clientOk = _options.ClientId is null ||
            (context.Request.Headers["X-Client-Id"] == _options.ClientId && context.Request.Headers["X-Client-Secret"] == _options.ClientSecret);
        if (username != _options.Username || password != _options.Password || !clientOk)
        {
            await WriteErrorAsync(context, 401, 1001, "INVALID_CREDENTIALS", "Bad credentials.").ConfigureAwait(false);
            return;
        }

        if (_options.Tenant is not null && !string.Equals(tenant, _options.Tenant, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, 401, 1003, "INVALID_TENANT", "Unknown tenant '" + tenant + "'.").ConfigureAwait(false);
            return;
        }

        string token;
        lock (_gate)
        {
            var session = new SimSession { LastActivity = Now() };
            token = Issue(session);
            _logins++;
        }

        context.Response.Headers[TokenName] = token;
        await WriteWrappedAsync(context, new JsonObject { ["username"] = username, ["tenant"] = tenant }).ConfigureAwait(false);
    }

    private async Task Logout(HttpContext context)
    {
        var session = await AuthenticateAsync(context, fromForm: false).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        lock (_gate)
        {
            session.Ended = true;
        }

        await WriteWrappedAsync(context, null).ConfigureAwait(false);
    }

    private async Task Verify(HttpContext context)
    {
        var session = await AuthenticateAsync(context, fromForm: false, writeBody: false).ConfigureAwait(false);
        if (session is not null)
        {
            StartAnswer(context, session);
            context.Response.StatusCode = 200;
        }
    }

    private async Task UploadAsync(HttpContext context)
    {
        var session = await AuthenticateAsync(context, fromForm: false).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await WriteErrorAsync(context, 400, 2001, "INVALID_DOCUMENT", "The document must be sent as multipart/form-data.").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var file = form.Files.GetFile(_options.UploadPartName);
        if (file is null)
        {
            await WriteErrorAsync(context, 400, 2001, "INVALID_DOCUMENT", "No '" + _options.UploadPartName + "' part.").ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        if (bytes.Length < 5 || Encoding.ASCII.GetString(bytes, 0, 5) != "%PDF-")
        {
            await WriteErrorAsync(context, 400, 2002, "INVALID_DOCUMENT_TYPE", "Only PDF documents can be uploaded.").ConfigureAwait(false);
            return;
        }

        bool pdfa = string.Equals(form[_options.PdfaFieldName], "true", StringComparison.OrdinalIgnoreCase);
        string id;
        lock (_gate)
        {
            id = NewId();
            _documents[id] = new SimDocument(id, file.FileName, bytes, bytes.LongLength, pdfa);
        }

        StartAnswer(context, session);
        await WriteWrappedAsync(context, new JsonObject { ["documentId"] = id, ["name"] = file.FileName, ["pdfa"] = pdfa }).ConfigureAwait(false);
    }

    private async Task CreateWorkflowAsync(HttpContext context)
    {
        var session = await AuthenticateAsync(context, fromForm: false).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || string.IsNullOrWhiteSpace((string?)body["name"]))
        {
            await WriteErrorAsync(context, 400, 3001, "INVALID_WORKFLOW", "A workflow needs a name.").ConfigureAwait(false);
            return;
        }

        string? error;
        SimWorkflow? workflow;
        lock (_gate)
        {
            error = TryBuildWorkflow(body, out workflow);
            if (error is null)
            {
                _workflows[workflow!.Id] = workflow;
            }
        }

        if (error is not null)
        {
            await WriteErrorAsync(context, 400, 3001, "INVALID_WORKFLOW", error).ConfigureAwait(false);
            return;
        }

        StartAnswer(context, session);
        await WriteWrappedAsync(context, Render(workflow!)).ConfigureAwait(false);
    }

    private async Task GetWorkflowAsync(HttpContext context, string id)
    {
        var session = await AuthenticateAsync(context, fromForm: false).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        JsonObject? rendered;
        lock (_gate)
        {
            rendered = _workflows.TryGetValue(id, out var workflow) && workflow.Status != 6 ? Render(workflow) : null;
        }

        if (rendered is null)
        {
            await NotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        StartAnswer(context, session);
        await WriteWrappedAsync(context, rendered).ConfigureAwait(false);
    }

    private async Task DeleteWorkflowAsync(HttpContext context, string id)
    {
        var session = await AuthenticateAsync(context, fromForm: false).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        bool found;
        lock (_gate)
        {
            found = _workflows.TryGetValue(id, out var workflow) && workflow.Status != 6;
            if (found)
            {
                workflow!.Status = 6;
                workflow.StatusDate = Now();
            }
        }

        if (!found)
        {
            await NotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        StartAnswer(context, session);
        await WriteWrappedAsync(context, null, "Workflow deleted").ConfigureAwait(false);
    }

    private async Task DownloadDocumentsAsync(HttpContext context, string id)
    {
        var session = await AuthenticateAsync(context, fromForm: true).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        List<SimDocument>? documents = null;
        bool completed = false;
        lock (_gate)
        {
            if (_workflows.TryGetValue(id, out var workflow) && workflow.Status != 6)
            {
                documents = workflow.Documents.ToList();
                completed = workflow.Status == 2;
            }
        }

        if (documents is null)
        {
            await NotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        StartAnswer(context, session);
        context.Response.StatusCode = 200;
        if (documents.Count == 1)
        {
            await WriteDocumentAsync(context, documents[0], completed).ConfigureAwait(false);
            return;
        }

        using var zipBuffer = new MemoryStream();
        using (var zip = new ZipArchive(zipBuffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var document in documents)
            {
                var entry = zip.CreateEntry(document.Name, CompressionLevel.Fastest);
                using var entryStream = entry.Open();
                await CopyDocumentAsync(document, completed, entryStream, context.RequestAborted).ConfigureAwait(false);
            }
        }

        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"documents.zip\"";
        context.Response.ContentLength = zipBuffer.Length;
        zipBuffer.Position = 0;
        await zipBuffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task DownloadAuditAsync(HttpContext context, string id)
    {
        var session = await AuthenticateAsync(context, fromForm: true).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        SimWorkflow? workflow;
        int status;
        lock (_gate)
        {
            workflow = _workflows.TryGetValue(id, out var w) && w.Status != 6 ? w : null;
            status = workflow?.Status ?? -1;
        }

        if (workflow is null)
        {
            await NotFoundAsync(context, id).ConfigureAwait(false);
            return;
        }

        if (status != 2)
        {
            await WriteErrorAsync(context, 409, 3005, "WORKFLOW_NOT_COMPLETED", "The audit trail is only available once the workflow is completed (status " + status.ToString(CultureInfo.InvariantCulture) + ").").ConfigureAwait(false);
            return;
        }

        var text = "%PDF-1.4\n% ConsignO audit trail for workflow " + workflow.Id + "\n" +
            string.Join("\n", workflow.Actions.Select(a => "% " + a.Id + " " + a.Status + " " + a.StatusDate.ToString("O", CultureInfo.InvariantCulture))) + "\n%%EOF\n";
        var bytes = Encoding.ASCII.GetBytes(text);
        StartAnswer(context, session);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/pdf";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"audit-" + workflow.Id + ".pdf\"";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task GetSigningUrlAsync(HttpContext context, string id, string actionId)
    {
        var session = await AuthenticateAsync(context, fromForm: false).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        string? error = null;
        lock (_gate)
        {
            if (!_workflows.TryGetValue(id, out var workflow) || workflow.Status == 6)
            {
                error = "404";
            }
            else if (workflow.Status != 1)
            {
                error = "The workflow is not launched.";
            }
            else if (workflow.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action)
            {
                error = "404";
            }
            else if (action.Mode != "embedded")
            {
                error = "The action is not in embedded mode.";
            }
        }

        if (error == "404")
        {
            await NotFoundAsync(context, id + "/" + actionId).ConfigureAwait(false);
            return;
        }

        if (error is not null)
        {
            await WriteErrorAsync(context, 409, 3006, "INVALID_STATE", error).ConfigureAwait(false);
            return;
        }

        StartAnswer(context, session);
        await WriteWrappedAsync(context, new JsonObject { ["url"] = new Uri(BaseAddress, "sign/" + id + "/" + actionId).ToString() }).ConfigureAwait(false);
    }

    private static Task NotFoundAsync(HttpContext context, string id) =>
        WriteErrorAsync(context, 404, 5004, "ENTITY_NOT_FOUND", "No workflow '" + id + "'.");

    /// <summary>Checks the token (header, or form parameter for downloads); writes the 401 and returns null when refused.</summary>
    private async Task<SimSession?> AuthenticateAsync(HttpContext context, bool fromForm, bool writeBody = true)
    {
        string? token;
        if (fromForm)
        {
            token = null;
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                token = form[TokenName].FirstOrDefault();
            }

            token ??= context.Request.Query[TokenName].FirstOrDefault();
        }
        else
        {
            token = context.Request.Headers[TokenName].FirstOrDefault();
        }

        string? refusal = null;
        SimSession? session;
        lock (_gate)
        {
            if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(token, out session))
            {
                refusal = fromForm ? "The X-Auth-Token request parameter is missing or unknown." : "The X-Auth-Token header is missing or unknown.";
                session = null;
            }
            else if (session.Ended)
            {
                refusal = "The session has ended.";
            }
            else if (Now() - session.LastActivity > _options.IdleTimeout)
            {
                session.Ended = true;
                refusal = "The token expired after inactivity.";
            }
            else if (_options.RejectSupersededTokens && !string.Equals(session.CurrentToken, token, StringComparison.Ordinal))
            {
                refusal = "The token was replaced by a newer one.";
            }
            else
            {
                session.LastActivity = Now();
            }
        }

        if (refusal is null)
        {
            return session;
        }

        if (writeBody)
        {
            await WriteErrorAsync(context, 401, 1002, "INVALID_TOKEN", refusal).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = 401;
        }

        return null;
    }

    /// <summary>Counts an authenticated answer and, every N answers, rotates the token (sent in the response header).</summary>
    private void StartAnswer(HttpContext context, SimSession session)
    {
        string? rotated = null;
        lock (_gate)
        {
            session.Answers++;
            if (_options.RotateTokenEvery > 0 && session.Answers % _options.RotateTokenEvery == 0)
            {
                rotated = Issue(session);
            }
        }

        if (rotated is not null)
        {
            context.Response.Headers[TokenName] = rotated;
        }
    }

    private string Issue(SimSession session)
    {
        var token = "eyJhbGciOiJIUzI1NiJ9." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=') + ".sim";
        session.CurrentToken = token;
        _tokens[token] = session;
        _issuedTokens.Add(token);
        return token;
    }

    private string? TryBuildWorkflow(JsonObject body, out SimWorkflow? workflow)
    {
        workflow = null;
        var documents = new List<SimDocument>();
        int zones = 0;
        foreach (var node in body["documents"] as JsonArray ?? new JsonArray())
        {
            if (node is not JsonObject document)
            {
                return "Invalid document.";
            }

            var documentId = (string?)document["documentId"];
            if (documentId is not null)
            {
                if (!_documents.TryGetValue(documentId, out var uploaded))
                {
                    return "[5004] Unknown document '" + documentId + "'.";
                }

                if (uploaded.Used)
                {
                    return "The document '" + documentId + "' is already assigned to a workflow.";
                }

                documents.Add(uploaded);
            }
            else if ((string?)document["data"] is { } data && (string?)document["name"] is { } name)
            {
                var bytes = Convert.FromBase64String(data);
                var inline = new SimDocument(NewId(), name, bytes, bytes.LongLength, false);
                _documents[inline.Id] = inline;
                documents.Add(inline);
            }
            else
            {
                return "A document needs a documentId or name and data.";
            }

            zones += (document["fields"] as JsonArray)?.Count ?? 0;
            zones += (document["anchors"] as JsonArray)?.Count ?? 0;
        }

        if (documents.Count == 0)
        {
            return "A workflow needs at least one document.";
        }

        var actions = new List<SimAction>();
        var actionNodes = body["actions"] as JsonArray ?? new JsonArray();
        for (int i = 0; i < actionNodes.Count; i++)
        {
            if (actionNodes[i] is not JsonObject action || action["signer"] is not JsonObject signer)
            {
                return "Every action needs a signer.";
            }

            var mode = (string?)action["mode"] ?? "remote";
            int step = action["step"] is JsonValue s && s.TryGetValue<int>(out var value) ? value : i + 1;
            var amr = (signer["amr"] as JsonArray)?.Select(a => (string?)a).ToList() ?? new List<string?>();
            if (mode == "embedded" && amr.Contains("secret"))
            {
                return "Secret amr cannot be used with embedded signer.";
            }

            if ((amr.Contains("sms") || amr.Contains("call")) && string.IsNullOrWhiteSpace((string?)signer["phone"]))
            {
                return "A phone number is required for sms and call.";
            }

            actions.Add(new SimAction
            {
                Id = NewId(),
                Step = step,
                Mode = mode,
                Signer = (JsonObject)signer.DeepClone(),
                StatusDate = Now(),
            });
        }

        foreach (var action in actions.Where(a => a.Mode == "embedded"))
        {
            if (actions.Count(a => a.Step == action.Step) > 1)
            {
                return "An embedded signer cannot be defined in a parallel sequence.";
            }
        }

        int status = body["status"] is JsonValue st && st.TryGetValue<int>(out var requested) ? requested : 0;
        if (status == 1 && (actions.Count == 0 || zones == 0))
        {
            return "A signing project must have at least 1 signer and 1 zone to be launched.";
        }

        foreach (var document in documents)
        {
            document.Used = true;
        }

        workflow = new SimWorkflow
        {
            Id = NewId(),
            Name = (string)body["name"]!,
            Status = 0,
            CreatedOn = Now(),
            StatusDate = Now(),
            ExpiresOn = (string?)body["expiresOn"],
            Documents = documents,
            Actions = actions,
            Request = (JsonObject)body.DeepClone(),
        };
        if (status == 1)
        {
            workflow.Status = 1;
            StartNextStep(workflow);
        }

        return null;
    }

    private void Complete(SimWorkflow workflow, SimAction action)
    {
        action.Status = "COMPLETED";
        action.StatusDate = Now();
        action.SecondFactorUsed = "sms";
        if (!workflow.Actions.Any(a => a.Status is "STARTED" or "IN_PROGRESS"))
        {
            StartNextStep(workflow);
        }
    }

    private void StartNextStep(SimWorkflow workflow)
    {
        var pending = workflow.Actions.Where(a => a.Status == "NOT_STARTED").ToList();
        if (pending.Count == 0)
        {
            workflow.Status = 2;
            workflow.StatusDate = Now();
            workflow.AuditTrailDocumentId = NewId();
            return;
        }

        int step = pending.Min(a => a.Step);
        foreach (var action in pending.Where(a => a.Step == step))
        {
            action.Status = "STARTED";
            action.StatusDate = Now();
        }
    }

    private SimWorkflow GetLaunched(string workflowId)
    {
        if (!_workflows.TryGetValue(workflowId, out var workflow))
        {
            throw new InvalidOperationException("Unknown workflow '" + workflowId + "'.");
        }

        if (workflow.Status != 1)
        {
            throw new InvalidOperationException("The workflow '" + workflowId + "' is not launched (status " + workflow.Status.ToString(CultureInfo.InvariantCulture) + ").");
        }

        return workflow;
    }

    private JsonObject Render(SimWorkflow workflow)
    {
        var request = workflow.Request;
        var documents = new JsonArray();
        var requestDocuments = request["documents"] as JsonArray;
        for (int i = 0; i < workflow.Documents.Count; i++)
        {
            var fields = (requestDocuments?[i]?["fields"] as JsonArray)?.DeepClone() ?? new JsonArray();
            documents.Add(new JsonObject
            {
                ["documentId"] = workflow.Documents[i].Id,
                ["originalDocumentId"] = workflow.Documents[i].Id,
                ["name"] = workflow.Documents[i].Name,
                ["fields"] = fields,
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
                ["status"] = action.Status,
                ["statusDate"] = action.StatusDate.ToString("O", CultureInfo.InvariantCulture),
                ["mode"] = action.Mode,
                ["secondFactorUsed"] = action.SecondFactorUsed is null ? new JsonArray() : new JsonArray(action.SecondFactorUsed),
                ["declineReason"] = action.DeclineReason,
            });
        }

        return new JsonObject
        {
            ["id"] = workflow.Id,
            ["version"] = 1,
            ["name"] = workflow.Name,
            ["status"] = workflow.Status,
            ["documents"] = documents,
            ["totalActions"] = workflow.Actions.Count,
            ["remainingActions"] = workflow.Actions.Count(a => a.Status != "COMPLETED"),
            ["createdOn"] = workflow.CreatedOn.ToString("O", CultureInfo.InvariantCulture),
            ["expiresOn"] = workflow.ExpiresOn,
            ["statusDate"] = workflow.StatusDate.ToString("O", CultureInfo.InvariantCulture),
            ["auditTrailDocumentId"] = workflow.AuditTrailDocumentId,
            ["editUrl"] = new Uri(BaseAddress, "workspace/" + workflow.Id).ToString(),
            ["actions"] = actions,
            ["webhooks"] = request["webhooks"]?.DeepClone() ?? new JsonArray(),
            ["workflowOwnerEmailsEnabled"] = (bool?)request["workflowOwnerEmailsEnabled"] ?? request["webhooks"] is not JsonArray { Count: > 0 },
            ["signatureInProgress"] = workflow.Status == 1,
        };
    }

    private static async Task WriteDocumentAsync(HttpContext context, SimDocument document, bool signed)
    {
        context.Response.ContentType = "application/pdf";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"" + document.Name + "\"";
        context.Response.ContentLength = document.Size + (signed && document.Content is not null ? SignedMarker.Length : 0);
        await CopyDocumentAsync(document, signed, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task CopyDocumentAsync(SimDocument document, bool signed, Stream destination, CancellationToken cancellationToken)
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

    private DateTimeOffset Now() => TimeProvider.GetUtcNow();

    private string NewId() => Interlocked.Increment(ref _ids).ToString("x24", CultureInfo.InvariantCulture);
}
