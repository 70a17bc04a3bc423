using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Testing;
using SigningClients.TestSupport;
using SigningToday.Dst;
using SigningToday.Dst.Models;

namespace SigningClients.Reliability.Tests.Providers;

/// <summary>The two clients a SigningToday cell uses: a robot (static token) and an admin user (OAuth password grant).</summary>
internal sealed class StClients : IDisposable
{
    public required SigningTodayClient Robot { get; init; }

    public required SigningTodayClient Admin { get; init; }

    /// <summary>SigningTodayClient is not IDisposable (nothing to release here).</summary>
    public void Dispose()
    {
    }
}

/// <summary>
/// SigningToday: a representative 38 of the 68 operations, every operation group (Dsts, Notes, Devices, Notifications,
/// Resources, Robots, Services, Users) and every idempotency class. Left out (see <see cref="LeftOut"/>).
/// </summary>
internal sealed class SigningTodayKit : ProviderKit
{
    public const string Api = "/api";

    /// <summary>The public operations not in the matrix, and why.</summary>
    public static readonly string[] LeftOut =
    {
        "Dsts.InstantiateAsync, Dsts.InstantiateByFileAsync, Dsts.ModifyTemplateAsync, Dsts.ReplaceAsync, Robots.InstantiateTemplateAsync (2 overloads) — template/decline chains of the same POST-action shape as Clone/Templatize/Publish (covered)",
        "Resources.SwapDocumentsAsync, Resources.ApplyDocumentResourceActionAsync, Resources.DeleteAsync, Resources.DownloadInstantiationGroupResourcesAsync, Resources identity appearance (Upload/Download/Delete) — same transport paths as AppendToDst/DownloadDstResources/Download (covered)",
        "Devices.GetAuthorizationChallengeQrCodeAsync, Devices.RegisterAsync, Devices.DeregisterAsync, Notifications.RegisterPushTokenAsync, Notifications.DeletePushTokenAsync — device/push registration; same shapes as GetAuthorizationChallenge/ClearDstNotifications (covered)",
        "Robots.ClearTokenAsync, Services.LogoutAsync, Services.RequestTokenAsync — revoke/issue the credentials the lane's shared clients run on (covered instead by the OAuth token-lifecycle check)",
        "Services.ResetUserPasswordAsync, Services.ChangeOwnPasswordAsync, Services.ChangePasswordWithTokenAsync, Services.ChangeServicePasswordAsync, Services.RegisterSamlUserAsync, Services.DownloadPdfThumbnailAsync — password/SAML flows that change the lane's credentials, and a thumbnail download of the same shape as Resources.Download",
        "Users.UpdateAsync, Users.SetEnabledAsync, Users.CreateGroupsAsync, Users.ListGroupsAsync — same shapes as Users.ChangeRole/Create/List (covered)",
    };

    /// <summary>How many operations the matrix covers.</summary>
    public static int Operations_Count() => BuildOperations().Count;

    public override string Provider => "SigningToday";

    public override string BrokenBody => "{\"id\":\"0b1c\",\"title\":\"Contract\",\"status\":\"toSi";

    public override string BrokenBodyContentType => "application/json";

    public override IReadOnlyList<OperationCase> Operations { get; } = BuildOperations();

    public override async Task<SimulatorHost> StartSimulatorAsync(SimulatorHostOptions host, CancellationToken cancellationToken)
        => await SigningTodaySimulator.StartAsync(null, host, cancellationToken);

    public override object CreateClient(SimulatorHost simulator, ClientSettings settings)
    {
        var sim = (SigningTodaySimulator)simulator;
        var endpoint = new Uri(settings.Endpoint, "api/");
        var robot = new SigningTodayClientOptions { Endpoint = endpoint, AllowHttpOnLoopback = true, RobotToken = sim.Settings.RobotToken };
        var admin = AdminOptions(sim, endpoint);
        settings.Retry?.Invoke(robot.Retry);
        settings.Retry?.Invoke(admin.Retry);
        Recorder.AddVisibleText(robot.ToString());
        Recorder.AddVisibleText(admin.ToString());
        return new StClients
        {
            Robot = new SigningTodayClient(robot, settings.HttpClient, settings.LoggerFactory, settings.TimeProvider),
            Admin = new SigningTodayClient(admin, settings.HttpClient, settings.LoggerFactory, settings.TimeProvider),
        };
    }

    public static SigningTodayClientOptions AdminOptions(SigningTodaySimulator sim, Uri endpoint) => new()
    {
        Endpoint = endpoint,
        AllowHttpOnLoopback = true,
        AuthenticationMode = SigningTodayAuthenticationMode.Password,
        Username = sim.Settings.AdminUsername,
        Domain = sim.Settings.Domain,
        Password = sim.Settings.AdminPassword,
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

    public static RobotDstSpecification Specification(string title, bool toFill = false)
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
            Robot<string>("Dsts.Publish", Idempotency.NotIdempotent, Post, (c, s, ct) => c.Robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Publish me" }, ct).ContinueWith(t => t.Result.Id!, TaskScheduler.Default), id => "/DST/" + id + "/publish", (c, id, ct) => c.Robot.Dsts.PublishAsync(id, ct)),
            Robot<string>("Dsts.Notify", Idempotency.NotIdempotent, Post, PublishedId, id => "/DST/" + id + "/notify", (c, id, ct) => c.Robot.Dsts.NotifyAsync(id, ct)),
            Robot<string>("Dsts.GetAudit", Idempotency.Safe, Get, PublishedId, id => "/DST/" + id + "/audit", (c, id, ct) => c.Robot.Dsts.GetAuditAsync(id, ct)),
            Robot<string>("Dsts.GetSignatureAddress", Idempotency.Safe, Get, PublishedId, id => "/DST/" + id + "/sign/0/0", (c, id, ct) => c.Robot.Dsts.GetSignatureAddressAsync(id, 0, 0, ct)),
            Robot<(string Id, int Before)>("Dsts.Clone", Idempotency.NotIdempotent, Post, async (c, s, ct) => ((await SignedAsync(c, s, ct)).Id!, s.DstCount), x => "/DST/" + x.Id + "/clone", (c, x, ct) => c.Robot.Dsts.CloneAsync(x.Id, ct), (s, x) => s.DstCount - x.Before),
            Robot<string>("Dsts.Templatize", Idempotency.NotIdempotent, Post, async (c, s, ct) => (await SignedAsync(c, s, ct)).Id!, id => "/DST/" + id + "/templatize", (c, id, ct) => c.Robot.Dsts.TemplatizeAsync(id, ct)),
            Robot<string>("Dsts.Fill", Idempotency.NotIdempotent, Patch, async (c, s, ct) => (await c.Robot.Robots.CreateDstAsync(Specification("Fill me", toFill: true), ct)).Id!, id => "/DST/" + id + "/fill", (c, id, ct) => c.Robot.Dsts.FillAsync(id, new DstForm { Id = 1, DocumentId = 0, ExtraData = new Dictionary<string, System.Text.Json.JsonElement> { ["value"] = SigningTodayExtraData.StringValue("Milan") } }, ct)),
            Robot<int>("Dsts.CreateTemplateByFile", Idempotency.NotIdempotent, Post, DstCountBefore, _ => "/DSTs/byFile", async (c, _, ct) => { using var pdf = Pdf("tpl"); await c.Robot.Dsts.CreateTemplateByFileAsync(pdf, "tpl.pdf", ct); }, (s, before) => s.DstCount - before),
            Robot<int>("Dsts.ListInstantiationGroups", Idempotency.Safe, Get, Nothing, _ => "/DSTs/byFile", (c, _, ct) => DrainAsync(c.Robot.Dsts.ListInstantiationGroupsAsync(null, ct), ct)),
            wait,

            // Notes
            Robot<string>("Notes.List", Idempotency.Safe, Get, PublishedId, id => "/DST/" + id + "/note", (c, id, ct) => c.Robot.Notes.ListAsync(id, ct)),
            Robot<string>("Notes.Add", Idempotency.NotIdempotent, Post, PublishedId, id => "/DST/" + id + "/note", (c, id, ct) => c.Robot.Notes.AddAsync(id, "Please sign", ct)),
            Robot<NoteState>("Notes.Update", Idempotency.Idempotent, Put, async (c, s, ct) => { var id = await PublishedId(c, s, ct); return new NoteState(id, (await c.Robot.Notes.AddAsync(id, "n", ct)).Id!.Value); }, n => "/DST/" + n.DstId + "/note/" + n.NoteId.ToString(System.Globalization.CultureInfo.InvariantCulture), (c, n, ct) => c.Robot.Notes.UpdateAsync(n.DstId, n.NoteId, new DstNote { Text = "Please sign today" }, ct)),
            Robot<NoteState>("Notes.Delete", Idempotency.Idempotent, Delete, async (c, s, ct) => { var id = await PublishedId(c, s, ct); return new NoteState(id, (await c.Robot.Notes.AddAsync(id, "n", ct)).Id!.Value); }, n => "/DST/" + n.DstId + "/note/" + n.NoteId.ToString(System.Globalization.CultureInfo.InvariantCulture), (c, n, ct) => c.Robot.Notes.DeleteAsync(n.DstId, n.NoteId, ct)),

            // Devices and notifications
            Robot<int>("Devices.List", Idempotency.Safe, Get, Nothing, _ => "/devices", (c, _, ct) => DrainAsync(c.Admin.Devices.ListAsync(null, ct), ct)),
            Robot<int>("Devices.GetAuthorizationChallenge", Idempotency.Idempotent, Get, Nothing, _ => "/device/authorization", (c, _, ct) => c.Admin.Devices.GetAuthorizationChallengeAsync(ct)),
            Robot<int>("Notifications.ListDstNotifications", Idempotency.Safe, Get, Nothing, _ => "/notifications/dsts", (c, _, ct) => DrainAsync(c.Robot.Notifications.ListDstNotificationsAsync(null, ct), ct)),
            Robot<string>("Notifications.ClearDstNotifications", Idempotency.Idempotent, Delete, PublishedId, id => "/notifications/dst/" + id, (c, id, ct) => c.Robot.Notifications.ClearDstNotificationsAsync(id, ct)),

            // Resources
            Robot<string>("Resources.Download", Idempotency.Safe, Get, async (c, s, ct) => (await SignedAsync(c, s, ct)).Documents![0].SignedDocumentUuid!, id => "/resource/" + id, (c, id, ct) => ReadAllAsync(c.Robot.Resources.DownloadAsync(id, ct), ct)),
            Robot<string>("Resources.AppendToDst", Idempotency.NotIdempotent, Patch, async (c, s, ct) => (await c.Robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Draft" }, ct)).Id!, id => "/DST/" + id + "/resources", async (c, id, ct) => { using var pdf = Pdf("two"); await c.Robot.Resources.AppendToDstAsync(id, pdf, "two.pdf", null, ct); }),
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
            Robot<int>("Services.GetPasswordToken", Idempotency.NotIdempotent, Get, Nothing, _ => "/auth/passwordToken", (c, _, ct) => c.Admin.Services.GetPasswordTokenAsync(ct)),
            Robot<int>("Services.RequestPasswordRecovery", Idempotency.NotIdempotent, Get, Nothing, _ => "/auth/passwordLost", (c, _, ct) => c.Admin.Services.RequestPasswordRecoveryAsync("jdo", "demo", ct)),

            // Users (admin)
            Robot<int>("Users.List", Idempotency.Safe, Get, Nothing, _ => "/users", (c, _, ct) => DrainAsync(c.Admin.Users.ListAsync(null, ct), ct)),
            Robot<int>("Users.Create", Idempotency.NotIdempotent, Post, Nothing, _ => "/users", (c, _, ct) => c.Admin.Users.CreateAsync(new CreateUserRequest { User = new User { Username = "u" + Guid.NewGuid().ToString("N")[..10], Name = "New", Surname = "User", Email = "n@example.com", Role = UserRole.Signer }, Password = "Pw-123456" }, ct)),
            Robot<string>("Users.Get", Idempotency.Safe, Get, (c, s, ct) => Task.FromResult(s.SignerUserId), id => "/user/" + id, (c, id, ct) => c.Admin.Users.GetAsync(id, ct)),
            Robot<string>("Users.ChangeRole", Idempotency.Idempotent, Put, (c, s, ct) => Task.FromResult(s.SignerUserId), id => "/user/" + id + "/role", (c, id, ct) => c.Admin.Users.ChangeRoleAsync(id, UserRole.Signer, ct)),
            Robot<string>("Users.ListIdentities", Idempotency.Safe, Get, (c, s, ct) => Task.FromResult(s.SignerUserId), id => "/user/" + id + "/identities", (c, id, ct) => c.Admin.Users.ListIdentitiesAsync(id, ct)),
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
