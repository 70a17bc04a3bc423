using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Type of a Signing Today resource (<c>resourceType</c>, and <c>type</c> of a DST resource): <c>PDF_Document</c> or <c>Image</c>. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct ResourceType : IExtensibleEnum, IEquatable<ResourceType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public ResourceType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>PDF_Document</c>.</summary>
    public static ResourceType PdfDocument { get; } = new("PDF_Document");

    /// <summary><c>Image</c>.</summary>
    public static ResourceType Image { get; } = new("Image");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(ResourceType left, ResourceType right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(ResourceType left, ResourceType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator ResourceType(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static ResourceType FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(ResourceType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ResourceType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="ResourceType"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<ResourceType>
    {
        /// <inheritdoc />
        protected override ResourceType Create(string value) => new(value);
    }
}
