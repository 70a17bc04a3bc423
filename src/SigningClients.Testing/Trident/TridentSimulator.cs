using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.Simulation;
using SigningClients.Testing.Trident;

namespace SigningClients.Testing;

/// <summary>
/// A stateful simulator of TRIDENT (TrustedX) eSignSP signer processes: the OAuth2 token endpoint (client
/// credentials with HTTP Basic, scope check, expiry on the simulator's clock), signer process creation from
/// multipart (<c>process</c> JSON + <c>document</c> PDF), the user's browser page at the task URL (sign, fail or
/// cancel, then <c>302</c> to the <c>finish_callback_url</c>), results (404 while running, 410 once the process is
/// gone), documents, signed content and deletion. The life cycle it follows is documented on the state model
/// (<see cref="TridentProcessStatus"/>).
/// </summary>
/// <example>
/// <code>
/// await using var sim = await TridentSimulator.StartAsync();
/// // options.UseSimulator(sim) points a TridentClient at it (endpoint, client id and secret, auth server).
/// // after creating a process, play the user: sim.CompleteSigning(process.Id) returns the callback URL the browser would reach,
/// // or GET {taskUrl}?action=sign answers 302 to it.
/// </code>
/// </example>
public sealed class TridentSimulator : SimulatorHost
{
    /// <summary>The marker appended to a document's bytes when the simulated user signs it.</summary>
    public const string SignatureMarker = TridentState.SignatureMarker;

    private const string Resources = TridentWire.Resources;
    private readonly TridentSimulatorOptions _settings;
    private readonly TridentState _state;
    private readonly TridentWire _wire;

    private TridentSimulator(TridentSimulatorOptions settings)
        : base(settings.Host)
    {
        _settings = settings;
        _state = Track(new TridentState(settings, TimeProvider));
        _wire = new TridentWire(_state, () => BaseAddress);
    }

    /// <summary>The simulator's settings (credentials, authorization server, scope, token lifetime).</summary>
    public TridentSimulatorOptions Settings => _settings;

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
    public int TokensIssued => _state.TokensIssued;

    /// <summary>The ids of the signer processes that exist (not deleted).</summary>
    public IReadOnlyCollection<string> SignerProcessIds => _state.ProcessIds;

    /// <summary>Starts a simulator on a free loopback port.</summary>
    /// <param name="options">Settings (host settings in <see cref="TridentSimulatorOptions.Host"/>), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started simulator; dispose it to stop it.</returns>
    public static Task<TridentSimulator> StartAsync(TridentSimulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartSimulatorAsync(new TridentSimulator(options ?? new TridentSimulatorOptions()), cancellationToken);

    /// <summary>A read-only copy of a signer process that exists, or <see langword="null"/> (never created, or gone with its last document).</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <returns>The process: status, definition, settings read from it, documents.</returns>
    public TridentSignerProcessSnapshot? GetSignerProcess(string signerProcessId) => _state.Find(signerProcessId);

    /// <summary>Plays the user without a browser: signs, fails or cancels a pending process.</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <param name="outcome">What the user does.</param>
    /// <returns>The URL the browser would be redirected to (the callback URL with <c>status</c> and <c>signer_process_id</c>).</returns>
    /// <exception cref="SimulatorStateException">The process does not exist or is not pending.</exception>
    public Uri CompleteSigning(string signerProcessId, TridentUserAction outcome = TridentUserAction.Sign) =>
        TridentWire.Redirect(_state.Execute(signerProcessId, outcome));

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        var api = routes.MapSimulatorGroup("/", _wire);
        api.MapPost("/trustedx-authserver/oauth/{authServer}/token", IssueTokenAsync).Anonymous().WithMetadata(OAuthErrors.Instance);
        api.MapPost(Resources + "/signer_processes", CreateAsync);
        api.MapGet(Resources + "/signer_processes/{id}", (HttpContext c, string id) => c.WriteJsonAsync(_wire.Render(_state.Get(id))));
        api.MapGet(Resources + "/signer_processes/{id}/result", (HttpContext c, string id) => c.WriteJsonAsync(TridentWire.RenderResult(_state.Result(id))!));
        api.MapGet(Resources + "/signer_processes/{id}/documents", (HttpContext c, string id) => c.WriteJsonAsync(_wire.RenderDocuments(_state.Get(id))));
        api.MapGet(Resources + "/documents/{id}", (HttpContext c, string id) =>
        {
            var (document, process) = _state.GetDocument(id);
            return c.WriteJsonAsync(_wire.Render(document, process));
        });
        api.MapGet(Resources + "/documents/{id}/content", (HttpContext c, string id) => TridentWire.WriteContentAsync(c, _state.GetDocument(id).Document));
        api.MapDelete(Resources + "/documents/{id}", (HttpContext c, string id) =>
        {
            _state.DeleteDocument(id);
            return c.NoContent();
        });
        api.MapGet(TridentWire.BrowserPath + "{taskId}", Browser).Anonymous().WithMetadata(BrowserPage.Instance);
    }

    private async Task IssueTokenAsync(HttpContext context, string authServer)
    {
        _state.RequireAuthServer(authServer);
        SimulatorHttp.TryGetBasicCredentials(context.Request, out var clientId, out var clientSecret);
        _state.AuthenticateClient(clientId, clientSecret);
        if (!context.Request.HasFormContentType)
        {
            throw SimulatorStateException.Invalid("Expected application/x-www-form-urlencoded.", "invalid_request");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var token = _state.IssueToken(form["grant_type"], form["scope"].ToString());
        await TridentWire.TokenAsync(context, token, _settings.TokenLifetime).ConfigureAwait(false);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var process = _state.Create(await TridentWire.ParseProcessAsync(context).ConfigureAwait(false));
        context.Response.Headers.Location = _wire.ProcessUrl(process).AbsoluteUri;
        await context.WriteJsonAsync(_wire.Render(process), StatusCodes.Status201Created).ConfigureAwait(false);
    }

    /// <summary>The user's browser at the task URL: the signature page, or <c>?action=sign|fail|cancel</c> and a 302 to the callback.</summary>
    private Task Browser(HttpContext context, string taskId)
    {
        _state.RequireTask(taskId);
        string action = context.Request.Query["action"].ToString();
        if (action.Length == 0)
        {
            return _wire.WriteSignaturePageAsync(context, _state.OpenTask(taskId));
        }

        var ended = _state.ExecuteTask(taskId, TridentWire.ParseAction(action));
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = TridentWire.Redirect(ended).AbsoluteUri;
        return Task.CompletedTask;
    }
}
