using System;

namespace AlphaTrust.Tasks.Models;

/// <summary>
/// How a new participant authenticates before completing tasks (sent as <c>Authentication { Type, Data }</c>). Only
/// consistent combinations can be written: each factory sets the type and the data it needs.
/// </summary>
/// <remarks><see cref="ToString"/> never shows <see cref="Data"/>.</remarks>
public sealed class ParticipantAuthentication
{
    private ParticipantAuthentication(ParticipantAuthenticationType type, string? data)
    {
        Type = type;
        Data = data;
    }

    /// <summary>No authentication.</summary>
    public static ParticipantAuthentication None { get; } = new(ParticipantAuthenticationType.None, null);

    /// <summary>The authentication type.</summary>
    public ParticipantAuthenticationType Type { get; }

    /// <summary>The type's data: the password, the password hash or the registered user's name (a secret for passwords).</summary>
    public string? Data { get; }

    /// <summary>Password authentication with a clear-text password.</summary>
    /// <param name="password">The password the participant (or a remote sign) must present.</param>
    /// <returns>The authentication.</returns>
    public static ParticipantAuthentication Password(string password) =>
        new(ParticipantAuthenticationType.Password, Require(password, nameof(password)));

    /// <summary>Password authentication with a password hash computed as the installation expects.</summary>
    /// <param name="passwordHash">The hash.</param>
    /// <returns>The authentication.</returns>
    public static ParticipantAuthentication PasswordHashed(string passwordHash) =>
        new(ParticipantAuthenticationType.PasswordHashed, Require(passwordHash, nameof(passwordHash)));

    /// <summary>Registered-user authentication.</summary>
    /// <param name="username">The registered user's name.</param>
    /// <returns>The authentication.</returns>
    public static ParticipantAuthentication RegisteredUser(string username) =>
        new(ParticipantAuthenticationType.RegisteredUser, Require(username, nameof(username)));

    /// <inheritdoc />
    public override string ToString() => Type + (Data is null ? string.Empty : "(***)");

    private static string Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The value is required.", name);
        }

        return value;
    }
}
