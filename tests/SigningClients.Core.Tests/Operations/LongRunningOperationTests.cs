using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core;
using SigningClients.Core.Operations;
using Xunit;

namespace SigningClients.Core.Tests.Operations;

public sealed class LongRunningOperationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Token_round_trips_provider_kind_ids_deadline_and_poll_state_as_versioned_json()
    {
        var token = new OperationRehydrationToken("Signant", "InstantPosting", "p-1", new Dictionary<string, string> { ["attachmentId"] = "a-1" }, Start.AddMinutes(15),
            new OperationPollState(3, Start.AddMinutes(1), "Sent", TimeSpan.FromSeconds(4), false));

        var json = token.ToJson();
        Assert.Equal("{\"v\":1,\"provider\":\"Signant\",\"kind\":\"InstantPosting\",\"id\":\"p-1\",\"ids\":{\"attachmentId\":\"a-1\"},\"deadline\":\"2026-03-01T09:15:00+00:00\",\"poll\":{\"count\":3,\"lastPolledAt\":\"2026-03-01T09:01:00+00:00\",\"lastStatus\":\"Sent\",\"nextDelayMs\":4000,\"completed\":false}}", json);

        var back = OperationRehydrationToken.Parse(json);
        Assert.Equal("Signant", back.Provider);
        Assert.Equal("InstantPosting", back.Kind);
        Assert.Equal("p-1", back.Id);
        Assert.Equal("a-1", back.GetId("attachmentId"));
        Assert.Equal(Start.AddMinutes(15), back.Deadline);
        Assert.Equal(3, back.PollState.PollCount);
        Assert.Equal("Sent", back.PollState.LastStatus);
        Assert.Equal(TimeSpan.FromSeconds(4), back.PollState.NextDelay);
        Assert.Equal(json, back.ToJson());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all SECRET-123")]
    [InlineData("{\"v\":2,\"provider\":\"Signant\",\"kind\":\"InstantPosting\",\"id\":\"p\"}")]
    [InlineData("{\"v\":1,\"provider\":\"Signant\",\"kind\":\"InstantPosting\"}")]
    [InlineData("[]")]
    public void Parse_refuses_what_is_not_a_token_without_echoing_it(string json)
    {
        var ex = Assert.Throws<ArgumentException>(() => OperationRehydrationToken.Parse(json));
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_for_another_provider_or_kind_is_refused()
    {
        var token = new OperationRehydrationToken("Trident", "SignerProcess", "sp-1");
        Assert.Throws<ArgumentException>(() => token.EnsureFor("Signant", "InstantPosting"));
        Assert.Throws<ArgumentException>(() => token.GetId("attachmentId"));
    }

    [Fact]
    public async Task UpdateStatusAsync_is_one_poll_that_a_job_engine_can_schedule()
    {
        var clock = new FakeTimeProvider(Start);
        var op = new ScriptedOperation(clock, OperationStep<string>.Pending("Sent", deadline: Start.AddMinutes(10)), OperationStep<string>.Completed("signed.pdf", "Completed"));

        Assert.False(op.HasCompleted);
        Assert.Throws<InvalidOperationException>(() => op.Value);

        var first = await op.UpdateStatusAsync(TestContext.Current.CancellationToken);
        Assert.False(first.HasCompleted);
        Assert.Equal("Sent", first.Status);
        Assert.Equal(Start.AddMinutes(10), first.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(2), first.SuggestedDelay);
        Assert.Equal(1, op.PollCount);
        Assert.Equal(1, op.RehydrationToken.PollState.PollCount);
        Assert.Equal(Start.AddMinutes(10), op.RehydrationToken.Deadline);

        var second = await op.UpdateStatusAsync(TestContext.Current.CancellationToken);
        Assert.True(second.HasCompleted);
        Assert.Equal("signed.pdf", op.Value);
        Assert.True(op.RehydrationToken.PollState.HasCompleted);

        // Completed: no further provider call.
        await op.UpdateStatusAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, op.Calls);
    }

    [Fact]
    public async Task Suggested_delay_stays_inside_the_deadline()
    {
        var clock = new FakeTimeProvider(Start);
        var op = new ScriptedOperation(clock, OperationStep<string>.Pending("Sent", TimeSpan.FromMinutes(10), Start.AddSeconds(20)));
        var update = await op.UpdateStatusAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(10), update.SuggestedDelay);
    }

    [Fact]
    public async Task WaitForCompletionAsync_polls_at_once_then_on_the_fake_clock_and_a_rebuilt_operation_keeps_the_poll_count()
    {
        var clock = new FakeTimeProvider(Start);
        var op = new ScriptedOperation(clock, OperationStep<string>.Pending("Sent"), OperationStep<string>.Pending("Sent"), OperationStep<string>.Completed("done", "Completed"));
        var wait = op.WaitForCompletionAsync(new PollingOptions { InitialInterval = TimeSpan.FromSeconds(5), BackoffMultiplier = 2, MaxInterval = TimeSpan.FromSeconds(60) }, TestContext.Current.CancellationToken);

        await WaitUntil(() => op.Calls == 1);
        clock.Advance(TimeSpan.FromSeconds(5));
        await WaitUntil(() => op.Calls == 2);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(2, op.Calls);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("done", await wait);
        Assert.Equal(3, op.PollCount);

        var rebuilt = new ScriptedOperation(clock, OperationRehydrationToken.Parse(op.RehydrationToken.ToJson()));
        Assert.Equal(3, rebuilt.PollCount);
        Assert.Equal("Completed", rebuilt.Status);
    }

    [Fact]
    public async Task Invalid_polling_is_refused_before_any_poll()
    {
        var op = new ScriptedOperation(new FakeTimeProvider(Start), OperationStep<string>.Completed("x", "Completed"));
        await Assert.ThrowsAsync<ArgumentException>(() => op.WaitForCompletionAsync(new PollingOptions { InitialInterval = TimeSpan.Zero }, TestContext.Current.CancellationToken));
        Assert.Equal(0, op.Calls);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }

    private sealed class ScriptedOperation : LongRunningOperation<string>
    {
        private readonly Queue<OperationStep<string>> _steps;

        public ScriptedOperation(TimeProvider clock, params OperationStep<string>[] steps)
            : this(clock, new OperationRehydrationToken("Test", "Scripted", "op-1"), steps)
        {
        }

        public ScriptedOperation(TimeProvider clock, OperationRehydrationToken token, params OperationStep<string>[] steps)
            : base(token, clock)
        {
            _steps = new Queue<OperationStep<string>>(steps);
        }

        public int Calls { get; private set; }

        protected override ValueTask<OperationStep<string>> PollAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return new ValueTask<OperationStep<string>>(_steps.Dequeue());
        }
    }
}
