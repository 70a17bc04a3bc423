using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>The language of the messages a signer receives. Values the server adds later are kept as they are and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SignerLanguage : IExtensibleEnum, IEquatable<SignerLanguage>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public SignerLanguage(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>English.</summary>
    public static SignerLanguage English { get; } = new("en");

    /// <summary>French.</summary>
    public static SignerLanguage French { get; } = new("fr");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Equality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(SignerLanguage left, SignerLanguage right) => left.Equals(right);

    /// <summary>Inequality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both differ.</returns>
    public static bool operator !=(SignerLanguage left, SignerLanguage right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(SignerLanguage other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignerLanguage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (string form).</summary>
    public sealed class Converter : ExtensibleEnumConverter<SignerLanguage>
    {
        /// <inheritdoc />
        protected override SignerLanguage Create(string value) => new(value);
    }
}
