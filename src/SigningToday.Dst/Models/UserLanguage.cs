using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Default language of a Signing Today user (<c>language</c>): it, en, es, fr in the doc. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct UserLanguage : IExtensibleEnum, IEquatable<UserLanguage>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public UserLanguage(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>it</c>.</summary>
    public static UserLanguage Italian { get; } = new("it");

    /// <summary><c>en</c>.</summary>
    public static UserLanguage English { get; } = new("en");

    /// <summary><c>es</c>.</summary>
    public static UserLanguage Spanish { get; } = new("es");

    /// <summary><c>fr</c>.</summary>
    public static UserLanguage French { get; } = new("fr");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(UserLanguage left, UserLanguage right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(UserLanguage left, UserLanguage right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator UserLanguage(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static UserLanguage FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(UserLanguage other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UserLanguage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="UserLanguage"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<UserLanguage>
    {
        /// <inheritdoc />
        protected override UserLanguage Create(string value) => new(value);
    }
}
