using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace AlphaTrust.Tasks.Models;

/// <summary>How a participant proves who they are before completing tasks. Remote signing supports Password, PasswordHashed and RegisteredUser (and participants without authentication). Values the service adds later round-trip unchanged.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct ParticipantAuthenticationType : IExtensibleEnum, IEquatable<ParticipantAuthenticationType>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public ParticipantAuthenticationType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>No authentication.</summary>
    public static ParticipantAuthenticationType None { get; } = new("None");

    /// <summary>A password stored in clear text.</summary>
    public static ParticipantAuthenticationType Password { get; } = new("Password");

    /// <summary>A password stored as a hash; remote signing still sends the clear text.</summary>
    public static ParticipantAuthenticationType PasswordHashed { get; } = new("PasswordHashed");

    /// <summary>A registered user of the installation (username and password).</summary>
    public static ParticipantAuthenticationType RegisteredUser { get; } = new("RegisteredUser");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ParticipantAuthenticationType left, ParticipantAuthenticationType right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ParticipantAuthenticationType left, ParticipantAuthenticationType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ParticipantAuthenticationType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ParticipantAuthenticationType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Reads and writes the value as a JSON string.</summary>
    public sealed class Converter : ExtensibleEnumConverter<ParticipantAuthenticationType>
    {
        /// <inheritdoc />
        protected override ParticipantAuthenticationType Create(string value) => new(value);
    }
}
