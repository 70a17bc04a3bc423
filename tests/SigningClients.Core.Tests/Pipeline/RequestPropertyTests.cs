using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Authentication;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using Xunit;

namespace SigningClients.Core.Tests.Pipeline;

/// <summary>Typed request properties: call values live for the call, attempt values for one request message.</summary>
public sealed class RequestPropertyTests
{
    private static readonly RequestProperty<string> Mode = new("Test.Mode");
    private static readonly RequestProperty<int> SentWith = new("Test.SentWith", RequestPropertyScope.Attempt);

    [Fact]
    public void Values_are_typed_and_keyed_by_identity()
    {
        var request = new SigningRequest(HttpMethod.Get, "op", "Op", Idempotency.Safe);
        Assert.False(request.TryGetProperty(Mode, out _));

        request.SetProperty(Mode, "form");
        request.SetProperty(Mode, "header");
        Assert.True(request.TryGetProperty(Mode, out var mode));
        Assert.Equal("header", mode);

        // Another key with the same name is another property.
        Assert.False(request.TryGetProperty(new RequestProperty<string>("Test.Mode"), out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Clearing_the_attempt_values_keeps_every_call_value_wherever_it_is_stored(bool attemptValueFirst)
    {
        // The first property set is stored apart from the others: clearing must work whichever comes first.
        var other = new RequestProperty<string>("Test.Other");
        var later = new RequestProperty<int>("Test.Later", RequestPropertyScope.Attempt);
        var request = new SigningRequest(HttpMethod.Get, "op", "Op", Idempotency.Safe);
        if (attemptValueFirst)
        {
            request.SetProperty(SentWith, 1);
            request.SetProperty(Mode, "form");
        }
        else
        {
            request.SetProperty(Mode, "form");
            request.SetProperty(SentWith, 1);
        }

        request.SetProperty(other, "x");
        request.SetProperty(later, 2);
        request.SetProperty(other, "y");

        request.ClearAttemptProperties();

        Assert.False(request.TryGetProperty(SentWith, out _));
        Assert.False(request.TryGetProperty(later, out _));
        Assert.True(request.TryGetProperty(Mode, out var mode));
        Assert.Equal("form", mode);
        Assert.True(request.TryGetProperty(other, out var value));
        Assert.Equal("y", value);

        // And the slots are usable again.
        request.SetProperty(SentWith, 3);
        Assert.True(request.TryGetProperty(SentWith, out var sent));
        Assert.Equal(3, sent);
        request.ClearAttemptProperties();
        request.ClearAttemptProperties();
        Assert.False(request.TryGetProperty(SentWith, out _));
        Assert.True(request.TryGetProperty(Mode, out _));
        Assert.True(request.TryGetProperty(other, out _));
    }

    [Fact]
    public async Task Attempt_values_are_forgotten_before_every_message_and_call_values_kept()
    {
        var policy = new RecordingPolicy();
        using var client = new HttpClient(new Answers(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Unauthorized, HttpStatusCode.OK));
        var pipeline = new SigningPipeline(client, new SigningPipelineOptions("Test", new Uri("https://example.test/"))
        {
            Authentication = policy,
            Retry = new RetryOptions { MaxRetries = 2, InitialDelay = TimeSpan.Zero, UseJitter = false },
        });
        var request = new SigningRequest(HttpMethod.Get, "op", "Op", Idempotency.Safe);
        request.SetProperty(Mode, "header");

        Assert.Equal(200, await pipeline.SendAsync(request, TestContext.Current.CancellationToken));

        // Three messages: the 503, the 401 (same attempt as the resend) and the resend.
        Assert.Equal(new[] { "header/none", "header/none", "header/none" }, policy.SeenBeforeSending);
        Assert.Equal(new[] { 1, 2, 3 }, policy.SeenOnResponse);
        Assert.Equal(2, policy.SeenOnUnauthorized);
    }

    private sealed class RecordingPolicy : AuthenticationPolicy
    {
        private int _messages;

        public List<string> SeenBeforeSending { get; } = new();

        public List<int> SeenOnResponse { get; } = new();

        public int SeenOnUnauthorized { get; private set; }

        public override ValueTask AuthenticateAsync(HttpRequestMessage message, SigningRequest request, CancellationToken cancellationToken)
        {
            string mode = request.TryGetProperty(Mode, out var m) ? m : "none";
            string sent = request.TryGetProperty(SentWith, out var s) ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
            SeenBeforeSending.Add(mode + "/" + sent);
            request.SetProperty(SentWith, ++_messages);
            return default;
        }

        public override void OnResponse(HttpResponseMessage response, SigningRequest request) =>
            SeenOnResponse.Add(request.TryGetProperty(SentWith, out var sent) ? sent : -1);

        public override ValueTask<bool> OnUnauthorizedAsync(HttpRequestMessage message, HttpResponseMessage response, SigningRequest request, CancellationToken cancellationToken)
        {
            SeenOnUnauthorized = request.TryGetProperty(SentWith, out var sent) ? sent : -1;
            return new ValueTask<bool>(true);
        }
    }

    private sealed class Answers : HttpMessageHandler
    {
        private readonly Queue<HttpStatusCode> _statuses;

        public Answers(params HttpStatusCode[] statuses) => _statuses = new Queue<HttpStatusCode>(statuses);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(_statuses.Dequeue()) { RequestMessage = request, Content = new ByteArrayContent(Array.Empty<byte>()) });
    }
}
