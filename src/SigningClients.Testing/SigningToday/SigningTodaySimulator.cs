using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.SigningToday;

namespace SigningClients.Testing;

/// <summary>
/// A stateful in-process Signing Today v2 server (all 68 documented operations under <c>/api</c>): the DST life cycle
/// (draft → published → toFill/toSign → signed, rejected, expired, error; signer groups in order; see
/// <see cref="SigningTodayDstStatus"/>), templates and instantiation, notes, resources with real bytes, users, groups,
/// devices, robot and OAuth tokens with expiry, <c>$top/$skip/$count/$orderBy/$filter</c> paging and
/// <c>{code,message,target}</c> errors. <see cref="Sign"/>, <see cref="SignRequest"/>, <see cref="Decline"/>,
/// <see cref="Expire"/> and <see cref="Fail"/> play the humans and the service.
/// </summary>
public sealed partial class SigningTodaySimulator : SimulatorHost
{
    private readonly SigningTodaySimulatorOptions _sim;
    private readonly SigningTodayState _state;
    private readonly SigningTodayWire _wire;

    private SigningTodaySimulator(SigningTodaySimulatorOptions options)
        : base(options.Host)
    {
        _sim = options;
        _state = Track(new SigningTodayState(options, TimeProvider, () => BaseAddress));
        _wire = new SigningTodayWire(_state, options);
        StatusChanged += (_, change) => SendDstWebhook(change);
    }

    /// <summary>The simulator settings (seeded accounts and credentials).</summary>
    public SigningTodaySimulatorOptions Settings => _sim;

    /// <summary>The API base address to configure clients with: <c>http://127.0.0.1:{port}/api/</c>.</summary>
    public Uri ApiEndpoint => new(BaseAddress, "api/");

    /// <summary>Id of the seeded admin user.</summary>
    public string AdminUserId => _state.AdminUserId;

    /// <summary>Id of the seeded signer user.</summary>
    public string SignerUserId => _state.SignerUserId;

    /// <summary>Id of the seeded robot account.</summary>
    public string RobotUserId => _state.RobotUserId;

    /// <summary>Number of DSTs (templates included, deleted excluded).</summary>
    public int DstCount => _state.DstCount;

    /// <summary>Number of templates (DSTs marked as templates, deleted excluded).</summary>
    public int TemplateCount => _state.TemplateCount;

    /// <summary>The OAuth access tokens issued so far.</summary>
    public int IssuedAccessTokens => _state.IssuedAccessTokens;

    /// <summary>Number of stored resources (documents, signed documents, appearances, templates' files).</summary>
    public int ResourceCount => _state.ResourceCount;

    /// <summary>Number of user groups.</summary>
    public int UserGroupCount => _state.UserGroupCount;

    /// <summary>Number of users (seeded, added and created through the API; robots included, deleted excluded).</summary>
    public int UserCount => _state.UserCount;

    /// <summary>Starts a simulator on a free loopback port.</summary>
    /// <param name="options">Settings (host settings in <see cref="SigningTodaySimulatorOptions.Host"/>), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started simulator; dispose it to stop it.</returns>
    public static Task<SigningTodaySimulator> StartAsync(SigningTodaySimulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartSimulatorAsync(new SigningTodaySimulator(options ?? new SigningTodaySimulatorOptions()), cancellationToken);

    /// <summary>Adds <paramref name="count"/> minimal DSTs (for paging tests); titles are <c>Seed 00001</c>….</summary>
    /// <param name="count">How many.</param>
    /// <param name="status">Their status, in the wire spelling (<c>toSign</c>, <c>signed</c>, …).</param>
    /// <exception cref="SimulatorStateException">The status is not a DST status.</exception>
    public void SeedDsts(int count, string status = "toSign") => _state.Seed(count, SigningTodayState.ParseStatus(status), RobotUserId);

    /// <summary>A read-only copy of a DST (deleted ones included), or <see langword="null"/> when unknown.</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The DST, with its JSON as the API renders it.</returns>
    public SigningTodayDstSnapshot? GetDst(string dstId) => _state.Snapshot(dstId);

    /// <summary>Gets the stored bytes of a resource, or <see langword="null"/>.</summary>
    /// <param name="resourceId">The resource.</param>
    /// <returns>The bytes.</returns>
    public byte[]? GetResourceBytes(string resourceId) => _state.ResourceBytes(resourceId);

    /// <summary>
    /// Plays every signer: fills every pending form and signs every signature request of a published DST, signer group
    /// after signer group. Each document gets a signed PDF resource (the plain bytes plus a signature marker) and the DST
    /// becomes <c>signed</c>.
    /// </summary>
    /// <param name="dstId">The DST.</param>
    /// <exception cref="SimulatorStateException">The DST does not exist or is not waiting for signatures.</exception>
    public void Sign(string dstId) => _state.SignAll(dstId);

    /// <summary>
    /// Plays one signer signing one signature request. Signer groups sign in order: a request whose group is not the
    /// document's current one is refused, as is signing while forms wait to be filled.
    /// </summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="documentId">The document's id within the DST.</param>
    /// <param name="signatureRequestId">The signature request's id within the document.</param>
    /// <exception cref="SimulatorStateException">Unknown DST, document or request; not waiting for signatures; out of order; already signed.</exception>
    public void SignRequest(string dstId, int documentId, int signatureRequestId) => _state.SignRequest(dstId, documentId, signatureRequestId);

    /// <summary>Plays a signer of a current group refusing a declinable signature request: the DST becomes <c>rejected</c>.</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="reason">The reason given.</param>
    /// <exception cref="SimulatorStateException">The DST is not waiting for signatures, or every pending request has <c>declinable: false</c>.</exception>
    public void Decline(string dstId, string reason = "Declined by the signer") => _state.Decline(dstId, reason);

    /// <summary>Makes a DST waiting for signatures expire now.</summary>
    /// <param name="dstId">The DST.</param>
    /// <exception cref="SimulatorStateException">The DST does not exist or is not waiting for signatures.</exception>
    public void Expire(string dstId) => _state.Expire(dstId);

    /// <summary>Puts a DST in the <c>error</c> status.</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="message">The error message.</param>
    /// <exception cref="SimulatorStateException">The DST does not exist.</exception>
    public void Fail(string dstId, string message = "Simulated failure") => _state.Fail(dstId, message);

    /// <summary>Adds a trusted device for a user (for tests of the device listing).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="name">The device name.</param>
    public void AddDevice(string userId, string deviceId, string name) => _state.AddDevice(userId, deviceId, name);

    /// <summary>Makes every issued OAuth access token expire now (the next call gets 401 and the client refreshes).</summary>
    public void ExpireAccessTokens() => _state.ExpireAccessTokens();

    /// <summary>
    /// Adds a user who can log in with the OAuth password grant as <c>username@domain</c> (for tests that change or
    /// revoke a user's credentials without touching the seeded accounts).
    /// </summary>
    /// <param name="username">The user name (unique in the domain).</param>
    /// <param name="password">The password.</param>
    /// <param name="role"><c>admin</c>, <c>instructor</c> or <c>signer</c>.</param>
    /// <returns>The new user's id.</returns>
    /// <exception cref="SimulatorStateException">The user name is taken.</exception>
    public string AddUser(string username, string password, string role = "signer")
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (role is not ("admin" or "instructor" or "signer"))
        {
            throw new ArgumentException("The role must be admin, instructor or signer.", nameof(role));
        }

        return _state.AddUser(username, password, role);
    }

    /// <summary>Adds a robot (automatic) account with its own lifetime token, next to the seeded robot.</summary>
    /// <param name="username">The robot's user name (unique in the domain).</param>
    /// <returns>The robot's lifetime token (send it as a bearer token).</returns>
    /// <exception cref="SimulatorStateException">The user name is taken.</exception>
    public string AddRobot(string username)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        return _state.AddRobot(username);
    }

    /// <summary>Whether a robot token is currently valid.</summary>
    /// <param name="token">The robot token.</param>
    /// <returns><see langword="true"/> when the token authenticates a robot.</returns>
    public bool IsRobotTokenValid(string token) => _state.IsRobotTokenValid(token);

    /// <summary>Whether a user account exists and is enabled (<c>DELETE /user/{id}?enabled=false</c> disables it).</summary>
    /// <param name="userId">The user.</param>
    /// <returns><see langword="true"/> when the user can log in.</returns>
    public bool IsUserEnabled(string userId) => _state.IsEnabled(userId);

    /// <summary>How many times the password of a user was set (own change, change with a token, service change).</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The count.</returns>
    public int PasswordChanges(string userId) => _state.PasswordChanges(userId);

    /// <summary>
    /// How many password e-mails (a password token to choose a new password) the simulator sent a user: one per
    /// recovery request (<c>GET /auth/passwordLost</c>) and per superuser reset (<c>GET /auth/passwordReset</c>).
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <returns>The count.</returns>
    public int PasswordEmails(string userId) => _state.PasswordEmails(userId);

    /// <summary>How many unused password tokens a user holds (issued by <c>GET /auth/passwordToken</c> or a password e-mail, not yet spent).</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The count.</returns>
    public int PasswordTokens(string userId) => _state.PasswordTokens(userId);

    /// <summary>Number of notes on a DST.</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The count (0 for an unknown DST).</returns>
    public int NoteCount(string dstId) => _state.NoteCount(dstId);

    /// <summary>How many times a DST was published (<c>POST /DST/{id}/publish</c> accepted).</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The count.</returns>
    public int Publications(string dstId) => _state.Publications(dstId);

    /// <summary>How many reminders the simulator sent the signers of a DST (<c>POST /DST/{id}/notify</c> accepted).</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The count.</returns>
    public int Reminders(string dstId) => _state.Reminders(dstId);

    /// <summary>How many form fills the simulator applied to a DST (<c>PATCH /DST/{id}/fill</c> accepted).</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The count.</returns>
    public int FormFills(string dstId) => _state.FormFills(dstId);

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes) => MapSigningToday(routes);
}
