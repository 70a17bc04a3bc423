using System;

namespace SigningClients.Testing;

/// <summary>
/// A simulator's state model refused an operation: the entity is unknown, the move is not allowed from the current
/// status, the input breaks a documented rule, or the caller is not authenticated. Routes render it as the provider's
/// error body (each simulator maps <see cref="Kind"/> and <see cref="Code"/> to its provider's wire error); the
/// "play the human" methods of the simulators let it propagate. It derives from <see cref="InvalidOperationException"/>,
/// so callers that catch that keep working.
/// </summary>
public sealed class SimulatorStateException : InvalidOperationException
{
    /// <summary>Creates the error.</summary>
    /// <param name="kind">What kind of refusal it is.</param>
    /// <param name="message">A human-readable explanation (becomes the provider's error message).</param>
    /// <param name="code">The provider's name for the refusal (e.g. <c>WORKFLOW_NOT_COMPLETED</c>), or <see langword="null"/> for the kind's default.</param>
    /// <param name="target">The input member or entity the refusal is about, or <see langword="null"/>.</param>
    public SimulatorStateException(SimulatorErrorKind kind, string message, string? code = null, string? target = null)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Target = target;
    }

    /// <summary>What kind of refusal it is.</summary>
    public SimulatorErrorKind Kind { get; }

    /// <summary>The provider's name for the refusal, or <see langword="null"/> for the kind's default.</summary>
    public string? Code { get; }

    /// <summary>The input member or entity the refusal is about, or <see langword="null"/>.</summary>
    public string? Target { get; }

    /// <summary>An unknown (or deleted) entity.</summary>
    /// <param name="what">The entity, e.g. <c>workflow 'abc'</c>.</param>
    /// <param name="target">The input member naming it.</param>
    /// <returns>The error.</returns>
    public static SimulatorStateException NotFound(string what, string? target = null) =>
        new(SimulatorErrorKind.NotFound, "No " + what + ".", target: target);

    /// <summary>A transition the provider's life cycle does not allow from the current status.</summary>
    /// <param name="message">Why.</param>
    /// <param name="code">The provider's name for the refusal.</param>
    /// <param name="target">The input member concerned.</param>
    /// <returns>The error.</returns>
    public static SimulatorStateException IllegalTransition(string message, string? code = null, string? target = null) =>
        new(SimulatorErrorKind.IllegalTransition, message, code, target);

    /// <summary>Input that breaks a documented rule.</summary>
    /// <param name="message">Why.</param>
    /// <param name="code">The provider's name for the refusal.</param>
    /// <param name="target">The input member concerned.</param>
    /// <returns>The error.</returns>
    public static SimulatorStateException Invalid(string message, string? code = null, string? target = null) =>
        new(SimulatorErrorKind.Invalid, message, code, target);
}

/// <summary>The kinds of refusal a simulator's state model reports (see <see cref="SimulatorStateException"/>).</summary>
public enum SimulatorErrorKind
{
    /// <summary>Input that breaks a documented rule (HTTP 400 on most providers).</summary>
    Invalid = 0,

    /// <summary>The caller is not authenticated: unknown, expired or revoked credentials (HTTP 401).</summary>
    Unauthenticated = 1,

    /// <summary>The caller is authenticated but not allowed to do this (HTTP 403).</summary>
    Forbidden = 2,

    /// <summary>An unknown or deleted entity (HTTP 404).</summary>
    NotFound = 3,

    /// <summary>The entity exists but its current status does not allow the move (HTTP 409 on most providers).</summary>
    IllegalTransition = 4,

    /// <summary>The input clashes with existing state, e.g. a taken name (HTTP 409).</summary>
    Conflict = 5,

    /// <summary>The entity or credential outlived its documented lifetime.</summary>
    Expired = 6,
}
