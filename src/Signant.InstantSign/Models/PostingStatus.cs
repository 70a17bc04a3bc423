using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace Signant.InstantSign.Models;

/// <summary>The status of an instant posting (<c>Status</c> of GetPostingStatus). Unknown values the service may add are kept as they are and never throw.</summary>
[JsonConverter(typeof(PostingStatus.Converter))]
public readonly struct PostingStatus : IExtensibleEnum, IEquatable<PostingStatus>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public PostingStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Created and waiting for signatures.</summary>
    public static PostingStatus Sent { get; } = new("Sent");

    /// <summary>Every recipient has signed: download the document now, before the posting expires.</summary>
    public static PostingStatus Completed { get; } = new("Completed");

    /// <summary>Some, not all, signatures are done.</summary>
    public static PostingStatus CompletedPartially { get; } = new("CompletedPartially");

    /// <summary>The posting expired; the document can no longer be downloaded.</summary>
    public static PostingStatus Expired { get; } = new("Expired");

    /// <summary>The wire value.</summary>
    public string? Value { get; }

    /// <summary>Equality by ordinal value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(PostingStatus left, PostingStatus right) => left.Equals(right);

    /// <summary>Inequality by ordinal value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(PostingStatus left, PostingStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(PostingStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PostingStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (the wire value as a string; unknown values are kept).</summary>
    public sealed class Converter : ExtensibleEnumConverter<PostingStatus>
    {
        /// <inheritdoc />
        protected override PostingStatus Create(string value) => new(value);
    }
}
