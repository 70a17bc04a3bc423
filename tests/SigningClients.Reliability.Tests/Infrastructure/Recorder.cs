using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.TestSupport;

namespace SigningClients.Reliability.Tests.Infrastructure;

/// <summary>The kinds of outcome a cell can have.</summary>
internal enum OutcomeKind
{
    Success,
    SigningApiException,
    ArgumentException,
    DocumentedException,
    Untyped,
    Hang,
}

/// <summary>One recorded (operation × fault) cell.</summary>
internal sealed record CellResult(
    string Provider,
    string Operation,
    Idempotency Idempotency,
    string Fault,
    OutcomeKind Outcome,
    string Detail,
    int ProcessedWrites,
    bool DuplicateWrite,
    bool Passed,
    string? Why,
    TimeSpan Elapsed);

/// <summary>A named check outside the matrix (token lifecycle, hostile input, data loss, write safety...).</summary>
internal sealed record CheckResult(string Area, string Provider, string Name, bool Passed, string Detail);

/// <summary>
/// The run-wide store every part of the suite writes to: matrix cells, named checks, fuzz counts, the shared log
/// capture attached to every client, every exception text seen, and every secret the run used.
/// </summary>
internal static class Recorder
{
    private static readonly ConcurrentQueue<CellResult> CellQueue = new();
    private static readonly ConcurrentQueue<CheckResult> CheckQueue = new();
    private static readonly ConcurrentQueue<string> ExceptionTextQueue = new();
    private static readonly ConcurrentDictionary<string, byte> SecretSet = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, FuzzCount> FuzzCounts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, byte> StepsRun = new(StringComparer.Ordinal);

    /// <summary>The one log capture attached to every client of the run.</summary>
    public static LogCapture Logs { get; } = new();

    /// <summary>A logger factory that writes into <see cref="Logs"/>.</summary>
    public static ILoggerFactory LoggerFactory { get; } = Logs.CreateFactory();

    public static IReadOnlyList<CellResult> Cells => CellQueue.ToArray();

    /// <summary>How long the matrix took (wall clock).</summary>
    public static TimeSpan? MatrixWallTime { get; set; }

    public static IReadOnlyList<CheckResult> Checks => CheckQueue.ToArray();

    public static IReadOnlyList<string> ExceptionTexts => ExceptionTextQueue.ToArray();

    public static IReadOnlyList<string> Secrets => SecretSet.Keys.OrderBy(s => s, StringComparer.Ordinal).ToArray();

    public static IReadOnlyDictionary<string, FuzzCount> Fuzz => FuzzCounts.ToDictionary(kv => kv.Key, kv => kv.Value);

    public static IReadOnlyCollection<string> Steps => StepsRun.Keys.ToArray();

    public static void Add(CellResult cell) => CellQueue.Enqueue(cell);

    public static void Check(string area, string provider, string name, bool passed, string detail)
        => CheckQueue.Enqueue(new CheckResult(area, provider, name, passed, detail));

    public static void StepRan(string step) => StepsRun.TryAdd(step, 0);

    public static void AddSecrets(params string?[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                SecretSet.TryAdd(secret, 0);
            }
        }
    }

    /// <summary>
    /// Adds the credentials that travelled on the wire to a simulator (bearer and basic credentials, session tokens,
    /// API key headers) to the secrets the run scans for: tokens issued during the run are secrets too.
    /// </summary>
    public static void HarvestWireSecrets(SigningClients.Testing.SimulatorHost simulator)
    {
        foreach (var entry in simulator.Journal.Entries)
        {
            foreach (var (name, value) in entry.Headers)
            {
                if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    var space = value.IndexOf(' ', StringComparison.Ordinal);
                    AddSecrets(space > 0 ? value[(space + 1)..] : value);
                }
                else if (name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
                    || name.Contains("password", StringComparison.OrdinalIgnoreCase) || name.Contains("key", StringComparison.OrdinalIgnoreCase))
                {
                    AddSecrets(value);
                }
            }
        }
    }

    /// <summary>Keeps everything a caller could print of an exception: ToString (message, inner exceptions, stack) and the API exception's fields.</summary>
    public static void AddException(Exception exception)
    {
        ExceptionTextQueue.Enqueue(exception.ToString());
        if (exception is SigningApiException api)
        {
            ExceptionTextQueue.Enqueue(api.BodyExcerpt ?? string.Empty);
            ExceptionTextQueue.Enqueue(api.ProviderMessage ?? string.Empty);
            ExceptionTextQueue.Enqueue(api.ErrorCode ?? string.Empty);
        }
    }

    /// <summary>Keeps a text the caller could see (options or model ToString).</summary>
    public static void AddVisibleText(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            ExceptionTextQueue.Enqueue(text);
        }
    }

    public static FuzzCount FuzzCounter(string provider, string parser)
        => FuzzCounts.GetOrAdd(provider + " / " + parser, _ => new FuzzCount(provider, parser));

    /// <summary>Every text the run produced that a secret could leak into.</summary>
    public static IEnumerable<string> AllVisibleText() => Logs.AllText.Concat(ExceptionTexts);
}

/// <summary>Fuzz tallies for one parser.</summary>
internal sealed class FuzzCount
{
    private int _bodies;
    private int _success;
    private int _apiExceptions;
    private int _other;

    public FuzzCount(string provider, string parser)
    {
        Provider = provider;
        Parser = parser;
    }

    public string Provider { get; }

    public string Parser { get; }

    public ConcurrentQueue<string> Untyped { get; } = new();

    public int Bodies => _bodies;

    public int Successes => _success;

    public int ApiExceptions => _apiExceptions;

    public int DocumentedExceptions => _other;

    public void Record(OutcomeKind kind, string detail)
    {
        System.Threading.Interlocked.Increment(ref _bodies);
        switch (kind)
        {
            case OutcomeKind.Success:
                System.Threading.Interlocked.Increment(ref _success);
                break;
            case OutcomeKind.SigningApiException:
                System.Threading.Interlocked.Increment(ref _apiExceptions);
                break;
            case OutcomeKind.DocumentedException:
                System.Threading.Interlocked.Increment(ref _other);
                break;
            default:
                Untyped.Enqueue(kind + ": " + detail);
                break;
        }
    }
}

/// <summary>Harvests the wire secrets of a simulator when disposed (at the end of the scope that used it).</summary>
internal sealed class WireSecretHarvest : IDisposable
{
    private readonly SigningClients.Testing.SimulatorHost _simulator;

    public WireSecretHarvest(SigningClients.Testing.SimulatorHost simulator) => _simulator = simulator;

    public void Dispose() => Recorder.HarvestWireSecrets(_simulator);
}
