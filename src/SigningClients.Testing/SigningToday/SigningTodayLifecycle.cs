using System.Text.Json.Nodes;

namespace SigningClients.Testing.SigningToday;

/// <summary>
/// The status of a Signing Today DST (signingtoday-api-v2.txt, DST model: "Status of the DST. Set to published in order
/// to publish the DST and start the notification of the signer and the signature flow. Set to draft in order to save
/// the transaction and edit/publish it later"; FACTS.md lists the values).
/// </summary>
public enum SigningTodayDstStatus
{
    /// <summary><c>draft</c>: saved, editable, not yet published.</summary>
    Draft = 0,

    /// <summary><c>published</c>: published; for an instance the signature flow starts (it reads as toFill or toSign).</summary>
    Published = 1,

    /// <summary><c>toFill</c>: a form must be filled before signing.</summary>
    ToFill = 2,

    /// <summary><c>toSign</c>: waiting for the signer groups, in order.</summary>
    ToSign = 3,

    /// <summary><c>signed</c>: every signature request was signed.</summary>
#pragma warning disable CA1720 // "signed" is the provider's status name, not a type name.
    Signed = 4,
#pragma warning restore CA1720

    /// <summary><c>rejected</c>: a signer declined a declinable signature request.</summary>
    Rejected = 5,

    /// <summary><c>expired</c>: <c>expiresAt</c> passed before the flow ended.</summary>
    Expired = 6,

    /// <summary><c>error</c>: the service failed to process the DST.</summary>
    Error = 7,
}

/// <summary>A read-only copy of a DST in the Signing Today simulator.</summary>
/// <param name="Id">The DST id (a UUID).</param>
/// <param name="Title">The title.</param>
/// <param name="Status">The status as the API shows it now (time-based expiry included).</param>
/// <param name="IsTemplate">Whether it is a template.</param>
/// <param name="IsDeleted">Whether it was deleted (the API then answers 404).</param>
public sealed record SigningTodayDstSnapshot(string Id, string Title, SigningTodayDstStatus Status, bool IsTemplate, bool IsDeleted)
{
    /// <summary>A copy of the DST's JSON, as <c>GET /DST/{id}</c> renders it; changing it changes nothing in the simulator.</summary>
    public JsonObject Json { get; init; } = new();
}
