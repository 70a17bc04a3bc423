using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SigningClients.Testing;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>All 68 documented method+path pairs are reached by client methods against the simulator (journal-based).</summary>
public sealed class OperationCoverageTests
{
    [Fact]
    public async Task Every_documented_operation_is_reached_by_a_client_method()
    {
        var ct = TestContext.Current.CancellationToken;
        var documented = File.ReadAllLines(Path.Combine(DocExampleFiles.Folder, "operations.txt")).Where(l => l.Length > 0).ToList();
        Assert.Equal(68, documented.Count);
        Assert.Equal(68, documented.Distinct().Count());

        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var robot = harness.Client;
        var admin = harness.CreateAdminClient();
        var signer = sim.SignerUserId;

        // Services / users as admin (Password mode: /oauth/token is reached by the token source).
        var me = await admin.Services.GetCurrentUserAsync(ct);
        Assert.Equal("admin", me.Username);
        var token = await admin.Services.RequestTokenAsync(sim.Settings.SignerUsername + "@" + sim.Settings.Domain, sim.Settings.SignerPassword, ct);
        Assert.False(string.IsNullOrEmpty(token.AccessToken));
        await admin.Services.RequestPasswordRecoveryAsync("jdo", "demo", ct);
        await admin.Services.ResetUserPasswordAsync("jdo", "demo", ct);
        var passwordToken = (await admin.Services.GetPasswordTokenAsync(ct)).Single();
        await admin.Services.ChangePasswordWithTokenAsync(passwordToken, "New-Admin-1", ct);
        await admin.Services.ChangeOwnPasswordAsync(new PasswordChange { CurrentPassword = "New-Admin-1", NewPassword = sim.Settings.AdminPassword }, ct);
        await admin.Services.ChangeServicePasswordAsync("robot", "demo", "Robot-Pass-1", ct);
        var redirect = await admin.Services.RegisterSamlUserAsync("demo", "PHNhbWxwOlJlc3BvbnNl", "f7bc83f4", ct);
        var configuration = await admin.Services.GetConfigurationAsync(ct);
        Assert.NotNull(configuration);

        var ids = await admin.Users.CreateAsync(new CreateUserRequest { User = new User { Username = "newbie", Name = "New", Surname = "User", Email = "n@example.com", Role = UserRole.Signer }, Password = "Pw-123456" }, ct);
        var newUser = ids.Single();
        var users = await admin.Users.ListAsync(new SigningTodayListOptions { Filter = SigningTodayFilter.Equal("username", "newbie") }, ct).ToListAsync(ct);
        Assert.Single(users);
        await admin.Users.CreateGroupsAsync(new[] { new UserGroup { Name = "Marketing BU" } }, ct);
        Assert.Single(await admin.Users.ListGroupsAsync(cancellationToken: ct).ToListAsync(ct));
        var fetched = await admin.Users.GetAsync(newUser, ct);
        await admin.Users.UpdateAsync(newUser, new User { Name = "Renamed", Surname = fetched.Surname }, ct);
        Assert.Equal("Renamed", (await admin.Users.GetAsync(newUser, ct)).Name);
        await admin.Users.ChangeRoleAsync(newUser, UserRole.Instructor, ct);
        await admin.Users.SetEnabledAsync(newUser, false, ct);
        var identities = await admin.Users.ListIdentitiesAsync(signer, ct);
        var identity = identities.Single().Id!;

        // Devices and notifications.
        var challenge = await admin.Devices.GetAuthorizationChallengeAsync(ct);
        var registered = await admin.Devices.RegisterAsync(new DeviceRegistration { Challenge = challenge.Challenge!, DeviceId = "dev-1", Name = "Phone" }, ct);
        Assert.True(Guid.TryParse(registered.Single(), out _)); // the device's token, a UUID (not the device id)
        Assert.Single(await admin.Devices.ListAsync(cancellationToken: ct).ToListAsync(ct));
        await admin.Notifications.RegisterPushTokenAsync(new PushTokenRegistration { DeviceId = "dev-1", Token = "push-1" }, ct);
        await admin.Notifications.DeletePushTokenAsync("dev-1", ct);
        await admin.Devices.DeregisterAsync("dev-1", cancellationToken: ct);

        // Appearances.
        var appearance = await admin.Resources.UploadIdentityAppearanceAsync(signer, identity, new MemoryStream(new byte[] { 1, 2, 3 }), "sig.png", cancellationToken: ct);
        await using (var download = await admin.Resources.DownloadIdentityAppearanceAsync(signer, identity, ct))
        {
            var copy = new MemoryStream();
            await download.CopyToAsync(copy, ct);
            Assert.Equal(new byte[] { 1, 2, 3 }, copy.ToArray());
        }

        await admin.Resources.DeleteIdentityAppearanceAsync(signer, identity, ct);

        // Robots.
        var robotToken = await robot.Robots.GetTokenAsync(cancellationToken: ct);
        Assert.Equal(sim.Settings.RobotToken, robotToken.AccessToken);
        await robot.Robots.UpdateConfigurationAsync(new RobotConfiguration { Webhooks = new RobotWebhooks { Dst = "https://example.com/hook" } }, cancellationToken: ct);
        Assert.Equal("https://example.com/hook", (await robot.Robots.GetConfigurationAsync(cancellationToken: ct)).Webhooks!.Dst);

        // DST lifecycle.
        var created = await robot.Robots.CreateAndPublishFromPdfAsync(SigningTodayHarness.Pdf(), "contract.pdf", "Contract", new Signer { Name = "John", Surname = "Doe", Email = "jdo@example.com", Role = "Signer" }, cancellationToken: ct);
        var id = created.Id!;
        var draft = await robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Draft" }, ct);
        draft = await robot.Resources.AppendToDstAsync(draft.Id!, SigningTodayHarness.Pdf("one"), "one.pdf", new ResourceUploadOptions { Title = "One" }, ct);
        draft = await robot.Resources.AppendToDstAsync(draft.Id!, SigningTodayHarness.Pdf("two"), "two.pdf", cancellationToken: ct);
        draft = await robot.Resources.SwapDocumentsAsync(draft.Id!, 0, 1, ct);
        draft = await robot.Resources.ApplyDocumentResourceActionAsync(draft.Id!, 0, DocumentResourceAction.Replace, SigningTodayHarness.Pdf("three"), "three.pdf", "Three", ct);
        var resourceId = draft.Resources![0].Id!;
        await robot.Resources.UpdateAsync(resourceId, new DstResource { Title = "Renamed" }, ct);
        await using (var zip = await robot.Resources.DownloadDstResourcesAsync(draft.Id!, ct))
        {
            Assert.Equal("application/zip", zip.ContentType);
        }

        await using (var thumb = await robot.Services.DownloadPdfThumbnailAsync(resourceId, 1, 100, ct))
        {
            Assert.Equal("image/png", thumb.ContentType);
        }

        draft = await robot.Resources.DeleteAsync(resourceId, ct);
        draft = await robot.Dsts.UpdateAsync(draft.Id!, new DigitalSignatureTransaction { Title = "Draft v2", Documents = draft.Documents }, ct);
        Assert.Equal("Draft v2", draft.Title);

        var note = await robot.Notes.AddAsync(id, "Please sign", ct);
        await robot.Notes.UpdateAsync(id, note.Id!.Value, new DstNote { Text = "Please sign today" }, ct);
        Assert.Equal("Please sign today", (await robot.Notes.ListAsync(id, ct)).Single().Text);
        await robot.Notes.DeleteAsync(id, note.Id!.Value, ct);

        var address = await robot.Dsts.GetSignatureAddressAsync(id, 0, 0, ct);
        Assert.NotNull(address.Url);
        await robot.Dsts.NotifyAsync(id, ct);
        var template = await robot.Dsts.TemplatizeAsync(id, ct); // "only for published DST templates": before signing
        sim.Sign(id);
        var signed = await robot.Dsts.GetAsync(id, ct);
        Assert.Equal(DstStatus.Signed, signed.Status);
        Assert.NotEmpty(await robot.Dsts.GetAuditAsync(id, ct));
        var clone = await robot.Dsts.CloneAsync(id, ct);
        Assert.True(template.Template);
        await robot.Dsts.PublishAsync(template.Id!, ct);
        var modified = await robot.Dsts.ModifyTemplateAsync(template.Id!, ct);
        Assert.Equal(DstStatus.Draft, modified.Status);
        var instance = await robot.Dsts.InstantiateAsync(template.Id!, ct);
        Assert.False(instance.Template);
        var fromRobot = await robot.Robots.InstantiateTemplateAsync(template.Id!, new Dictionary<string, Signer> { ["Signer"] = new() { Email = "x@example.com", Name = "X" } }, cancellationToken: ct);
        Assert.NotNull(fromRobot.Id);
        var group = await robot.Dsts.InstantiateByFileAsync(template.Id!, new MemoryStream(Encoding.UTF8.GetBytes("name,email\nA,a@example.com\nB,b@example.com\n")), "spec.csv", new InstantiateByFileOptions { Title = "Batch", Tags = new[] { "t" } }, ct);
        Assert.Equal(2, group.DstIds!.Count);
        Assert.Single(await robot.Dsts.ListInstantiationGroupsAsync(cancellationToken: ct).ToListAsync(ct));
        await using (var groupZip = await robot.Resources.DownloadInstantiationGroupResourcesAsync(group.InstantiationGroup!, ct))
        {
            Assert.Equal("application/zip", groupZip.ContentType);
        }

        var byFile = await robot.Dsts.CreateTemplateByFileAsync(SigningTodayHarness.Pdf("tpl"), "tpl.pdf", ct);
        Assert.True(byFile.Template);

        var toReject = await robot.Robots.CreateDstAsync(RequestExampleTests.MinimalSpecification("Reject me"), ct);
        sim.Decline(toReject.Id!);
        var replacement = await robot.Dsts.ReplaceAsync(toReject.Id!, ct);
        Assert.Equal(toReject.Id, replacement.Replaces);

        var withForm = await robot.Robots.CreateDstAsync(RequestExampleTests.MinimalSpecification("Fill me", toFill: true), ct);
        withForm = await robot.Dsts.GetAsync(withForm.Id!, ct);
        Assert.Equal(DstStatus.ToFill, withForm.Status);
        withForm = await robot.Dsts.FillAsync(withForm.Id!, new DstForm { Id = 1, DocumentId = 0, ExtraData = new Dictionary<string, System.Text.Json.JsonElement> { ["value"] = SigningTodayExtraData.StringValue("Milan") } }, ct);
        Assert.Equal(DstStatus.ToSign, withForm.Status);

        var publishable = await robot.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Publish me" }, ct);
        Assert.Equal(DstStatus.Published, (await robot.Dsts.PublishAsync(publishable.Id!, ct)).Status);
        await robot.Dsts.DeleteAsync(clone.Id!, ct);
        Assert.NotEmpty(await robot.Dsts.ListAsync(new DstListOptions { Template = false }, ct).ToListAsync(ct));
        Assert.NotEmpty(await robot.Notifications.ListDstNotificationsAsync(cancellationToken: ct).ToListAsync(ct));
        await robot.Notifications.ClearDstNotificationsAsync(id, ct);

        await using (var signedPdf = await robot.Resources.DownloadAsync(signed.Documents![0].SignedDocumentUuid!, ct))
        {
            var copy = new MemoryStream();
            await signedPdf.CopyToAsync(copy, ct);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(copy.ToArray(), 0, 4));
        }

        await using (var qr = await admin.Devices.GetAuthorizationChallengeQrCodeAsync(ct))
        {
            Assert.Equal("image/png", qr.ContentType);
        }

        await admin.Services.LogoutAsync(ct);
        await robot.Robots.ClearTokenAsync(new RobotAccount { Username = "robot", Domain = "demo" }, ct);

        // Which documented pairs did the journal see (2xx or the documented 303)?
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in sim.Journal.Entries.Where(e => e.ResponseStatus is >= 200 and < 400))
        {
            foreach (var pair in documented)
            {
                var parts = pair.Split(' ');
                if (parts[0] == entry.Method && Matches(parts[1], entry.Path))
                {
                    reached.Add(pair);
                }
            }
        }

        var missing = documented.Where(p => !reached.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "Not reached (" + (68 - missing.Count) + "/68): " + string.Join(", ", missing));
        _ = redirect;
        _ = appearance;
    }

    internal static bool Matches(string template, string path)
    {
        var pattern = "^/api" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
        if (!Regex.IsMatch(path, pattern))
        {
            return false;
        }

        // A literal segment of another documented path must not be taken for a parameter (e.g. /DST/resource/{id} vs /DST/{id}).
        return !(template == "/DST/{id}" && path.StartsWith("/api/DST/resource/", StringComparison.Ordinal))
            && !(template == "/robot/DST/{id}/instantiate" && !path.StartsWith("/api/robot/DST/", StringComparison.Ordinal));
    }
}
