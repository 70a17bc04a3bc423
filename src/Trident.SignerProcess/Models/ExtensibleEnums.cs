using System;
using SigningClients.Core.Serialization;
using System.Text.Json.Serialization;

namespace Trident.SignerProcess.Models;

/// <summary>The kind of signer process (<c>process_type</c>). The server may define more values; unknown values round-trip.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SignerProcessType : IExtensibleEnum, IEquatable<SignerProcessType>
{
    /// <summary>Creates a value.</summary>
    /// <param name="value">The wire value.</param>
    public SignerProcessType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The wire value.</summary>
    public string? Value { get; }

    /// <summary><c>urn:safelayer:eidas:processes:document:sign:esigp</c>: document signature through the eSignSP service (the usual choice).</summary>
    public static SignerProcessType DocumentSignEsigp { get; } = new("urn:safelayer:eidas:processes:document:sign:esigp");

    /// <summary><c>urn:safelayer:eidas:processes:document:sign</c>: document signature.</summary>
    public static SignerProcessType DocumentSign { get; } = new("urn:safelayer:eidas:processes:document:sign");

    /// <inheritdoc />
    public bool Equals(SignerProcessType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignerProcessType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(SignerProcessType left, SignerProcessType right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(SignerProcessType left, SignerProcessType right) => !left.Equals(right);

    /// <summary>JSON converter.</summary>
    public sealed class Converter : ExtensibleEnumConverter<SignerProcessType>
    {
        /// <inheritdoc />
        protected override SignerProcessType Create(string value) => new(value);
    }
}

/// <summary>The result status of a signer process (<c>result.status</c>). Unknown values round-trip.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SignerProcessStatus : IExtensibleEnum, IEquatable<SignerProcessStatus>
{
    /// <summary>Creates a value.</summary>
    /// <param name="value">The wire value.</param>
    public SignerProcessStatus(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The wire value.</summary>
    public string? Value { get; }

    /// <summary><c>finished</c>: the process finished and the document was signed.</summary>
    public static SignerProcessStatus Finished { get; } = new("finished");

    /// <summary><c>failed</c>: the process finished but the document was not signed because of an error.</summary>
    public static SignerProcessStatus Failed { get; } = new("failed");

    /// <summary><c>failed_documents</c>: the process finished but one or more documents could not be signed.</summary>
    public static SignerProcessStatus FailedDocuments { get; } = new("failed_documents");

    /// <summary><c>canceled</c>: the user or the service canceled the process; nothing was signed.</summary>
    public static SignerProcessStatus Canceled { get; } = new("canceled");

    /// <summary>Whether the documents were signed (<see cref="Finished"/>).</summary>
    public bool IsSigned => Equals(Finished);

    /// <inheritdoc />
    public bool Equals(SignerProcessStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignerProcessStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(SignerProcessStatus left, SignerProcessStatus right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(SignerProcessStatus left, SignerProcessStatus right) => !left.Equals(right);

    /// <summary>JSON converter.</summary>
    public sealed class Converter : ExtensibleEnumConverter<SignerProcessStatus>
    {
        /// <inheritdoc />
        protected override SignerProcessStatus Create(string value) => new(value);
    }
}

/// <summary>The type of a signer process task (<c>tasks.pending[].type</c>). Unknown values round-trip.</summary>
[JsonConverter(typeof(Converter))]
public readonly struct SignerProcessTaskType : IExtensibleEnum, IEquatable<SignerProcessTaskType>
{
    /// <summary>Creates a value.</summary>
    /// <param name="value">The wire value.</param>
    public SignerProcessTaskType(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The wire value.</summary>
    public string? Value { get; }

    /// <summary><c>UserBrowserTask</c>: the user's browser must be redirected to the task's URL.</summary>
    public static SignerProcessTaskType UserBrowserTask { get; } = new("UserBrowserTask");

    /// <inheritdoc />
    public bool Equals(SignerProcessTaskType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignerProcessTaskType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(SignerProcessTaskType left, SignerProcessTaskType right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(SignerProcessTaskType left, SignerProcessTaskType right) => !left.Equals(right);

    /// <summary>JSON converter.</summary>
    public sealed class Converter : ExtensibleEnumConverter<SignerProcessTaskType>
    {
        /// <inheritdoc />
        protected override SignerProcessTaskType Create(string value) => new(value);
    }
}

/// <summary>Well-known signature policy ids (<c>signer.signature_policy_id</c>).</summary>
public static class SignaturePolicies
{
    /// <summary><c>urn:safelayer:eidas:policies:sign:document:pdf</c>: PDF document signature.</summary>
    public const string Pdf = "urn:safelayer:eidas:policies:sign:document:pdf";
}

/// <summary>Well-known signature types (<c>signer.parameters.type</c>).</summary>
public static class SignatureTypes
{
    /// <summary><c>pades-baseline</c>: PAdES baseline signature.</summary>
    public const string PadesBaseline = "pades-baseline";
}
