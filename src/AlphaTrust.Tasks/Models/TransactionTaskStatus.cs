using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace AlphaTrust.Tasks.Models;

/// <summary>The state of one task of a transaction. Values the service adds later round-trip unchanged.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TransactionTaskStatus : IExtensibleEnum, IEquatable<TransactionTaskStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public TransactionTaskStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Waiting for its participant.</summary>
    public static TransactionTaskStatus Pending { get; } = new("Pending");

    /// <summary>Done (in the e-Sign interface or by remote signing).</summary>
    public static TransactionTaskStatus Completed { get; } = new("Completed");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(TransactionTaskStatus left, TransactionTaskStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TransactionTaskStatus left, TransactionTaskStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TransactionTaskStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TransactionTaskStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Reads and writes the value as a JSON string.</summary>
    public sealed class Converter : ExtensibleEnumConverter<TransactionTaskStatus>
    {
        /// <inheritdoc />
        protected override TransactionTaskStatus Create(string value) => new(value);
    }
}
