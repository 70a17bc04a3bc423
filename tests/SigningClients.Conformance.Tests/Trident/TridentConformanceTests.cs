using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NSubstitute;
using SigningClients.Conformance.Tests.Support;
using SigningClients.Core;
using SigningClients.TestSupport;
using Trident.SignerProcess;
using Trident.SignerProcess.Models;
using Xunit;

namespace SigningClients.Conformance.Tests.Trident;

/// <summary>
/// TRIDENT eSignSP against its references (the TRIDENT API reference shapes in FACTS.md and a deployment's integration
/// code), not our simulator: fixtures fed to a real <see cref="TridentClient"/> through a fake handler and to the
/// public <see cref="SignerProcessDefinition.FromJson"/>.
/// </summary>
public sealed class TridentConformanceTests
{
    private const string Provider = "Trident";

    private static readonly JsonSerializerOptions UserSerializer = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RecordingHandler Handler(string fixture, HttpStatusCode status = HttpStatusCode.OK) => new(
        (request, _) => request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, RecordingHandler.Fixture(Provider, "token.json"), "application/json")
            : (status, RecordingHandler.Fixture(Provider, fixture), "application/json"));

    private static TridentClient Client(RecordingHandler handler) => new(
        new TridentClientOptions
        {
            Endpoint = new Uri("https://trident.example.com/"),
            ClientId = "app",
            ClientSecret = "app-secret",
            Retry = new RetryOptions { MaxRetries = 0 },
        },
        new HttpClient(handler));

    /// <summary>The JSON of the multipart <c>process</c> part the client sent.</summary>
    private static string SentProcess(RecordingHandler handler)
    {
        var create = handler.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/signer_processes", StringComparison.Ordinal));
        var match = Regex.Match(create.Body!, "name=\"?process\"?[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(?<json>\\{.*?\\})\\r\\n--", RegexOptions.Singleline);
        Assert.True(match.Success, "no process part in: " + create.Body);
        return match.Groups["json"].Value;
    }

    [Theory]
    [InlineData("process.reference.json")]
    [InlineData("process.deployment.json")]
    public void Both_documented_process_forms_parse_and_round_trip(string fixture)
    {
        string json = RecordingHandler.Fixture(Provider, fixture);
        var process = SignerProcessDefinition.FromJson(json);
        var written = process.ToJson();

        var problems = JsonCompare.Differences(json, written);
        // skip_server_id sent as the string "true" by one deployment is kept, written as the boolean the reference shows.
        Assert.All(problems, p => Assert.Contains("skip_server_id", p, StringComparison.Ordinal));
        Assert.True(process.Views!.DocumentAgreement!.SkipServerId);
        Assert.Contains("\"skip_server_id\":true", written, StringComparison.Ordinal);
    }

    [Fact]
    public void The_corner_form_reads_the_page_number_and_corners()
    {
        var location = SignerProcessDefinition.FromJson(RecordingHandler.Fixture(Provider, "process.deployment.json")).Signer!.Parameters!.SignatureField!.Location!;
        Assert.True(location.Page!.Number.TryGetNumber(out var page));
        Assert.Equal(1, page);
        Assert.Equal((50d, 60d, 250d, 110d), (location.Llx!.Value, location.Lly!.Value, location.Urx!.Value, location.Ury!.Value));
        Assert.Null(location.Rectangle);
    }

    [Theory]
    [InlineData("process.reference.json")]
    [InlineData("process.deployment.json")]
    public async Task The_client_sends_each_form_as_read(string fixture)
    {
        var handler = Handler("signer-process.created.json", HttpStatusCode.Created);
        using var client = Client(handler);
        string json = RecordingHandler.Fixture(Provider, fixture);

        await client.CreateSignerProcessAsync(SignerProcessDefinition.FromJson(json), new MemoryStream(TestPdf.Create()), "contract.pdf", Ct);

        Assert.All(JsonCompare.Differences(json, SentProcess(handler)), p => Assert.Contains("skip_server_id", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Locations_built_in_code_write_the_form_that_is_set()
    {
        var handler = Handler("signer-process.created.json", HttpStatusCode.Created);
        using var client = Client(handler);
        var corners = new SignerProcessDefinition
        {
            FinishCallbackUrl = new Uri("https://app.example.com/done"),
            Signer = new SignerProcessSigner { Parameters = new SignatureParameters { SignatureField = new SignatureField { Name = "S", Location = SignatureFieldLocation.FromCorners(2, 10, 20, 110, 70) } } },
        };
        await client.CreateSignerProcessAsync(corners, new MemoryStream(TestPdf.Create()), "a.pdf", Ct);
        using (var sent = JsonDocument.Parse(SentProcess(handler)))
        {
            var location = sent.RootElement.GetProperty("signer").GetProperty("parameters").GetProperty("signature_field").GetProperty("location");
            Assert.Equal(2, location.GetProperty("page").GetInt32());
            Assert.Equal(110, location.GetProperty("urx").GetDouble());
        }

        var rectangle = SignatureFieldLocation.FromRectangle(SignaturePageNumber.Last, 10, 20, 100, 50);
        var definition = new SignerProcessDefinition { FinishCallbackUrl = new Uri("https://app.example.com/done"), Signer = new SignerProcessSigner { Parameters = new SignatureParameters { SignatureField = new SignatureField { Location = rectangle } } } };
        using var written = JsonDocument.Parse(definition.ToJson());
        var page = written.RootElement.GetProperty("signer").GetProperty("parameters").GetProperty("signature_field").GetProperty("location").GetProperty("page");
        Assert.Equal("last", page.GetProperty("number").GetString());
    }

    [Theory]
    [InlineData("signer-process.created.json")]
    [InlineData("signer-process.read.json")]
    public async Task Signer_process_representations_parse_and_round_trip(string fixture)
    {
        string json = RecordingHandler.Fixture(Provider, fixture);
        using var client = Client(Handler(fixture));
        var process = await client.GetSignerProcessAsync("sp-7f3c", Ct);

        Assert.Equal("sp-7f3c", process.Id);
        Assert.Empty(JsonCompare.Differences(json, JsonSerializer.Serialize(process, UserSerializer)));
    }

    [Fact]
    public async Task A_created_process_gives_the_documented_execution_url()
    {
        using var client = Client(Handler("signer-process.created.json", HttpStatusCode.Created));
        var process = await client.CreateSignerProcessAsync(SignerProcessDefinition.FromJson(RecordingHandler.Fixture(Provider, "process.reference.json")), new MemoryStream(TestPdf.Create()), "a.pdf", Ct);
        Assert.Equal("https://trident.example.com/trustedx-gw/esignsp/ui/t-1", process.GetExecutionUrl().AbsoluteUri);
    }

    [Fact]
    public async Task A_model_factory_process_can_be_returned_by_a_substitute()
    {
        var client = Substitute.For<ITridentClient>();
        client.GetSignerProcessAsync("sp-1", Arg.Any<System.Threading.CancellationToken>())
            .Returns(TridentModelFactory.SignerProcess("sp-1", pendingTasks: new[] { TridentModelFactory.SignerProcessTask(new Uri("https://trident.example.com/ui/1")) }, result: TridentModelFactory.SignerProcessResult(SignerProcessStatus.Finished, "ok")));

        var process = await client.GetSignerProcessAsync("sp-1", Ct);

        Assert.Equal("https://trident.example.com/ui/1", process.GetExecutionUrl().AbsoluteUri);
        Assert.Equal("Finished: ok", process.Result!.ToString(), ignoreCase: true);
    }
}
