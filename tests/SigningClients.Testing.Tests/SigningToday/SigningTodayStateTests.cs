using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Testing.SigningToday;
using Xunit;

namespace SigningClients.Testing.Tests.SigningToday;

/// <summary>The Signing Today state model on its own (no HTTP): the DST life cycle, signer groups, TTLs and accounts.</summary>
public sealed class SigningTodayStateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SigningTodaySimulatorOptions _options = new();

    [Fact]
    public void A_draft_is_published_once_and_then_reads_as_toSign()
    {
        var state = State();
        var id = Id(state.CreateDraft(Dst(requests: 1), state.RobotUserId));

        Assert.Equal(SigningTodayDstStatus.Draft, state.Snapshot(id)!.Status);
        Assert.Equal("published", (string?)state.PublishDraft(id)["status"]); // the publication's answer
        Assert.Equal(SigningTodayDstStatus.ToSign, state.Snapshot(id)!.Status); // the flow has started
        Assert.Equal(SimulatorErrorKind.IllegalTransition, Assert.Throws<SimulatorStateException>(() => state.PublishDraft(id)).Kind);
        Assert.Equal(SimulatorErrorKind.IllegalTransition, Assert.Throws<SimulatorStateException>(() => state.Update(id, new JsonObject { ["title"] = "x" })).Kind);
        Assert.Equal(1, state.Publications(id));
    }

    [Fact]
    public void Forms_to_fill_come_before_signing()
    {
        var state = State();
        var body = Dst(requests: 1);
        body["documents"]![0]!["forms"] = new JsonArray(new JsonObject { ["id"] = 1, ["toFill"] = true, ["filled"] = false });
        var id = Id(state.CreateDraft(body, state.RobotUserId));
        state.PublishDraft(id);

        Assert.Equal(SigningTodayDstStatus.ToFill, state.Snapshot(id)!.Status);
        Assert.Throws<SimulatorStateException>(() => state.SignRequest(id, 0, 0));
        state.Fill(id, "0", "1", null);
        Assert.Equal(SigningTodayDstStatus.ToSign, state.Snapshot(id)!.Status);
        Assert.Equal(SimulatorErrorKind.IllegalTransition, Assert.Throws<SimulatorStateException>(() => state.Fill(id, "0", "1", null)).Kind);
        state.SignRequest(id, 0, 0);
        Assert.Equal(SigningTodayDstStatus.Signed, state.Snapshot(id)!.Status);
    }

    [Fact]
    public void Signer_groups_sign_in_order_and_signers_of_one_group_in_any_order()
    {
        var state = State();
        // Group 1: signers 0 and 1 (requests 0 and 1); group 2: signer 2 (request 2).
        var id = Id(state.CreateDraft(Dst(requests: 3, groups: new[] { new[] { 0, 1 }, new[] { 2 } }), state.RobotUserId));
        state.PublishDraft(id);

        var early = Assert.Throws<SimulatorStateException>(() => state.SignRequest(id, 0, 2));
        state.SignRequest(id, 0, 1);
        Assert.Throws<SimulatorStateException>(() => state.SignRequest(id, 0, 2));
        state.SignRequest(id, 0, 0);
        Assert.Equal(SigningTodayDstStatus.ToSign, state.Snapshot(id)!.Status);
        Assert.Equal(SimulatorErrorKind.IllegalTransition, Assert.Throws<SimulatorStateException>(() => state.SignRequest(id, 0, 0)).Kind); // already signed
        state.SignRequest(id, 0, 2);

        Assert.Equal(SimulatorErrorKind.IllegalTransition, early.Kind);
        var dst = state.Snapshot(id)!;
        Assert.Equal(SigningTodayDstStatus.Signed, dst.Status);
        Assert.Equal("signed", (string?)dst.Json["documents"]![0]!["status"]);
        Assert.NotNull(state.ResourceBytes((string)dst.Json["documents"]![0]!["signedDocumentUuid"]!));
    }

    [Fact]
    public void A_request_that_is_not_declinable_cannot_be_refused()
    {
        var state = State();
        var mandatory = Id(state.CreateRobotDst(Dst(requests: 1, declinable: false, status: "published"), state.RobotUserId));
        var optional = Id(state.CreateRobotDst(Dst(requests: 1, declinable: true, status: "published"), state.RobotUserId));

        Assert.Equal("NOT_DECLINABLE", Assert.Throws<SimulatorStateException>(() => state.Decline(mandatory, "no")).Code);
        state.Decline(optional, "no");

        Assert.Equal(SigningTodayDstStatus.ToSign, state.Snapshot(mandatory)!.Status);
        Assert.Equal(SigningTodayDstStatus.Rejected, state.Snapshot(optional)!.Status);
        Assert.Throws<SimulatorStateException>(() => state.Decline(optional, "again"));
    }

    [Fact]
    public void An_active_DST_expires_when_expiresAt_passes_and_reading_it_changes_nothing()
    {
        var state = State();
        var body = Dst(requests: 1, status: "published");
        body["expiresAt"] = SigningTodayState.Iso(_time.GetUtcNow().AddHours(1));
        var id = Id(state.CreateRobotDst(body, state.RobotUserId));
        int events = 0;
        state.StatusChanged += (_, _) => events++;

        Assert.Equal(SigningTodayDstStatus.ToSign, state.Snapshot(id)!.Status);
        _time.Advance(TimeSpan.FromHours(1));
        var first = state.Snapshot(id)!;
        var second = state.Snapshot(id)!;

        Assert.Equal(SigningTodayDstStatus.Expired, first.Status);
        Assert.Equal(first.Json.ToJsonString(), second.Json.ToJsonString());
        Assert.Equal(0, events);
        Assert.Equal("dst_status_expired", (string?)state.Notifications()[0]["event"]);
        Assert.Throws<SimulatorStateException>(() => state.SignAll(id));
        Assert.Throws<SimulatorStateException>(() => state.Remind(id));
    }

    [Fact]
    public void Templatize_needs_a_published_DST_and_replace_a_rejected_one()
    {
        var state = State();
        var draft = Id(state.CreateDraft(Dst(requests: 1), state.RobotUserId));
        var published = Id(state.CreateRobotDst(Dst(requests: 1, status: "published"), state.RobotUserId));

        Assert.Throws<SimulatorStateException>(() => state.Copy(draft, state.RobotUserId, DstCopy.Templatize));
        Assert.Throws<SimulatorStateException>(() => state.Copy(published, state.RobotUserId, DstCopy.Replace));
        var template = state.Copy(published, state.RobotUserId, DstCopy.Templatize);
        state.Decline(published, "no");
        var replacement = state.Copy(published, state.RobotUserId, DstCopy.Replace);

        Assert.True((bool?)template["template"]);
        Assert.Equal("draft", (string?)replacement["status"]);
        Assert.Equal(published, (string?)replacement["replaces"]);
        Assert.Throws<SimulatorStateException>(() => state.Copy(published, state.RobotUserId, DstCopy.Templatize)); // rejected now
        Assert.Equal(1, state.TemplateCount);
    }

    [Fact]
    public void Only_a_published_template_can_be_modified_back_into_a_draft()
    {
        var state = State();
        var template = Id(state.CreateDraft(new JsonObject { ["title"] = "T", ["template"] = true }, state.RobotUserId));

        Assert.Throws<SimulatorStateException>(() => state.Modify(template));
        state.PublishDraft(template);
        Assert.Equal(SigningTodayDstStatus.Published, state.Snapshot(template)!.Status); // a template does not start a flow
        state.Modify(template);
        Assert.Equal(SigningTodayDstStatus.Draft, state.Snapshot(template)!.Status);
        Assert.DoesNotContain(state.Notifications(), n => (string?)n["event"] == "dst_status_draft");
    }

    [Fact]
    public void GET_DSTs_lists_instances_or_templates_never_both()
    {
        var state = State();
        state.CreateDraft(new JsonObject { ["title"] = "I" }, state.RobotUserId);
        state.CreateDraft(new JsonObject { ["title"] = "T", ["template"] = true }, state.RobotUserId);

        Assert.Equal(new[] { "I" }, state.ListDsts(templates: false).Select(d => (string?)d["title"]));
        Assert.Equal(new[] { "T" }, state.ListDsts(templates: true).Select(d => (string?)d["title"]));
    }

    [Fact]
    public void A_device_challenge_lasts_10_minutes_and_a_new_one_invalidates_the_old()
    {
        var state = State();
        var user = state.SignerUserId;

        var old = state.NewChallenge(user);
        var current = state.NewChallenge(user);
        Assert.Throws<SimulatorStateException>(() => state.RegisterDevice(user, "d1", old, "Phone"));
        _time.Advance(SigningTodayState.ChallengeLifetime - TimeSpan.FromTicks(1));
        var token = state.RegisterDevice(user, "d1", current, "Phone");
        Assert.Equal(token, state.RegisterDevice(user, "d1", current, "Renamed"));
        _time.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(SimulatorErrorKind.Expired, Assert.Throws<SimulatorStateException>(() => state.RegisterDevice(user, "d2", current, "Tablet")).Kind);
        Assert.True(Guid.TryParse(token, out _));
        Assert.Equal("Renamed", (string?)state.Devices(user).Single()["name"]);
    }

    [Fact]
    public void Access_tokens_expire_after_their_lifetime_and_refresh_tokens_are_single_use()
    {
        var state = State();
        var (access, refresh, scope) = state.IssueTokens("password", _options.AdminUsername + "@" + _options.Domain, _options.AdminPassword, null);

        Assert.Equal("all", scope);
        Assert.Equal(state.AdminUserId, state.Authenticate(access));
        _time.Advance(_options.AccessTokenLifetime);
        Assert.Equal(SimulatorErrorKind.Unauthenticated, Assert.Throws<SimulatorStateException>(() => state.Authenticate(access)).Kind);
        var renewed = state.IssueTokens("refresh_token", null, null, refresh);
        Assert.Equal(state.AdminUserId, state.Authenticate(renewed.Access));
        Assert.Throws<SimulatorStateException>(() => state.IssueTokens("refresh_token", null, null, refresh));
    }

    [Fact]
    public void A_disabled_user_cannot_log_in_and_only_admins_create_users()
    {
        var state = State();
        var login = _options.SignerUsername + "@" + _options.Domain;

        state.SetEnabled(state.SignerUserId, false);
        Assert.Throws<SimulatorStateException>(() => state.IssueTokens("password", login, _options.SignerPassword, null));
        state.SetEnabled(state.SignerUserId, true);
        state.IssueTokens("password", login, _options.SignerPassword, null);

        Assert.Equal(SimulatorErrorKind.Forbidden, Assert.Throws<SimulatorStateException>(() => state.CreateUser(state.SignerUserId, new JsonObject { ["username"] = "x" }, null)).Kind);
        var id = state.CreateUser(state.AdminUserId, new JsonObject { ["username"] = "x", ["enabled"] = true }, "pw");
        Assert.False(state.User(id).ContainsKey("enabled"));
        Assert.Equal(SimulatorErrorKind.Conflict, Assert.Throws<SimulatorStateException>(() => state.CreateUser(state.AdminUserId, new JsonObject { ["username"] = "x" }, null)).Kind);
    }

    [Fact]
    public void Status_changes_are_raised_after_the_lock_is_released()
    {
        var state = State();
        var id = Id(state.CreateRobotDst(Dst(requests: 1, status: "draft"), state.RobotUserId));
        var seen = new List<(string? From, string To, bool OtherThreadCouldRead)>();
        state.StatusChanged += (_, change) => seen.Add((change.From, change.To, Task.Run(() => state.DstCount).Wait(TimeSpan.FromSeconds(5))));

        state.PublishDraft(id);
        state.SignAll(id);

        Assert.Equal(new (string? From, string To, bool OtherThreadCouldRead)[] { ("draft", "published", true), ("published", "signed", true) }, seen);
    }

    private SigningTodayState State() => new(_options, _time, () => new Uri("http://sim.test/"));

    private static string Id(JsonObject dst) => (string)dst["id"]!;

    /// <summary>A DST with one embedded document whose request i belongs to signer i, with the given signer groups.</summary>
    private static JsonObject Dst(int requests, int[][]? groups = null, bool declinable = true, string? status = null)
    {
        groups ??= new[] { Enumerable.Range(0, requests).ToArray() };
        var body = new JsonObject
        {
            ["title"] = "Contract",
            ["documents"] = new JsonArray(new JsonObject
            {
                ["id"] = 0,
                ["resource"] = new JsonObject { ["filename"] = "c.pdf", ["source"] = new JsonObject { ["type"] = "Embedded", ["embeddedData"] = Convert.ToBase64String(new byte[] { 0x25, 0x50, 0x44, 0x46 }) } },
                ["signatureRequests"] = new JsonArray(Enumerable.Range(0, requests).Select(i => (JsonNode)new JsonObject { ["id"] = i, ["signerId"] = i, ["declinable"] = declinable }).ToArray()),
                ["signerGroups"] = new JsonArray(groups.Select(g => (JsonNode)new JsonObject { ["signers"] = new JsonArray(g.Select(s => (JsonNode)new JsonObject { ["id"] = s }).ToArray()) }).ToArray()),
            }),
        };
        if (status is not null)
        {
            body["status"] = status;
        }

        return body;
    }
}
