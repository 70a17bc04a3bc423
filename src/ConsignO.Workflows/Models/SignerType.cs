using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>The kind of signer. Values the server adds later are kept as they are and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SignerType : IExtensibleEnum, IEquatable<SignerType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public SignerType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Electronic signature.</summary>
    public static SignerType Esig { get; } = new("esig");

    /// <summary>Signature with a Certifio certificate.</summary>
    public static SignerType Certifio { get; } = new("certifio");

    /// <summary>Signature with a Certifio Cloud certificate.</summary>
    public static SignerType CertifioCloud { get; } = new("certifiocloud");

    /// <summary>Text zones only.</summary>
    public static SignerType Freezone { get; } = new("freezone");

    /// <summary>Approval without a signature.</summary>
    public static SignerType Approver { get; } = new("approver");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Equality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(SignerType left, SignerType right) => left.Equals(right);

    /// <summary>Inequality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both differ.</returns>
    public static bool operator !=(SignerType left, SignerType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SignerType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignerType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (string form).</summary>
    public sealed class Converter : ExtensibleEnumConverter<SignerType>
    {
        /// <inheritdoc />
        protected override SignerType Create(string value) => new(value);
    }
}
