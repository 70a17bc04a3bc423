using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Status of a signature. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SignatureStatus : IExtensibleEnum, IEquatable<SignatureStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public SignatureStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>signed</c>.</summary>
#pragma warning disable CA1720 // "Signed" is the provider's status name, not a type name.
    public static SignatureStatus Signed { get; } = new("signed");
#pragma warning restore CA1720

    /// <summary><c>declined</c>.</summary>
    public static SignatureStatus Declined { get; } = new("declined");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(SignatureStatus left, SignatureStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(SignatureStatus left, SignatureStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator SignatureStatus(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static SignatureStatus FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(SignatureStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignatureStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="SignatureStatus"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<SignatureStatus>
    {
        /// <inheritdoc />
        protected override SignatureStatus Create(string value) => new(value);
    }
}
