using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>How a signer signs: remote (invited by email) or embedded (in the integrator's platform). Values the server adds later are kept as they are and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SigningMode : IExtensibleEnum, IEquatable<SigningMode>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public SigningMode(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Remote signing: the signer is invited by email.</summary>
    public static SigningMode Remote { get; } = new("remote");

    /// <summary>Embedded signing in the integrator's platform (iframe or redirect); needs a return URL.</summary>
    public static SigningMode Embedded { get; } = new("embedded");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Equality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(SigningMode left, SigningMode right) => left.Equals(right);

    /// <summary>Inequality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both differ.</returns>
    public static bool operator !=(SigningMode left, SigningMode right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SigningMode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SigningMode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (string form).</summary>
    public sealed class Converter : ExtensibleEnumConverter<SigningMode>
    {
        /// <inheritdoc />
        protected override SigningMode Create(string value) => new(value);
    }
}
