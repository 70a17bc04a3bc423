using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Status of a Digital Signature Transaction. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct DstStatus : IExtensibleEnum, IEquatable<DstStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public DstStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>draft</c>.</summary>
    public static DstStatus Draft { get; } = new("draft");

    /// <summary><c>downloadingInDraft</c>.</summary>
    public static DstStatus DownloadingInDraft { get; } = new("downloadingInDraft");

    /// <summary><c>downloadingInPublished</c>.</summary>
    public static DstStatus DownloadingInPublished { get; } = new("downloadingInPublished");

    /// <summary><c>published</c>.</summary>
    public static DstStatus Published { get; } = new("published");

    /// <summary><c>toFill</c>.</summary>
    public static DstStatus ToFill { get; } = new("toFill");

    /// <summary><c>toSign</c>.</summary>
    public static DstStatus ToSign { get; } = new("toSign");

    /// <summary><c>expired</c>.</summary>
    public static DstStatus Expired { get; } = new("expired");

    /// <summary><c>signed</c>.</summary>
#pragma warning disable CA1720 // "Signed" is the provider's status name, not a type name.
    public static DstStatus Signed { get; } = new("signed");
#pragma warning restore CA1720

    /// <summary><c>rejected</c>.</summary>
    public static DstStatus Rejected { get; } = new("rejected");

    /// <summary><c>error</c>.</summary>
    public static DstStatus Error { get; } = new("error");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DstStatus left, DstStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(DstStatus left, DstStatus right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator DstStatus(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static DstStatus FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(DstStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DstStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>True for a final state: signed, rejected, expired, error.</summary>
    public bool IsTerminal => Equals(Signed) || Equals(Rejected) || Equals(Expired) || Equals(Error);

    /// <summary>JSON converter for <see cref="DstStatus"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<DstStatus>
    {
        /// <inheritdoc />
        protected override DstStatus Create(string value) => new(value);
    }
}
