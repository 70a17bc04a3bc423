using System;

namespace AlphaTrust.Tasks.Models;

/// <summary>
/// The credentials a remote sign presents for one task, matching the authentication its participant is configured
/// with. Only the three valid shapes can be written: <see cref="None"/>, <see cref="Password(string)"/> (for
/// Password and PasswordHashed participants; always the clear text) and <see cref="RegisteredUser(string, string)"/>.
/// </summary>
/// <remarks>No <c>ToString()</c> shows a password.</remarks>
public abstract class TaskAuthentication
{
    private protected TaskAuthentication()
    {
    }

    /// <summary>No task authentication (the workflow does not require it).</summary>
    public static TaskAuthentication None { get; } = new NoTaskAuthentication();

    /// <summary>Password authentication, for participants with Password or PasswordHashed authentication.</summary>
    /// <param name="password">The participant's password in clear text (the service hashes it when needed).</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentException"><paramref name="password"/> is null or empty.</exception>
    public static TaskAuthentication Password(string password) => new PasswordTaskAuthentication(password);

    /// <summary>Registered-user authentication: the user must exist in the AlphaTrust installation.</summary>
    /// <param name="username">The registered user's name.</param>
    /// <param name="password">The registered user's password.</param>
    /// <returns>The authentication.</returns>
    /// <exception cref="ArgumentException">A value is null or empty.</exception>
    public static TaskAuthentication RegisteredUser(string username, string password) => new RegisteredUserTaskAuthentication(username, password);

    internal abstract string? WirePassword { get; }

    /// <summary>The authentication kind, with any password masked.</summary>
    /// <returns>A display form without secrets.</returns>
    public abstract override string ToString();

    internal abstract string? WireUsername { get; }
}

/// <summary>No task authentication.</summary>
public sealed class NoTaskAuthentication : TaskAuthentication
{
    internal NoTaskAuthentication()
    {
    }

    internal override string? WirePassword => null;

    internal override string? WireUsername => null;

    /// <inheritdoc />
    public override string ToString() => "None";
}

/// <summary>Password authentication (Password and PasswordHashed participants).</summary>
public sealed class PasswordTaskAuthentication : TaskAuthentication
{
    internal PasswordTaskAuthentication(string password)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("A password is required for password task authentication.", nameof(password));
        }

        ClearTextPassword = password;
    }

    /// <summary>The clear-text password (a secret).</summary>
    public string ClearTextPassword { get; }

    internal override string? WirePassword => ClearTextPassword;

    internal override string? WireUsername => null;

    /// <inheritdoc />
    public override string ToString() => "Password(***)";
}

/// <summary>Registered-user authentication (username and password of a user of the installation).</summary>
public sealed class RegisteredUserTaskAuthentication : TaskAuthentication
{
    internal RegisteredUserTaskAuthentication(string username, string password)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            throw new ArgumentException("A username is required for registered-user task authentication.", nameof(username));
        }

        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("A password is required for registered-user task authentication.", nameof(password));
        }

        Username = username;
        ClearTextPassword = password;
    }

    /// <summary>The registered user's name.</summary>
    public string Username { get; }

    /// <summary>The registered user's password (a secret).</summary>
    public string ClearTextPassword { get; }

    internal override string? WirePassword => ClearTextPassword;

    internal override string? WireUsername => Username;

    /// <inheritdoc />
    public override string ToString() => "RegisteredUser(" + Username + ", ***)";
}
