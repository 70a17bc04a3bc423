using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Event of an audit record. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct AuditEvent : IExtensibleEnum, IEquatable<AuditEvent>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public AuditEvent(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>event_published</c>.</summary>
    public static AuditEvent EventPublished { get; } = new("event_published");

    /// <summary><c>event_form_fill</c>.</summary>
    public static AuditEvent EventFormFill { get; } = new("event_form_fill");

    /// <summary><c>event_signature</c>.</summary>
    public static AuditEvent EventSignature { get; } = new("event_signature");

    /// <summary><c>event_rejection</c>.</summary>
    public static AuditEvent EventRejection { get; } = new("event_rejection");

    /// <summary><c>event_replacement</c>.</summary>
    public static AuditEvent EventReplacement { get; } = new("event_replacement");

    /// <summary><c>event_note_add</c>.</summary>
    public static AuditEvent EventNoteAdd { get; } = new("event_note_add");

    /// <summary><c>event_note_modify</c>.</summary>
    public static AuditEvent EventNoteModify { get; } = new("event_note_modify");

    /// <summary><c>event_note_delete</c>.</summary>
    public static AuditEvent EventNoteDelete { get; } = new("event_note_delete");

    /// <summary><c>event_solicitation</c>.</summary>
    public static AuditEvent EventSolicitation { get; } = new("event_solicitation");

    /// <summary><c>event_upload_alfresco</c>.</summary>
    public static AuditEvent EventUploadAlfresco { get; } = new("event_upload_alfresco");

    /// <summary><c>stage_to_fill</c>.</summary>
    public static AuditEvent StageToFill { get; } = new("stage_to_fill");

    /// <summary><c>stage_to_sign</c>.</summary>
    public static AuditEvent StageToSign { get; } = new("stage_to_sign");

    /// <summary><c>stage_expired</c>.</summary>
    public static AuditEvent StageExpired { get; } = new("stage_expired");

    /// <summary><c>stage_signed</c>.</summary>
    public static AuditEvent StageSigned { get; } = new("stage_signed");

    /// <summary><c>stage_rejected</c>.</summary>
    public static AuditEvent StageRejected { get; } = new("stage_rejected");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(AuditEvent left, AuditEvent right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(AuditEvent left, AuditEvent right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator AuditEvent(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static AuditEvent FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(AuditEvent other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AuditEvent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="AuditEvent"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<AuditEvent>
    {
        /// <inheritdoc />
        protected override AuditEvent Create(string value) => new(value);
    }
}
