using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Testing.SigningToday;
using SigningToday.Dst;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningClients.Testing.Tests.ContractFidelity;

/// <summary>
/// The Signing Today simulator follows the corrected contracts (issue 15; FACTS.md "SigningToday — shapes in the
/// vendor's generated v2.0.0 models"), checked end to end through the real <see cref="SigningTodayClient"/>.
/// </summary>
public sealed class SigningTodayContractTests
{
    private static readonly HashSet<string> DocumentedEvents = new(StringComparer.Ordinal)
    {
        "dst_status_published", "dst_status_expired", "dst_status_rejected", "dst_status_signed", "dst_status_error",
        "dst_alert_fill", "dst_alert_sign", "dst_alert_note_added", "dst_alert_note_modified", "dst_alert_note_deleted",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notifications_carry_id_time_and_userId_lead_to_their_DST_and_use_only_vendor_events()
    {
        await using var sim = await SigningTodaySimulator.StartAsync(cancellationToken: Ct);
        using var client = Robot(sim);
        using var raw = RawRobot(sim);
        var dstId = await CreateSignableAsync(raw, "Contract");
        var note = await client.Notes.AddAsync(dstId, "Please sign by Friday", Ct);
        await client.Notes.DeleteAsync(dstId, note.Id!.Value, Ct);
        sim.Sign(dstId);

        var events = await client.Notifications.ListDstNotificationsAsync(cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal(new[] { "dst_status_signed", "dst_alert_note_deleted", "dst_alert_note_added", "dst_status_published" }, events.Select(e => e.Event!.Value.ToString()));
        Assert.All(events, e => Assert.Contains(e.Event!.Value.ToString(), DocumentedEvents));
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.All(events, e => Assert.NotNull(e.Id));
        Assert.All(events, e => Assert.Equal(TimeSpan.Zero, e.Time!.Value.Offset));
        Assert.All(events, e => Assert.Equal(sim.SignerUserId, e.UserId));
        var dst = await client.Dsts.GetAsync(events[0].DstId!, Ct); // a notification leads to its DST
        Assert.Equal("Contract", dst.Title);
        var wire = JsonNode.Parse(await raw.GetStringAsync("notifications/dsts", Ct))!["values"]![0]!;
        Assert.EndsWith("Z", (string?)wire["time"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task User_phone_is_a_number_by_default_or_a_string_and_the_client_reads_both(bool asNumber)
    {
        await using var sim = await SigningTodaySimulator.StartAsync(new SigningTodaySimulatorOptions { UserPhoneAsNumber = asNumber }, Ct);
        using var client = Robot(sim);
        using var raw = RawRobot(sim);

        var wire = JsonNode.Parse(await raw.GetStringAsync("user/" + sim.SignerUserId, Ct))!["phone"]!;
        var user = await client.Users.GetAsync(sim.SignerUserId, Ct);
        var listed = await client.Users.ListAsync(cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal(asNumber ? JsonValueKind.Number : JsonValueKind.String, wire.GetValueKind());
        Assert.Equal(asNumber ? "393331234567" : "+393331234567", user.Phone);
        Assert.Contains(listed, u => u.Id == sim.SignerUserId && u.Phone == user.Phone);
    }

    [Fact]
    public async Task A_phone_written_in_either_form_is_accepted_and_served_in_the_vendor_form()
    {
        await using var sim = await SigningTodaySimulator.StartAsync(cancellationToken: Ct);
        using var raw = RawRobot(sim);
        using var client = Robot(sim);

        using (var put = await raw.PutAsync("user/" + sim.SignerUserId, Json("""{"phone":"+39 333 765 4321"}"""), Ct))
        {
            put.EnsureSuccessStatusCode();
        }

        Assert.Equal("393337654321", (await client.Users.GetAsync(sim.SignerUserId, Ct)).Phone);
        using (var put = await raw.PutAsync("user/" + sim.SignerUserId, Json("""{"phone":393330000001}"""), Ct))
        {
            put.EnsureSuccessStatusCode();
        }

        Assert.Equal("393330000001", (await client.Users.GetAsync(sim.SignerUserId, Ct)).Phone);
        Assert.Equal(JsonValueKind.Number, JsonNode.Parse(await raw.GetStringAsync("user/" + sim.SignerUserId, Ct))!["phone"]!.GetValueKind());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Creating_a_user_answers_a_bare_id_by_default_or_a_list_and_the_client_reads_both(bool bare)
    {
        await using var sim = await SigningTodaySimulator.StartAsync(new SigningTodaySimulatorOptions { CreatedUserIdAsBareString = bare }, Ct);
        using var admin = Admin(sim);
        int before = sim.UserCount;

        var ids = await admin.Users.CreateAsync(new CreateUserRequest(new User { Username = "newbie", Name = "New", Surname = "User", Email = "n@example.com", Role = UserRole.Signer }) { Password = "Pw-123456" }, Ct);

        var id = Assert.Single(ids);
        Assert.Equal(before + 1, sim.UserCount);
        Assert.Equal("newbie", (await admin.Users.GetAsync(id, Ct)).Username);
    }

    [Fact]
    public async Task Webhook_bodies_render_in_the_vendor_shape_and_the_client_parses_them()
    {
        await using var sim = await SigningTodaySimulator.StartAsync(cancellationToken: Ct);
        using var raw = RawRobot(sim);
        var dstId = await CreateSignableAsync(raw, "Lease");
        var documentId = (int)JsonNode.Parse(await raw.GetStringAsync("DST/" + dstId, Ct))!["documents"]![0]!["id"]!;

        var pending = JsonNode.Parse(sim.RenderSignatureWebhook(dstId, documentId, 0))!;
        sim.SignRequest(dstId, documentId, 0);
        var signatureBody = sim.RenderSignatureWebhook(dstId, documentId, 0);
        var statusBody = sim.RenderDstStatusWebhook(dstId);

        var status = SigningTodayWebhooks.Parse(statusBody);
        Assert.Equal(SigningTodayWebhookKind.DstStatusChanged, status.Kind);
        Assert.Equal(dstId, status.DstStatusChanged!.DstId);
        Assert.Null(status.DstStatusChanged.Dst); // the vendor's form: a bare UUID, not a DST object
        Assert.Equal(JsonValueKind.String, JsonNode.Parse(statusBody)!["dst"]!.GetValueKind());
        Assert.Equal("signed", (string?)JsonNode.Parse(statusBody)!["status"]);

        var signature = SigningTodayWebhooks.Parse(signatureBody);
        Assert.Equal(SigningTodayWebhookKind.SignatureStatusChanged, signature.Kind);
        var n = signature.SignatureStatusChanged!;
        Assert.Equal(0, n.SignatureId);
        Assert.Equal("0", n.Signer);
        Assert.Equal(dstId, n.DstId);
        Assert.Equal("Lease", n.DstTitle);
        Assert.Equal(documentId, n.Document!.Id);
        Assert.Equal(0, n.Document.Order);
        Assert.False(string.IsNullOrEmpty(n.Document.DisplayName));
        Assert.Equal(SignatureNotificationStatus.Performed, n.Status);
        Assert.Equal("pending", (string?)pending["status"]);
        var wire = JsonNode.Parse(signatureBody)!;
        Assert.Equal(JsonValueKind.Number, wire["signature"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, wire["signer"]!.GetValueKind());
        Assert.Equal(new[] { "id", "title" }, wire["dst"]!.AsObject().Select(p => p.Key));
        Assert.Equal(new[] { "id", "display_name", "order" }, wire["document"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("O'Brien / v1.2")]
    [InlineData("Terms or conditions")]
    [InlineData("Sales and marketing.pdf")]
    [InlineData("a==b")]
    public async Task The_filter_matches_quoted_values_with_quotes_slashes_dots_and_keywords(string title)
    {
        await using var sim = await SigningTodaySimulator.StartAsync(cancellationToken: Ct);
        using var client = Robot(sim);
        await client.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = title }, Ct);
        await client.Dsts.CreateAsync(new DigitalSignatureTransaction { Title = "Other" }, Ct);

        var found = await client.Dsts.ListAsync(new DstListOptions { Filter = SigningTodayFilter.Equal("title", title) }, Ct).ToListAsync(Ct);
        var either = await client.Dsts.ListAsync(new DstListOptions { Filter = SigningTodayFilter.Or(SigningTodayFilter.Equal("title", title), SigningTodayFilter.Equal("title", "Other")) }, Ct).ToListAsync(Ct);

        Assert.Equal(new[] { title }, found.Select(d => d.Title));
        Assert.Equal(2, either.Count);
    }

    [Fact]
    public void The_filter_parser_keeps_quoted_text_whole()
    {
        var parsed = SigningTodayFilterExpression.Parse("title == \"O'Brien or Smith\" and owner.name == \"a/b.c\" or status == published");

        Assert.Equal(2, parsed.Count);
        Assert.Equal(new[] { ("title", "O'Brien or Smith"), ("owner.name", "a/b.c") }, parsed[0].Select(t => (t.Field, t.Value)));
        Assert.Equal(("status", "published"), (parsed[1][0].Field, parsed[1][0].Value));
        Assert.True(parsed[0][1].Matches(new JsonObject { ["owner"] = new JsonObject { ["name"] = "a/b.c" } }));
    }

    private static async Task<string> CreateSignableAsync(HttpClient robot, string title)
    {
        var pdf = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        var body = "{\"title\":\"" + title + "\",\"status\":\"published\",\"documents\":[{\"resource\":{\"filename\":\"c.pdf\",\"source\":{\"type\":\"Embedded\",\"embeddedData\":\"" + pdf
            + "\"}},\"signatureRequests\":[{\"id\":0,\"signerId\":0}],\"signerGroups\":[{\"signers\":[{\"id\":0}]}]}]}";
        using var response = await robot.PostAsync("robot/DSTs", Json(body), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return (string)JsonNode.Parse(text)!["id"]!;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpClient RawRobot(SigningTodaySimulator sim)
    {
        var http = new HttpClient { BaseAddress = sim.ApiEndpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sim.Settings.RobotToken);
        return http;
    }

    private static SigningTodayClient Robot(SigningTodaySimulator sim) => new(new SigningTodayClientOptions().UseSimulator(sim));

    private static SigningTodayClient Admin(SigningTodaySimulator sim) => new(new SigningTodayClientOptions
    {
        Endpoint = sim.ApiEndpoint,
        AllowHttpOnLoopback = true,
        AuthenticationMode = SigningTodayAuthenticationMode.Password,
        Username = sim.Settings.AdminUsername,
        Domain = sim.Settings.Domain,
        Password = sim.Settings.AdminPassword,
        ClientId = sim.Settings.ClientId,
        ClientSecret = sim.Settings.ClientSecret,
    });
}
