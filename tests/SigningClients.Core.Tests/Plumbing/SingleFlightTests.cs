using System;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Authentication;
using Xunit;

namespace SigningClients.Core.Tests.Plumbing;

public sealed class SingleFlightTests
{
    private readonly object _gate = new();
    private string? _stored;

    [Fact]
    public async Task Concurrent_callers_share_one_run_and_its_result_is_stored_under_the_owners_lock()
    {
        var flight = new SingleFlight<string>(_gate);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = flight.JoinOrStart(() => release.Task, Commit);
        var second = flight.JoinOrStart<int>(() => throw new InvalidOperationException("a second run must not start"), Commit);

        Assert.Same(first, second);
        Assert.True(flight.IsRunning);
        release.SetResult(7);

        Assert.Equal("v7", await SingleFlight<string>.WaitAsync(first, TestContext.Current.CancellationToken));
        Assert.Equal("v7", await second);
        Assert.Equal("v7", _stored);
        Assert.False(flight.IsRunning);
        Assert.Equal(1, flight.StartCount);
    }

    [Fact]
    public async Task A_caller_that_cancels_stops_waiting_while_the_run_goes_on_for_the_others()
    {
        var flight = new SingleFlight<string>(_gate);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = flight.JoinOrStart(() => release.Task, Commit);
        using var cancel = new CancellationTokenSource();
        var impatient = SingleFlight<string>.WaitAsync(run, cancel.Token);
        var patient = SingleFlight<string>.WaitAsync(run, TestContext.Current.CancellationToken);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.False(patient.IsCompleted);

        release.SetResult(1);
        Assert.Equal("v1", await patient);
    }

    [Fact]
    public async Task A_failed_run_ends_so_the_next_caller_starts_afresh()
    {
        var flight = new SingleFlight<string>(_gate);
        var failing = flight.JoinOrStart<int>(() => Task.FromException<int>(new InvalidOperationException("down")), Commit);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.False(flight.IsRunning);
        Assert.Null(_stored);

        Assert.Equal("v2", await flight.JoinOrStart(() => Task.FromResult(2), Commit));
        Assert.Equal(2, flight.StartCount);
    }

    [Fact]
    public async Task The_work_never_runs_inline_under_the_callers_lock()
    {
        var flight = new SingleFlight<string>(_gate);
        bool heldByWork = true;
        Task<string> run;
        lock (_gate)
        {
            run = flight.JoinOrStart(
                () =>
                {
                    heldByWork = Monitor.IsEntered(_gate);
                    return Task.FromResult(3);
                },
                Commit);
        }

        Assert.Equal("v3", await run);
        Assert.False(heldByWork);
    }

    private string Commit(int value)
    {
        Assert.True(Monitor.IsEntered(_gate));
        _stored = "v" + value;
        return _stored;
    }
}
