using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SigningClients.AspNetCore.Tests;

/// <summary>
/// Every provider's endpoint on real Kestrel against its simulator: a genuine event reaches the handler exactly once
/// under redelivery (sequential and concurrent); forged ones (unknown id, a state the provider does not confirm, a
/// tampered query or body) never do and get 400 with an empty body.
/// </summary>
public sealed class CallbackEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Trident_finish_callback_reaches_the_handler_once_and_forgeries_get_400()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("Trident", Ct);
        var unsigned = await world.StartSigningAsync("Trident", Ct);

        // The simulated TRIDENT page sends the browser to the finish callback URL.
        using var page = await world.Http.GetAsync(signed.SigningUrls[0].Url.AbsoluteUri + "?action=sign", Ct);
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        var callback = page.Headers.Location!;
        Assert.StartsWith(world.App.AbsoluteUri + "signing/trident?", callback.AbsoluteUri, StringComparison.Ordinal);

        await RedeliverAsync(world, () => new HttpRequestMessage(HttpMethod.Get, callback), "Signing status received.");
        var e = Assert.Single(world.Recorder.Events.OfType<TridentCallbackEvent>());
        Assert.Equal(signed.Id, e.Id);
        Assert.True(e.IsSigned);

        string Url(string status, string id) => new Uri(world.App, "signing/trident?status=" + status + "&signer_process_id=" + Uri.EscapeDataString(id)).AbsoluteUri;
        await AssertForgedAsync(world, HttpMethod.Get, Url("finished", "sp-forged-0001"), "sp-forged-0001");
        await AssertForgedAsync(world, HttpMethod.Get, Url("canceled", signed.Id), "canceled");
        await AssertForgedAsync(world, HttpMethod.Get, Url("finished", unsigned.Id), unsigned.Id);
        await AssertForgedAsync(world, HttpMethod.Get, Url("finished", signed.Id) + "&status=finished", "finished");
        await AssertForgedAsync(world, HttpMethod.Get, Url("<script>", signed.Id), "script");
        Assert.Equal(1, world.Recorder.Count<TridentCallbackEvent>());
    }

    [Fact]
    public async Task SigningToday_webhook_reaches_the_handler_once_and_forgeries_get_400()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("SigningToday", Ct);
        var unsigned = await world.StartSigningAsync("SigningToday", Ct);
        world.SigningToday.Sign(signed.Id);
        var hook = new Uri(world.App, "signing/signingtoday");

        await RedeliverAsync(world, () => Json(hook, "{\"status\":\"performed\",\"dst\":\"" + signed.Id + "\"}"), string.Empty);
        var e = Assert.Single(world.Recorder.Events.OfType<SigningTodayWebhookEvent>());
        Assert.Equal(signed.Id, e.Id);
        Assert.Equal("signed", e.ConfirmedStatus);

        var forgedId = Guid.NewGuid().ToString();
        await AssertForgedAsync(world, Json(hook, "{\"status\":\"performed\",\"dst\":\"" + forgedId + "\"}"), forgedId);
        await AssertForgedAsync(world, Json(hook, "{\"status\":\"expired\",\"dst\":\"" + signed.Id + "\"}"), "expired");
        await AssertForgedAsync(world, Json(hook, "{\"status\":\"performed\",\"dst\":\"" + unsigned.Id + "\"}"), unsigned.Id);
        await AssertForgedAsync(world, Json(hook, "{\"status\":\"performed\",\"dst\":"), "performed");
        await AssertForgedAsync(world, Json(hook, "{\"hello\":\"<b>world</b>\"}"), "world");
        Assert.Equal(1, world.Recorder.Count<SigningTodayWebhookEvent>());
    }

    [Fact]
    public async Task ConsignO_webhook_and_return_url_reach_their_handlers_once_and_forgeries_get_400()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("ConsignO", Ct);
        var unsigned = await world.StartSigningAsync("ConsignO", Ct);
        world.ConsignO.SignAll(signed.Id);
        var hook = new Uri(world.App, "signing/consigno");

        await RedeliverAsync(world, () => Json(hook, "{\"workflowId\":\"" + signed.Id + "\",\"status\":2}"), string.Empty);
        var webhook = Assert.Single(world.Recorder.Events.OfType<ConsignOWebhookEvent>());
        Assert.Equal(signed.Id, webhook.Id);

        var back = new Uri(world.App, "signing/consigno/return?status=success&workflowId=" + signed.Id);
        await RedeliverAsync(world, () => new HttpRequestMessage(HttpMethod.Get, back), "Signing status received.");
        var returned = Assert.Single(world.Recorder.Events.OfType<ConsignOReturnEvent>());
        Assert.True(returned.ReturnUrl.IsSigned);

        const string forgedId = "0123456789abcdef01234567";
        await AssertForgedAsync(world, Json(hook, "{\"workflowId\":\"" + forgedId + "\"}"), forgedId);
        await AssertForgedAsync(world, Json(hook, "{\"workflowId\":\"" + signed.Id + "\",\"status\":5}"), "5");
        await AssertForgedAsync(world, Json(hook, "[1,2]"), "1");
        await AssertForgedAsync(world, HttpMethod.Get, new Uri(world.App, "signing/consigno/return?status=success&workflowId=" + unsigned.Id).AbsoluteUri, unsigned.Id);
        await AssertForgedAsync(world, HttpMethod.Get, new Uri(world.App, "signing/consigno/return?status=expired&workflowId=" + signed.Id).AbsoluteUri, "expired");
        await AssertForgedAsync(world, HttpMethod.Get, new Uri(world.App, "signing/consigno/return?status=success&workflowId=" + forgedId).AbsoluteUri, forgedId);
        await AssertForgedAsync(world, HttpMethod.Get, new Uri(world.App, "signing/consigno/return?status=success&status=decline&workflowId=" + signed.Id).AbsoluteUri, "decline");
        Assert.Equal(1, world.Recorder.Count<ConsignOWebhookEvent>());
        Assert.Equal(1, world.Recorder.Count<ConsignOReturnEvent>());
    }

    [Fact]
    public async Task AlphaTrust_event_gets_the_required_text_once_handled_and_forgeries_get_400()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("AlphaTrust", Ct);
        var unsigned = await world.StartSigningAsync("AlphaTrust", Ct);
        await world.SignAlphaTrustAsync(signed);
        var hook = new Uri(world.App, "signing/alphatrust");

        await RedeliverAsync(world, () => Form(hook, ("TransactionID", signed.Id), ("Event", "TransactionCompleted"), ("Status", "Completed")), CallbackWorld.RequiredText, "text/plain");
        // The same event by GET (a subscription may use either) is the same event.
        using (var get = await world.Http.GetAsync(new Uri(hook, "?TransactionID=" + signed.Id + "&Event=TransactionCompleted&Status=Completed"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(CallbackWorld.RequiredText, await get.Content.ReadAsStringAsync(Ct));
        }

        var e = Assert.Single(world.Recorder.Events.OfType<AlphaTrustCallbackEvent>());
        Assert.Equal(signed.Id, e.Id);
        Assert.Equal("TransactionCompleted", e.EventName);

        await AssertForgedAsync(world, Form(hook, ("TransactionID", "987654321987"), ("Status", "Completed")), "987654321987");
        await AssertForgedAsync(world, Form(hook, ("TransactionID", unsigned.Id), ("Status", "Completed")), unsigned.Id);
        await AssertForgedAsync(world, Form(hook, ("TransactionID", signed.Id), ("TaskID", "4242"), ("Status", "Completed")), "4242");
        await AssertForgedAsync(world, Form(hook, ("TransactionID", signed.Id + "x")), "x");
        await AssertForgedAsync(world, HttpMethod.Get, new Uri(hook, "?TransactionID=" + signed.Id + "&TransactionID=" + unsigned.Id).AbsoluteUri, unsigned.Id);
        Assert.Equal(1, world.Recorder.Count<AlphaTrustCallbackEvent>());
    }

    [Fact]
    public async Task Signant_return_redirect_reaches_the_handler_once_and_forgeries_get_400()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("Signant", Ct);
        var unsigned = await world.StartSigningAsync("Signant", Ct);
        world.Signant.CompleteSigning(Guid.Parse(signed.Id), "Ann Lee");

        var back = new Uri(world.App, "signing/signant?postingId=" + signed.Id);
        await RedeliverAsync(world, () => new HttpRequestMessage(HttpMethod.Get, back), "Signing status received.");
        var e = Assert.Single(world.Recorder.Events.OfType<SignantReturnEvent>());
        Assert.True(e.IsCompleted);

        var forged = Guid.NewGuid().ToString();
        await AssertForgedAsync(world, HttpMethod.Get, new Uri(world.App, "signing/signant?postingId=" + forged).AbsoluteUri, forged);
        await AssertForgedAsync(world, HttpMethod.Get, new Uri(world.App, "signing/signant?postingId=" + unsigned.Id).AbsoluteUri, unsigned.Id);
        await AssertForgedAsync(world, HttpMethod.Get, new Uri(world.App, "signing/signant?postingId=%3Cb%3Enot-a-guid").AbsoluteUri, "not-a-guid");
        Assert.Equal(1, world.Recorder.Count<SignantReturnEvent>());
    }

    [Fact]
    public async Task A_failing_handler_answers_500_and_the_redelivery_is_handled_once()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("AlphaTrust", Ct);
        await world.SignAlphaTrustAsync(signed);
        var hook = new Uri(world.App, "signing/alphatrust");
        world.Recorder.FailNext(1);

        using (var failed = await world.Http.SendAsync(Form(hook, ("TransactionID", signed.Id)), Ct))
        {
            // Anything but the required text makes AlphaTrust retry.
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Equal(string.Empty, await failed.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(0, world.Recorder.Count<AlphaTrustCallbackEvent>());
        await RedeliverAsync(world, () => Form(hook, ("TransactionID", signed.Id)), CallbackWorld.RequiredText, "text/plain");
        Assert.Equal(1, world.Recorder.Count<AlphaTrustCallbackEvent>());
    }

    [Fact]
    public async Task Two_instances_sharing_the_distributed_cache_handle_a_redelivered_event_once()
    {
        await using var world = await CallbackWorld.StartAsync(2, Ct);
        var signed = await world.StartSigningAsync("SigningToday", Ct);
        world.SigningToday.Sign(signed.Id);
        var body = "{\"status\":\"performed\",\"dst\":\"" + signed.Id + "\"}";
        foreach (var instance in world.Instances.Concat(world.Instances))
        {
            using var answer = await world.Http.SendAsync(Json(new Uri(instance, "signing/signingtoday"), body), Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Equal(1, world.Recorder.Count<SigningTodayWebhookEvent>());
    }

    /// <summary>Delivers the same event five times in a row, then five times at once: every answer is the acknowledgement.</summary>
    private static async Task RedeliverAsync(CallbackWorld world, Func<HttpRequestMessage> request, string expectedBody, string? expectedMediaType = null)
    {
        int before = world.Recorder.Events.Count;
        for (int i = 0; i < 5; i++)
        {
            await AssertAcknowledgedAsync(await world.Http.SendAsync(request(), Ct), expectedBody, expectedMediaType);
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => world.Http.SendAsync(request(), Ct)));
        foreach (var answer in concurrent)
        {
            await AssertAcknowledgedAsync(answer, expectedBody, expectedMediaType);
        }

        Assert.Equal(before + 1, world.Recorder.Events.Count);
    }

    private static async Task AssertAcknowledgedAsync(HttpResponseMessage answer, string expectedBody, string? expectedMediaType)
    {
        using (answer)
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(expectedBody, await answer.Content.ReadAsStringAsync(Ct));
            if (expectedMediaType is not null)
            {
                Assert.Equal(expectedMediaType, answer.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    private static Task AssertForgedAsync(CallbackWorld world, HttpMethod method, string url, string mustNotEcho) =>
        AssertForgedAsync(world, new HttpRequestMessage(method, url), mustNotEcho);

    private static async Task AssertForgedAsync(CallbackWorld world, HttpRequestMessage request, string mustNotEcho)
    {
        int before = world.Recorder.Events.Count;
        using var answer = await world.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var body = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Equal(string.Empty, body);
        Assert.DoesNotContain(mustNotEcho, string.Join("\n", answer.Headers.Concat(answer.Content.Headers).SelectMany(h => h.Value)), StringComparison.Ordinal);
        Assert.Equal(before, world.Recorder.Events.Count);
    }

    private static HttpRequestMessage Json(Uri url, string json) => new(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Form(Uri url, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))) };
}
