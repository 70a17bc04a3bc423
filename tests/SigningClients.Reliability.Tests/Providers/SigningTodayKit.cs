using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Testing;
using SigningClients.Testing.SigningToday;
using SigningClients.TestSupport;
using SigningToday.Dst;
using SigningToday.Dst.Models;

namespace SigningClients.Reliability.Tests.Providers;

/// <summary>
/// The two clients a SigningToday cell uses: a robot (static token) and an admin user (OAuth password grant), plus a
/// factory for per-cell clients (same endpoint, retry tuning, logging and clock) that run on credentials of their own.
/// </summary>
internal sealed class StClients : IDisposable
{
    public required SigningTodayClient Robot { get; init; }

    public required SigningTodayClient Admin { get; init; }

    /// <summary>Builds a client with the lane's settings from options that carry only the credentials.</summary>
    public required Func<SigningTodayClientOptions, SigningTodayClient> Factory { get; init; }

    /// <summary>A client that logs in as <paramref name="username"/> (OAuth password grant); dispose it.</summary>
    public SigningTodayClient ForUser(SigningTodaySimulator sim, string username, string password) =>
        Factory(SigningTodayKit.PasswordOptions(sim, username, password));

    public void Dispose()
    {
        Robot.Dispose();
        Admin.Dispose();
    }
}

/// <summary>
/// SigningToday: every public client method (68 documented endpoints; the robot template instantiation twice, once per
/// overload). Credential-changing operations (robot token clearing, logout, token requests, password changes and
/// resets) run on a user or robot created for the cell, so the lane's shared robot and admin keep working.
/// </summary>
internal sealed class SigningTodayKit : ProviderKit
{
    public const string Api = "/api";

    /// <summary>The public operations not in the matrix, and why (none: every client method is driven).</summary>
    public static readonly string[] LeftOut = Array.Empty<string>();

    /// <summary>How many operations the matrix covers.</summary>
    public static int Operations_Count() => BuildOperations().Count;

    public override string Provider => "SigningToday";

    public override string BrokenBody => "{\"id\":\"0b1c\",\"title\":\"Contract\",\"status\":\"toSi";

    public override string BrokenBodyContentType => "application/json";

    public override IReadOnlyList<OperationCase> Operations { get; } = BuildOperations();

    public override async Task<SimulatorHost> StartSimulatorAsync(SimulatorHostOptions host, CancellationToken cancellationToken)
        => await SigningTodaySimulator.StartAsync(new SigningTodaySimulatorOptions { Host = host }, cancellationToken);

    public override object CreateClient(SimulatorHost simulator, ClientSettings settings)
    {
        var sim = (SigningTodaySimulator)simulator;
        var endpoint = new Uri(settings.Endpoint, "api/");
        SigningTodayClient Build(SigningTodayClientOptions options)
        {
            options.Endpoint = endpoint;
            options.AllowHttpOnLoopback = true;
            settings.Retry?.Invoke(options.Retry);
            Recorder.AddVisibleText(options.ToString());
            return new SigningTodayClient(options, settings.HttpClient, settings.LoggerFactory, settings.TimeProvider);
        }

        return new StClients
        {
            Robot = Build(new SigningTodayClientOptions { RobotToken = sim.Settings.RobotToken }),
            Admin = Build(PasswordOptions(sim, sim.Settings.AdminUsername, sim.Settings.AdminPassword)),
            Factory = Build,
        };
    }

    public static SigningTodayClientOptions AdminOptions(SigningTodaySimulator sim, Uri endpoint)
    {
        var options = PasswordOptions(sim, sim.Settings.AdminUsername, sim.Settings.AdminPassword);
        options.Endpoint = endpoint;
        options.AllowHttpOnLoopback = true;
        return options;
    }

    /// <summary>Options for a user of the simulator's domain logging in with the OAuth password grant (no endpoint set).</summary>
    public static SigningTodayClientOptions PasswordOptions(SigningTodaySimulator sim, string username, string password) => new()
    {
        AuthenticationMode = SigningTodayAuthenticationMode.Password,
        Username = username,
        Domain = sim.Settings.Domain,
        Password = password,
        ClientId = sim.Settings.ClientId,
        ClientSecret = sim.Settings.ClientSecret,
    };

    public override IEnumerable<string> Secrets(SimulatorHost simulator)
    {
        var s = ((SigningTodaySimulator)simulator).Settings;
        return new[] { s.RobotToken, s.AdminPassword, s.SignerPassword, s.ClientSecret };
    }

    public static MemoryStream Pdf(string text = "SigningToday contract") => new(TestPdf.Create(text));

    public static Signer Signer() => new() { Name = "John", Surname = "Doe", Email = "jdo@example.com", Role = "Signer" };

    public static RobotDstSpecification Specification(string title, bool toFill = false, bool template = false)
    {
        var forms = new List<DstForm> { new() { Id = 0, DocumentId = 0, Type = FormType.SignatureForm, Page = 1, SignerId = 0, ToFill = false } };
        if (toFill)
        {
            forms.Add(new DstForm { Id = 1, DocumentId = 0, Type = FormType.TextForm, Page = 1, SignerId = 0, ToFill = true, Filled = false });
        }

        return new RobotDstSpecification
        {
            Title = title,
            Status = DstStatus.Published,
            Template = template ? true : null,
            Documents = new[]
            {
                new RobotDocument
                {
                    Resource = new RobotResource { Filename = "a.pdf", ResourceType = "PDF_Document", Title = "A", Source = new DocumentSource { Type = "URL", SourceUrl = "https://example.com/a.pdf" } },
                    Forms = forms,
                    SignatureRequests = new[] { new SignatureRequest { Id = 0, SignerId = 0, SignProfile = SignProfile.PAdES } },
                    SignerGroups = new[] { new SignerGroup { Label = "Group 1", Signers = new[] { new Signer { Id = 0, Name = "Adam", Email = "adam@example.com", Role = "Signer" } } } },
                },
            },
        };
    }

    public static async Task<DigitalSignatureTransaction> PublishedAsync(StClients c, CancellationToken ct)
    {
        using var pdf = Pdf();
        return await c.Robot.Robots.CreateAndPublishFromPdfAsync(pdf, "contract.pdf", "Contract", Signer(), null, ct);
    }

    public static async Task<DigitalSignatureTransaction> SignedAsync(StClients c, SigningTodaySimulator s, CancellationToken ct)
    {
        var dst = await PublishedAsync(c, ct);
        s.Sign(dst.Id!);
        return await c.Robot.Dsts.GetAsync(dst.Id!, ct);
    }

    public static async Task<DigitalSignatureTransaction> DraftWithDocumentAsync(StClients c, CancellationToken ct)
    {
        var draft = await c.Robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Draft" }, ct);
        using var pdf = Pdf("one");
        return await c.Robot.Resources.AppendToDstAsync(draft.Id!, pdf, "one.pdf", null, ct);
    }

    internal sealed record NoteState(string DstId, long NoteId);

    /// <summary>A DST (or template) id and the simulator count the write under test changes, taken before the call.</summary>
    internal sealed record Counted(string Id, int Before);

    /// <summary>A per-cell account: the simulator's user id, its login name and password.</summary>
    internal sealed record Account(SigningTodaySimulator Sim, string UserId, string Username, string Password, int Before)
    {
        public string Domain => Sim.Settings.Domain;
    }

    /// <summary>The seeded signer's token identity (appearance uploads go to it).</summary>
    public const string SignerIdentityId = "abd562ae-e8ab-4cfd-a688-395e06eea9ff";

    /// <summary>A fresh user with its own password (a secret of the run), so credential changes never touch the lane's accounts.</summary>
    public static Account NewAccount(SigningTodaySimulator s, Func<string, int>? before = null, string role = "signer")
    {
        var username = "u" + Guid.NewGuid().ToString("N")[..12];
        var password = "Pw-" + Guid.NewGuid().ToString("N");
        Recorder.AddSecrets(password);
        var id = s.AddUser(username, password, role);
        return new Account(s, id, username, password, before?.Invoke(id) ?? 0);
    }

    /// <summary>A second robot with a lifetime token of its own (a secret of the run); returns its account.</summary>
    public static RobotAccount NewRobot(SigningTodaySimulator s)
    {
        var username = "robot-" + Guid.NewGuid().ToString("N")[..12];
        Recorder.AddSecrets(s.AddRobot(username));
        return new RobotAccount { Username = username, Domain = s.Settings.Domain };
    }

    /// <summary>A trusted device of the admin (added straight into the simulator); returns its id.</summary>
    public static string NewDevice(SigningTodaySimulator s)
    {
        var id = "dev-" + Guid.NewGuid().ToString("N")[..8];
        s.AddDevice(s.AdminUserId, id, "Phone");
        return id;
    }

    /// <summary>A SAML reply (base64 JSON) and its hex HMAC-SHA256, both secrets of the run.</summary>
    public static (string IdToken1, string IdToken2) SamlTokens()
    {
        var reply = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"username\":\"saml-" + Guid.NewGuid().ToString("N")[..8] + "\",\"email\":\"saml@example.com\"}"));
        using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes("saml-shared-key"));
        var mac = Convert.ToHexString(hmac.ComputeHash(Convert.FromBase64String(reply))).ToLowerInvariant();
        Recorder.AddSecrets(reply, mac);
        return (reply, mac);
    }

    /// <summary>A fresh password (a secret of the run).</summary>
    public static string NewPassword()
    {
        var password = "New-" + Guid.NewGuid().ToString("N");
        Recorder.AddSecrets(password);
        return password;
    }

    /// <summary>A draft template from a PDF (no roles).</summary>
    public static async Task<string> TemplateAsync(StClients c, CancellationToken ct)
    {
        using var pdf = Pdf("tpl");
        return (await c.Robot.Dsts.CreateTemplateByFileAsync(pdf, "tpl.pdf", ct)).Id!;
    }

    /// <summary>A robot template whose signer has the role <c>Signer</c>.</summary>
    public static async Task<string> RoleTemplateAsync(StClients c, CancellationToken ct)
        => (await c.Robot.Robots.CreateDstAsync(Specification("Role template", template: true), ct)).Id!;

    /// <summary>A one-row instantiation spec (one DST per processing).</summary>
    public static MemoryStream SpecCsv() => new(System.Text.Encoding.UTF8.GetBytes("name,email\nAdam,adam@example.com\n"));

    /// <summary>A 1×1 PNG (signature appearance).</summary>
    /// <summary>Uploads an identity appearance for a user's signer identity (as the admin); returns the user id.</summary>
    public static async Task<string> UploadAppearanceAsync(StClients c, string userId, CancellationToken ct)
    {
        using var png = Png();
        await c.Admin.Resources.UploadIdentityAppearanceAsync(userId, SignerIdentityId, png, "appearance.png", null, ct);
        return userId;
    }

    /// <summary>The journal path of a user's signer identity appearance.</summary>
    public static string AppearancePath(string userId) => "/user/" + userId + "/identity/" + SignerIdentityId + "/appearance";

    public static MemoryStream Png() => new(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));

    /// <summary>A draft with two documents (ids 0 and 1).</summary>
    public static async Task<string> DraftWithTwoDocumentsAsync(StClients c, CancellationToken ct)
    {
        var draft = await DraftWithDocumentAsync(c, ct);
        using var pdf = Pdf("two");
        return (await c.Robot.Resources.AppendToDstAsync(draft.Id!, pdf, "two.pdf", null, ct)).Id!;
    }

    private static int ResourcesOf(SigningTodaySimulator s, string dstId) => (s.GetDst(dstId)?.Json["resources"] as System.Text.Json.Nodes.JsonArray)?.Count ?? 0;

    private static string? Status(SigningTodaySimulator s, string dstId) => (string?)s.GetDst(dstId)?.Json["status"];

    private static int FirstDocumentId(SigningTodaySimulator s, string dstId) => (int?)s.GetDst(dstId)?.Json["documents"]?[0]?["id"] ?? -1;

    private static async Task ReadAllAsync(Task<SigningDownload> download, CancellationToken ct)
    {
        await using var result = await download;
        await result.CopyToAsync(Stream.Null, ct);
    }

    private static async Task DrainAsync<T>(AsyncPageable<T> pageable, CancellationToken ct)
        where T : notnull
    {
        await foreach (var unused in pageable.WithCancellation(ct))
        {
        }
    }

    private static OperationCase Robot<TState>(string name, Idempotency idempotency, string method, Func<StClients, SigningTodaySimulator, CancellationToken, Task<TState>> setup, Func<TState, string> route, Func<StClients, TState, CancellationToken, Task> call, Func<SigningTodaySimulator, TState, int>? effect = null)
        => Op(name, idempotency, method, setup, s => Api + route(s), call, effect: effect);

    private static Task<int> Nothing(StClients c, SigningTodaySimulator s, CancellationToken ct) => Task.FromResult(0);

    private static Task<int> DstCountBefore(StClients c, SigningTodaySimulator s, CancellationToken ct) => Task.FromResult(s.DstCount);

    private static Task<string> PublishedId(StClients c, SigningTodaySimulator s, CancellationToken ct) => PublishedAsync(c, ct).ContinueWith(t => t.Result.Id!, TaskScheduler.Default);

    private static List<OperationCase> BuildOperations()
    {
        const string Get = "GET", Post = "POST", Put = "PUT", Delete = "DELETE", Patch = "PATCH";
        var wait = Robot<string>("Dsts.WaitForDstStatus", Idempotency.Safe, Get, async (c, s, ct) =>
            {
                var dst = await PublishedAsync(c, ct);
                s.Sign(dst.Id!);
                return dst.Id!;
            },
            id => "/DST/" + id,
            async (c, id, ct) =>
            {
                var done = await c.Robot.Dsts.WaitForDstStatusAsync(id, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(8) }, ct);
                if (done.Status != DstStatus.Signed)
                {
                    throw new InvalidOperationException("not signed: " + done.Status);
                }
            });
        wait.PollsThroughFaults = true;
        return new List<OperationCase>
        {
            // Dsts
            Robot<int>("Dsts.List", Idempotency.Safe, Get, Nothing, _ => "/DSTs", (c, _, ct) => DrainAsync(c.Robot.Dsts.ListAsync(null, ct), ct)),
            Robot<int>("Dsts.Create", Idempotency.NotIdempotent, Post, DstCountBefore, _ => "/DSTs", (c, _, ct) => c.Robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Draft" }, ct), (s, before) => s.DstCount - before),
            Robot<string>("Dsts.Get", Idempotency.Safe, Get, PublishedId, id => "/DST/" + id, (c, id, ct) => c.Robot.Dsts.GetAsync(id, ct)),
            Robot<DigitalSignatureTransaction>("Dsts.Update", Idempotency.Idempotent, Put, (c, s, ct) => DraftWithDocumentAsync(c, ct), d => "/DST/" + d.Id, (c, d, ct) => c.Robot.Dsts.UpdateAsync(d.Id!, new DigitalSignatureTransaction { Title = "Draft v2", Documents = d.Documents }, ct)),
            Robot<string>("Dsts.Delete", Idempotency.Idempotent, Delete, (c, s, ct) => c.Robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Delete me" }, ct).ContinueWith(t => t.Result.Id!, TaskScheduler.Default), id => "/DST/" + id, (c, id, ct) => c.Robot.Dsts.DeleteAsync(id, ct)),
            Robot<string>("Dsts.Publish", Idempotency.NotIdempotent, Post, (c, s, ct) => c.Robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Publish me" }, ct).ContinueWith(t => t.Result.Id!, TaskScheduler.Default), id => "/DST/" + id + "/publish", (c, id, ct) => c.Robot.Dsts.PublishAsync(id, ct), (s, id) => s.Publications(id)), // a repeat is refused (409: no longer a draft)
            Robot<string>("Dsts.Notify", Idempotency.NotIdempotent, Post, PublishedId, id => "/DST/" + id + "/notify", (c, id, ct) => c.Robot.Dsts.NotifyAsync(id, ct), (s, id) => s.Reminders(id)),
            Robot<string>("Dsts.GetAudit", Idempotency.Safe, Get, PublishedId, id => "/DST/" + id + "/audit", (c, id, ct) => c.Robot.Dsts.GetAuditAsync(id, ct)),
            Robot<string>("Dsts.GetSignatureAddress", Idempotency.Safe, Get, PublishedId, id => "/DST/" + id + "/sign/0/0", (c, id, ct) => c.Robot.Dsts.GetSignatureAddressAsync(id, 0, 0, ct)),
            Robot<(string Id, int Before)>("Dsts.Clone", Idempotency.NotIdempotent, Post, async (c, s, ct) => ((await SignedAsync(c, s, ct)).Id!, s.DstCount), x => "/DST/" + x.Id + "/clone", (c, x, ct) => c.Robot.Dsts.CloneAsync(x.Id, ct), (s, x) => s.DstCount - x.Before),
            Robot<Counted>("Dsts.Templatize", Idempotency.NotIdempotent, Post, async (c, s, ct) => { var id = await PublishedId(c, s, ct); return new Counted(id, s.TemplateCount); }, x => "/DST/" + x.Id + "/templatize", (c, x, ct) => c.Robot.Dsts.TemplatizeAsync(x.Id, ct), (s, x) => s.TemplateCount - x.Before),
            Robot<string>("Dsts.Fill", Idempotency.NotIdempotent, Patch, async (c, s, ct) => (await c.Robot.Robots.CreateDstAsync(Specification("Fill me", toFill: true), ct)).Id!, id => "/DST/" + id + "/fill", (c, id, ct) => c.Robot.Dsts.FillAsync(id, new DstForm { Id = 1, DocumentId = 0, ExtraData = new Dictionary<string, System.Text.Json.JsonElement> { ["value"] = SigningTodayExtraData.StringValue("Milan") } }, ct), (s, id) => s.FormFills(id)), // its only form to fill: a repeat is refused (409: no longer toFill)
            Robot<int>("Dsts.CreateTemplateByFile", Idempotency.NotIdempotent, Post, DstCountBefore, _ => "/DSTs/byFile", async (c, _, ct) => { using var pdf = Pdf("tpl"); await c.Robot.Dsts.CreateTemplateByFileAsync(pdf, "tpl.pdf", ct); }, (s, before) => s.DstCount - before),
            Robot<int>("Dsts.ListInstantiationGroups", Idempotency.Safe, Get, Nothing, _ => "/DSTs/byFile", (c, _, ct) => DrainAsync(c.Robot.Dsts.ListInstantiationGroupsAsync(null, ct), ct)),
            wait,

            // Notes
            Robot<string>("Notes.List", Idempotency.Safe, Get, PublishedId, id => "/DST/" + id + "/note", (c, id, ct) => c.Robot.Notes.ListAsync(id, ct)),
            Robot<string>("Notes.Add", Idempotency.NotIdempotent, Post, PublishedId, id => "/DST/" + id + "/note", (c, id, ct) => c.Robot.Notes.AddAsync(id, "Please sign", ct), (s, id) => s.NoteCount(id)),
            Robot<NoteState>("Notes.Update", Idempotency.Idempotent, Put, async (c, s, ct) => { var id = await PublishedId(c, s, ct); return new NoteState(id, (await c.Robot.Notes.AddAsync(id, "n", ct)).Id!.Value); }, n => "/DST/" + n.DstId + "/note/" + n.NoteId.ToString(System.Globalization.CultureInfo.InvariantCulture), (c, n, ct) => c.Robot.Notes.UpdateAsync(n.DstId, n.NoteId, new DstNote { Text = "Please sign today" }, ct)),
            Robot<NoteState>("Notes.Delete", Idempotency.Idempotent, Delete, async (c, s, ct) => { var id = await PublishedId(c, s, ct); return new NoteState(id, (await c.Robot.Notes.AddAsync(id, "n", ct)).Id!.Value); }, n => "/DST/" + n.DstId + "/note/" + n.NoteId.ToString(System.Globalization.CultureInfo.InvariantCulture), (c, n, ct) => c.Robot.Notes.DeleteAsync(n.DstId, n.NoteId, ct)),

            // Devices and notifications
            Robot<int>("Devices.List", Idempotency.Safe, Get, Nothing, _ => "/devices", (c, _, ct) => DrainAsync(c.Admin.Devices.ListAsync(null, ct), ct)),
            Robot<int>("Devices.GetAuthorizationChallenge", Idempotency.Idempotent, Get, Nothing, _ => "/device/authorization", (c, _, ct) => c.Admin.Devices.GetAuthorizationChallengeAsync(ct)),
            Robot<int>("Notifications.ListDstNotifications", Idempotency.Safe, Get, Nothing, _ => "/notifications/dsts", (c, _, ct) => DrainAsync(c.Robot.Notifications.ListDstNotificationsAsync(null, ct), ct)),
            Robot<string>("Notifications.ClearDstNotifications", Idempotency.Idempotent, Delete, PublishedId, id => "/notifications/dst/" + id, (c, id, ct) => c.Robot.Notifications.ClearDstNotificationsAsync(id, ct)),

            // Resources
            Robot<string>("Resources.Download", Idempotency.Safe, Get, async (c, s, ct) => (await SignedAsync(c, s, ct)).Documents![0].SignedDocumentUuid!, id => "/resource/" + id, (c, id, ct) => ReadAllAsync(c.Robot.Resources.DownloadAsync(id, ct), ct)),
            Robot<string>("Resources.AppendToDst", Idempotency.NotIdempotent, Patch, async (c, s, ct) => (await c.Robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Draft" }, ct)).Id!, id => "/DST/" + id + "/resources", async (c, id, ct) => { using var pdf = Pdf("two"); await c.Robot.Resources.AppendToDstAsync(id, pdf, "two.pdf", null, ct); }, (s, id) => ResourcesOf(s, id)), // an empty draft: each append adds one resource
            Robot<string>("Resources.DownloadDstResources", Idempotency.Safe, Get, async (c, s, ct) => (await DraftWithDocumentAsync(c, ct)).Id!, id => "/DST/" + id + "/resources", (c, id, ct) => ReadAllAsync(c.Robot.Resources.DownloadDstResourcesAsync(id, ct), ct)),
            Robot<string>("Resources.Update", Idempotency.Idempotent, Put, async (c, s, ct) => (await DraftWithDocumentAsync(c, ct)).Resources![0].Id!, id => "/resource/" + id, (c, id, ct) => c.Robot.Resources.UpdateAsync(id, new DstResource { Title = "Renamed" }, ct)),

            // Robots
            Robot<int>("Robots.GetToken", Idempotency.Idempotent, Get, Nothing, _ => "/robot/authentication", (c, _, ct) => c.Robot.Robots.GetTokenAsync(null, ct)),
            Robot<int>("Robots.GetConfiguration", Idempotency.Safe, Get, Nothing, _ => "/robot/configuration", (c, _, ct) => c.Robot.Robots.GetConfigurationAsync(null, ct)),
            Robot<int>("Robots.UpdateConfiguration", Idempotency.Idempotent, Put, Nothing, _ => "/robot/configuration", (c, _, ct) => c.Robot.Robots.UpdateConfigurationAsync(new RobotConfiguration { Webhooks = new RobotWebhooks { Dst = "https://example.com/hook" } }, null, ct)),
            Robot<int>("Robots.CreateDst", Idempotency.NotIdempotent, Post, DstCountBefore, _ => "/robot/DSTs", (c, _, ct) => c.Robot.Robots.CreateDstAsync(Specification("Robot DST"), ct), (s, before) => s.DstCount - before),
            Robot<int>("Robots.CreateAndPublishFromPdf", Idempotency.NotIdempotent, Post, DstCountBefore, _ => "/robot/DSTs", (c, _, ct) => PublishedAsync(c, ct), (s, before) => s.DstCount - before),

            // Services (admin, OAuth password grant)
            Robot<int>("Services.GetCurrentUser", Idempotency.Safe, Get, Nothing, _ => "/auth/user", (c, _, ct) => c.Admin.Services.GetCurrentUserAsync(ct)),
            Robot<int>("Services.GetConfiguration", Idempotency.Safe, Get, Nothing, _ => "/service/configuration", (c, _, ct) => c.Admin.Services.GetConfigurationAsync(ct)),
            Robot<int>("Services.GetPasswordToken", Idempotency.NotIdempotent, Get, (c, s, ct) => Task.FromResult(s.PasswordTokens(s.AdminUserId)), _ => "/auth/passwordToken", (c, _, ct) => c.Admin.Services.GetPasswordTokenAsync(ct), (s, before) => s.PasswordTokens(s.AdminUserId) - before),
            Robot<int>("Services.RequestPasswordRecovery", Idempotency.NotIdempotent, Get, (c, s, ct) => Task.FromResult(s.PasswordEmails(s.SignerUserId)), _ => "/auth/passwordLost", (c, _, ct) => c.Admin.Services.RequestPasswordRecoveryAsync("jdo", "demo", ct), (s, before) => s.PasswordEmails(s.SignerUserId) - before),

            // Users (admin)
            Robot<int>("Users.List", Idempotency.Safe, Get, Nothing, _ => "/users", (c, _, ct) => DrainAsync(c.Admin.Users.ListAsync(null, ct), ct)),
            Robot<int>("Users.Create", Idempotency.NotIdempotent, Post, (c, s, ct) => Task.FromResult(s.UserCount), _ => "/users", (c, _, ct) => c.Admin.Users.CreateAsync(new CreateUserRequest { User = new User { Username = "u" + Guid.NewGuid().ToString("N")[..10], Name = "New", Surname = "User", Email = "n@example.com", Role = UserRole.Signer }, Password = "Pw-123456" }, ct), (s, before) => s.UserCount - before), // a repeat (same body) is refused (409: user name taken)
            Robot<string>("Users.Get", Idempotency.Safe, Get, (c, s, ct) => Task.FromResult(s.SignerUserId), id => "/user/" + id, (c, id, ct) => c.Admin.Users.GetAsync(id, ct)),
            Robot<string>("Users.ChangeRole", Idempotency.Idempotent, Put, (c, s, ct) => Task.FromResult(s.SignerUserId), id => "/user/" + id + "/role", (c, id, ct) => c.Admin.Users.ChangeRoleAsync(id, UserRole.Signer, ct)),
            Robot<string>("Users.ListIdentities", Idempotency.Safe, Get, (c, s, ct) => Task.FromResult(s.SignerUserId), id => "/user/" + id + "/identities", (c, id, ct) => c.Admin.Users.ListIdentitiesAsync(id, ct)),
            Robot<string>("Users.Update", Idempotency.Idempotent, Put, (c, s, ct) => Task.FromResult(NewAccount(s).UserId), id => "/user/" + id, (c, id, ct) => c.Admin.Users.UpdateAsync(id, new User { Name = "Renamed", Surname = "User", Email = "renamed@example.com" }, ct)),
            Robot<string>("Users.SetEnabled", Idempotency.Idempotent, Delete, (c, s, ct) => Task.FromResult(NewAccount(s).UserId), id => "/user/" + id, (c, id, ct) => c.Admin.Users.SetEnabledAsync(id, false, ct)),
            Robot<int>("Users.CreateGroups", Idempotency.NotIdempotent, Post, (c, s, ct) => Task.FromResult(s.UserGroupCount), _ => "/users/groups", (c, _, ct) => c.Admin.Users.CreateGroupsAsync(new[] { new UserGroup { Name = "Legal" } }, ct), (s, before) => s.UserGroupCount - before),
            Robot<int>("Users.ListGroups", Idempotency.Safe, Get, Nothing, _ => "/users/groups", (c, _, ct) => DrainAsync(c.Admin.Users.ListGroupsAsync(null, ct), ct)),

            // Templates, instantiation, replacement
            Robot<Counted>("Dsts.Instantiate", Idempotency.NotIdempotent, Post, async (c, s, ct) => new Counted(await TemplateAsync(c, ct), s.DstCount), x => "/DST/" + x.Id + "/instantiate", (c, x, ct) => c.Robot.Dsts.InstantiateAsync(x.Id, ct), (s, x) => s.DstCount - x.Before),
            Robot<Counted>("Dsts.InstantiateByFile", Idempotency.NotIdempotent, Post, async (c, s, ct) => new Counted(await TemplateAsync(c, ct), s.DstCount), x => "/DST/" + x.Id + "/instantiate/byFile", async (c, x, ct) => { using var csv = SpecCsv(); await c.Robot.Dsts.InstantiateByFileAsync(x.Id, csv, "spec.csv", new InstantiateByFileOptions { Title = "Batch" }, ct); }, (s, x) => s.DstCount - x.Before),
            Robot<string>("Dsts.ModifyTemplate", Idempotency.NotIdempotent, Post, async (c, s, ct) => { var id = await TemplateAsync(c, ct); await c.Robot.Dsts.PublishAsync(id, ct); return id; }, id => "/DST/" + id + "/modify", (c, id, ct) => c.Robot.Dsts.ModifyTemplateAsync(id, ct), (s, id) => Status(s, id) == "draft" ? 1 : 0), // a repeat is refused (409), so "back in draft" is the whole effect
            Robot<Counted>("Dsts.Replace", Idempotency.NotIdempotent, Post, async (c, s, ct) => { var id = await PublishedId(c, s, ct); s.Decline(id); return new Counted(id, s.DstCount); }, x => "/DST/" + x.Id + "/replace", (c, x, ct) => c.Robot.Dsts.ReplaceAsync(x.Id, ct), (s, x) => s.DstCount - x.Before),
            Robot<Counted>("Robots.InstantiateTemplate", Idempotency.NotIdempotent, Post, async (c, s, ct) => new Counted(await RoleTemplateAsync(c, ct), s.DstCount), x => "/robot/DST/" + x.Id + "/instantiate", (c, x, ct) => c.Robot.Robots.InstantiateTemplateAsync(x.Id, new TemplateInstantiation { RolesMapping = new[] { new RoleMapping { RoleName = "Signer", Signer = Signer() } } }, ct), (s, x) => s.DstCount - x.Before),
            Robot<Counted>("Robots.InstantiateTemplate (roles)", Idempotency.NotIdempotent, Post, async (c, s, ct) => new Counted(await RoleTemplateAsync(c, ct), s.DstCount), x => "/robot/DST/" + x.Id + "/instantiate", (c, x, ct) => c.Robot.Robots.InstantiateTemplateAsync(x.Id, new Dictionary<string, Signer> { ["Signer"] = Signer() }, publish: true, null, ct), (s, x) => s.DstCount - x.Before),

            // Resources: documents, instantiation groups, identity appearances
            Robot<string>("Resources.SwapDocuments", Idempotency.NotIdempotent, Post, (c, s, ct) => DraftWithTwoDocumentsAsync(c, ct), id => "/DST/" + id + "/doc/0/swap", (c, id, ct) => c.Robot.Resources.SwapDocumentsAsync(id, 0, 1, ct), (s, id) => FirstDocumentId(s, id)), // a swap is its own inverse: first document 1 = swapped once (twice reads as 0, caught as a wrong effect)
            Robot<Counted>("Resources.ApplyDocumentResourceAction", Idempotency.NotIdempotent, Post, async (c, s, ct) => { var id = (await DraftWithDocumentAsync(c, ct)).Id!; return new Counted(id, ResourcesOf(s, id)); }, x => "/DST/" + x.Id + "/doc/0/resource", async (c, x, ct) => { using var pdf = Pdf("replacement"); await c.Robot.Resources.ApplyDocumentResourceActionAsync(x.Id, 0, DocumentResourceAction.Replace, pdf, "replacement.pdf", "Replacement", ct); }, (s, x) => ResourcesOf(s, x.Id) - x.Before),
            Robot<string>("Resources.Delete", Idempotency.Idempotent, Delete, async (c, s, ct) => (await DraftWithDocumentAsync(c, ct)).Resources![0].Id!, id => "/DST/resource/" + id, (c, id, ct) => c.Robot.Resources.DeleteAsync(id, ct)),
            Robot<string>("Resources.DownloadInstantiationGroupResources", Idempotency.Safe, Get, async (c, s, ct) => { using var csv = SpecCsv(); return (await c.Robot.Dsts.InstantiateByFileAsync(await TemplateAsync(c, ct), csv, "spec.csv", null, ct)).InstantiationGroup!; }, id => "/DSTs/instantiationGroup/" + id + "/resources", (c, id, ct) => ReadAllAsync(c.Robot.Resources.DownloadInstantiationGroupResourcesAsync(id, ct), ct)),
            Robot<Counted>("Resources.UploadIdentityAppearance", Idempotency.NotIdempotent, Post, (c, s, ct) => Task.FromResult(new Counted(s.SignerUserId, s.ResourceCount)), x => AppearancePath(x.Id), (c, x, ct) => UploadAppearanceAsync(c, x.Id, ct), (s, x) => s.ResourceCount - x.Before),
            Robot<string>("Resources.DownloadIdentityAppearance", Idempotency.Safe, Get, (c, s, ct) => UploadAppearanceAsync(c, s.SignerUserId, ct), AppearancePath, (c, id, ct) => ReadAllAsync(c.Admin.Resources.DownloadIdentityAppearanceAsync(id, SignerIdentityId, ct), ct)),
            Robot<string>("Resources.DeleteIdentityAppearance", Idempotency.Idempotent, Delete, (c, s, ct) => UploadAppearanceAsync(c, s.SignerUserId, ct), AppearancePath, (c, id, ct) => c.Admin.Resources.DeleteIdentityAppearanceAsync(id, SignerIdentityId, ct)),

            // Devices and push tokens (the admin's own devices)
            Robot<int>("Devices.GetAuthorizationChallengeQrCode", Idempotency.Idempotent, Get, Nothing, _ => "/device/authorization", (c, _, ct) => ReadAllAsync(c.Admin.Devices.GetAuthorizationChallengeQrCodeAsync(ct), ct)),
            Robot<DeviceRegistration>("Devices.Register", Idempotency.Idempotent, Post, async (c, s, ct) => new DeviceRegistration { Challenge = (await c.Admin.Devices.GetAuthorizationChallengeAsync(ct)).Challenge!, DeviceId = "dev-" + Guid.NewGuid().ToString("N")[..8], Name = "Phone" }, _ => "/device/authorization", (c, r, ct) => c.Admin.Devices.RegisterAsync(r, ct)),
            Robot<string>("Devices.Deregister", Idempotency.Idempotent, Delete, (c, s, ct) => Task.FromResult(NewDevice(s)), _ => "/device/authorization", (c, id, ct) => c.Admin.Devices.DeregisterAsync(id, null, ct)),
            Robot<string>("Notifications.RegisterPushToken", Idempotency.Idempotent, Post, (c, s, ct) => Task.FromResult(NewDevice(s)), _ => "/notifications/push-token", (c, id, ct) => c.Admin.Notifications.RegisterPushTokenAsync(new PushTokenRegistration { DeviceId = id, Token = "push-" + id }, ct)),
            Robot<string>("Notifications.DeletePushToken", Idempotency.Idempotent, Delete, async (c, s, ct) => { var id = NewDevice(s); await c.Admin.Notifications.RegisterPushTokenAsync(new PushTokenRegistration { DeviceId = id, Token = "push-" + id }, ct); return id; }, _ => "/notifications/push-token", (c, id, ct) => c.Admin.Notifications.DeletePushTokenAsync(id, ct)),

            // Credentials: every case runs on an account or robot of its own, never on the lane's robot and admin
            Robot<RobotAccount>("Robots.ClearToken", Idempotency.Idempotent, Delete, (c, s, ct) => Task.FromResult(NewRobot(s)), _ => "/robot/authentication", (c, robot, ct) => c.Admin.Robots.ClearTokenAsync(robot, ct)),
            Robot<Account>("Services.Logout", Idempotency.Idempotent, Get, (c, s, ct) => Task.FromResult(NewAccount(s)), _ => "/auth/logout", async (c, a, ct) => { using var user = c.ForUser(a.Sim, a.Username, a.Password); await user.Services.LogoutAsync(ct); }),
            Robot<Account>("Services.RequestToken", Idempotency.Idempotent, Post, (c, s, ct) => Task.FromResult(NewAccount(s)), _ => "/oauth/token", (c, a, ct) => c.Admin.Services.RequestTokenAsync(a.Username + "@" + a.Domain, a.Password, ct)),
            Robot<Account>("Services.ResetUserPassword", Idempotency.NotIdempotent, Get, (c, s, ct) => Task.FromResult(NewAccount(s, s.PasswordEmails)), _ => "/auth/passwordReset", (c, a, ct) => c.Admin.Services.ResetUserPasswordAsync(a.Username, a.Domain, ct), (s, a) => s.PasswordEmails(a.UserId) - a.Before),
            Robot<Account>("Services.ChangeOwnPassword", Idempotency.NotIdempotent, Post, (c, s, ct) => Task.FromResult(NewAccount(s, s.PasswordChanges)), _ => "/auth/passwordReset", async (c, a, ct) => { using var user = c.ForUser(a.Sim, a.Username, a.Password); await user.Services.ChangeOwnPasswordAsync(new PasswordChange { CurrentPassword = a.Password, NewPassword = NewPassword() }, ct); }, (s, a) => s.PasswordChanges(a.UserId) - a.Before),
            Robot<(Account Account, string Token)>("Services.ChangePasswordWithToken", Idempotency.NotIdempotent, Post, async (c, s, ct) => { var a = NewAccount(s, s.PasswordChanges); using var user = c.ForUser(s, a.Username, a.Password); var token = (await user.Services.GetPasswordTokenAsync(ct))[0]; Recorder.AddSecrets(token); return (a, token); }, _ => "/auth/changePassword", (c, x, ct) => c.Robot.Services.ChangePasswordWithTokenAsync(x.Token, NewPassword(), ct), (s, x) => s.PasswordChanges(x.Account.UserId) - x.Account.Before),
            Robot<Account>("Services.ChangeServicePassword", Idempotency.Idempotent, Post, (c, s, ct) => Task.FromResult(NewAccount(s)), _ => "/service/changePassword", (c, a, ct) => c.Admin.Services.ChangeServicePasswordAsync(a.Username, a.Domain, NewPassword(), ct)),
            Robot<(string IdToken1, string IdToken2)>("Services.RegisterSamlUser", Idempotency.Idempotent, Post, (c, s, ct) => Task.FromResult(SamlTokens()), _ => "/auth/saml", (c, t, ct) => c.Robot.Services.RegisterSamlUserAsync("demo", t.IdToken1, t.IdToken2, ct)),
            Robot<string>("Services.DownloadPdfThumbnail", Idempotency.Safe, Get, async (c, s, ct) => (await DraftWithDocumentAsync(c, ct)).Resources![0].Id!, id => "/pdfResource/" + id + "/thumbs", (c, id, ct) => ReadAllAsync(c.Robot.Services.DownloadPdfThumbnailAsync(id, 1, 120, ct), ct)),
        };
    }

    public override IReadOnlyList<BadArgumentCase> BadArguments { get; } = BuildBadArguments();

    private static List<BadArgumentCase> BuildBadArguments()
    {
        var list = new List<BadArgumentCase>
        {
            Bad("Dsts.Create", "dst null", (c, ct) => c.Robot.Dsts.CreateAsync(null!, ct)),
            Bad("Dsts.Update", "dst null", (c, ct) => c.Robot.Dsts.UpdateAsync("d1", null!, ct)),
            Bad("Dsts.Fill", "form null", (c, ct) => c.Robot.Dsts.FillAsync("d1", null!, ct)),
            Bad("Dsts.GetSignatureAddress", "negative document id", (c, ct) => c.Robot.Dsts.GetSignatureAddressAsync("d1", -1, 0, ct)),
            Bad("Dsts.GetSignatureAddress", "negative signature request id", (c, ct) => c.Robot.Dsts.GetSignatureAddressAsync("d1", 0, -1, ct)),
            Bad("Dsts.CreateTemplateByFile", "file null", (c, ct) => c.Robot.Dsts.CreateTemplateByFileAsync(null!, "a.pdf", ct)),
            Bad("Dsts.CreateTemplateByFile", "file name empty", (c, ct) => c.Robot.Dsts.CreateTemplateByFileAsync(Pdf(), string.Empty, ct)),
            Bad("Notes.Add", "text blank", (c, ct) => c.Robot.Notes.AddAsync("d1", " ", ct)),
            Bad("Notes.Update", "note null", (c, ct) => c.Robot.Notes.UpdateAsync("d1", 1, null!, ct)),
            Bad("Resources.AppendToDst", "content null", (c, ct) => c.Robot.Resources.AppendToDstAsync("d1", null!, "a.pdf", null, ct)),
            Bad("Resources.AppendToDst", "file name empty", (c, ct) => c.Robot.Resources.AppendToDstAsync("d1", Pdf(), string.Empty, null, ct)),
            Bad("Resources.Update", "resource null", (c, ct) => c.Robot.Resources.UpdateAsync("r1", null!, ct)),
            Bad("Robots.CreateDst", "specification null", (c, ct) => c.Robot.Robots.CreateDstAsync(null!, ct)),
            Bad("Robots.UpdateConfiguration", "configuration null", (c, ct) => c.Robot.Robots.UpdateConfigurationAsync(null!, null, ct)),
            Bad("Robots.CreateAndPublishFromPdf", "signer without name and email", (c, ct) => c.Robot.Robots.CreateAndPublishFromPdfAsync(Pdf(), "a.pdf", "T", new Signer(), null, ct)),
            Bad("Robots.CreateAndPublishFromPdf", "signer null", (c, ct) => c.Robot.Robots.CreateAndPublishFromPdfAsync(Pdf(), "a.pdf", "T", null!, null, ct)),
            Bad("Robots.InstantiateTemplate", "no roles", (c, ct) => c.Robot.Robots.InstantiateTemplateAsync("t", new Dictionary<string, Signer>(), true, null, ct)),
            Bad("Services.ChangePasswordWithToken", "new password empty", (c, ct) => c.Admin.Services.ChangePasswordWithTokenAsync("tok", string.Empty, ct)),
            Bad("Services.RequestPasswordRecovery", "username empty", (c, ct) => c.Admin.Services.RequestPasswordRecoveryAsync(string.Empty, "demo", ct)),
            Bad("Services.RequestPasswordRecovery", "domain empty", (c, ct) => c.Admin.Services.RequestPasswordRecoveryAsync("jdo", string.Empty, ct)),
            Bad("Users.Create", "request null", (c, ct) => c.Admin.Users.CreateAsync(null!, ct)),
            Bad("Users.CreateGroups", "no group", (c, ct) => c.Admin.Users.CreateGroupsAsync(Array.Empty<UserGroup>(), ct)),
            Bad("Users.CreateGroups", "groups null", (c, ct) => c.Admin.Users.CreateGroupsAsync(null!, ct)),
            Bad("Users.CreateGroups", "group without name", (c, ct) => c.Admin.Users.CreateGroupsAsync(new[] { new UserGroup { Name = " " } }, ct)),
            Bad("Users.Update", "user null", (c, ct) => c.Admin.Users.UpdateAsync("u1", null!, ct)),
            Bad("Dsts.InstantiateByFile", "spec file null", (c, ct) => c.Robot.Dsts.InstantiateByFileAsync("t1", null!, "spec.csv", null, ct)),
            Bad("Dsts.InstantiateByFile", "file name empty", (c, ct) => c.Robot.Dsts.InstantiateByFileAsync("t1", SpecCsv(), string.Empty, null, ct)),
            Bad("Robots.InstantiateTemplate", "instantiation null", (c, ct) => c.Robot.Robots.InstantiateTemplateAsync("t1", (TemplateInstantiation)null!, ct)),
            Bad("Robots.InstantiateTemplate (roles)", "roles null", (c, ct) => c.Robot.Robots.InstantiateTemplateAsync("t1", (IReadOnlyDictionary<string, Signer>)null!, true, null, ct)),
            Bad("Robots.InstantiateTemplate (roles)", "role mapped to null", (c, ct) => c.Robot.Robots.InstantiateTemplateAsync("t1", new Dictionary<string, Signer> { ["Signer"] = null! }, true, null, ct)),
            Bad("Robots.InstantiateTemplate (roles)", "role name blank", (c, ct) => c.Robot.Robots.InstantiateTemplateAsync("t1", new Dictionary<string, Signer> { [" "] = Signer() }, true, null, ct)),
            Bad("Resources.SwapDocuments", "negative document id", (c, ct) => c.Robot.Resources.SwapDocumentsAsync("d1", -1, 0, ct)),
            Bad("Resources.SwapDocuments", "negative target document id", (c, ct) => c.Robot.Resources.SwapDocumentsAsync("d1", 0, -1, ct)),
            Bad("Resources.ApplyDocumentResourceAction", "negative document id", (c, ct) => c.Robot.Resources.ApplyDocumentResourceActionAsync("d1", -1, DocumentResourceAction.Replace, Pdf(), "a.pdf", null, ct)),
            Bad("Resources.ApplyDocumentResourceAction", "action missing", (c, ct) => c.Robot.Resources.ApplyDocumentResourceActionAsync("d1", 0, default, Pdf(), "a.pdf", null, ct)),
            Bad("Resources.ApplyDocumentResourceAction", "content null", (c, ct) => c.Robot.Resources.ApplyDocumentResourceActionAsync("d1", 0, DocumentResourceAction.Replace, null!, "a.pdf", null, ct)),
            Bad("Resources.ApplyDocumentResourceAction", "file name empty", (c, ct) => c.Robot.Resources.ApplyDocumentResourceActionAsync("d1", 0, DocumentResourceAction.Replace, Pdf(), string.Empty, null, ct)),
            Bad("Resources.UploadIdentityAppearance", "content null", (c, ct) => c.Admin.Resources.UploadIdentityAppearanceAsync("u1", "i1", null!, "a.png", null, ct)),
            Bad("Resources.UploadIdentityAppearance", "file name empty", (c, ct) => c.Admin.Resources.UploadIdentityAppearanceAsync("u1", "i1", Png(), string.Empty, null, ct)),
            Bad("Devices.Register", "registration null", (c, ct) => c.Admin.Devices.RegisterAsync(null!, ct)),
            Bad("Devices.Register", "challenge empty", (c, ct) => c.Admin.Devices.RegisterAsync(new DeviceRegistration { Challenge = string.Empty, DeviceId = "dev" }, ct)),
            Bad("Devices.Register", "device id empty", (c, ct) => c.Admin.Devices.RegisterAsync(new DeviceRegistration { Challenge = "ch", DeviceId = string.Empty }, ct)),
            Bad("Devices.Deregister", "device id empty", (c, ct) => c.Admin.Devices.DeregisterAsync(string.Empty, null, ct)),
            Bad("Notifications.RegisterPushToken", "registration null", (c, ct) => c.Admin.Notifications.RegisterPushTokenAsync(null!, ct)),
            Bad("Notifications.DeletePushToken", "device id empty", (c, ct) => c.Admin.Notifications.DeletePushTokenAsync(string.Empty, ct)),
            Bad("Services.RequestToken", "username empty", (c, ct) => c.Admin.Services.RequestTokenAsync(string.Empty, "pw", ct)),
            Bad("Services.RequestToken", "password empty", (c, ct) => c.Admin.Services.RequestTokenAsync("jdo@demo", string.Empty, ct)),
            Bad("Services.ResetUserPassword", "username empty", (c, ct) => c.Admin.Services.ResetUserPasswordAsync(string.Empty, "demo", ct)),
            Bad("Services.ResetUserPassword", "domain empty", (c, ct) => c.Admin.Services.ResetUserPasswordAsync("jdo", string.Empty, ct)),
            Bad("Services.ChangeOwnPassword", "change null", (c, ct) => c.Admin.Services.ChangeOwnPasswordAsync(null!, ct)),
            Bad("Services.ChangeOwnPassword", "new password empty", (c, ct) => c.Admin.Services.ChangeOwnPasswordAsync(new PasswordChange { CurrentPassword = "old", NewPassword = string.Empty }, ct)),
            Bad("Services.ChangeOwnPassword", "current password empty", (c, ct) => c.Admin.Services.ChangeOwnPasswordAsync(new PasswordChange { CurrentPassword = string.Empty, NewPassword = "new" }, ct)),
            Bad("Services.ChangePasswordWithToken", "token empty", (c, ct) => c.Admin.Services.ChangePasswordWithTokenAsync(string.Empty, "new", ct)),
            Bad("Services.ChangeServicePassword", "username empty", (c, ct) => c.Admin.Services.ChangeServicePasswordAsync(string.Empty, "demo", "new", ct)),
            Bad("Services.ChangeServicePassword", "domain empty", (c, ct) => c.Admin.Services.ChangeServicePasswordAsync("svc", string.Empty, "new", ct)),
            Bad("Services.ChangeServicePassword", "new password empty", (c, ct) => c.Admin.Services.ChangeServicePasswordAsync("svc", "demo", string.Empty, ct)),
            Bad("Services.RegisterSamlUser", "domain empty", (c, ct) => c.Admin.Services.RegisterSamlUserAsync(string.Empty, "t1", "t2", ct)),
            Bad("Services.RegisterSamlUser", "IDToken1 empty", (c, ct) => c.Admin.Services.RegisterSamlUserAsync("demo", string.Empty, "t2", ct)),
            Bad("Services.RegisterSamlUser", "IDToken2 empty", (c, ct) => c.Admin.Services.RegisterSamlUserAsync("demo", "t1", string.Empty, ct)),
            Bad("Services.DownloadPdfThumbnail", "page 0", (c, ct) => c.Robot.Services.DownloadPdfThumbnailAsync("r1", 0, null, ct)),
            Bad("Services.DownloadPdfThumbnail", "width 0", (c, ct) => c.Robot.Services.DownloadPdfThumbnailAsync("r1", null, 0, ct)),
        };
        foreach (var id in new[] { string.Empty, null })
        {
            var label = id is null ? "id null" : "id empty";
            list.Add(Bad("Dsts.Get", label, (c, ct) => c.Robot.Dsts.GetAsync(id!, ct)));
            list.Add(Bad("Dsts.Delete", label, (c, ct) => c.Robot.Dsts.DeleteAsync(id!, ct)));
            list.Add(Bad("Dsts.Publish", label, (c, ct) => c.Robot.Dsts.PublishAsync(id!, ct)));
            list.Add(Bad("Dsts.Notify", label, (c, ct) => c.Robot.Dsts.NotifyAsync(id!, ct)));
            list.Add(Bad("Dsts.Clone", label, (c, ct) => c.Robot.Dsts.CloneAsync(id!, ct)));
            list.Add(Bad("Dsts.GetAudit", label, (c, ct) => c.Robot.Dsts.GetAuditAsync(id!, ct)));
            list.Add(Bad("Dsts.WaitForDstStatus", label, (c, ct) => c.Robot.Dsts.WaitForDstStatusAsync(id!, null, ct)));
            list.Add(Bad("Notes.List", label, (c, ct) => c.Robot.Notes.ListAsync(id!, ct)));
            list.Add(Bad("Resources.Download", label, (c, ct) => c.Robot.Resources.DownloadAsync(id!, ct)));
            list.Add(Bad("Resources.DownloadDstResources", label, (c, ct) => c.Robot.Resources.DownloadDstResourcesAsync(id!, ct)));
            list.Add(Bad("Notifications.ClearDstNotifications", label, (c, ct) => c.Robot.Notifications.ClearDstNotificationsAsync(id!, ct)));
            list.Add(Bad("Users.Get", label, (c, ct) => c.Admin.Users.GetAsync(id!, ct)));
            list.Add(Bad("Users.ListIdentities", label, (c, ct) => c.Admin.Users.ListIdentitiesAsync(id!, ct)));
            list.Add(Bad("Users.Update", label, (c, ct) => c.Admin.Users.UpdateAsync(id!, new User { Name = "N" }, ct)));
            list.Add(Bad("Users.SetEnabled", label, (c, ct) => c.Admin.Users.SetEnabledAsync(id!, false, ct)));
            list.Add(Bad("Dsts.Instantiate", label, (c, ct) => c.Robot.Dsts.InstantiateAsync(id!, ct)));
            list.Add(Bad("Dsts.InstantiateByFile", label, (c, ct) => c.Robot.Dsts.InstantiateByFileAsync(id!, SpecCsv(), "spec.csv", null, ct)));
            list.Add(Bad("Dsts.ModifyTemplate", label, (c, ct) => c.Robot.Dsts.ModifyTemplateAsync(id!, ct)));
            list.Add(Bad("Dsts.Replace", label, (c, ct) => c.Robot.Dsts.ReplaceAsync(id!, ct)));
            list.Add(Bad("Robots.InstantiateTemplate", label, (c, ct) => c.Robot.Robots.InstantiateTemplateAsync(id!, new TemplateInstantiation(), ct)));
            list.Add(Bad("Robots.InstantiateTemplate (roles)", label, (c, ct) => c.Robot.Robots.InstantiateTemplateAsync(id!, new Dictionary<string, Signer> { ["Signer"] = Signer() }, true, null, ct)));
            list.Add(Bad("Resources.SwapDocuments", label, (c, ct) => c.Robot.Resources.SwapDocumentsAsync(id!, 0, 1, ct)));
            list.Add(Bad("Resources.ApplyDocumentResourceAction", label, (c, ct) => c.Robot.Resources.ApplyDocumentResourceActionAsync(id!, 0, DocumentResourceAction.Replace, Pdf(), "a.pdf", null, ct)));
            list.Add(Bad("Resources.Delete", label, (c, ct) => c.Robot.Resources.DeleteAsync(id!, ct)));
            list.Add(Bad("Resources.DownloadInstantiationGroupResources", label, (c, ct) => c.Robot.Resources.DownloadInstantiationGroupResourcesAsync(id!, ct)));
            list.Add(Bad("Resources.UploadIdentityAppearance", "user " + label, (c, ct) => c.Admin.Resources.UploadIdentityAppearanceAsync(id!, "i1", Png(), "a.png", null, ct)));
            list.Add(Bad("Resources.UploadIdentityAppearance", "identity " + label, (c, ct) => c.Admin.Resources.UploadIdentityAppearanceAsync("u1", id!, Png(), "a.png", null, ct)));
            list.Add(Bad("Resources.DownloadIdentityAppearance", "user " + label, (c, ct) => c.Admin.Resources.DownloadIdentityAppearanceAsync(id!, "i1", ct)));
            list.Add(Bad("Resources.DownloadIdentityAppearance", "identity " + label, (c, ct) => c.Admin.Resources.DownloadIdentityAppearanceAsync("u1", id!, ct)));
            list.Add(Bad("Resources.DeleteIdentityAppearance", "user " + label, (c, ct) => c.Admin.Resources.DeleteIdentityAppearanceAsync(id!, "i1", ct)));
            list.Add(Bad("Resources.DeleteIdentityAppearance", "identity " + label, (c, ct) => c.Admin.Resources.DeleteIdentityAppearanceAsync("u1", id!, ct)));
            list.Add(Bad("Services.DownloadPdfThumbnail", label, (c, ct) => c.Robot.Services.DownloadPdfThumbnailAsync(id!, null, null, ct)));
        }

        return list;
    }

    private static BadArgumentCase Bad(string operation, string name, Func<StClients, CancellationToken, Task> call)
        => new(operation, name, (c, ct) => call((StClients)c, ct));

    public override IReadOnlyList<FuzzTarget> FuzzTargets { get; } = new List<FuzzTarget>
    {
        new("Dsts.Get (200 DigitalSignatureTransaction)", "GET", p => Api + "/DST/" + (string)p!, 200,
            async (c, s, ct) => await PublishedId((StClients)c, (SigningTodaySimulator)s, ct),
            (c, p, ct) => ((StClients)c).Robot.Dsts.GetAsync((string)p!, ct)),
        new("Dsts.List (200 page envelope)", "GET", _ => Api + "/DSTs", 200,
            async (c, s, ct) => await PublishedId((StClients)c, (SigningTodaySimulator)s, ct),
            (c, _, ct) => DrainAsync(((StClients)c).Robot.Dsts.ListAsync(null, ct), ct)),
        new("Users.Get (200 User)", "GET", _ => Api + "/auth/user", 200,
            (c, s, ct) => Task.FromResult<object?>(null),
            (c, _, ct) => ((StClients)c).Admin.Services.GetCurrentUserAsync(ct)),
        new("error body (409)", "POST", p => Api + "/DST/" + (string)p! + "/notify", 409,
            async (c, s, ct) => await PublishedId((StClients)c, (SigningTodaySimulator)s, ct),
            (c, p, ct) => ((StClients)c).Robot.Dsts.NotifyAsync((string)p!, ct),
            Seed: "{\"code\":\"ILLEGAL_STATUS\",\"message\":\"The DST is not in a status that allows it.\",\"target\":\"status\"}"),
    };
}
