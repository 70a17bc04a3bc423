using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Status carried by a DST-status-changed webhook. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct DstNotificationStatus : IExtensibleEnum, IEquatable<DstNotificationStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public DstNotificationStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>toFill</c>.</summary>
    public static DstNotificationStatus ToFill { get; } = new("toFill");

    /// <summary><c>toSign</c>.</summary>
    public static DstNotificationStatus ToSign { get; } = new("toSign");

    /// <summary><c>expired</c>.</summary>
    public static DstNotificationStatus Expired { get; } = new("expired");

    /// <summary><c>performed</c>.</summary>
    public static DstNotificationStatus Performed { get; } = new("performed");

    /// <summary><c>error</c>.</summary>
    public static DstNotificationStatus Error { get; } = new("error");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DstNotificationStatus left, DstNotificationStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(DstNotificationStatus left, DstNotificationStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator DstNotificationStatus(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static DstNotificationStatus FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(DstNotificationStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DstNotificationStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="DstNotificationStatus"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<DstNotificationStatus>
    {
        /// <inheritdoc />
        protected override DstNotificationStatus Create(string value) => new(value);
    }
}
