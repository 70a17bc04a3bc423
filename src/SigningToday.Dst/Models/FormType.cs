using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Type of a fillable form. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct FormType : IExtensibleEnum, IEquatable<FormType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public FormType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>SignatureForm</c>.</summary>
    public static FormType SignatureForm { get; } = new("SignatureForm");

    /// <summary><c>TextForm</c>.</summary>
    public static FormType TextForm { get; } = new("TextForm");

    /// <summary><c>ClauseForm</c>.</summary>
    public static FormType ClauseForm { get; } = new("ClauseForm");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(FormType left, FormType right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(FormType left, FormType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator FormType(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static FormType FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(FormType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FormType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="FormType"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<FormType>
    {
        /// <inheritdoc />
        protected override FormType Create(string value) => new(value);
    }
}
