using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A capability of a Signing Today user (an action the user may do), e.g. <c>dst.list.all</c>. Unknown values sent by the server are kept and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct UserCapability : IExtensibleEnum, IEquatable<UserCapability>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public UserCapability(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary><c>user.pwd.clear</c>.</summary>
    public static UserCapability UserPasswordClear { get; } = new("user.pwd.clear");

    /// <summary><c>user.create.all</c>.</summary>
    public static UserCapability UserCreateAll { get; } = new("user.create.all");

    /// <summary><c>user.access.all</c>.</summary>
    public static UserCapability UserAccessAll { get; } = new("user.access.all");

    /// <summary><c>user.delete.all</c>.</summary>
    public static UserCapability UserDeleteAll { get; } = new("user.delete.all");

    /// <summary><c>dst.list.all</c>.</summary>
    public static UserCapability DstListAll { get; } = new("dst.list.all");

    /// <summary><c>dst.delete.all</c>.</summary>
    public static UserCapability DstDeleteAll { get; } = new("dst.delete.all");

    /// <summary><c>dst.create.modify_all</c>.</summary>
    public static UserCapability DstCreateModifyAll { get; } = new("dst.create.modify_all");

    /// <summary><c>devices.list.all</c>.</summary>
    public static UserCapability DevicesListAll { get; } = new("devices.list.all");

    /// <summary><c>devices.delete.all</c>.</summary>
    public static UserCapability DevicesDeleteAll { get; } = new("devices.delete.all");

    /// <summary><c>organizations.access.write.user</c>.</summary>
    public static UserCapability OrganizationsAccessWriteUser { get; } = new("organizations.access.write.user");

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(UserCapability left, UserCapability right) => left.Equals(right);

    /// <summary>Compares two values (ordinal).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(UserCapability left, UserCapability right) => !left.Equals(right);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator UserCapability(string value) => new(value);

    /// <summary>Converts a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The value.</returns>
    public static UserCapability FromString(string value) => new(value);

    /// <inheritdoc />
    public bool Equals(UserCapability other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UserCapability other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter for <see cref="UserCapability"/>.</summary>
    public sealed class Converter : ExtensibleEnumConverter<UserCapability>
    {
        /// <inheritdoc />
        protected override UserCapability Create(string value) => new(value);
    }
}
