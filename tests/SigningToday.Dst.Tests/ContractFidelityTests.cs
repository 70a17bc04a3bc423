using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SigningClients.Testing;
using SigningClients.TestSupport;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>Issue 15 (contract fidelity) and issue 16 (C# 7.3 models, model factory) for Signing Today.</summary>
public sealed class ContractFidelityTests
{
    private static readonly SigningTodayJsonContext J = SigningTodayJsonContext.Default;

    [Fact]
    public void Filter_helpers_quote_string_values_as_the_doc_does()
    {
        // The doc's reference: $filter=name == "Milk" or surname == "Bread".
        Assert.Equal("name == \"Milk\" or surname == \"Bread\"", SigningTodayFilter.Or(SigningTodayFilter.Equal("name", "Milk"), SigningTodayFilter.Equal("surname", "Bread")));
        Assert.Equal("title == \"Sample Template\"", SigningTodayFilter.Equal("title", "Sample Template"));
        Assert.Equal("page == 2", SigningTodayFilter.Equal("page", 2));
        Assert.Equal("urgent == true", SigningTodayFilter.Equal("urgent", true));
        Assert.Throws<ArgumentException>(() => SigningTodayFilter.Equal("title", "say \"hi\""));
        Assert.Throws<ArgumentException>(() => SigningTodayFilter.Equal("title == x or a", "b"));
    }

    [Fact]
    public void Dst_extra_data_can_say_stay_in_the_tray()
    {
        var stay = SigningTodayExtraData.ForDst(stayInTray: true);
        var json = JsonSerializer.Serialize(new RobotDstSpecification { Title = "t", ExtraData = stay }, J.RobotDstSpecification);
        Assert.Contains("\"extraData\":{\"dst_urlback\":null}", json, StringComparison.Ordinal);
        Assert.False(SigningTodayExtraData.ForDst().ContainsKey(SigningTodayExtraData.DstUrlBackKey));
        Assert.Equal("https://crm.example.com/done", SigningTodayExtraData.ForDst(urlBack: new Uri("https://crm.example.com/done"))[SigningTodayExtraData.DstUrlBackKey].GetString());
        Assert.Throws<ArgumentException>(() => SigningTodayExtraData.ForDst(urlBack: new Uri("https://x.example"), stayInTray: true));
    }

    [Fact]
    public async Task Robot_create_refuses_a_status_other_than_draft_or_published_before_any_request()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var c = harness.Client;
        var spec = new RobotDstBuilder("Status").AddDocument(RobotDocumentBuilder.FromUrl(new Uri("https://example.com/a.pdf"), "a.pdf").AddSignature(new Signer { Email = "a@example.com" })).Build();
        spec.Status = DstStatus.ToSign;
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => c.Robots.CreateDstAsync(spec, ct));
        Assert.Contains("draft or published", ex.Message, StringComparison.Ordinal);
        spec.Status = new DstStatus("signed");
        await Assert.ThrowsAsync<ArgumentException>(() => c.Robots.CreateDstAsync(spec, ct));
        Assert.Equal(0, sim.Journal.Count);
        spec.Status = DstStatus.Draft;
        var draft = await c.Robots.CreateDstAsync(spec, ct);
        Assert.Equal(DstStatus.Draft, draft.Status);
    }

    [Fact]
    public void Builder_writes_the_quick_start_url_shape()
    {
        var spec = new RobotDstBuilder("Sample DST")
            .AddDocument(RobotDocumentBuilder.FromUrl(new Uri("http://www.africau.edu/images/default/sample.pdf"), "sample.pdf", "Test PDF")
                .AddSignature(new Signer { Name = "John", Surname = "Doe", Email = "jdo@example.com", Role = "Approver" }, new RobotSignatureField { PositionX = 10.00, PositionY = 10.14, Width = 10.1, Height = 5.66, Reason = "For approvation", Description = "As sample test", WithTimestamp = true, Declinable = false }))
            .Build();
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(spec, J.RobotDstSpecification));
        var root = written.RootElement;
        Assert.Equal("published", root.GetProperty("status").GetString());
        var document = Assert.Single(root.GetProperty("documents").EnumerateArray().ToArray());
        var resource = document.GetProperty("resource");
        Assert.Equal("sample.pdf", resource.GetProperty("filename").GetString());
        Assert.Equal("PDF_Document", resource.GetProperty("resourceType").GetString());
        Assert.Equal("Test PDF", resource.GetProperty("title").GetString());
        Assert.Equal("URL", resource.GetProperty("source").GetProperty("type").GetString());
        Assert.Equal("http://www.africau.edu/images/default/sample.pdf", resource.GetProperty("source").GetProperty("sourceURL").GetString());
        var form = Assert.Single(document.GetProperty("forms").EnumerateArray().ToArray());
        var request = Assert.Single(document.GetProperty("signatureRequests").EnumerateArray().ToArray());
        var signer = Assert.Single(Assert.Single(document.GetProperty("signerGroups").EnumerateArray().ToArray()).GetProperty("signers").EnumerateArray().ToArray());
        Assert.Equal("SignatureForm", form.GetProperty("type").GetString());
        Assert.Equal(0, form.GetProperty("documentId").GetInt32());
        Assert.Equal(request.GetProperty("id").GetInt32(), form.GetProperty("extraData").GetProperty("signatureRequestId").GetInt32());
        Assert.Equal(signer.GetProperty("id").GetInt32(), form.GetProperty("signerId").GetInt32());
        Assert.Equal(signer.GetProperty("id").GetInt32(), request.GetProperty("signerId").GetInt32());
        Assert.Equal("For approvation", request.GetProperty("reason").GetString());
        Assert.Equal("As sample test", request.GetProperty("description").GetString());
        Assert.True(request.GetProperty("withTimestamp").GetBoolean());
        Assert.False(request.GetProperty("declinable").GetBoolean());
        Assert.Equal("jdo@example.com", signer.GetProperty("email").GetString());
        Assert.Equal("10.14", form.GetProperty("positionY").GetRawText()); // a double keeps the shortest round-trip form on the wire
        Assert.Equal("5.66", form.GetProperty("height").GetRawText());
    }

    [Fact]
    public void Positions_and_sizes_are_the_same_numbers_on_the_wire_as_when_they_were_decimal()
    {
        // Positions and sizes became double (one type for coordinates in all five packages). On the wire every percent
        // a caller can mean (0.00 to 100.00 in hundredths) is still the exact decimal number it was, in plain notation,
        // and the doc's string form ("10.00") is still read. Only trailing zeros go: 10.00 is written 10.
        for (var hundredths = 0; hundredths <= 10_000; hundredths++)
        {
            var percent = hundredths / 100m;
            var form = new DstForm { PositionX = (double)percent, Width = hundredths / 100.0 };
            using var written = JsonDocument.Parse(JsonSerializer.Serialize(form, J.DstForm));
            foreach (var member in new[] { "positionX", "width" })
            {
                var raw = written.RootElement.GetProperty(member).GetRawText();
                Assert.True(decimal.Parse(raw, System.Globalization.CultureInfo.InvariantCulture) == percent && !raw.Contains('E', StringComparison.OrdinalIgnoreCase), member + " " + percent + " was written " + raw);
            }
        }

        var read = JsonSerializer.Deserialize("""{"positionX":"10.00","positionY":"10.14","width":10.1,"height":"5.66"}""", J.DstForm)!;
        Assert.Equal(new double?[] { 10, 10.14, 10.1, 5.66 }, new[] { read.PositionX, read.PositionY, read.Width, read.Height });
        Assert.Equal("""{"positionX":10,"positionY":10.14,"width":10.1,"height":5.66}""", JsonSerializer.Serialize(read, J.DstForm));
    }

    [Fact]
    public void Builder_numbers_several_signers_steps_and_documents()
    {
        var buyer = new Signer { Email = "buyer@example.com", Role = "Buyer" };
        var spec = new RobotDstBuilder("Two documents")
            .AddDocument(RobotDocumentBuilder.FromUrl(new Uri("https://example.com/contract.pdf"), "contract.pdf")
                .AddSignature(buyer)
                .AddSignature(new Signer { UserUuid = "5938c7c8-4085-46eb-b824-7ef4f1e151af" }, new RobotSignatureField { PositionX = 60 })
                .AddSignature(new Signer { Email = "BUYER@example.com" }, new RobotSignatureField { Page = 2 })
                .AddSignature(new Signer { Email = "notary@example.com" }, step: 2))
            .AddDocument(RobotDocumentBuilder.FromPdf(new byte[] { 37, 80, 68, 70 }, "annex.pdf", "Annex").AddSignature(buyer))
            .AsDraft()
            .Build();
        Assert.Equal(DstStatus.Draft, spec.Status);
        Assert.Equal(2, spec.Documents!.Count);
        var first = spec.Documents[0];
        Assert.Equal(new[] { 0, 1, 2, 3 }, first.SignatureRequests!.Select(r => r.Id!.Value));
        Assert.Equal(new[] { 0, 1, 0, 2 }, first.SignatureRequests!.Select(r => r.SignerId!.Value)); // the same buyer (email, any case) signs twice
        Assert.Equal(new[] { 0, 0, 0, 0 }, first.Forms!.Select(f => f.DocumentId!.Value));
        Assert.Equal(2, first.Forms![2].Page);
        Assert.Equal(2, first.SignerGroups!.Count);
        Assert.Equal(new[] { "Group 1", "Group 2" }, first.SignerGroups.Select(g => g.Label));
        Assert.Equal(new[] { 0, 1 }, first.SignerGroups[0].Signers!.Select(s => s.Id!.Value));
        Assert.Equal("notary@example.com", Assert.Single(first.SignerGroups[1].Signers!).Email);
        Assert.Null(buyer.Id); // the caller's signer is not changed
        var second = spec.Documents[1];
        Assert.Equal(DocumentSourceType.Embedded, second.Resource!.Source!.Type);
        Assert.Equal(Convert.ToBase64String(new byte[] { 37, 80, 68, 70 }), second.Resource.Source.EmbeddedData);
        Assert.Equal(1, second.Forms![0].DocumentId);
        Assert.Equal("Annex", second.Resource.Title);
    }

    [Fact]
    public void Builder_checks_its_input_before_any_request()
    {
        Assert.Throws<ArgumentException>(() => new RobotDstBuilder(" "));
        Assert.Throws<InvalidOperationException>(() => new RobotDstBuilder("t").Build());
        Assert.Throws<InvalidOperationException>(() => new RobotDstBuilder("t").AddDocument(RobotDocumentBuilder.FromUrl(new Uri("https://example.com/a.pdf"), "a.pdf")).Build());
        Assert.Throws<ArgumentException>(() => RobotDocumentBuilder.FromUrl(new Uri("ftp://example.com/a.pdf"), "a.pdf"));
        Assert.Throws<ArgumentException>(() => RobotDocumentBuilder.FromUrl(new Uri("https://example.com/a.pdf"), ""));
        Assert.Throws<ArgumentException>(() => RobotDocumentBuilder.FromPdf(Array.Empty<byte>(), "a.pdf"));
        var document = RobotDocumentBuilder.FromUrl(new Uri("https://example.com/a.pdf"), "a.pdf");
        Assert.Throws<ArgumentException>(() => document.AddSignature(new Signer { Name = "No", Surname = "Address" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => document.AddSignature(new Signer { Email = "a@example.com" }, new RobotSignatureField { Page = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => document.AddSignature(new Signer { Email = "a@example.com" }, step: 0));
        foreach (var bad in new[] { double.NaN, double.PositiveInfinity, -0.5, 100.01 })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => document.AddSignature(new Signer { Email = "a@example.com" }, new RobotSignatureField { PositionX = bad }));
            Assert.Throws<ArgumentOutOfRangeException>(() => document.AddSignature(new Signer { Email = "a@example.com" }, new RobotSignatureField { Height = bad }));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => document.AddSignature(new Signer { Email = "a@example.com" }, new RobotSignatureField { Width = 0 }));
        document.AddSignature(new Signer { Email = "a@example.com" });
        Assert.Throws<ArgumentException>(() => document.AddSignature(new Signer { Email = "a@example.com" }, step: 2));
    }

    [Fact]
    public async Task Several_signers_and_documents_from_a_url_reach_the_simulator_in_a_few_lines()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var c = harness.Client;
        var dst = await c.Robots.CreateDstAsync(
            new RobotDstBuilder("Sales contract")
                .AddDocument(RobotDocumentBuilder.FromUrl(new Uri("https://example.com/contract.pdf"), "contract.pdf")
                    .AddSignature(new Signer { Name = "Adam", Surname = "Smith", Email = "adam.smith@email.com", Phone = "+013392213450", Role = "Buyer" })
                    .AddSignature(new Signer { Email = "seller@example.com", Role = "Seller" }, new RobotSignatureField { PositionX = 60 }))
                .AddDocument(RobotDocumentBuilder.FromUrl(new Uri("https://example.com/annex.pdf"), "annex.pdf").AddSignature(new Signer { Email = "seller@example.com" }))
                .Build(),
            ct);
        Assert.Equal(DstStatus.Published, dst.Status);
        Assert.Equal(2, dst.Documents!.Count);
        Assert.Equal(2, dst.Documents[0].SignatureRequests!.Count);
        Assert.Equal("+013392213450", dst.Documents[0].SignerGroups![0].Signers![0].Phone);
        using var sent = JsonDocument.Parse(sim.Journal.Entries[^1].BodyText);
        var phone = sent.RootElement.GetProperty("documents")[0].GetProperty("signerGroups")[0].GetProperty("signers")[0].GetProperty("phone");
        Assert.Equal(JsonValueKind.String, phone.ValueKind); // the doc's form
        Assert.Equal("+013392213450", phone.GetString());
    }

    [Fact]
    public void Every_public_model_is_buildable_at_csharp_7_3()
    {
        // C# 7.3 cannot call an init accessor (it carries modreq(IsExternalInit)) nor a type with required members.
        var assembly = typeof(SigningTodayClient).Assembly;
        var problems = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute"))
            {
                problems.Add(type.FullName + " has required members");
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var setter = property.SetMethod;
                if (setter is { IsPublic: true } && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                {
                    problems.Add(type.FullName + "." + property.Name + " is init-only");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Required_values_go_through_constructors_and_are_still_checked_before_any_request()
    {
        Assert.Throws<ArgumentNullException>(() => new CreateUserRequest(null!));
        Assert.Throws<ArgumentNullException>(() => new RoleMapping("Buyer", null!));
        Assert.Equal("dev", new PushTokenRegistration("dev", "tok").DeviceId);
        Assert.Equal("Buyer", new RoleMapping("Buyer", new Signer()).RoleName);
        Assert.Equal("c", new DeviceRegistration("c", "d").Challenge);
        Assert.Equal("new", new PasswordChange("old", "new").NewPassword);
    }

    [Fact]
    public async Task Missing_required_values_are_refused_before_any_request()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var c = harness.Client;
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Users.CreateAsync(new CreateUserRequest(), ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Notifications.RegisterPushTokenAsync(new PushTokenRegistration { DeviceId = "d" }, ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Devices.RegisterAsync(new DeviceRegistration { DeviceId = "d" }, ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Services.ChangeOwnPasswordAsync(new PasswordChange { CurrentPassword = "x" }, ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => c.Robots.InstantiateTemplateAsync("t", new TemplateInstantiation { RolesMapping = new[] { new RoleMapping { RoleName = "Buyer" } } }, ct));
        Assert.Equal(0, sim.Journal.Count);
    }

    [Fact]
    public void Model_factory_builds_what_the_client_returns_in_the_vendor_form()
    {
        var user = SigningTodayModelFactory.User(id: "u1", phone: "393331234567", language: UserLanguage.Italian, capabilities: new[] { UserCapability.DstListAll });
        Assert.Equal("393331234567", user.Phone);
        Assert.Contains("\"phone\":393331234567", JsonSerializer.Serialize(user, J.User), StringComparison.Ordinal);
        Assert.Equal("+013392213450", SigningTodayModelFactory.User(phone: "+013392213450").Phone);

        var dstWebhook = SigningTodayModelFactory.Webhook(SigningTodayModelFactory.DstStatusChangedNotification(DstNotificationStatus.ToSign, "b6a5a2bb-7d2f-4e2b-9d5f-3a9c2d8a1f10"));
        Assert.Equal(SigningTodayWebhookKind.DstStatusChanged, dstWebhook.Kind);
        Assert.Equal("{\"status\":\"toSign\",\"dst\":\"b6a5a2bb-7d2f-4e2b-9d5f-3a9c2d8a1f10\"}", JsonSerializer.Serialize(dstWebhook.DstStatusChanged!, J.DstStatusChangedNotification));

        var signature = SigningTodayModelFactory.SignatureStatusChangedNotification(SignatureNotificationStatus.Performed, "sign", "d1", "Contract", 3, "jdo", new NotificationDocument { Id = 0, DisplayName = "contract.pdf", Order = 0 }, group: 1, page: 1);
        var parsed = SigningTodayWebhooks.Parse(JsonSerializer.Serialize(signature, J.SignatureStatusChangedNotification));
        Assert.Equal(SigningTodayWebhookKind.SignatureStatusChanged, parsed.Kind);
        Assert.Equal("d1", parsed.SignatureStatusChanged!.DstId);
        Assert.Equal("Contract", parsed.SignatureStatusChanged.DstTitle);
        Assert.Equal(3, parsed.SignatureStatusChanged.SignatureId);
        Assert.Equal("jdo", parsed.SignatureStatusChanged.Signer);
        Assert.Equal("contract.pdf", parsed.SignatureStatusChanged.Document!.DisplayName);
        Assert.Equal(SigningTodayWebhookKind.Unknown, SigningTodayModelFactory.UnknownWebhook().Kind);

        var note = SigningTodayModelFactory.NotificationEvent(7, NotificationEventType.DstStatusSigned, "d1", "Contract", new DateTimeOffset(2021, 10, 17, 7, 26, 0, TimeSpan.Zero));
        Assert.Equal("d1", note.DstId);
        Assert.Equal(DstStatus.Signed, SigningTodayModelFactory.DigitalSignatureTransaction("d1", status: DstStatus.Signed).Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_robot_DST_from_content_that_is_not_a_PDF_is_refused_before_any_request(bool seekable)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var client = harness.Client;
        var bytes = Encoding.ASCII.GetBytes("hello");
        Stream content = seekable ? new MemoryStream(bytes) : new NonSeekableStream(new MemoryStream(bytes));
        int before = sim.Journal.Count;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Robots.CreateAndPublishFromPdfAsync(content, "hello.pdf", "Hello", new Signer { Name = "John", Surname = "Doe", Email = "jdo@example.com" }, cancellationToken: ct));

        Assert.Equal("pdf", ex.ParamName);
        Assert.Equal(before, sim.Journal.Count);
    }
}
