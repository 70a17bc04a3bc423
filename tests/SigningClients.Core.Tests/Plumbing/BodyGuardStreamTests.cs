using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Streaming;
using Xunit;

namespace SigningClients.Core.Tests.Plumbing;

/// <summary>
/// The guarded body's idle timeout and the caller's cancellation: one source per stream (from the shared pool), the
/// caller's token linked for the time of each read, the timer armed only while a read is pending.
/// </summary>
public sealed class BodyGuardStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_pending_read_that_gets_no_bytes_within_the_idle_timeout_reports_the_stall()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var inner = new GateStream();
        using var stream = new BodyGuardStream(inner, TimeSpan.FromMilliseconds(50), -1, new Failures());

        var ex = await Assert.ThrowsAsync<StalledException>(async () => await stream.ReadAsync(new byte[16], caller.Token).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken));

        Assert.False(caller.IsCancellationRequested);

        // Once stalled, the body stays stalled.
        await Assert.ThrowsAsync<StalledException>(() => stream.ReadAsync(new byte[16], caller.Token).AsTask());
        Assert.NotNull(ex);
    }

    [Fact]
    public async Task A_read_cancelled_by_the_caller_is_a_cancellation_and_the_next_read_is_not_stalled()
    {
        var inner = new GateStream();
        using var stream = new BodyGuardStream(inner, TimeSpan.FromMinutes(5), -1, new Failures());
        using var caller = new CancellationTokenSource();

        var read = stream.ReadAsync(new byte[16], caller.Token).AsTask();
        Assert.False(read.IsCompleted);
        caller.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Patience, TestContext.Current.CancellationToken));

        // A later read with another token starts with a fresh source: it is neither cancelled nor reported stalled.
        inner.Release(3);
        int n = await stream.ReadAsync(new byte[16], TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal(3, n);
    }

    [Fact]
    public async Task A_cancelled_caller_token_fails_the_read_before_it_starts()
    {
        var inner = new GateStream();
        using var stream = new BodyGuardStream(inner, TimeSpan.FromMinutes(5), -1, new Failures());
        using var caller = new CancellationTokenSource();
        caller.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.ReadAsync(new byte[16], caller.Token).AsTask());
        Assert.Equal(0, inner.Reads);
    }

    [Fact]
    public async Task Reads_that_complete_at_once_never_time_out_and_the_caller_link_ends_with_each_read()
    {
        // 1,000 reads that complete at once with a 1 ms idle timeout: the timer is never armed, so none can stall.
        var inner = new GateStream();
        inner.Release(int.MaxValue);
        using var stream = new BodyGuardStream(inner, TimeSpan.FromMilliseconds(1), -1, new Failures());
        using var caller = new CancellationTokenSource();
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(1, await stream.ReadAsync(new byte[1], caller.Token));
        }

        // The caller's registrations ended with their reads: cancelling now reaches no read and breaks nothing.
        caller.Cancel();
        Assert.Equal(1, await stream.ReadAsync(new byte[1], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_size_limit_still_ends_the_body()
    {
        var inner = new GateStream();
        inner.Release(int.MaxValue);
        using var stream = new BodyGuardStream(inner, TimeSpan.FromMinutes(5), 10, new Failures());
        var buffer = new byte[1];
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(1, await stream.ReadAsync(buffer, TestContext.Current.CancellationToken));
        }

        var ex = await Assert.ThrowsAsync<TooLargeException>(() => stream.ReadAsync(buffer, TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(10, ex.Limit);
    }

    private sealed class StalledException : Exception
    {
    }

    private sealed class TooLargeException : Exception
    {
        public TooLargeException(long limit) => Limit = limit;

        public long Limit { get; }
    }

    private sealed class Failures : IBodyGuardFailures
    {
        public Exception Stalled(TimeSpan idleTimeout) => new StalledException();

        public Exception TooLarge(long limit) => new TooLargeException(limit);
    }

    /// <summary>A body whose bytes arrive when the test releases them; a read without bytes waits (cancellable).</summary>
    private sealed class GateStream : Stream
    {
        private readonly SemaphoreSlim _available = new(0, int.MaxValue);

        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Release(int bytes) => _available.Release(bytes);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            await _available.WaitAsync(cancellationToken);
            int n = 1;
            while (n < buffer.Length && _available.Wait(0))
            {
                n++;
            }

            buffer.Span.Slice(0, n).Fill(0x41);
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _available.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
