using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.TestSupport;
using Trident.SignerProcess.Models;
using Trident.SignerProcess.Serialization;
using Xunit;

namespace Trident.SignerProcess.Tests;

public sealed partial class WireFormatTests
{
    [Fact]
    public async Task Create_request_multipart_snapshot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        await h.Client.CreateSignerProcessAsync(TridentHarness.Definition(), new MemoryStream(TestPdf.Create("Contract 4711")), "contract.pdf", ct);

        var entry = h.Simulator.Journal.Entries.Single(e => e.Method == "POST" && e.Path == "/trustedx-resources/esignsp/v2/signer_processes");
        Assert.False(entry.IsBodyTruncated);
        var wire = "POST " + entry.Path + "\nContent-Type: " + entry.GetHeader("Content-Type") + "\nAccept: " + entry.GetHeader("Accept") + "\n\n" + entry.BodyText;
        Approvals.VerifyText(wire, scrub: s => Boundary().Replace(s, "----SigningClients{boundary}"));
    }

    [Fact]
    public void Process_definition_json_snapshot()
    {
        var json = JsonSerializer.Serialize(TridentHarness.Definition(), TridentJsonContext.Default.SignerProcessDefinition);
        Approvals.VerifyJson(json);
    }

    [Fact]
    public void Minimal_definition_omits_unset_members()
    {
        var json = JsonSerializer.Serialize(new SignerProcessDefinition { FinishCallbackUrl = new Uri("https://app.example.com/cb") }, TridentJsonContext.Default.SignerProcessDefinition);
        Assert.Equal("{\"process_type\":\"urn:safelayer:eidas:processes:document:sign:esigp\",\"finish_callback_url\":\"https://app.example.com/cb\"}", json);
    }

    [Fact]
    public void Page_numbers_are_numbers_or_names()
    {
        var numeric = JsonSerializer.Serialize(new SignaturePage { Number = 3 }, TridentJsonContext.Default.Options);
        Assert.Equal("{\"number\":3}", numeric);
        var page = JsonSerializer.Deserialize<SignaturePage>("{\"number\":\"last\"}", TridentJsonContext.Default.Options)!;
        Assert.Equal(SignaturePageNumber.Last, page.Number);
        Assert.True(JsonSerializer.Deserialize<SignaturePage>("{\"number\":2}", TridentJsonContext.Default.Options)!.Number.TryGetNumber(out var n) && n == 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => SignaturePageNumber.Page(0));
    }

    [Fact]
    public void Documented_process_reading_deserializes_and_keeps_unknown_members()
    {
        const string body = """
        {
          "id": "b9b1c2a4",
          "self": "https://trident.example.com/trustedx-resources/esignsp/v2/signer_processes/b9b1c2a4",
          "process_type": "urn:safelayer:eidas:processes:document:sign:esigp",
          "signing_information": {"certificate": "MIIB..."},
          "result": {"status": "failed_documents", "details": {"message": "1 of 2 failed"}, "extra": 1},
          "documents": [{"id": "d1", "url": "https://trident.example.com/trustedx-resources/esignsp/v2/documents/d1", "content": "https://trident.example.com/trustedx-resources/esignsp/v2/documents/d1/content", "result": {"status": "finished"}}],
          "tasks": {"pending": []},
          "future_member": {"a": [1, 2]}
        }
        """;
        var process = JsonSerializer.Deserialize(body, TridentJsonContext.Default.TridentSignerProcess)!;
        Assert.Equal("b9b1c2a4", process.Id);
        Assert.Equal(SignerProcessStatus.FailedDocuments, process.Result!.Status);
        Assert.Equal("1 of 2 failed", process.Result.Details!.Message);
        Assert.Equal(SignerProcessStatus.Finished, process.Documents![0].Result!.Status);
        Assert.Equal("MIIB...", process.SigningInformation!.Value.GetProperty("certificate").GetString());
        Assert.True(process.AdditionalProperties!.ContainsKey("future_member"));

        var again = JsonSerializer.Serialize(process, TridentJsonContext.Default.TridentSignerProcess);
        Assert.Contains("\"future_member\":{\"a\":[1,2]}", again, StringComparison.Ordinal);
        Assert.Contains("\"extra\":1", again, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_status_values_do_not_throw()
    {
        var result = JsonSerializer.Deserialize("{\"status\":\"expired\"}", TridentJsonContext.Default.SignerProcessResult)!;
        Assert.Equal("expired", result.Status.Value);
        Assert.False(result.Status.IsSigned);
    }

    [Fact]
    public void Document_info_html_is_base64()
    {
        var info = DocumentInfo.FromHtml("<p>Vertrag Nr. 4711 – Müller</p>");
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("<p>Vertrag Nr. 4711 – Müller</p>")), info.HtmlBodyContent);
        Assert.Equal("<p>Vertrag Nr. 4711 – Müller</p>", info.GetHtml());
    }

    [GeneratedRegex("----SigningClients[0-9a-f]{32}")]
    private static partial Regex Boundary();

    [Fact]
    public async Task Ids_are_escaped_into_one_path_segment()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        await Assert.ThrowsAsync<SigningApiException>(() => h.Client.GetDocumentAsync("../signer_processes/x", ct));
        Assert.Contains(h.Simulator.Journal.Entries, e => e.RawTarget.EndsWith("/documents/..%2Fsigner_processes%2Fx", StringComparison.Ordinal));
    }
}
