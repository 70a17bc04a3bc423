using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using SigningClients.Conformance.Tests.Support;
using SigningToday.Dst;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningClients.Conformance.Tests.SigningToday;

/// <summary>
/// Signing Today against its own references, not our simulator: fixtures written from the vendor's generated v2.0.0
/// models (FACTS.md, "shapes in the vendor's generated v2.0.0 models") and from the doc's examples, fed to a real
/// <see cref="SigningTodayClient"/> through a fake handler or to the public webhook parser. Each parses, nothing
/// throws on either form, and a round trip keeps every member (in the JSON kind received).
/// </summary>
public sealed class SigningTodayConformanceTests
{
    private const string DstId = "f220030c-e8dd-4d77-9e70-ae3f5f67fda3";

    // A user's own serializer over the public models (the models carry their wire names): what a user who stores or
    // forwards a returned model gets.
    private static readonly JsonSerializerOptions UserSerializer = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [Theory]
    [InlineData("webhook-dst-status.vendor.json")]
    [InlineData("webhook-dst-status.object.json")]
    [InlineData("webhook-signature-status.vendor.json")]
    [InlineData("webhook-signature-status.object.json")]
    public void Webhooks_parse_in_either_form_and_round_trip(string fixture)
    {
        string body = FixtureHttpHandler.Fixture(fixture);
        var webhook = SigningTodayWebhooks.Parse(body);
        string written = fixture.StartsWith("webhook-dst", StringComparison.Ordinal)
            ? SigningTodayWebhooks.Serialize(Assert.IsType<DstStatusChangedNotification>(webhook.DstStatusChanged))
            : SigningTodayWebhooks.Serialize(Assert.IsType<SignatureStatusChangedNotification>(webhook.SignatureStatusChanged));
        Assert.Empty(JsonCompare.Differences(body, written));

        string typed = fixture.StartsWith("webhook-dst", StringComparison.Ordinal)
            ? SigningTodayWebhooks.Serialize(SigningTodayWebhooks.ParseDstStatusChanged(body))
            : SigningTodayWebhooks.Serialize(SigningTodayWebhooks.ParseSignatureStatusChanged(body));
        Assert.Empty(JsonCompare.Differences(body, typed));
    }

    [Fact]
    public void Dst_status_webhook_in_the_vendor_form_gives_the_dst_id()
    {
        var webhook = SigningTodayWebhooks.Parse(FixtureHttpHandler.Fixture("webhook-dst-status.vendor.json"));
        Assert.Equal(SigningTodayWebhookKind.DstStatusChanged, webhook.Kind);
        var n = webhook.DstStatusChanged!;
        Assert.Equal(DstNotificationStatus.ToSign, n.Status);
        Assert.Equal(DstId, n.DstId);
        Assert.Null(n.Dst);
        Assert.Equal("Published by the robot", n.Reason);
    }

    [Fact]
    public void Dst_status_webhook_with_a_dst_object_gives_the_dst()
    {
        var n = SigningTodayWebhooks.Parse(FixtureHttpHandler.Fixture("webhook-dst-status.object.json")).DstStatusChanged!;
        Assert.Equal(DstNotificationStatus.Performed, n.Status);
        Assert.Equal(DstId, n.DstId);
        Assert.Equal(DstStatus.Signed, n.Dst!.Status);
        Assert.Equal("Sales Contract", n.Dst.Title);
        Assert.Equal(new DateTimeOffset(2021, 10, 17, 7, 26, 0, TimeSpan.Zero), n.Dst.CreatedAt);
    }

    [Fact]
    public void Signature_webhook_in_the_vendor_form_gives_ids_signer_and_document()
    {
        var webhook = SigningTodayWebhooks.Parse(FixtureHttpHandler.Fixture("webhook-signature-status.vendor.json"));
        Assert.Equal(SigningTodayWebhookKind.SignatureStatusChanged, webhook.Kind);
        var n = webhook.SignatureStatusChanged!;
        Assert.Equal(SignatureNotificationStatus.Performed, n.Status);
        Assert.Equal("sign", n.Action);
        Assert.Equal(1, n.Group);
        Assert.Equal(DstId, n.DstId);
        Assert.Equal("Sales Contract", n.DstTitle);
        Assert.Equal(DstId, n.Dst!.Id);
        Assert.Equal(7038, n.SignatureId);
        Assert.Null(n.SignatureRequest);
        Assert.Equal("0a99b1c9-d9d3-4c5b-8322-3006cd4e99dc", n.Signer);
        Assert.Null(n.SignerDetails);
        Assert.Equal(0, n.Document!.Id);
        Assert.Equal("sales-contract.pdf", n.Document.DisplayName);
        Assert.Equal(0, n.Document.Order);
        Assert.Equal(FormType.SignatureForm, n.FillableForm!.Type);
        Assert.False(n.Automatic);
        Assert.Equal(1, n.Page);
    }

    [Fact]
    public void Signature_webhook_with_whole_objects_gives_the_objects()
    {
        var n = SigningTodayWebhooks.Parse(FixtureHttpHandler.Fixture("webhook-signature-status.object.json")).SignatureStatusChanged!;
        Assert.Equal(SignatureNotificationStatus.Declined, n.Status);
        Assert.Equal(DstId, n.DstId);
        Assert.Equal(DstStatus.Rejected, n.Dst!.Status);
        Assert.Equal(0, n.SignatureId);
        Assert.Equal("As buyer", n.SignatureRequest!.Reason);
        Assert.Null(n.Signer);
        Assert.Equal("jdo@example.com", n.SignerDetails!.Email);
        Assert.Equal("3334455667", n.SignerDetails.Phone);
        Assert.Equal(DocumentStatus.Filled, n.DocumentDetails!.Status);
        Assert.Equal(0, n.Document!.Id);
    }

    [Theory]
    [InlineData("{\"dst\":123}")]
    [InlineData("{\"dst\":[\"a\"],\"status\":\"toSign\"}")]
    [InlineData("{\"action\":\"sign\",\"signature\":\"not-a-number\",\"signer\":42,\"document\":\"doc\",\"dst\":true}")]
    [InlineData("{\"action\":\"sign\",\"signature\":{\"id\":\"x\"},\"signer\":{\"email\":5},\"document\":{\"id\":\"x\"}}")]
    public void No_member_form_makes_the_webhook_parser_throw(string body)
    {
        var webhook = SigningTodayWebhooks.Parse(body);
        if (webhook.DstStatusChanged is { } d)
        {
            _ = (d.DstId, d.Dst);
            Assert.Empty(JsonCompare.Differences(body, SigningTodayWebhooks.Serialize(d)));
        }

        if (webhook.SignatureStatusChanged is { } s)
        {
            _ = (s.DstId, s.DstTitle, s.Dst, s.SignatureId, s.SignatureRequest, s.Signer, s.SignerDetails, s.Document, s.DocumentDetails);
            Assert.Empty(JsonCompare.Differences(body, SigningTodayWebhooks.Serialize(s)));
        }

        Assert.NotEqual(SigningTodayWebhookKind.Unknown, webhook.Kind);
    }

    [Theory]
    [InlineData("user.vendor.json", "393331234567")]
    [InlineData("user.doc.json", "+013392213450")]
    public async Task A_user_reads_with_a_numeric_or_a_string_phone_and_round_trips(string fixture, string phone)
    {
        var ct = TestContext.Current.CancellationToken;
        var handler = FixtureHttpHandler.Always(fixture);
        using var client = Client(handler);
        var user = await client.Users.GetAsync("0a99b1c9-d9d3-4c5b-8322-3006cd4e99dc", ct);
        var current = await client.Services.GetCurrentUserAsync(ct);
        Assert.Equal(phone, user.Phone);
        Assert.Equal(phone, current.Phone);
        Assert.Equal("jdo", user.Username);

        // Writing the user back (PUT /user/{id}) keeps every member, the phone in the JSON kind it arrived in.
        await client.Users.UpdateAsync("0a99b1c9-d9d3-4c5b-8322-3006cd4e99dc", user, ct);
        var put = handler.Requests.Last();
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Empty(JsonCompare.Differences(FixtureHttpHandler.Fixture(fixture), put.Body!));
    }

    [Fact]
    public async Task The_vendor_user_has_typed_language_role_and_capabilities()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Client(FixtureHttpHandler.Always("user.vendor.json"));
        var user = await client.Users.GetAsync("u", ct);
        Assert.Equal(UserLanguage.Italian, user.Language);
        Assert.Equal(UserRole.Admin, user.Role);
        Assert.Equal(new[] { UserCapability.UserCreateAll, UserCapability.DstListAll, UserCapability.OrganizationsAccessWriteUser }, user.Capabilities);
        Assert.Equal(new DateTimeOffset(2021, 10, 17, 7, 26, 0, TimeSpan.Zero), user.CreatedAt);
    }

    [Fact]
    public async Task The_user_list_reads_numeric_and_string_phones()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Client(FixtureHttpHandler.Always("users-list.vendor.json"));
        var users = await client.Users.ListAsync(cancellationToken: ct).ToListAsync(ct);
        Assert.Equal(new[] { "393331234567", "+013392213450" }, users.Select(u => u.Phone));
        Assert.Equal(new[] { UserLanguage.English, UserLanguage.French }, users.Select(u => u.Language!.Value));
        Assert.Empty(JsonCompare.Differences(FixtureHttpHandler.Fixture("users-list.vendor.json"), JsonSerializer.Serialize(new { count = 2, values = users }, UserSerializer)));
    }

    [Theory]
    [InlineData("create-user.vendor.json")]
    [InlineData("create-user.doc.json")]
    public async Task Creating_a_user_reads_a_bare_uuid_and_a_list(string fixture)
    {
        var ct = TestContext.Current.CancellationToken;
        var handler = FixtureHttpHandler.Always(fixture, HttpStatusCode.Created);
        using var client = Client(handler);
        var ids = await client.Users.CreateAsync(new CreateUserRequest(new User { Username = "asmith", Name = "Adam", Surname = "Smith", Email = "adam.smith@email.com", Phone = "+013392213450", Role = UserRole.Instructor }), ct);
        Assert.Equal("7e49d963-544e-407e-ba57-049785ef3760", Assert.Single(ids));
        var post = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, post.Method);
        using var sent = JsonDocument.Parse(post.Body!);
        Assert.Equal(JsonValueKind.String, sent.RootElement.GetProperty("user").GetProperty("phone").ValueKind); // the doc's form is what is sent
    }

    [Fact]
    public async Task The_vendor_phone_form_is_sent_when_configured()
    {
        var ct = TestContext.Current.CancellationToken;
        var handler = FixtureHttpHandler.Always("create-user.vendor.json", HttpStatusCode.Created);
        using var client = new SigningTodayClient(new SigningTodayClientOptions { Endpoint = new Uri("https://web.sandbox.signingtoday.com/api/"), RobotToken = "conformance-token", SendUserPhoneAsNumber = true }, new HttpClient(handler));
        var user = new User { Username = "asmith", Email = "adam.smith@email.com", Phone = "393331234567" };
        await client.Users.CreateAsync(new CreateUserRequest(user) { Password = "Pw-123456" }, ct);
        await client.Users.UpdateAsync("7e49d963-544e-407e-ba57-049785ef3760", new User { Phone = "+013392213450" }, ct);
        var sent = handler.Requests.ToArray();
        using var created = JsonDocument.Parse(sent[0].Body!);
        Assert.Equal(393331234567, created.RootElement.GetProperty("user").GetProperty("phone").GetInt64());
        Assert.Equal("Pw-123456", created.RootElement.GetProperty("password").GetString());
        using var updated = JsonDocument.Parse(sent[1].Body!);
        Assert.Equal("+013392213450", updated.RootElement.GetProperty("phone").GetString()); // not all digits: stays a string
        Assert.Equal("393331234567", user.Phone); // the caller's model is not changed
    }

    [Fact]
    public async Task Notifications_carry_the_vendor_members_and_lead_to_the_dst()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Client(FixtureHttpHandler.Always("notifications.vendor.json"));
        var events = await client.Notifications.ListDstNotificationsAsync(cancellationToken: ct).ToListAsync(ct);
        Assert.Equal(2, events.Count);
        var first = events[0];
        Assert.Equal(1042, first.Id);
        Assert.Equal(new DateTimeOffset(2021, 10, 17, 7, 26, 0, TimeSpan.Zero), first.Time);
        Assert.Equal(DstId, first.DstId);
        Assert.Equal("0a99b1c9-d9d3-4c5b-8322-3006cd4e99dc", first.UserId);
        Assert.Equal(NotificationEventType.DstStatusSigned, first.Event);
        Assert.Equal("Contract", first.DstTitle);
        Assert.Equal(NotificationEventType.DstAlertNoteAdded, events[1].Event);
        Assert.Equal(new DateTimeOffset(2021, 10, 17, 7, 20, 31, 500, TimeSpan.Zero), events[1].Time);
        Assert.Null(first.AdditionalProperties);
        Assert.Empty(JsonCompare.Differences(FixtureHttpHandler.Fixture("notifications.vendor.json"), JsonSerializer.Serialize(new { count = 2, values = events }, UserSerializer)));
    }

    [Fact]
    public async Task Notifications_in_the_doc_form_read_too()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Client(FixtureHttpHandler.Always("notifications.doc.json"));
        var item = Assert.Single(await client.Notifications.ListDstNotificationsAsync(cancellationToken: ct).ToListAsync(ct));
        Assert.Equal("Contract", item.DstTitle);
        Assert.Equal("johndoe", item.Username);
        Assert.Null(item.DstId);
        Assert.Empty(JsonCompare.Differences(FixtureHttpHandler.Fixture("notifications.doc.json"), JsonSerializer.Serialize(new { count = 1, values = new[] { item } }, UserSerializer)));
    }

    private static SigningTodayClient Client(FixtureHttpHandler handler) =>
        new(new SigningTodayClientOptions { Endpoint = new Uri("https://web.sandbox.signingtoday.com/api/"), RobotToken = "conformance-token" }, new HttpClient(handler));
}
