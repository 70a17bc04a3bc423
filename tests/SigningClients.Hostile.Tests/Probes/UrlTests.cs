using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.Hostile.Tests.Infrastructure;
using SigningClients.TestSupport;
using Trident.SignerProcess.Models;

namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Class 4: URLs handed to the application for a browser are https (http only on loopback), never script or file URLs.</summary>
public sealed class UrlTests
{
    public static TheoryData<string> Dangerous() => new(
        "javascript:alert(document.cookie)",
        "JaVaScRiPt:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
        "http://evil.example/sign",
        "https://bank.example@evil.example/sign");

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Dangerous))]
    public async Task ConsignO_embedded_signing_url_refuses_dangerous_urls(string url)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c) : c.JsonAsync(200, "{\"response\":{\"url\":\"" + url + "\"}}"));
        await HostileReport.ProbeAsync(
            "4 Dangerous URLs", "GetEmbeddedSigningUrl: " + url, "ConsignO", "{\"response\":{\"url\":\"" + url + "\"}}",
            () => Clients.ConsignO(server.BaseAddress).GetEmbeddedSigningUrlAsync("wf-1", "ac-1"),
            (ex, _) => Check.Typed(ex, SigningFailureKind.InvalidResponse));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("http://evil.example/sign")]
    [InlineData("//evil.example/x")]
    public async Task Signant_sign_urls_never_hand_out_dangerous_urls(string url)
    {
        var answer = SoapEnvelopes.Result("CreateInstantPosting",
            "<AttachmentID>" + Guid.NewGuid() + "</AttachmentID><ErrorCode>0</ErrorCode><PostingID>" + Guid.NewGuid() +
            "</PostingID><SignUrls><UrlToSigning><Name>Kari</Name><Url>" + System.Security.SecurityElement.Escape(url) + "</Url></UrlToSigning></SignUrls><Success>true</Success>");
        await using var server = new HostileServer((_, c) => c.XmlAsync(200, answer));
        CreateInstantPostingResult? result = null;
        await HostileReport.ProbeAsync(
            "4 Dangerous URLs", "CreateInstantPosting SignUrls: " + url, "Signant", "<Url>" + url + "</Url> in UrlToSigning",
            async () => result = await Clients.Signant(server.BaseAddress).CreateInstantPostingAsync(new InstantPosting
            {
                Title = "Terms",
                Recipients = new[] { new InstantPostingRecipient { Name = "Kari" } },
                AttachmentToSign = new InstantAttachment { File = new MemoryStream(TestPdf.Create("terms")), FileName = "terms.pdf", Description = "Terms" },
                AfterSignAction = AfterSignAction.CloseWindow,
            }),
            (ex, _) =>
            {
                Assert.Null(ex);
                Assert.Null(Assert.Single(result!.SignUrls).Url);
            });
    }

    [Theory(Timeout = 30_000)]
    [InlineData("http://evil.example/execute")]
    [InlineData("https://user:pw@evil.example/execute")]
    [InlineData("http://10.0.0.8/execute")]
    public async Task Trident_execution_url_refuses_plain_http_and_user_info(string url)
    {
        await using var server = new HostileServer((r, c) => Clients.IsAuth(r) ? Clients.AuthAsync(c)
            : c.JsonAsync(200, "{\"id\":\"sp-1\",\"tasks\":{\"pending\":[{\"id\":\"t1\",\"type\":\"UserBrowserTask\",\"url\":\"" + url + "\"}]}}"));
        TridentSignerProcess? process = null;
        await HostileReport.ProbeAsync(
            "4 Dangerous URLs", "GetExecutionUrl: " + url, "Trident", "pending UserBrowserTask url " + url,
            async () =>
            {
                process = await Clients.Trident(server.BaseAddress).GetSignerProcessAsync("sp-1");
                process.GetExecutionUrl();
            },
            (ex, _) =>
            {
                Assert.NotNull(process);
                Assert.IsType<InvalidOperationException>(ex);
                Assert.False(process!.TryGetExecutionUrl(out Uri? _));
            });
    }
}
