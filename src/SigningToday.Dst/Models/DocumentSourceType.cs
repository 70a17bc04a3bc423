using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Where the bytes of a robot-created document come from (<c>source.type</c>): <c>URL</c> or <c>Embedded</c>. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct DocumentSourceType : IExtensibleEnum, IEquatable<DocumentSourceType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public DocumentSourceType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>URL</c>.</summary>
    public static DocumentSourceType Url { get; } = new("URL");

    /// <summary><c>Embedded</c>.</summary>
    public static DocumentSourceType Embedded { get; } = new("Embedded");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DocumentSourceType left, DocumentSourceType right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(DocumentSourceType left, DocumentSourceType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator DocumentSourceType(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static DocumentSourceType FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(DocumentSourceType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DocumentSourceType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="DocumentSourceType"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<DocumentSourceType>
    {
        /// <inheritdoc />
        protected override DocumentSourceType Create(string value) => new(value);
    }
}
