using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Status carried by a signature-status-changed webhook. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SignatureNotificationStatus : IExtensibleEnum, IEquatable<SignatureNotificationStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public SignatureNotificationStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>pending</c>.</summary>
    public static SignatureNotificationStatus Pending { get; } = new("pending");

    /// <summary><c>performed</c>.</summary>
    public static SignatureNotificationStatus Performed { get; } = new("performed");

    /// <summary><c>expired</c>.</summary>
    public static SignatureNotificationStatus Expired { get; } = new("expired");

    /// <summary><c>error</c>.</summary>
    public static SignatureNotificationStatus Error { get; } = new("error");

    /// <summary><c>declined</c>.</summary>
    public static SignatureNotificationStatus Declined { get; } = new("declined");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(SignatureNotificationStatus left, SignatureNotificationStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(SignatureNotificationStatus left, SignatureNotificationStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator SignatureNotificationStatus(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static SignatureNotificationStatus FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(SignatureNotificationStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignatureNotificationStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="SignatureNotificationStatus"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<SignatureNotificationStatus>
    {
        /// <inheritdoc />
        protected override SignatureNotificationStatus Create(string value) => new(value);
    }
}
