using System;

namespace SigningClients.Core.Authentication;

/// <summary>A bearer token and when it expires. <see cref="ToString"/> never shows the token.</summary>
public readonly struct AccessToken : IEquatable<AccessToken>
{
    /// <summary>Creates a token.</summary>
    /// <param name="token">The token value.</param>
    /// <param name="expiresOn">When it expires (<see cref="DateTimeOffset.MaxValue"/> for lifetime tokens).</param>
    /// <param name="refreshToken">A refresh token, if the server issued one.</param>
    public AccessToken(string token, DateTimeOffset expiresOn, string? refreshToken = null)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new ArgumentException("A token cannot be empty.", nameof(token));
        }

        Token = token;
        ExpiresOn = expiresOn;
        RefreshToken = refreshToken;
    }

    /// <summary>The token value (a secret).</summary>
    public string Token { get; }

    /// <summary>When the token expires.</summary>
    public DateTimeOffset ExpiresOn { get; }

    /// <summary>The refresh token, if any (a secret).</summary>
    public string? RefreshToken { get; }

    /// <inheritdoc />
    public bool Equals(AccessToken other) => string.Equals(Token, other.Token, StringComparison.Ordinal) && ExpiresOn == other.ExpiresOn;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AccessToken other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Token is null ? 0 : StringComparer.Ordinal.GetHashCode(Token);

    /// <summary>Compares two tokens.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AccessToken left, AccessToken right) => left.Equals(right);

    /// <summary>Compares two tokens.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AccessToken left, AccessToken right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => "AccessToken(***, expires " + ExpiresOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + ")";
}
