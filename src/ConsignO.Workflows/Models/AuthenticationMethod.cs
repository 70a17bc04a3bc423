using System;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;

namespace ConsignO.Workflows.Models;

/// <summary>An authentication method reference (AMR) a signer or contact must pass. Values the server adds later are kept as they are and never throw.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct AuthenticationMethod : IExtensibleEnum, IEquatable<AuthenticationMethod>
{
    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value.</param>
    public AuthenticationMethod(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The email link (or the return URL for embedded signers); always needed.</summary>
    public static AuthenticationMethod Link { get; } = new("link");

    /// <summary>A code sent by SMS to the phone number.</summary>
    public static AuthenticationMethod Sms { get; } = new("sms");

    /// <summary>A code given by a phone call to the phone number.</summary>
    public static AuthenticationMethod Call { get; } = new("call");

    /// <summary>A secret question and answer (not with embedded signers).</summary>
    public static AuthenticationMethod Secret { get; } = new("secret");

    /// <summary>SAML federation.</summary>
    public static AuthenticationMethod Saml { get; } = new("saml");

    /// <summary>Certifio Cloud.</summary>
    public static AuthenticationMethod CertifioCloud { get; } = new("certifiocloud");

    /// <inheritdoc />
    public string? Value { get; }

    /// <summary>Equality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(AuthenticationMethod left, AuthenticationMethod right) => left.Equals(right);

    /// <summary>Inequality on the wire value (case-insensitive).</summary>
    /// <param name="left">Left value.</param>
    /// <param name="right">Right value.</param>
    /// <returns>Whether both differ.</returns>
    public static bool operator !=(AuthenticationMethod left, AuthenticationMethod right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(AuthenticationMethod other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AuthenticationMethod other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>JSON converter (string form).</summary>
    public sealed class Converter : ExtensibleEnumConverter<AuthenticationMethod>
    {
        /// <inheritdoc />
        protected override AuthenticationMethod Create(string value) => new(value);
    }
}
