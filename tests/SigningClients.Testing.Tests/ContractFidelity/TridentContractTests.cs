using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Testing.Trident;
using SigningClients.TestSupport;
using Trident.SignerProcess;
using Trident.SignerProcess.Models;
using Xunit;

namespace SigningClients.Testing.Tests.ContractFidelity;

/// <summary>
/// The TRIDENT simulator follows the corrected contracts (issue 15): a signature field location in the reference form
/// or in the corner form a deployment's integration code sends, and <c>skip_server_id</c> as a boolean or a string.
/// </summary>
public sealed class TridentContractTests
{
    private const string Callback = "https://app.example.com/done";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_corner_form_location_and_skip_server_id_are_read_and_acted_on()
    {
        await using var sim = await TridentSimulator.StartAsync(cancellationToken: Ct);
        using var client = new TridentClient(new TridentClientOptions().UseSimulator(sim));
        var definition = SignerProcessDefinition.FromJson(Process(
            """{"page": 2, "llx": 100, "lly": 150, "urx": 300, "ury": 200}""",
            "\"true\""));

        var created = await client.CreateSignerProcessAsync(definition, new MemoryStream(TestPdf.Create()), "c.pdf", Ct);

        var settings = sim.GetSignerProcess(created.Id)!.Settings;
        Assert.Equal(new TridentSignatureFieldPlacement("Signature1", "2", 100, 150, 200, 50, CornerForm: true), settings.SignatureField);
        Assert.True(settings.SkipServerId);
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(created.GetExecutionUrl(), Ct);
        Assert.DoesNotContain("id=\"agreement\"", page, StringComparison.Ordinal); // the acknowledgment is skipped
    }

    [Fact]
    public async Task The_reference_form_is_read_and_the_agreement_is_asked_without_skip_server_id()
    {
        await using var sim = await TridentSimulator.StartAsync(cancellationToken: Ct);
        using var client = new TridentClient(new TridentClientOptions().UseSimulator(sim));
        var definition = SignerProcessDefinition.FromJson(Process("""{"page": {"number": "last"}, "rectangle": {"x": 10, "y": 20, "width": 150, "height": 40}}""", skip: null));

        var created = await client.CreateSignerProcessAsync(definition, new MemoryStream(TestPdf.Create()), "c.pdf", Ct);

        var settings = sim.GetSignerProcess(created.Id)!.Settings;
        Assert.Equal(new TridentSignatureFieldPlacement("Signature1", "last", 10, 20, 150, 40, CornerForm: false), settings.SignatureField);
        Assert.Null(settings.SkipServerId);
        using var browser = new HttpClient();
        Assert.Contains("id=\"agreement\"", await browser.GetStringAsync(created.GetExecutionUrl(), Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"false\"", false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData("\"TRUE\"", true)]
    public async Task Skip_server_id_is_read_as_a_boolean_or_a_string(string skip, bool expected)
    {
        // Doc: "obtaining this acknowledgment can be omitted if this is specified when the signature process is created
        // (the views.document_agreement.skip_server_id parameter)"; one deployment's models type it as a string. A plain
        // HTTP client sends the string form (the SDK client writes a boolean).
        await using var sim = await TridentSimulator.StartAsync(cancellationToken: Ct);

        var (status, created) = await PostRawAsync(sim, Process(null, skip));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(expected, sim.GetSignerProcess((string)created["id"]!)!.Settings.SkipServerId);
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync((string)created["tasks"]!["pending"]![0]!["url"]!, Ct);
        Assert.Equal(!expected, page.Contains("id=\"agreement\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"page": 1, "llx": 300, "lly": 150, "urx": 100, "ury": 200}""", null, "upper-right")]
    [InlineData("""{"page": 1, "llx": 100, "lly": 150}""", null, "urx")]
    [InlineData("""{"page": 1, "rectangle": {"x": 1, "y": 1, "width": 0, "height": 5}}""", null, "positive width")]
    [InlineData("""{"page": 1, "rectangle": {"x": 1, "y": 1, "width": 5, "height": 5}, "llx": 1}""", null, "both")]
    [InlineData("""{"page": 0, "rectangle": {"x": 1, "y": 1, "width": 5, "height": 5}}""", null, "page")]
    [InlineData(null, "\"maybe\"", "skip_server_id")]
    [InlineData(null, "1", "skip_server_id")]
    public async Task A_malformed_location_or_skip_server_id_is_refused_by_the_server(string? location, string? skip, string reason)
    {
        // The client refuses (or normalises) these before any I/O; the server refuses them too.
        await using var sim = await TridentSimulator.StartAsync(cancellationToken: Ct);

        var (status, answer) = await PostRawAsync(sim, Process(location, skip));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, (string?)answer["message"], StringComparison.Ordinal);
    }

    /// <summary>Creates a signer process with a plain HTTP client (token, then the multipart create).</summary>
    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostRawAsync(TridentSimulator sim, string process)
    {
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        using (var tokenRequest = new HttpRequestMessage(HttpMethod.Post, sim.TokenPath.TrimStart('/')))
        {
            tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sim.ClientId + ":" + sim.ClientSecret)));
            tokenRequest.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = sim.Scope });
            using var tokenResponse = await http.SendAsync(tokenRequest, Ct);
            var token = (string)JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync(Ct))!["access_token"]!;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var document = new ByteArrayContent(TestPdf.Create());
        document.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(process, Encoding.UTF8, "application/json"), "process" },
            { document, "document", "c.pdf" },
        };
        using var response = await http.PostAsync("trustedx-resources/esignsp/v2/signer_processes", form, Ct);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
    }

    private static string Process(string? location, string? skip)
    {
        var signer = new JsonObject { ["signature_policy_id"] = "urn:safelayer:eidas:policies:sign:document:pdf" };
        if (location is not null)
        {
            signer["parameters"] = new JsonObject
            {
                ["type"] = "pades-baseline",
                ["signature_field"] = new JsonObject { ["name"] = "Signature1", ["location"] = JsonNode.Parse(location) },
            };
        }

        var process = new JsonObject
        {
            ["process_type"] = "urn:safelayer:eidas:processes:document:sign:esigp",
            ["finish_callback_url"] = Callback,
            ["signer"] = signer,
        };
        if (skip is not null)
        {
            process["views"] = new JsonObject { ["document_agreement"] = new JsonObject { ["skip_server_id"] = JsonNode.Parse(skip) } };
        }

        return process.ToJsonString();
    }
}
