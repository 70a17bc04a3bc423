using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningClients.Core.Operations;

/// <summary>
/// What a <see cref="LongRunningOperation{T}"/> needs to be rebuilt in another process: the provider, the kind of
/// operation, its ids, its deadline and where polling stood. It holds no credentials: the process that rebuilds the
/// operation brings its own configured client. Serialize it with <see cref="ToJson"/> (versioned JSON) and read it back
/// with <see cref="Parse"/>.
/// </summary>
public sealed class OperationRehydrationToken
{
    /// <summary>The format version this library writes (and the highest it reads).</summary>
    public const int CurrentVersion = 1;

    private const int MaxJsonLength = 16 * 1024;

    private readonly Dictionary<string, string> _ids;

    /// <summary>Creates a token.</summary>
    /// <param name="provider">The provider, e.g. "Signant".</param>
    /// <param name="kind">The kind of operation within the provider, e.g. "InstantPosting".</param>
    /// <param name="id">The operation's id (the provider's id of the posting, workflow, DST, signer process or transaction).</param>
    /// <param name="ids">Further ids the operation needs (e.g. the attachment id of a posting); never secrets.</param>
    /// <param name="deadline">When the provider gives up on (or deletes) the operation, if known.</param>
    /// <param name="pollState">Where polling stood; <see langword="null"/> for a fresh operation.</param>
    /// <exception cref="ArgumentException">A required value is empty.</exception>
    public OperationRehydrationToken(string provider, string kind, string id, IEnumerable<KeyValuePair<string, string>>? ids = null, DateTimeOffset? deadline = null, OperationPollState? pollState = null)
    {
        Provider = Require(provider, nameof(provider));
        Kind = Require(kind, nameof(kind));
        Id = Require(id, nameof(id));
        _ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ids is not null)
        {
            foreach (var pair in ids)
            {
                _ids[Require(pair.Key, nameof(ids))] = pair.Value ?? throw new ArgumentException("An id value cannot be null.", nameof(ids));
            }
        }

        Deadline = deadline;
        PollState = pollState ?? OperationPollState.Initial;
    }

    /// <summary>The format version of this token.</summary>
    public int Version { get; } = CurrentVersion;

    /// <summary>The provider, e.g. "Signant".</summary>
    public string Provider { get; }

    /// <summary>The kind of operation within the provider, e.g. "InstantPosting".</summary>
    public string Kind { get; }

    /// <summary>The operation's id.</summary>
    public string Id { get; }

    /// <summary>Further ids (name → value), ordinal keys.</summary>
    public IReadOnlyDictionary<string, string> Ids => _ids;

    /// <summary>When the provider gives up on (or deletes) the operation, if known: a tracker must finish before it.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Where polling stood when the token was taken.</summary>
    public OperationPollState PollState { get; }

    /// <summary>Reads a further id.</summary>
    /// <param name="name">Its name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentException">The token has no such id (it was not made for this kind of operation).</exception>
    public string GetId(string name) =>
        _ids.TryGetValue(name, out var value) ? value : throw new ArgumentException("The rehydration token of " + Provider + "/" + Kind + " has no '" + name + "' id.", nameof(name));

    /// <summary>Checks that this token was made for the given provider and kind of operation.</summary>
    /// <param name="provider">The expected provider.</param>
    /// <param name="kind">The expected kind.</param>
    /// <exception cref="ArgumentException">It was made for another.</exception>
    public void EnsureFor(string provider, string kind)
    {
        if (!string.Equals(Provider, provider, StringComparison.Ordinal) || !string.Equals(Kind, kind, StringComparison.Ordinal))
        {
            throw new ArgumentException("The rehydration token is for " + Provider + "/" + Kind + ", not " + provider + "/" + kind + ".");
        }
    }

    /// <summary>The token as versioned JSON (no secrets).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(ToWire(), OperationJsonContext.Default.RehydrationTokenWire);

    /// <summary>Reads a token written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentException">The text is empty, too long, not a token, or of a newer version.</exception>
    public static OperationRehydrationToken Parse(string json)
    {
        if (json is null || json.Trim().Length == 0)
        {
            throw new ArgumentException("The rehydration token is empty.", nameof(json));
        }

        if (json.Length > MaxJsonLength)
        {
            throw new ArgumentException("The rehydration token is longer than " + MaxJsonLength + " characters.", nameof(json));
        }

        RehydrationTokenWire? wire;
        try
        {
            wire = JsonSerializer.Deserialize(json, OperationJsonContext.Default.RehydrationTokenWire);
        }
        catch (JsonException)
        {
            // The text is not echoed: it may come from an untrusted store.
            throw new ArgumentException("The rehydration token is not valid JSON.", nameof(json));
        }

        if (wire is null || wire.Version < 1)
        {
            throw new ArgumentException("The text is not a rehydration token.", nameof(json));
        }

        if (wire.Version > CurrentVersion)
        {
            throw new ArgumentException("The rehydration token has version " + wire.Version + "; this library reads up to " + CurrentVersion + ".", nameof(json));
        }

        if (string.IsNullOrWhiteSpace(wire.Provider) || string.IsNullOrWhiteSpace(wire.Kind) || string.IsNullOrWhiteSpace(wire.Id))
        {
            throw new ArgumentException("The rehydration token lacks its provider, kind or id.", nameof(json));
        }

        var poll = wire.Poll is { } p
            ? new OperationPollState(p.Count, p.LastPolledAt, p.LastStatus, p.NextDelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, p.Completed)
            : null;
        return new OperationRehydrationToken(wire.Provider!, wire.Kind!, wire.Id!, wire.Ids, wire.Deadline, poll);
    }

    /// <inheritdoc />
    public override string ToString() => ToJson();

    private RehydrationTokenWire ToWire() => new()
    {
        Version = CurrentVersion,
        Provider = Provider,
        Kind = Kind,
        Id = Id,
        Ids = _ids.Count == 0 ? null : _ids.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        Deadline = Deadline,
        Poll = new PollStateWire
        {
            Count = PollState.PollCount,
            LastPolledAt = PollState.LastPolledAt,
            LastStatus = PollState.LastStatus,
            NextDelayMs = PollState.NextDelay is { } d ? (long)d.TotalMilliseconds : null,
            Completed = PollState.HasCompleted,
        },
    };

    private static string Require(string value, string paramName) =>
        value is null || value.Trim().Length == 0 ? throw new ArgumentException("A rehydration token needs a non-empty " + paramName + ".", paramName) : value;
}

/// <summary>Where polling of an operation stood: how often it was polled, when last, what it saw, what delay it was asked to keep.</summary>
public sealed class OperationPollState
{
    /// <summary>A never-polled operation.</summary>
    public static readonly OperationPollState Initial = new(0, null, null, null, false);

    /// <summary>Creates a poll state.</summary>
    /// <param name="pollCount">How many polls were made.</param>
    /// <param name="lastPolledAt">When the last poll answered.</param>
    /// <param name="lastStatus">The provider status the last poll saw (e.g. "Active").</param>
    /// <param name="nextDelay">The delay the last poll suggested before the next one.</param>
    /// <param name="hasCompleted">Whether the operation had completed.</param>
    public OperationPollState(int pollCount, DateTimeOffset? lastPolledAt, string? lastStatus, TimeSpan? nextDelay, bool hasCompleted)
    {
        if (pollCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pollCount), "The poll count cannot be negative.");
        }

        PollCount = pollCount;
        LastPolledAt = lastPolledAt;
        LastStatus = lastStatus;
        NextDelay = nextDelay;
        HasCompleted = hasCompleted;
    }

    /// <summary>How many polls were made.</summary>
    public int PollCount { get; }

    /// <summary>When the last poll answered.</summary>
    public DateTimeOffset? LastPolledAt { get; }

    /// <summary>The provider status the last poll saw.</summary>
    public string? LastStatus { get; }

    /// <summary>The delay the last poll suggested before the next one.</summary>
    public TimeSpan? NextDelay { get; }

    /// <summary>Whether the operation had completed.</summary>
    public bool HasCompleted { get; }
}

internal sealed class RehydrationTokenWire
{
    [JsonPropertyName("v")]
    public int Version { get; set; }

    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("ids")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? Ids { get; set; }

    [JsonPropertyName("deadline")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Deadline { get; set; }

    [JsonPropertyName("poll")]
    public PollStateWire? Poll { get; set; }
}

internal sealed class PollStateWire
{
    [JsonPropertyName("count")]
    public int Count { get; set; }

    [JsonPropertyName("lastPolledAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LastPolledAt { get; set; }

    [JsonPropertyName("lastStatus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastStatus { get; set; }

    [JsonPropertyName("nextDelayMs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? NextDelayMs { get; set; }

    [JsonPropertyName("completed")]
    public bool Completed { get; set; }
}

[JsonSerializable(typeof(RehydrationTokenWire))]
internal sealed partial class OperationJsonContext : JsonSerializerContext
{
}
