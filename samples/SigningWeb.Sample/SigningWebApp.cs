using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SigningClients.AspNetCore;
using SigningClients.Core.Signing;
using SigningClients.Testing;
using SigningToday.Dst;
using SigningToday.Dst.Models;

namespace SigningWeb.Sample;

/// <summary>
/// The web app: create → redirect the signer → callback → confirm → download, for five providers through one API.
/// Only the registration below knows the providers; the routes and the store never name one.
/// </summary>
internal static class SigningWebApp
{
    public const string AlphaTrustResponseText = "SIGNINGWEB-EVENT-OK";

    /// <summary>The providers this app offers (the names of the neutral providers registered below).</summary>
    public static readonly string[] Providers = { "Trident", "SigningToday", "ConsignO", "AlphaTrust", "Signant" };

    public static WebApplication Build(Simulators simulators, string url, bool quiet)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        if (quiet)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        var services = builder.Services;
        // The clients: the simulators here; appsettings sections (AddXxxClient(configuration.GetSection(…))) in production.
        services.AddTridentClient(o => o.UseSimulator(simulators.Trident));
        services.AddSigningTodayClient(o => o.UseSimulator(simulators.SigningToday));
        services.AddConsignOClient(o => o.UseSimulator(simulators.ConsignO));
        services.AddAlphaTrustClient(o => o.UseSimulator(simulators.AlphaTrust));
        services.AddSignantClient(o => o.UseSimulator(simulators.Signant));

        // The neutral providers over them, resolved by name.
        services.AddTridentSigningProvider();
        services.AddSigningTodaySigningProvider();
        services.AddConsignOSigningProvider();
        services.AddAlphaTrustSigningProvider(configure: o =>
        {
            // AlphaTrust signs through the API: this app collects the signer's password on its own page.
            o.SendRequestViaEmail = false;
            o.Authentication = (_, _) => ParticipantAuthentication.Password(SelfTest.AlphaTrustSignerPassword);
        });
        services.AddSignantSigningProvider(configure: o => o.SpoolDirectory = Path.Combine(Path.GetTempPath(), "SigningWeb.Sample", "signant"));

        services.AddSigningCallbacks();
        services.AddSingleton<SigningStore>();

        var app = builder.Build();
        app.MapGet("/", Home);
        app.MapPost("/signings/{provider}", StartAsync);
        app.MapGet("/signings/{reference}", StatusPage);
        app.MapGet("/api/signings/{reference}", Status);
        app.MapGet("/signings/{reference}/document", Document);

        // The callback endpoints: every event is confirmed with the provider and deduplicated before SignedHandler runs.
        app.MapTridentCallback<SignedHandler<TridentCallbackEvent>>("/callbacks/trident");
        app.MapSigningTodayWebhook<SignedHandler<SigningTodayWebhookEvent>>("/callbacks/signingtoday");
        app.MapConsignOWebhook<SignedHandler<ConsignOWebhookEvent>>("/callbacks/consigno");
        app.MapConsignOReturn<SignedHandler<ConsignOReturnEvent>>("/return/consigno", o => o.ResolveWorkflowId = OperationOf);
        app.MapAlphaTrustEvents<SignedHandler<AlphaTrustCallbackEvent>>("/callbacks/alphatrust", o => o.RequiredResponseText = AlphaTrustResponseText);
        app.MapSignantReturn<SignedHandler<SignantReturnEvent>>("/return/signant", o => o.ResolvePostingId = OperationOf);
        return app;
    }

    /// <summary>
    /// The provider-side settings, made once per account in each provider's console: the Signing Today robot's webhook
    /// URL (through its API) and the AlphaTrust event subscription (an administrator setting, here on the simulator).
    /// </summary>
    public static async Task ConfigureProvidersAsync(WebApplication app, Simulators simulators, Uri site, CancellationToken cancellationToken)
    {
        var signingToday = app.Services.GetRequiredService<ISigningTodayClient>();
        await signingToday.Robots.UpdateConfigurationAsync(new RobotConfiguration { Webhooks = new RobotWebhooks { Dst = new Uri(site, "callbacks/signingtoday").AbsoluteUri } }, cancellationToken: cancellationToken);
        simulators.AlphaTrust.SubscribeEvents(new AlphaTrustEventSubscription(new Uri(site, "callbacks/alphatrust"), AlphaTrustResponseText));
    }

    private static IResult Home() => Results.Content(
        "<!DOCTYPE html><html><head><title>SigningWeb sample</title></head><body><h1>Sign the agreement</h1>" +
        string.Concat(Providers.Select(p => "<form method=\"post\" action=\"/signings/" + p + "\"><button type=\"submit\">Sign with " + p + "</button></form>")) +
        "</body></html>", "text/html; charset=utf-8");

    /// <summary>Create: one envelope for any provider; then redirect the signer (or show the status page when the provider e-mails them).</summary>
    private static async Task<IResult> StartAsync(string provider, HttpContext context, ISigningProviderResolver providers, SigningStore store)
    {
        if (!Providers.Contains(provider, StringComparer.Ordinal))
        {
            return Results.NotFound();
        }

        var reference = Guid.NewGuid().ToString("N");
        var site = new Uri(context.Request.Scheme + "://" + context.Request.Host + "/");
        var signing = providers.GetProvider(provider);
        var envelope = new SigningEnvelope("Service agreement")
        {
            // Where the provider reports events, and where the signer's browser comes back (with our reference).
            CallbackUrl = new Uri(site, "callbacks/" + provider.ToLowerInvariant()),
            ReturnUrl = new Uri(site, "return/" + provider.ToLowerInvariant() + "?ref=" + reference),
        };
        envelope.Documents.Add(new SigningDocument(new MemoryStream(Pdf.Agreement()), "agreement.pdf"));
        envelope.Signers.Add(new SigningParty("Kari", "Nordmann", "kari.nordmann@example.com"));
        var operation = await signing.StartSigningAsync(envelope, context.RequestAborted);
        store.Add(reference, provider, operation);
        var next = operation.SigningUrls.Count > 0 ? operation.SigningUrls[0].Url : new Uri(site, "signings/" + reference);
        context.Response.Headers["X-Signing-Reference"] = reference;
        return Results.Redirect(next.AbsoluteUri);
    }

    private static IResult Status(string reference, SigningStore store) => store.Find(reference) is { } record
        ? Results.Json(new SigningStatus(record.Provider, record.State.ToString(), record.ProviderStatus, record.SignedDocument?.Length ?? 0, record.Confirmations), SampleJsonContext.Default.SigningStatus)
        : Results.NotFound();

    private static IResult StatusPage(string reference, SigningStore store) => store.Find(reference) is { } record
        ? Results.Content(
            "<!DOCTYPE html><html><body><h1>" + WebUtility.HtmlEncode(record.Provider) + ": " + record.State + "</h1>" +
            (record.SignedDocument is null ? "<p>Waiting for the provider…</p>" : "<p><a href=\"/signings/" + reference + "/document\">Download the signed document</a></p>") +
            "</body></html>", "text/html; charset=utf-8")
        : Results.NotFound();

    private static IResult Document(string reference, SigningStore store) => store.Find(reference)?.SignedDocument is { } bytes
        ? Results.File(bytes, "application/pdf", "signed-agreement.pdf")
        : Results.NotFound();

    /// <summary>ConsignO and Signant append nothing that names the signing to the return URL: our reference does.</summary>
    private static ValueTask<string?> OperationOf(HttpContext context) =>
        new(context.Request.Query["ref"] is { Count: 1 } reference ? context.RequestServices.GetRequiredService<SigningStore>().Find(reference[0])?.OperationId : null);
}

/// <summary>What <c>GET /api/signings/{reference}</c> answers.</summary>
internal sealed record SigningStatus(string Provider, string State, string? ProviderStatus, int SignedBytes, int Confirmations);

[System.Text.Json.Serialization.JsonSerializable(typeof(SigningStatus))]
internal sealed partial class SampleJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}

/// <summary>The document to sign (a real app sends its own PDFs).</summary>
internal static class Pdf
{
    public static byte[] Agreement() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
