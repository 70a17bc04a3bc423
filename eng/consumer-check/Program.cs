// Consumer check: a fresh app that references the SigningClients packages by version, registers all five clients with
// AddXxxClient and makes one real call per provider against the simulators shipped in SigningClients.Testing.
using System.Text;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using ConsignO.Workflows;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Testing;
using SigningToday.Dst;
using Trident.SignerProcess;
using Trident.SignerProcess.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

byte[] pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

await using var alphaTrust = await AlphaTrustSimulator.StartAsync();
await using var consignO = await ConsignOSimulator.StartAsync();
await using var signant = await SignantSimulator.StartAsync();
await using var signingToday = await SigningTodaySimulator.StartAsync();
await using var trident = await TridentSimulator.StartAsync();

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
builder.Services.AddAlphaTrustClient(o =>
{
    o.Endpoint = alphaTrust.BaseAddress;
    o.AllowHttpOnLoopback = true;
    o.ApiKey = alphaTrust.Settings.ApiKey;
    o.ApiSecret = alphaTrust.Settings.ApiSecret;
    o.ApiUsername = alphaTrust.Settings.ApiUsername;
    o.ApiPassword = alphaTrust.Settings.ApiPassword;
});
builder.Services.AddConsignOClient(o =>
{
    o.Endpoint = consignO.ApiEndpoint;
    o.AllowHttpOnLoopback = true;
    o.Username = consignO.Settings.Username;
    o.Password = consignO.Settings.Password;
});
builder.Services.AddSignantClient(o =>
{
    o.Endpoint = signant.ServiceAddress;
    o.AllowHttpOnLoopback = true;
    o.DistributorId = signant.Settings.DistributorId;
    o.AccessCode = signant.Settings.AccessCode;
});
builder.Services.AddSigningTodayClient(o =>
{
    o.Endpoint = signingToday.ApiEndpoint;
    o.AllowHttpOnLoopback = true;
    o.RobotToken = signingToday.Settings.RobotToken;
});
builder.Services.AddTridentClient(o =>
{
    o.Endpoint = trident.BaseAddress;
    o.AllowHttpOnLoopback = true;
    o.ClientId = trident.ClientId;
    o.ClientSecret = trident.ClientSecret;
    o.AuthServer = trident.AuthServer;
});
using var host = builder.Build();
await host.StartAsync(); // runs options validation (ValidateOnStart)
var services = host.Services;
int failures = 0;

async Task Check(string provider, Func<Task<string>> call)
{
    try
    {
        Console.WriteLine($"{provider,-13} OK      {await call()}");
    }
    catch (Exception ex)
    {
        failures++;
        Console.WriteLine($"{provider,-13} FAILED  {ex.GetType().Name}: {ex.Message}");
    }
}

await Check("AlphaTrust", async () =>
{
    var transaction = await services.GetRequiredService<IAlphaTrustClient>().CreateTransactionAsync(new TransactionCreate
    {
        Description = "consumer check",
        IsTest = true,
        Participants = [new ParticipantInsert { FullName = "Ada Lovelace", EmailAddress = "ada@example.com", Authentication = ParticipantAuthentication.None }],
        Documents = [new DocumentInsert { Title = "Agreement", Content = new MemoryStream(pdf), Tasks = [new TaskInsert(TaskType.Signature, 0)] }],
    });
    return $"transaction {transaction.Id} ({transaction.Status})";
});
await Check("ConsignO", async () =>
{
    var documentId = await services.GetRequiredService<IConsignOClient>().UploadDocumentAsync(new MemoryStream(pdf), "agreement.pdf");
    return $"document {documentId}";
});
await Check("Signant", async () =>
{
    var created = await services.GetRequiredService<ISignantClient>().CreateInstantPostingAsync(new InstantPosting
    {
        Title = "Agreement",
        Recipients = [new InstantPostingRecipient { Name = "Kari Nordmann", Email = "kari@example.com" }],
        AttachmentToSign = new InstantAttachment { File = new MemoryStream(pdf), FileName = "agreement.pdf" },
        AfterSignAction = AfterSignAction.CloseWindow,
    });
    return $"posting {created.PostingId}";
});
await Check("SigningToday", async () =>
{
    var dst = await services.GetRequiredService<ISigningTodayClient>().Robots.CreateAndPublishFromPdfAsync(
        new MemoryStream(pdf), "agreement.pdf", "Agreement", new SigningToday.Dst.Models.Signer { Name = "Adam", Surname = "Smith", Email = "adam@example.com" });
    return $"DST {dst.Id} ({dst.Status})";
});
await Check("Trident", async () =>
{
    var process = await services.GetRequiredService<ITridentClient>().CreateSignerProcessAsync(
        new SignerProcessDefinition { FinishCallbackUrl = new Uri("https://app.example.com/callback") }, new MemoryStream(pdf), "agreement.pdf");
    return $"signer process {process.Id}, execution URL {process.GetExecutionUrl()}";
});

await host.StopAsync();
Console.WriteLine(failures == 0 ? "Consumer check passed: 5 providers." : $"Consumer check failed: {failures} provider(s).");
return failures == 0 ? 0 : 1;
