using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.ConsignO;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing;

/// <summary>
/// A stateful in-process simulator of ConsignO Cloud (<c>/api/v1</c>): login with tenant and optional platform client
/// headers, session tokens that rotate every N responses and expire after idle time on the simulator's clock, logout
/// and verify, PDF upload (multipart), workflows (create, create and launch, get, delete), acting as the signers,
/// PDF/ZIP and audit-trail downloads with the token as a form parameter, and ConsignO error bodies
/// <c>{code,msg,parameters}</c>. The life cycle it follows is documented on the state model
/// (<see cref="ConsignOWorkflowStatus"/>, <see cref="ConsignOActionStatus"/>).
/// </summary>
public sealed partial class ConsignOSimulator : SimulatorHost
{
    /// <summary>The session token header and form parameter name.</summary>
    public const string TokenName = "X-Auth-Token";

    private static readonly string[] HeadMethod = { "HEAD" };
    private readonly ConsignOSimulatorOptions _options;
    private readonly ConsignOState _state;
    private readonly ConsignOWire _wire;

    private ConsignOSimulator(ConsignOSimulatorOptions options)
        : base(options.Host)
    {
        _options = options;
        _state = Track(new ConsignOState(options, TimeProvider));
        _wire = new ConsignOWire(_state, () => BaseAddress);
        StatusChanged += (_, change) => SendWebhooks(change);
    }

    /// <summary>The API base to configure clients with: <c>http://127.0.0.1:{port}/api/v1/</c>.</summary>
    public Uri ApiEndpoint => new(BaseAddress, "api/v1/");

    /// <summary>The simulator's settings.</summary>
    public ConsignOSimulatorOptions Settings => _options;

    /// <summary>Number of successful logins.</summary>
    public int LoginCount => _state.LoginCount;

    /// <summary>Every token issued so far (logins and rotations), oldest first.</summary>
    public IReadOnlyList<string> IssuedTokens => _state.IssuedTokens;

    /// <summary>Number of stored documents (uploaded, synthetic and inline workflow documents).</summary>
    public int DocumentCount => _state.DocumentCount;

    /// <summary>Number of workflows created (deleted ones included: a deletion changes their status, see <see cref="GetWorkflow"/>).</summary>
    public int WorkflowCount => _state.WorkflowCount;

    /// <summary>Starts a simulator on a free loopback port.</summary>
    /// <param name="options">Settings (host settings in <see cref="ConsignOSimulatorOptions.Host"/>), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator; dispose it to stop it.</returns>
    public static Task<ConsignOSimulator> StartAsync(ConsignOSimulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartSimulatorAsync(new ConsignOSimulator(options ?? new ConsignOSimulatorOptions()), cancellationToken);

    /// <summary>Adds a document whose content is generated while it is sent (a valid PDF header, filler, <c>%%EOF</c>), for large-download tests.</summary>
    /// <param name="size">The size in bytes (at least 64).</param>
    /// <param name="name">The file name.</param>
    /// <returns>The document id, usable in a workflow.</returns>
    public string AddSyntheticDocument(long size, string name = "large.pdf") => _state.AddSyntheticDocument(size, name);

    /// <summary>A read-only copy of a workflow in any status (deleted included), or <see langword="null"/> when unknown.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <returns>The workflow.</returns>
    public ConsignOWorkflowSnapshot? GetWorkflow(string workflowId) => _state.Find(workflowId);

    /// <summary>Plays the signers of the workflow's current step: each completes their action.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <returns>The number of actions completed.</returns>
    /// <exception cref="SimulatorStateException">The workflow is unknown or not launched.</exception>
    public int SignCurrentStep(string workflowId) => _state.SignCurrentStep(workflowId);

    /// <summary>Plays every signer, step by step, while the workflow is launched (nothing happens in any other status).</summary>
    /// <param name="workflowId">The workflow id.</param>
    public void SignAll(string workflowId)
    {
        while (_state.Find(workflowId)?.Status == ConsignOWorkflowStatus.Launched && _state.SignCurrentStep(workflowId) > 0)
        {
        }
    }

    /// <summary>Plays a signer of the current step who declines: the workflow becomes declined.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="reason">The decline reason.</param>
    /// <exception cref="SimulatorStateException">The workflow is unknown or not launched.</exception>
    public void Decline(string workflowId, string reason = "Declined by the simulated signer") => _state.Decline(workflowId, reason);

    /// <summary>Makes a launched workflow expire.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <exception cref="SimulatorStateException">The workflow is unknown or not launched.</exception>
    public void Expire(string workflowId) => _state.Expire(workflowId);

    /// <summary>Ends every session at once (as if the server restarted); the next call with an old token gets 401.</summary>
    public void ExpireAllSessions() => _state.EndAllSessions();

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        var api = routes.MapSimulatorGroup("/api/v1", _wire);
        api.MapPost("/auth/login", LoginAsync).Anonymous();
        api.MapPost("/auth/logout", Logout);
        api.MapMethods("/auth", HeadMethod, Verify);
        api.MapPost("/documents", UploadAsync);
        api.MapPost("/workflows", CreateWorkflowAsync);
        api.MapGet("/workflows/{id}", (HttpContext c, string id) => _wire.OkAsync(c, _wire.Render(_state.Get(id))));
        api.MapDelete("/workflows/{id}", (HttpContext c, string id) =>
        {
            _state.Delete(id);
            return _wire.OkAsync(c, null, "Workflow deleted");
        });
        api.MapPost("/workflows/{id}/documents", (HttpContext c, string id) =>
        {
            var (documents, signed) = _state.Documents(id);
            _wire.Answer(c);
            return ConsignOWire.WriteDocumentsAsync(c, documents, signed);
        }).WithMetadata(TokenAsParameter.Instance);
        api.MapPost("/workflows/{id}/audit", (HttpContext c, string id) =>
        {
            var workflow = _state.AuditTrail(id);
            _wire.Answer(c);
            return ConsignOWire.WriteAuditTrailAsync(c, workflow);
        }).WithMetadata(TokenAsParameter.Instance);
        api.MapGet("/workflows/{id}/actions/{actionId}/url", (HttpContext c, string id, string actionId) =>
        {
            _state.RequireEmbeddedAction(id, actionId);
            return _wire.OkAsync(c, new JsonObject { ["url"] = new Uri(BaseAddress, "sign/" + id + "/" + actionId).ToString() });
        });
    }

    private async Task LoginAsync(HttpContext context)
    {
        var body = await ConsignOWire.ReadObjectAsync(context).ConfigureAwait(false)
            ?? throw SimulatorStateException.Invalid("The login body must be a JSON object.", "INVALID_REQUEST");
        var token = _state.Login(
            (string?)body["username"],
            (string?)body["password"],
            (string?)body[_options.TenantFieldName],
            context.Request.Headers["X-Client-Id"],
            context.Request.Headers["X-Client-Secret"]);
        context.Response.Headers[TokenName] = token;
        await ConsignOWire.WriteWrappedAsync(context, new JsonObject { ["username"] = (string?)body["username"], ["tenant"] = (string?)body[_options.TenantFieldName] }).ConfigureAwait(false);
    }

    private Task Logout(HttpContext context)
    {
        _state.Logout(context.Caller<ConsignOState.Session>());
        return ConsignOWire.WriteWrappedAsync(context, null);
    }

    private Task Verify(HttpContext context)
    {
        _wire.Answer(context);
        context.Response.StatusCode = 200;
        return Task.CompletedTask;
    }

    private async Task UploadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            throw SimulatorStateException.Invalid("The document must be sent as multipart/form-data.", "INVALID_DOCUMENT");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var file = form.Files.GetFile(_options.UploadPartName)
            ?? throw SimulatorStateException.Invalid("No '" + _options.UploadPartName + "' part.", "INVALID_DOCUMENT");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        bool pdfa = string.Equals(form[_options.PdfaFieldName], "true", StringComparison.OrdinalIgnoreCase);
        var document = _state.Upload(file.FileName, buffer.ToArray(), pdfa);
        await _wire.OkAsync(context, new JsonObject { ["documentId"] = document.Id, ["name"] = document.Name, ["pdfa"] = document.PdfA }).ConfigureAwait(false);
    }

    private async Task CreateWorkflowAsync(HttpContext context)
    {
        var body = await ConsignOWire.ReadObjectAsync(context).ConfigureAwait(false)
            ?? throw SimulatorStateException.Invalid("A workflow needs a name.", "INVALID_WORKFLOW");
        var workflow = _state.Create(ConsignOWire.ParseWorkflow(body));
        await _wire.OkAsync(context, _wire.Render(workflow)).ConfigureAwait(false);
    }
}
