using System;
using Microsoft.Extensions.Logging;

namespace SigningClients.Testing;

/// <summary>
/// Settings of a <see cref="SimulatorHost"/> (and of every provider simulator built on it).
/// </summary>
public sealed class SimulatorHostOptions
{
    /// <summary>The default value of <see cref="JournalBodyLimit"/>: 1 MiB.</summary>
    public const int DefaultJournalBodyLimit = 1024 * 1024;

    private int _journalBodyLimit = DefaultJournalBodyLimit;
    private TimeSpan _shutdownTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The clock of the simulator: journal timestamps and, in provider simulators, token lifetimes, expiries and
    /// status transitions. <see langword="null"/> (the default) means <see cref="System.TimeProvider.System"/>.
    /// Pass a <c>FakeTimeProvider</c> to drive expiry deterministically. <see cref="SimulatedFault.Delay(TimeSpan)"/>
    /// always waits in real time.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// How many bytes of each request body the <see cref="RequestJournal"/> keeps (default 1 MiB). Beyond the limit
    /// only the length is recorded (<see cref="JournalEntry.BodyLength"/>); the route still receives the whole body.
    /// Zero keeps no body bytes at all.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int JournalBodyLimit
    {
        get => _journalBodyLimit;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _journalBodyLimit = value;
        }
    }

    /// <summary>
    /// A logger provider that receives the server's logs (ASP.NET Core, Kestrel and the simulator's own fault log).
    /// The host never disposes it. By default nothing is logged anywhere (no console output).
    /// </summary>
    public ILoggerProvider? LoggerProvider { get; set; }

    /// <summary>
    /// Optional callback to configure the server's logging (providers, filters, minimum level).
    /// By default nothing is logged anywhere (no console output).
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    /// <summary>
    /// How long <see cref="SimulatorHost.DisposeAsync"/> lets in-flight requests finish before the connections are
    /// aborted (default 1 second).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan ShutdownTimeout
    {
        get => _shutdownTimeout;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _shutdownTimeout = value;
        }
    }
}
