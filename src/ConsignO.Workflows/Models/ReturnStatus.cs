using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>The status ConsignO appends to a return URL (`?status=`): a workflow event or a signature result. Values the server adds later are kept as they are and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct ReturnStatus : IExtensibleEnum, IEquatable<ReturnStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public ReturnStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The initiator updated the workflow in the workspace.</summary>
    public static ReturnStatus WorkflowUpdated { get; } = new("WORKFLOW_UPDATED");

    /// <summary>The workflow was launched.</summary>
    public static ReturnStatus WorkflowLaunched { get; } = new("WORKFLOW_LAUNCHED");

    /// <summary>The workflow was canceled.</summary>
    public static ReturnStatus WorkflowCanceled { get; } = new("WORKFLOW_CANCELED");

    /// <summary>The initiator, also a signer, signed.</summary>
    public static ReturnStatus SignatureSuccess { get; } = new("SIGNATURE_SUCCESS");

    /// <summary>The initiator's signature was cancelled.</summary>
    public static ReturnStatus SignatureCancelled { get; } = new("SIGNATURE_CANCELLED");

    /// <summary>The initiator declined to sign.</summary>
    public static ReturnStatus SignatureDecline { get; } = new("SIGNATURE_DECLINE");

    /// <summary>The embedded signer signed.</summary>
    public static ReturnStatus Success { get; } = new("success");

    /// <summary>The embedded signer declined.</summary>
    public static ReturnStatus Decline { get; } = new("decline");

    /// <summary>The embedded signature failed.</summary>
    public static ReturnStatus Failure { get; } = new("failure");

    /// <summary>The embedded signing session expired.</summary>
    public static ReturnStatus Expired { get; } = new("expired");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Equality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(ReturnStatus left, ReturnStatus right) => left.Equals(right);

    /// <summary>Inequality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both differ.</returns>
    public static bool operator !=(ReturnStatus left, ReturnStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ReturnStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReturnStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (string form).</summary>
    public sealed class Converter : ExtensibleEnumConverter<ReturnStatus>
    {
        /// <inheritdoc />
        protected override ReturnStatus Create(string value) => new(value);
    }
}
