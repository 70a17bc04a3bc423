using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>The state of one workflow action (a signer's step). Values the server adds later are kept as they are and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct ActionStatus : IExtensibleEnum, IEquatable<ActionStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public ActionStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The action has not started.</summary>
    public static ActionStatus NotStarted { get; } = new("NOT_STARTED");

    /// <summary>The action has started.</summary>
    public static ActionStatus Started { get; } = new("STARTED");

    /// <summary>The signer is working on it.</summary>
    public static ActionStatus InProgress { get; } = new("IN_PROGRESS");

    /// <summary>The signer completed the action.</summary>
    public static ActionStatus Completed { get; } = new("COMPLETED");

    /// <summary>The signer declined.</summary>
    public static ActionStatus Declined { get; } = new("DECLINED");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Equality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(ActionStatus left, ActionStatus right) => left.Equals(right);

    /// <summary>Inequality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both differ.</returns>
    public static bool operator !=(ActionStatus left, ActionStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ActionStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ActionStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (string form).</summary>
    public sealed class Converter : ExtensibleEnumConverter<ActionStatus>
    {
        /// <inheritdoc />
        protected override ActionStatus Create(string value) => new(value);
    }
}
