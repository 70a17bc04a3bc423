using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Testing;
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
    public async Task SigningToday_webhook_from_the_simulator_reaches_the_handler_once_and_forgeries_get_400()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("SigningToday", Ct);
        var unsigned = await world.StartSigningAsync("SigningToday", Ct);
        world.SigningToday.Sign(signed.Id);
        await world.SigningToday.Callbacks.WhenIdleAsync(Ct);

        // Signing Today posted {status: performed, dst} to the robot's webhooks.dst URL; the endpoint read the DST.
        var call = Assert.Single(world.SigningToday.Callbacks.Sent, c => c.Event == "dst signed");
        Assert.Equal(new Uri(world.App, "signing/signingtoday"), call.Url);
        Assert.Contains("\"performed\"", call.Body, StringComparison.Ordinal);
        Assert.Equal(200, Assert.Single(call.Attempts).Status);
        Assert.Equal(1, world.Recorder.Events.OfType<SigningTodayWebhookEvent>().Count(e => e.Id == signed.Id && e.ConfirmedStatus == "signed"));

        await RedeliverAsync(world, world.SigningToday, call);
        Assert.Equal(1, world.Recorder.Events.OfType<SigningTodayWebhookEvent>().Count(e => e.Id == signed.Id && e.ConfirmedStatus == "signed"));

        var hook = new Uri(world.App, "signing/signingtoday");
        var forgedId = Guid.NewGuid().ToString();
        await AssertForgedAsync(world, Json(hook, "{\"status\":\"performed\",\"dst\":\"" + forgedId + "\"}"), forgedId);
        await AssertForgedAsync(world, Json(hook, "{\"status\":\"expired\",\"dst\":\"" + signed.Id + "\",\"reason\":\"forged-reason\"}"), "forged-reason");
        await AssertForgedAsync(world, Json(hook, "{\"status\":\"performed\",\"dst\":\"" + unsigned.Id + "\"}"), unsigned.Id);
        await AssertForgedAsync(world, Json(hook, "{\"status\":\"performed\",\"dst\":"), "performed");
        await AssertForgedAsync(world, Json(hook, "{\"hello\":\"<b>world</b>\"}"), "world");
    }

    [Fact]
    public async Task ConsignO_webhook_and_return_url_from_the_simulator_reach_their_handlers_once_and_forgeries_get_400()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("ConsignO", Ct);
        var unsigned = await world.StartSigningAsync("ConsignO", Ct);
        world.ConsignO.SignAll(signed.Id);
        await world.ConsignO.Callbacks.WhenIdleAsync(Ct);

        // ConsignO posted the completed workflow to its webhooks[].url; the endpoint read the workflow.
        var call = Assert.Single(world.ConsignO.Callbacks.Sent, c => c.Event == "workflow 2" && c.Body.Contains(signed.Id, StringComparison.Ordinal));
        Assert.True(call.IsAcknowledged);
        Assert.Single(world.Recorder.Events.OfType<ConsignOWebhookEvent>(), e => e.Id == signed.Id && e.ConfirmedStatus == "Completed");
        await RedeliverAsync(world, world.ConsignO, call);
        Assert.Single(world.Recorder.Events.OfType<ConsignOWebhookEvent>(), e => e.Id == signed.Id && e.ConfirmedStatus == "Completed");

        // The signer's browser is sent to the return URL, with ?status= appended (the app's own ref names the workflow).
        var back = world.ConsignO.GetReturnUrl(signed.Id)!;
        Assert.StartsWith(new Uri(world.App, "signing/consigno/return?ref=" + world.ReferenceOf(signed) + "&status=").AbsoluteUri, back.AbsoluteUri, StringComparison.Ordinal);
        await RedeliverAsync(world, () => new HttpRequestMessage(HttpMethod.Get, back), "Signing status received.");
        var returned = Assert.Single(world.Recorder.Events.OfType<ConsignOReturnEvent>());
        Assert.True(returned.ReturnUrl.IsSigned);

        var hook = new Uri(world.App, "signing/consigno");
        const string forgedId = "0123456789abcdef01234567";
        string Return(string reference, string status) => new Uri(world.App, "signing/consigno/return?ref=" + reference + "&status=" + status).AbsoluteUri;
        await AssertForgedAsync(world, Json(hook, "{\"workflowId\":\"" + forgedId + "\"}"), forgedId);
        await AssertForgedAsync(world, Json(hook, "{\"workflowId\":\"" + signed.Id + "\",\"status\":5,\"note\":\"forged-note\"}"), "forged-note");
        await AssertForgedAsync(world, Json(hook, "[\"forged-array\"]"), "forged-array");
        await AssertForgedAsync(world, HttpMethod.Get, Return(world.ReferenceOf(unsigned), "success"), world.ReferenceOf(unsigned));
        await AssertForgedAsync(world, HttpMethod.Get, Return(world.ReferenceOf(signed), "expired"), "expired");
        await AssertForgedAsync(world, HttpMethod.Get, Return("forged-reference", "success"), "forged-reference");
        await AssertForgedAsync(world, HttpMethod.Get, Return(world.ReferenceOf(signed), "success") + "&status=decline", "decline");
        Assert.Single(world.Recorder.Events.OfType<ConsignOReturnEvent>());
    }

    [Fact]
    public async Task AlphaTrust_event_subscription_gets_the_required_text_once_handled_and_forgeries_get_400()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("AlphaTrust", Ct);
        var unsigned = await world.StartSigningAsync("AlphaTrust", Ct);
        await world.SignAlphaTrustAsync(signed);
        await world.AlphaTrust.Callbacks.WhenIdleAsync(Ct);

        // AlphaTrust posted TaskCompleted and TransactionCompleted (form-encoded); both got the required text.
        var calls = world.AlphaTrust.Callbacks.Sent;
        Assert.Equal(new[] { "TaskCompleted", "TransactionCompleted" }, calls.Select(c => c.Event).Order());
        foreach (var sent in calls)
        {
            var attempt = Assert.Single(sent.Attempts);
            Assert.Equal(CallbackWorld.RequiredText, attempt.ResponseBody);
            Assert.Equal("text/plain", attempt.ResponseMediaType);
            Assert.Equal("application/x-www-form-urlencoded", sent.ContentType);
        }

        Assert.Equal(new[] { "TaskCompleted", "TransactionCompleted" }, world.Recorder.Events.OfType<AlphaTrustCallbackEvent>().Select(e => e.EventName).Order());
        await RedeliverAsync(world, world.AlphaTrust, calls.Single(c => c.Event == "TransactionCompleted"));
        Assert.Equal(2, world.Recorder.Count<AlphaTrustCallbackEvent>());

        // The same event by GET (a subscription may use either) is the same event.
        var hook = new Uri(world.App, "signing/alphatrust");
        using (var get = await world.Http.GetAsync(new Uri(hook, "?TransactionID=" + signed.Id + "&Event=TransactionCompleted&Status=Completed"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(CallbackWorld.RequiredText, await get.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(2, world.Recorder.Count<AlphaTrustCallbackEvent>());
        await AssertForgedAsync(world, Form(hook, ("TransactionID", "987654321987"), ("Status", "Completed")), "987654321987");
        await AssertForgedAsync(world, Form(hook, ("TransactionID", unsigned.Id), ("Status", "Completed")), unsigned.Id);
        await AssertForgedAsync(world, Form(hook, ("TransactionID", signed.Id), ("TaskID", "4242"), ("Status", "Completed")), "4242");
        await AssertForgedAsync(world, Form(hook, ("TransactionID", signed.Id + "x")), signed.Id + "x");
        await AssertForgedAsync(world, HttpMethod.Get, new Uri(hook, "?TransactionID=" + signed.Id + "&TransactionID=" + unsigned.Id).AbsoluteUri, unsigned.Id);
        Assert.Equal(2, world.Recorder.Count<AlphaTrustCallbackEvent>());
    }

    [Fact]
    public async Task AlphaTrust_retries_until_the_required_text_comes_back_when_the_handler_fails()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("AlphaTrust", Ct);
        world.Recorder.FailNext(2);
        await world.SignAlphaTrustAsync(signed);
        await world.AlphaTrust.Callbacks.WhenIdleAsync(Ct);

        // Two handler failures answered 500 with no body (not the required text): AlphaTrust retried until it came back.
        var attempts = world.AlphaTrust.Callbacks.Sent.SelectMany(c => c.Attempts).ToList();
        Assert.Equal(4, attempts.Count);
        Assert.Equal(2, attempts.Count(a => a.Status == 500 && a.ResponseBody.Length == 0));
        Assert.All(world.AlphaTrust.Callbacks.Sent, c => Assert.Equal(CallbackWorld.RequiredText, c.Attempts[^1].ResponseBody));
        Assert.Equal(new[] { "TaskCompleted", "TransactionCompleted" }, world.Recorder.Events.OfType<AlphaTrustCallbackEvent>().Select(e => e.EventName).Order());
    }

    [Fact]
    public async Task AlphaTrust_get_subscription_is_handled_like_the_post()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var getHook = new AlphaTrustEventSubscription(new Uri(world.App, "signing/alphatrust?source=get"), CallbackWorld.RequiredText) { UseGet = true };
        world.AlphaTrust.SubscribeEvents(getHook);
        var signed = await world.StartSigningAsync("AlphaTrust", Ct);
        await world.SignAlphaTrustAsync(signed);
        await world.AlphaTrust.Callbacks.WhenIdleAsync(Ct);

        // Both subscriptions were notified and acknowledged; the GET deliveries are the same events, handled once.
        Assert.Equal(4, world.AlphaTrust.Callbacks.Sent.Count);
        Assert.All(world.AlphaTrust.Callbacks.Sent, c => Assert.True(c.IsAcknowledged));
        Assert.Equal(2, world.AlphaTrust.Callbacks.Sent.Count(c => c.Method == "GET" && c.Url.Query.Contains("TransactionID=" + signed.Id, StringComparison.Ordinal)));
        Assert.Equal(2, world.Recorder.Count<AlphaTrustCallbackEvent>());
    }

    [Fact]
    public async Task Signant_return_redirect_from_the_simulator_reaches_the_handler_once_and_forgeries_get_400()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var signed = await world.StartSigningAsync("Signant", Ct);
        var unsigned = await world.StartSigningAsync("Signant", Ct);

        // The signer opens the signing page and signs; Signant redirects the browser to AfterSignRedirectUrl.
        var page = world.Signant.GetSigningUrl(Guid.Parse(signed.Id), 0);
        using (var open = await world.Http.GetAsync(page, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        using var sign = await world.Http.PostAsync(page, new StringContent(string.Empty), Ct);
        Assert.Equal(HttpStatusCode.Found, sign.StatusCode);
        var back = sign.Headers.Location!;
        Assert.Equal(new Uri(world.App, "signing/signant?ref=" + world.ReferenceOf(signed)), back);

        await RedeliverAsync(world, () => new HttpRequestMessage(HttpMethod.Get, back), "Signing status received.");
        var e = Assert.Single(world.Recorder.Events.OfType<SignantReturnEvent>());
        Assert.True(e.IsCompleted);

        string Url(string reference) => new Uri(world.App, "signing/signant?ref=" + reference).AbsoluteUri;
        await AssertForgedAsync(world, HttpMethod.Get, Url("forged-reference"), "forged-reference");
        await AssertForgedAsync(world, HttpMethod.Get, Url(world.ReferenceOf(unsigned)), world.ReferenceOf(unsigned));
        await AssertForgedAsync(world, HttpMethod.Get, Url(world.ReferenceOf(signed)) + "&ref=" + world.ReferenceOf(unsigned), world.ReferenceOf(unsigned));
        Assert.Equal(1, world.Recorder.Count<SignantReturnEvent>());
    }

    [Fact]
    public async Task Webhook_handler_failures_answer_500_and_the_simulators_retry_until_handled_once()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var dst = await world.StartSigningAsync("SigningToday", Ct);
        var workflow = await world.StartSigningAsync("ConsignO", Ct);
        int before = world.Recorder.Events.Count;

        world.Recorder.FailNext(1);
        world.SigningToday.Sign(dst.Id);
        await world.SigningToday.Callbacks.WhenIdleAsync(Ct);
        var dstCall = world.SigningToday.Callbacks.Sent.Single(c => c.Event == "dst signed");
        Assert.Equal(new[] { 500, 200 }, dstCall.Attempts.Select(a => a.Status));

        world.Recorder.FailNext(1);
        world.ConsignO.SignAll(workflow.Id);
        await world.ConsignO.Callbacks.WhenIdleAsync(Ct);
        var workflowCall = world.ConsignO.Callbacks.Sent.Single(c => c.Event == "workflow 2" && c.Body.Contains(workflow.Id, StringComparison.Ordinal));
        Assert.Equal(new[] { 500, 200 }, workflowCall.Attempts.Select(a => a.Status));
        Assert.Equal(before + 2, world.Recorder.Events.Count);
    }

    [Fact]
    public async Task Browser_handler_failures_answer_500_and_a_reload_is_handled_once()
    {
        await using var world = await CallbackWorld.StartAsync(1, Ct);
        var process = await world.StartSigningAsync("Trident", Ct);
        var posting = await world.StartSigningAsync("Signant", Ct);
        var workflow = await world.StartSigningAsync("ConsignO", Ct);
        world.Signant.CompleteSigning(Guid.Parse(posting.Id), "Ann Lee");
        world.ConsignO.SignAll(workflow.Id);
        await world.ConsignO.Callbacks.WhenIdleAsync(Ct);
        var urls = new[]
        {
            world.Trident.CompleteSigning(process.Id),
            world.Signant.GetAfterSignRedirectUrl(Guid.Parse(posting.Id))!,
            world.ConsignO.GetReturnUrl(workflow.Id)!,
        };
        foreach (var url in urls)
        {
            int before = world.Recorder.Events.Count;
            world.Recorder.FailNext(1);
            using (var failed = await world.Http.GetAsync(url, Ct))
            {
                Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
                Assert.Equal(string.Empty, await failed.Content.ReadAsStringAsync(Ct));
            }

            await RedeliverAsync(world, () => new HttpRequestMessage(HttpMethod.Get, url), "Signing status received.");
            Assert.Equal(before + 1, world.Recorder.Events.Count);
        }
    }

    [Fact]
    public async Task Two_instances_sharing_the_distributed_cache_handle_a_redelivered_event_once()
    {
        await using var world = await CallbackWorld.StartAsync(2, Ct);
        var signed = await world.StartSigningAsync("SigningToday", Ct);
        world.SigningToday.Sign(signed.Id);
        await world.SigningToday.Callbacks.WhenIdleAsync(Ct);
        var body = "{\"status\":\"performed\",\"dst\":\"" + signed.Id + "\"}";
        foreach (var instance in world.Instances.Concat(world.Instances))
        {
            using var answer = await world.Http.SendAsync(Json(new Uri(instance, "signing/signingtoday"), body), Ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        Assert.Equal(1, world.Recorder.Events.OfType<SigningTodayWebhookEvent>().Count(e => e.ConfirmedStatus == "signed"));
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

    /// <summary>The simulator redelivers one of its calls five times in a row, then five times at once: each is acknowledged, none is handled again.</summary>
    private static async Task RedeliverAsync(CallbackWorld world, SimulatorHost simulator, SimulatorCallback call)
    {
        int before = world.Recorder.Events.Count;
        for (int i = 0; i < 5; i++)
        {
            var again = await simulator.Callbacks.RedeliverAsync(call, Ct);
            Assert.True(Assert.Single(again.Attempts).IsAcknowledged);
        }

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => simulator.Callbacks.RedeliverAsync(call, Ct)));
        Assert.All(concurrent, again => Assert.True(Assert.Single(again.Attempts).IsAcknowledged));
        Assert.Equal(before, world.Recorder.Events.Count);
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
