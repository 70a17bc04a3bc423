using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Status of a document of a DST. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct DocumentStatus : IExtensibleEnum, IEquatable<DocumentStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public DocumentStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>plain</c>.</summary>
    public static DocumentStatus Plain { get; } = new("plain");

    /// <summary><c>filled</c>.</summary>
    public static DocumentStatus Filled { get; } = new("filled");

    /// <summary><c>signed</c>.</summary>
#pragma warning disable CA1720 // "Signed" is the provider's status name, not a type name.
    public static DocumentStatus Signed { get; } = new("signed");
#pragma warning restore CA1720

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DocumentStatus left, DocumentStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(DocumentStatus left, DocumentStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator DocumentStatus(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static DocumentStatus FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(DocumentStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DocumentStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="DocumentStatus"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<DocumentStatus>
    {
        /// <inheritdoc />
        protected override DocumentStatus Create(string value) => new(value);
    }
}
