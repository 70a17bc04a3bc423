using System;
using System.Collections.Generic;

namespace SigningClients.Testing.AlphaTrust;

/// <summary>Settings of an <see cref="AlphaTrustSimulator"/>.</summary>
public sealed class AlphaTrustSimulatorOptions
{
    /// <summary>The API key every request must carry. Default <c>sim-api-key-4f9c2a</c>.</summary>
    public string ApiKey { get; set; } = "sim-api-key-4f9c2a";

    /// <summary>The API secret every request must carry. Default <c>sim-api-secret-b71e0d</c>.</summary>
    public string ApiSecret { get; set; } = "sim-api-secret-b71e0d";

    /// <summary>The API username every request must carry (a registered user). Default <c>api-robot</c>.</summary>
    public string ApiUsername { get; set; } = "api-robot";

    /// <summary>The API password every request must carry. Default <c>sim-api-password-93ad</c>.</summary>
    public string ApiPassword { get; set; } = "sim-api-password-93ad";

    /// <summary>Header carrying the API key. Default <c>apiKey</c>.</summary>
    public string ApiKeyHeader { get; set; } = "apiKey";

    /// <summary>Header carrying the API secret. Default <c>apiSecret</c>.</summary>
    public string ApiSecretHeader { get; set; } = "apiSecret";

    /// <summary>Header carrying the API username. Default <c>apiUsername</c>.</summary>
    public string ApiUsernameHeader { get; set; } = "apiUsername";

    /// <summary>Header carrying the API password. Default <c>apiPassword</c>.</summary>
    public string ApiPasswordHeader { get; set; } = "apiPassword";

    /// <summary>
    /// How failures are answered. <see langword="false"/> (default): HTTP 200 with <c>IsSuccessful = false</c> and a
    /// <c>Message</c>, as the AlphaTrust SDK example shows. <see langword="true"/>: the same body with a 4xx status
    /// (400 validation, 401 credentials, 403 permissions, 404 not found, 409 state conflicts).
    /// </summary>
    public bool UseHttpErrorStatuses { get; set; }

    /// <summary>Host settings (clock, logging, journal limit).</summary>
    public SimulatorHostOptions Host { get; set; } = new();
}

/// <summary>What the simulator's API user may do.</summary>
[Flags]
public enum AlphaTrustPermissions
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Remote-sign tasks.</summary>
    RemoteSign = 1,

    /// <summary>Create, update, close and read transactions and tasks.</summary>
    ManageTransactions = 2,

    /// <summary>Everything (the default).</summary>
    All = RemoteSign | ManageTransactions,
}

/// <summary>A snapshot of a simulated transaction.</summary>
/// <param name="Id">The transaction ID.</param>
/// <param name="Status">Pending, Completed or Closed.</param>
/// <param name="Description">The description.</param>
/// <param name="IsTest">Whether it is a test transaction.</param>
/// <param name="Participants">The participants.</param>
/// <param name="Documents">The documents.</param>
public sealed record SimulatedTransaction(long Id, string Status, string? Description, bool IsTest, IReadOnlyList<SimulatedParticipant> Participants, IReadOnlyList<SimulatedDocument> Documents);

/// <summary>A snapshot of a simulated participant.</summary>
/// <param name="Id">The participant ID.</param>
/// <param name="FullName">The full name.</param>
/// <param name="EmailAddress">The e-mail address.</param>
/// <param name="AuthenticationType">None, Password, PasswordHashed, RegisteredUser or another type.</param>
public sealed record SimulatedParticipant(long Id, string FullName, string? EmailAddress, string AuthenticationType);

/// <summary>A snapshot of a simulated document.</summary>
/// <param name="Id">The document ID.</param>
/// <param name="Title">The title.</param>
/// <param name="FileBytes">The uploaded file.</param>
/// <param name="Tasks">The tasks on the document.</param>
public sealed record SimulatedDocument(long Id, string Title, byte[] FileBytes, IReadOnlyList<SimulatedTask> Tasks);

/// <summary>A snapshot of a simulated task.</summary>
/// <param name="Id">The task ID.</param>
/// <param name="Type">Signature, Initial, Acknowledgement, Delivery or NoActionRequired.</param>
/// <param name="Status">Pending or Completed.</param>
/// <param name="DocumentId">The document ID.</param>
/// <param name="ParticipantId">The participant ID.</param>
/// <param name="CompletedFromIpAddress">The client IP recorded in the audit trail when it was remote-signed.</param>
/// <param name="CompletedAt">When it was completed (simulator clock).</param>
/// <param name="AppliedSignatureImage">The registered user's stored signature image applied to the document, if any.</param>
public sealed record SimulatedTask(long Id, string Type, string Status, long DocumentId, long ParticipantId, string? CompletedFromIpAddress, DateTimeOffset? CompletedAt, byte[]? AppliedSignatureImage);
