using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace Signant.InstantSign.Models;

/// <summary>The kind of posting (<c>PostingType</c>). Unknown values the service may add are kept as they are and never throw.</summary>
[JsonConverter(typeof(PostingType.Converter))]
public readonly struct PostingType : IExtensibleEnum, IEquatable<PostingType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public PostingType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>An instant signature posting.</summary>
    public static PostingType InstantSign { get; } = new("InstantSign");

    /// <summary>The wire value.</summary>
    public string? Value { get; }

    /// <summary>Equality by ordinal value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(PostingType left, PostingType right) => left.Equals(right);

    /// <summary>Inequality by ordinal value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(PostingType left, PostingType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(PostingType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PostingType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (the wire value as a string; unknown values are kept).</summary>
    public sealed class Converter : ExtensibleEnumConverter<PostingType>
    {
        /// <inheritdoc />
        protected override PostingType Create(string value) => new(value);
    }
}
