using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SigningWeb.Sample;

/// <summary>
/// Runs the app headless (CI): for each provider a browser posts the form, follows the redirect to the provider, the
/// simulated signer signs, the provider calls back (webhook, event notification or the browser's return), and the
/// browser downloads the signed document from the app.
/// </summary>
internal static class SelfTest
{
    public const string AlphaTrustSignerPassword = "Kari-Signs-1";

    public static async Task<int> RunAsync(WebApplication app, Simulators simulators, Uri site, CancellationToken cancellationToken)
    {
        // A browser: follows redirects (to the provider's page and back to the app), no cookies needed.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site };
        var results = new List<(string Provider, bool Ok, string Detail)>();
        foreach (var provider in SigningWebApp.Providers)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var detail = await SignAsync(app, simulators, browser, provider, cancellationToken);
                results.Add((provider, true, detail + $" in {watch.Elapsed.TotalSeconds:0.00}s"));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                results.Add((provider, false, ex.GetType().Name + ": " + ex.Message));
            }
        }

        foreach (var (provider, ok, detail) in results)
        {
            Console.WriteLine($"{provider,-13} {(ok ? "OK" : "FAILED"),-7} {detail}");
        }

        int failed = results.Count(r => !r.Ok);
        Console.WriteLine(failed == 0 ? $"SigningWeb self-test passed: {results.Count} providers" : $"SigningWeb self-test: {failed} of {results.Count} providers failed");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<string> SignAsync(WebApplication app, Simulators simulators, HttpClient browser, string provider, CancellationToken cancellationToken)
    {
        // Create: the form post answers a redirect to where the signer goes next.
        using var created = await browser.PostAsync("signings/" + provider, null, cancellationToken);
        Expect(created.StatusCode == HttpStatusCode.Redirect, $"POST /signings/{provider} answered {(int)created.StatusCode}");
        var reference = created.Headers.GetValues("X-Signing-Reference").Single();
        var next = new Uri(browser.BaseAddress!, created.Headers.Location!);
        var store = app.Services.GetRequiredService<SigningStore>();
        var operationId = store.Find(reference)!.OperationId;

        // The signer acts, the way each provider lets them; the provider then calls the app back.
        switch (provider)
        {
            case "Trident":
                // TRIDENT's page, then TRIDENT redirects the browser to the finish callback.
                await FollowAsync(browser, new Uri(next.AbsoluteUri + "?action=sign"), cancellationToken);
                break;
            case "Signant":
                // Signant's signing page: the signer signs, Signant redirects the browser to AfterSignRedirectUrl.
                (await browser.GetAsync(next, cancellationToken)).Dispose();
                using (var signed = await browser.PostAsync(next, null, cancellationToken))
                {
                    Expect(signed.StatusCode == HttpStatusCode.Found, "Signant's signing page did not redirect back");
                    await FollowAsync(browser, signed.Headers.Location!, cancellationToken);
                }

                break;
            case "ConsignO":
                // The remote signer signs from ConsignO's e-mail; ConsignO posts the webhook and, for a browser
                // session, returns to the return URL.
                simulators.ConsignO.SignAll(operationId);
                await simulators.ConsignO.Callbacks.WhenIdleAsync(cancellationToken);
                await FollowAsync(browser, simulators.ConsignO.GetReturnUrl(operationId)!, cancellationToken);
                break;
            case "SigningToday":
                // The signer signs the ticket; Signing Today posts the DST webhook to the robot's URL.
                simulators.SigningToday.Sign(operationId);
                await simulators.SigningToday.Callbacks.WhenIdleAsync(cancellationToken);
                break;
            case "AlphaTrust":
                // API signing: the app's own page collects the password and signs each task; AlphaTrust then notifies
                // the event subscription and retries until the required text comes back.
                var client = app.Services.GetRequiredService<IAlphaTrustClient>();
                var transaction = await client.GetTransactionAsync(long.Parse(operationId, System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                foreach (var task in transaction!.Documents.SelectMany(d => d.Tasks))
                {
                    await client.RemoteSignAsync(new RemoteSignTask(task.Id, "203.0.113.10", TaskAuthentication.Password(AlphaTrustSignerPassword)), cancellationToken);
                }

                await simulators.AlphaTrust.Callbacks.WhenIdleAsync(cancellationToken);
                break;
        }

        // Confirmed and downloaded by the handler: the status and the document come from the app.
        var status = await browser.GetFromJsonAsync("api/signings/" + reference, SampleJsonContext.Default.SigningStatus, cancellationToken);
        Expect(status is { State: "Completed" }, $"the app reports {status?.State} ({status?.ProviderStatus})");
        var capabilities = app.Services.GetRequiredService<SigningClients.Core.Signing.ISigningProviderResolver>().GetProvider(provider).Capabilities;
        if (!capabilities.DocumentDownload)
        {
            return $"completed ({status!.ProviderStatus}); the provider offers no download; {status.Confirmations} confirmed event(s)";
        }

        var pdf = await browser.GetByteArrayAsync("signings/" + reference + "/document", cancellationToken);
        Expect(pdf.AsSpan().StartsWith("%PDF"u8), "the download is no PDF");
        return $"completed ({status!.ProviderStatus}); downloaded {pdf.Length} bytes; {status.Confirmations} confirmed event(s)";
    }

    /// <summary>Follows redirects like a browser, to the page that answers 200.</summary>
    private static async Task FollowAsync(HttpClient browser, Uri url, CancellationToken cancellationToken)
    {
        for (int hop = 0; hop < 5; hop++)
        {
            using var answer = await browser.GetAsync(url, cancellationToken);
            if (answer.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther && answer.Headers.Location is { } location)
            {
                url = new Uri(url, location);
                continue;
            }

            Expect(answer.StatusCode == HttpStatusCode.OK, $"GET {url.AbsolutePath} answered {(int)answer.StatusCode}");
            return;
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
