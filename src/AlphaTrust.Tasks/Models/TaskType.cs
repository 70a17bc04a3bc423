using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace AlphaTrust.Tasks.Models;

/// <summary>The kind of work a participant performs on a document; every type can be completed by remote signing. Values the service adds later round-trip unchanged.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct TaskType : IExtensibleEnum, IEquatable<TaskType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public TaskType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Apply a signature.</summary>
    public static TaskType Signature { get; } = new("Signature");

    /// <summary>Apply initials.</summary>
    public static TaskType Initial { get; } = new("Initial");

    /// <summary>Acknowledge the document.</summary>
    public static TaskType Acknowledgement { get; } = new("Acknowledgement");

    /// <summary>Receive the document.</summary>
    public static TaskType Delivery { get; } = new("Delivery");

    /// <summary>Nothing to do; the task only records participation.</summary>
    public static TaskType NoActionRequired { get; } = new("NoActionRequired");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(TaskType left, TaskType right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TaskType left, TaskType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TaskType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TaskType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Reads and writes the value as a JSON string.</summary>
    public sealed class Converter : ExtensibleEnumConverter<TaskType>
    {
        /// <inheritdoc />
        protected override TaskType Create(string value) => new(value);
    }
}
