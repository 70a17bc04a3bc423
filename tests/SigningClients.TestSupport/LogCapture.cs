using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace SigningClients.TestSupport;

/// <summary>One captured log call.</summary>
/// <param name="Level">The level.</param>
/// <param name="Category">The logger category.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception text (<see cref="System.Exception.ToString"/>), or <see langword="null"/>.</param>
/// <param name="State">The structured state (template placeholders and their values), when the state exposes it.</param>
public sealed record CapturedLog(
    LogLevel Level,
    string Category,
    EventId EventId,
    string Message,
    string? Exception,
    IReadOnlyList<KeyValuePair<string, object?>> State)
{
    /// <summary>The single-line form used by <see cref="LogCapture.Lines"/>: <c>[Level] Category: message</c> + exception.</summary>
    /// <returns>The formatted line.</returns>
    public override string ToString()
        => Exception is null
            ? string.Create(CultureInfo.InvariantCulture, $"[{Level}] {Category}: {Message}")
            : string.Create(CultureInfo.InvariantCulture, $"[{Level}] {Category}: {Message}\n{Exception}");
}

/// <summary>
/// A thread-safe <see cref="ILoggerProvider"/> that keeps every log call (formatted message, level, category,
/// exception text, structured values) and every scope, for assertions and secret scanning. Disposing it keeps
/// what was captured.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The lowest level captured (default <see cref="LogLevel.Trace"/>).</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Trace;

    /// <summary>
    /// A snapshot of every captured line in order: <c>[Level] Category: message</c>, followed by the exception text
    /// when there is one, plus one <c>[Scope] Category: state</c> line per scope that was opened.
    /// </summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    /// <summary>A snapshot of the captured log calls (scopes excluded).</summary>
    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    /// <summary>
    /// Every text a secret could hide in: the lines, plus each structured value of each entry (values that the
    /// message template may not print).
    /// </summary>
    public IEnumerable<string> AllText
        => Lines.Concat(Entries.SelectMany(e => e.State.Select(kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture) ?? string.Empty)));

    /// <summary>Creates a logger factory that logs only into this capture (handy for code under test).</summary>
    /// <returns>A new factory; dispose it when done.</returns>
    public ILoggerFactory CreateFactory()
        => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    /// <summary>Removes everything captured so far.</summary>
    public void Clear()
    {
        _entries.Clear();
        _lines.Clear();
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CaptureLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class CaptureLogger : ILogger
    {
        private readonly LogCapture _owner;
        private readonly string _category;

        public CaptureLogger(LogCapture owner, string category)
        {
            _owner = owner;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            _owner._lines.Enqueue(string.Create(CultureInfo.InvariantCulture, $"[Scope] {_category}: {state}"));
            return NullScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= _owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToArray()
                : Array.Empty<KeyValuePair<string, object?>>();
            var entry = new CapturedLog(logLevel, _category, eventId, message, exception?.ToString(), values);
            lock (_owner._lines)
            {
                _owner._entries.Enqueue(entry);
                _owner._lines.Enqueue(entry.ToString());
            }
        }
    }

    private sealed class NullScope : IDisposable
    {
        public static readonly NullScope Instance = new();

        public void Dispose()
        {
        }
    }
}
