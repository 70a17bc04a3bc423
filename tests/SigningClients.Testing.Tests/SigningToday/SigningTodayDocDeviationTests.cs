using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Testing.SigningToday;
using Xunit;

namespace SigningClients.Testing.Tests.SigningToday;

/// <summary>
/// Where the Signing Today simulator used to answer differently from the provider's documentation
/// (/work/shared/provider-docs/signingtoday-api-v2.txt): each test quotes the doc and checks the wire.
/// </summary>
public sealed class SigningTodayDocDeviationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_a_user_answers_201_with_the_new_id()
    {
        // Doc, "Create a User" (POST /users): "201 … Response [ "7e49d963-544e-407e-ba57-049785ef3760" ]".
        await using var sim = await StartAsync();
        using var admin = await AdminAsync(sim);

        using var response = await admin.PostAsync("users", Json("""{"user":{"username":"newbie","name":"New","surname":"User","email":"n@example.com","role":"signer"},"password":"Pw-123456"}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ids = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
        Assert.True(Guid.TryParse((string?)ids.Single(), out _));
    }

    [Fact]
    public async Task Listing_DSTs_without_the_template_keyword_hides_templates()
    {
        // Doc, "Get DSTs Info": "You can omit the template keyword (or set it to False in order to avoid that DSTs
        // Templates will be shown in the response)".
        await using var sim = await StartAsync();
        using var robot = Robot(sim);
        await PostJsonAsync(robot, "DSTs", """{"title":"An instance"}""");
        await PostJsonAsync(robot, "DSTs", """{"title":"A template","template":true}""");

        var omitted = await ListTitlesAsync(robot, "DSTs");
        var instances = await ListTitlesAsync(robot, "DSTs?template=false");
        var templates = await ListTitlesAsync(robot, "DSTs?template=true");

        Assert.Equal(new[] { "An instance" }, omitted);
        Assert.Equal(new[] { "An instance" }, instances);
        Assert.Equal(new[] { "A template" }, templates);
    }

    [Fact]
    public async Task Templatize_is_only_for_published_DSTs()
    {
        // Doc, "Create a template from a DST" (POST /DST/{id}/templatize): "Currently implemented only for published
        // DST templates."
        await using var sim = await StartAsync();
        using var robot = Robot(sim);
        var draft = await CreateSignableAsync(robot, publish: false);
        var published = await CreateSignableAsync(robot, publish: true);
        var signed = await CreateSignableAsync(robot, publish: true);
        sim.Sign(signed);

        using var fromDraft = await robot.PostAsync("DST/" + draft + "/templatize", null, Ct);
        using var fromSigned = await robot.PostAsync("DST/" + signed + "/templatize", null, Ct);
        using var fromPublished = await robot.PostAsync("DST/" + published + "/templatize", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, fromDraft.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, fromSigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromPublished.StatusCode);
        Assert.True((bool?)JsonNode.Parse(await fromPublished.Content.ReadAsStringAsync(Ct))!["template"]);
    }

    [Fact]
    public async Task A_device_challenge_lasts_10_minutes()
    {
        // Doc, "Retrieve a challenge for authorizing a new trusted device": "An invocation of the endpoint invalidate
        // any previous challenge. The challenge lasts 10 minutes."
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var sim = await StartAsync(time);
        using var robot = Robot(sim);

        var inTime = await ChallengeAsync(robot);
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        using var accepted = await RegisterAsync(robot, inTime, "phone-1");
        var late = await ChallengeAsync(robot);
        time.Advance(TimeSpan.FromMinutes(10));
        using var refused = await RegisterAsync(robot, late, "phone-2");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("challenge", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync(Ct))!["target"]);
    }

    [Fact]
    public async Task Registering_a_device_returns_its_token_a_UUID()
    {
        // Doc, "Register a new trusted device": "If the device is already present, it returns the current associated
        // Token and updates the name." Response: [ "123e4567-e89b-12d3-a456-556642440000" ] (a list of UUIDs).
        await using var sim = await StartAsync();
        using var robot = Robot(sim);

        using var first = await RegisterAsync(robot, await ChallengeAsync(robot), "dev-1");
        using var again = await RegisterAsync(robot, await ChallengeAsync(robot), "dev-1");

        var token = (string?)JsonNode.Parse(await first.Content.ReadAsStringAsync(Ct))!.AsArray().Single();
        Assert.True(Guid.TryParse(token, out _), "Not a UUID: " + token);
        Assert.Equal(token, (string?)JsonNode.Parse(await again.Content.ReadAsStringAsync(Ct))!.AsArray().Single());
    }

    [Fact]
    public async Task Signer_groups_sign_in_order()
    {
        // Doc, "Create a DST Template": "the signature flow follows the order of the Signer Groups … until each member
        // of the first group has performed or explicitly refused the signature … none of the second group can perform
        // the signature, and so on."
        await using var sim = await StartAsync();
        using var robot = Robot(sim);
        // Request 0 belongs to the signer of the second group, request 1 to the signer of the first.
        var id = await CreateSignableAsync(robot, publish: true, signerGroups: "[{\"signers\":[{\"id\":1}]},{\"signers\":[{\"id\":0}]}]", requests: 2);

        sim.Sign(id);

        var dst = JsonNode.Parse(await robot.GetStringAsync("DST/" + id, Ct))!;
        var order = dst["signatures"]!.AsArray().Select(s => (int?)s!["signatureRequestId"]).ToArray();
        Assert.Equal(new int?[] { 1, 0 }, order);
    }

    [Fact]
    public async Task A_request_with_declinable_false_cannot_be_declined()
    {
        // Doc, DST example: "signatureRequests": [{ … "declinable": false, … }]; "explicitly refused the signature
        // (if the signature is not mandatory)".
        await using var sim = await StartAsync();
        using var robot = Robot(sim);
        var mandatory = await CreateSignableAsync(robot, publish: true, declinable: false);
        var optional = await CreateSignableAsync(robot, publish: true, declinable: true);

        Assert.ThrowsAny<InvalidOperationException>(() => sim.Decline(mandatory));
        sim.Decline(optional);

        Assert.Equal("toSign", (string?)JsonNode.Parse(await robot.GetStringAsync("DST/" + mandatory, Ct))!["status"]);
        Assert.Equal("rejected", (string?)JsonNode.Parse(await robot.GetStringAsync("DST/" + optional, Ct))!["status"]);
    }

    [Fact]
    public async Task The_notification_list_emits_only_documented_events()
    {
        // NotificationEvent.event (the vendor's models, FACTS.md): "dst_status_published|expired|rejected|signed|error,
        // dst_alert_fill|sign|note_added|note_modified|note_deleted — the only values".
        var documented = new HashSet<string>(StringComparer.Ordinal)
        {
            "dst_status_published", "dst_status_expired", "dst_status_rejected", "dst_status_signed", "dst_status_error",
            "dst_alert_fill", "dst_alert_sign", "dst_alert_note_added", "dst_alert_note_modified", "dst_alert_note_deleted",
        };
        await using var sim = await StartAsync();
        using var robot = Robot(sim);
        var template = (string)JsonNode.Parse(await PostJsonAsync(robot, "DSTs", """{"title":"Template","template":true}"""))!["id"]!;
        (await robot.PostAsync("DST/" + template + "/publish", null, Ct)).Dispose();
        (await robot.PostAsync("DST/" + template + "/modify", null, Ct)).Dispose(); // back to draft
        var signed = await CreateSignableAsync(robot, publish: true);
        sim.Sign(signed);

        var events = JsonNode.Parse(await robot.GetStringAsync("notifications/dsts", Ct))!["values"]!.AsArray().Select(n => (string?)n!["event"]).ToList();

        Assert.Contains("dst_status_signed", events);
        Assert.All(events, e => Assert.Contains(e!, documented));
    }

    [Fact]
    public async Task User_json_has_no_enabled_member()
    {
        // Doc, User model: id, username, domain, name, surname, email, phone, language, role, … "deletedAt", "automatic",
        // "extraData", "templateData" — no "enabled"; "Enable or disable a User account" is DELETE /user/{id}?enabled=.
        await using var sim = await StartAsync();
        using var admin = await AdminAsync(sim);

        var me = JsonNode.Parse(await admin.GetStringAsync("auth/user", Ct))!.AsObject();
        (await admin.DeleteAsync("user/" + sim.SignerUserId + "?enabled=false", Ct)).Dispose();
        var disabled = JsonNode.Parse(await admin.GetStringAsync("user/" + sim.SignerUserId, Ct))!.AsObject();

        Assert.False(me.ContainsKey("enabled"));
        Assert.False(disabled.ContainsKey("enabled"));
    }

    [Fact]
    public async Task Seeded_users_are_created_on_the_simulator_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 2, 3, 4, 5, 6, TimeSpan.Zero));
        await using var sim = await StartAsync(time);
        using var admin = await AdminAsync(sim);

        var me = JsonNode.Parse(await admin.GetStringAsync("auth/user", Ct))!;

        Assert.Equal("2020-02-03T04:05:06.000Z", (string?)me["createdAt"]);
    }

    private static Task<SigningTodaySimulator> StartAsync(TimeProvider? time = null) =>
        SigningTodaySimulator.StartAsync(new SigningTodaySimulatorOptions { Host = new SimulatorHostOptions { TimeProvider = time } }, Ct);

    internal static HttpClient Robot(SigningTodaySimulator sim)
    {
        var http = new HttpClient { BaseAddress = sim.ApiEndpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sim.Settings.RobotToken);
        return http;
    }

    private static async Task<HttpClient> AdminAsync(SigningTodaySimulator sim)
    {
        using var login = new HttpClient { BaseAddress = sim.ApiEndpoint };
        login.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sim.Settings.ClientId + ":" + sim.Settings.ClientSecret)));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("password"), "grant_type" },
            { new StringContent(sim.Settings.AdminUsername + "@" + sim.Settings.Domain), "username" },
            { new StringContent(sim.Settings.AdminPassword), "password" },
        };
        using var response = await login.PostAsync("oauth/token", form, Ct);
        response.EnsureSuccessStatusCode();
        var token = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["access_token"]!;
        var http = new HttpClient { BaseAddress = sim.ApiEndpoint };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string> PostJsonAsync(HttpClient http, string path, string json)
    {
        using var response = await http.PostAsync(path, Json(json), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, path + ": " + body);
        return body;
    }

    private static async Task<string[]> ListTitlesAsync(HttpClient http, string path) =>
        JsonNode.Parse(await http.GetStringAsync(path, Ct))!["values"]!.AsArray().Select(d => (string)d!["title"]!).ToArray();

    /// <summary>A robot-created DST with one document whose signature requests belong to signers 0, 1, …</summary>
    internal static async Task<string> CreateSignableAsync(HttpClient robot, bool publish, string? signerGroups = null, int requests = 1, bool declinable = true)
    {
        var pdf = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        var signatureRequests = string.Join(",", Enumerable.Range(0, requests).Select(i =>
            "{\"id\":" + i + ",\"signerId\":" + i + ",\"declinable\":" + (declinable ? "true" : "false") + "}"));
        var groups = signerGroups ?? "[{\"signers\":[" + string.Join(",", Enumerable.Range(0, requests).Select(i => "{\"id\":" + i + "}")) + "]}]";
        var body = "{\"title\":\"Contract\",\"status\":\"" + (publish ? "published" : "draft") + "\",\"documents\":[{\"resource\":{\"filename\":\"c.pdf\",\"source\":{\"type\":\"Embedded\",\"embeddedData\":\"" + pdf
            + "\"}},\"signatureRequests\":[" + signatureRequests + "],\"signerGroups\":" + groups + "}]}";
        return (string)JsonNode.Parse(await PostJsonAsync(robot, "robot/DSTs", body))!["id"]!;
    }

    private static async Task<string> ChallengeAsync(HttpClient http) =>
        (string)JsonNode.Parse(await http.GetStringAsync("device/authorization", Ct))!["challenge"]!;

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient http, string challenge, string deviceId) =>
        http.PostAsync("device/authorization", Json("{\"challenge\":\"" + challenge + "\",\"deviceId\":\"" + deviceId + "\",\"name\":\"Phone\"}"), Ct);
}
