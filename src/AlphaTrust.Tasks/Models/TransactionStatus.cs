using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace AlphaTrust.Tasks.Models;

/// <summary>The state of a transaction (a launched workflow). Values the service adds later round-trip unchanged.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TransactionStatus : IExtensibleEnum, IEquatable<TransactionStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public TransactionStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>In progress: tasks can still be added, updated and completed.</summary>
    public static TransactionStatus Pending { get; } = new("Pending");

    /// <summary>Every task is completed; the documents are final.</summary>
    public static TransactionStatus Completed { get; } = new("Completed");

    /// <summary>Closed (cancelled) before completion.</summary>
    public static TransactionStatus Closed { get; } = new("Closed");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(TransactionStatus left, TransactionStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TransactionStatus left, TransactionStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TransactionStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TransactionStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Reads and writes the value as a JSON string.</summary>
    public sealed class Converter : ExtensibleEnumConverter<TransactionStatus>
    {
        /// <inheritdoc />
        protected override TransactionStatus Create(string value) => new(value);
    }
}
