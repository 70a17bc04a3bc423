using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.TestSupport;

/// <summary>Waits, polling every 50 ms, for something that happens in the background (a job, a webhook, a delivery).</summary>
public static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="what">What is waited for (in the exception's message).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what, cancellationToken);

    /// <summary>Waits until the asynchronous <paramref name="condition"/> holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="what">What is waited for (in the exception's message).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException("Timed out waiting for " + what + ".");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }
}
