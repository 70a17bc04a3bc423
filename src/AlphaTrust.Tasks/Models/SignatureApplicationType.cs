using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace AlphaTrust.Tasks.Models;

/// <summary>How a participant's visual signature is applied (the participant signature's <c>ApplicationType</c>). Only <see cref="Registered"/> is documented; other values the installation knows can be created with the constructor and round-trip unchanged.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SignatureApplicationType : IExtensibleEnum, IEquatable<SignatureApplicationType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public SignatureApplicationType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>
    /// Apply the registered user's stored signature image (documented: with registered-user authentication, a user
    /// with a stored image and a participant signature whose <c>ApplicationType</c> is <c>Registered</c> gets that image).
    /// </summary>
    public static SignatureApplicationType Registered { get; } = new("Registered");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SignatureApplicationType left, SignatureApplicationType right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SignatureApplicationType left, SignatureApplicationType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SignatureApplicationType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignatureApplicationType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Reads and writes the value as a JSON string.</summary>
    public sealed class Converter : ExtensibleEnumConverter<SignatureApplicationType>
    {
        /// <inheritdoc />
        protected override SignatureApplicationType Create(string value) => new(value);
    }
}
