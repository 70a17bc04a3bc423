using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace Signant.InstantSign.Models;

/// <summary>What the recipients do with an attachment. Instant postings only accept <see cref="Sign"/>. Unknown values the service may add are kept as they are and never throw.</summary>
[JsonConverter(typeof(AttachmentActionType.Converter))]
public readonly struct AttachmentActionType : IExtensibleEnum, IEquatable<AttachmentActionType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public AttachmentActionType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The attachment is to be signed.</summary>
    public static AttachmentActionType Sign { get; } = new("Sign");

    /// <summary>The wire value.</summary>
    public string? Value { get; }

    /// <summary>Equality by ordinal value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(AttachmentActionType left, AttachmentActionType right) => left.Equals(right);

    /// <summary>Inequality by ordinal value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(AttachmentActionType left, AttachmentActionType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AttachmentActionType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttachmentActionType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (the wire value as a string; unknown values are kept).</summary>
    public sealed class Converter : ExtensibleEnumConverter<AttachmentActionType>
    {
        /// <inheritdoc />
        protected override AttachmentActionType Create(string value) => new(value);
    }
}
