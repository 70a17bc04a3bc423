using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace Signant.InstantSign.Models;

/// <summary>What the signing page does after a successful signature. Unknown values the service may add are kept as they are and never throw.</summary>
[JsonConverter(typeof(AfterSignAction.Converter))]
public readonly struct AfterSignAction : IExtensibleEnum, IEquatable<AfterSignAction>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public AfterSignAction(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Stay on the signing page.</summary>
    public static AfterSignAction NoAction { get; } = new("NoAction");

    /// <summary>Redirect to <c>AfterSignRedirectUrl</c>.</summary>
    public static AfterSignAction Redirect { get; } = new("Redirect");

    /// <summary>Close the window (only works when it was opened from a parent window).</summary>
    public static AfterSignAction CloseWindow { get; } = new("CloseWindow");

    /// <summary>The wire value.</summary>
    public string? Value { get; }

    /// <summary>Equality by ordinal value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(AfterSignAction left, AfterSignAction right) => left.Equals(right);

    /// <summary>Inequality by ordinal value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(AfterSignAction left, AfterSignAction right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AfterSignAction other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AfterSignAction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (the wire value as a string; unknown values are kept).</summary>
    public sealed class Converter : ExtensibleEnumConverter<AfterSignAction>
    {
        /// <inheritdoc />
        protected override AfterSignAction Create(string value) => new(value);
    }
}
