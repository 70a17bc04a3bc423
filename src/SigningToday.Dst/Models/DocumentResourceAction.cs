using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Action on a document resource. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct DocumentResourceAction : IExtensibleEnum, IEquatable<DocumentResourceAction>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public DocumentResourceAction(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>replace</c>.</summary>
    public static DocumentResourceAction Replace { get; } = new("replace");

    /// <summary><c>clone_and_replace</c>.</summary>
    public static DocumentResourceAction CloneAndReplace { get; } = new("clone_and_replace");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DocumentResourceAction left, DocumentResourceAction right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(DocumentResourceAction left, DocumentResourceAction right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator DocumentResourceAction(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static DocumentResourceAction FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(DocumentResourceAction other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DocumentResourceAction other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="DocumentResourceAction"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<DocumentResourceAction>
    {
        /// <inheritdoc />
        protected override DocumentResourceAction Create(string value) => new(value);
    }
}
