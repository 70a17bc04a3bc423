using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Event of a Signing Today notification. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct NotificationEventType : IExtensibleEnum, IEquatable<NotificationEventType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public NotificationEventType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>dst_status_published</c>.</summary>
    public static NotificationEventType DstStatusPublished { get; } = new("dst_status_published");

    /// <summary><c>dst_status_expired</c>.</summary>
    public static NotificationEventType DstStatusExpired { get; } = new("dst_status_expired");

    /// <summary><c>dst_status_rejected</c>.</summary>
    public static NotificationEventType DstStatusRejected { get; } = new("dst_status_rejected");

    /// <summary><c>dst_status_signed</c>.</summary>
    public static NotificationEventType DstStatusSigned { get; } = new("dst_status_signed");

    /// <summary><c>dst_status_error</c>.</summary>
    public static NotificationEventType DstStatusError { get; } = new("dst_status_error");

    /// <summary><c>dst_alert_fill</c>.</summary>
    public static NotificationEventType DstAlertFill { get; } = new("dst_alert_fill");

    /// <summary><c>dst_alert_sign</c>.</summary>
    public static NotificationEventType DstAlertSign { get; } = new("dst_alert_sign");

    /// <summary><c>dst_alert_note_added</c>.</summary>
    public static NotificationEventType DstAlertNoteAdded { get; } = new("dst_alert_note_added");

    /// <summary><c>dst_alert_note_modified</c>.</summary>
    public static NotificationEventType DstAlertNoteModified { get; } = new("dst_alert_note_modified");

    /// <summary><c>dst_alert_note_deleted</c>.</summary>
    public static NotificationEventType DstAlertNoteDeleted { get; } = new("dst_alert_note_deleted");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(NotificationEventType left, NotificationEventType right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(NotificationEventType left, NotificationEventType right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator NotificationEventType(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static NotificationEventType FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(NotificationEventType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NotificationEventType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="NotificationEventType"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<NotificationEventType>
    {
        /// <inheritdoc />
        protected override NotificationEventType Create(string value) => new(value);
    }
}
