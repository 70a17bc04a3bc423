using System;
using SigningClients.Core;

namespace AlphaTrust.Tasks;

/// <summary>
/// Settings of an <see cref="AlphaTrustClient"/>: the installation's REST base address, the four service
/// credentials sent on every call, the credential header names and the operation paths (both unverified in the
/// public documentation, so they are options with documented defaults) and the remote-sign batch limit.
/// </summary>
/// <remarks>
/// <see cref="ApiKey"/>, <see cref="ApiSecret"/>, <see cref="ApiUsername"/> and <see cref="ApiPassword"/> are secrets: they
/// never appear in <see cref="ToString"/>, logs or exception messages.
/// </remarks>
public sealed class AlphaTrustClientOptions : SigningClientOptions
{
    /// <summary>The default for <see cref="MaxRemoteSignBatchSize"/>.</summary>
    public const int DefaultMaxRemoteSignBatchSize = 25;

    /// <summary>The AlphaTrust API key (secret).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The AlphaTrust API secret (secret).</summary>
    public string? ApiSecret { get; set; }

    /// <summary>The API username: a registered user of the AlphaTrust installation (treated as a secret).</summary>
    public string? ApiUsername { get; set; }

    /// <summary>The API user's password (secret).</summary>
    public string? ApiPassword { get; set; }

    /// <summary>The request header names carrying the four service credentials.</summary>
    public AlphaTrustCredentialHeaders CredentialHeaders { get; set; } = new();

    /// <summary>The operation paths, relative to <see cref="SigningClientOptions.Endpoint"/>.</summary>
    public AlphaTrustPaths Paths { get; set; } = new();

    /// <summary>JSON member names the public documentation does not give (*unverified*), with documented defaults.</summary>
    public AlphaTrustWireNames WireNames { get; set; } = new();

    /// <summary>
    /// The largest number of tasks one <c>RemoteSignAsync</c> call may complete. Larger batches are rejected before
    /// any request is sent: AlphaTrust advises keeping a batch within one transaction to avoid request timeouts.
    /// Default <see cref="DefaultMaxRemoteSignBatchSize"/>; between 1 and 1000.
    /// </summary>
    public int MaxRemoteSignBatchSize { get; set; } = DefaultMaxRemoteSignBatchSize;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        Require(ApiKey, nameof(ApiKey));
        Require(ApiSecret, nameof(ApiSecret));
        Require(ApiUsername, nameof(ApiUsername));
        Require(ApiPassword, nameof(ApiPassword));
        (CredentialHeaders ?? throw new ArgumentException("CredentialHeaders cannot be null.", nameof(CredentialHeaders))).Validate();
        (Paths ?? throw new ArgumentException("Paths cannot be null.", nameof(Paths))).Validate();
        (WireNames ?? throw new ArgumentException("WireNames cannot be null.", nameof(WireNames))).Validate();
        if (MaxRemoteSignBatchSize < 1 || MaxRemoteSignBatchSize > 1000)
        {
            throw new ArgumentException("AlphaTrustClientOptions.MaxRemoteSignBatchSize must be between 1 and 1000.", nameof(MaxRemoteSignBatchSize));
        }
    }

    /// <summary>A display form without any credential.</summary>
    /// <returns>The endpoint and which credentials are set.</returns>
    public override string ToString() =>
        "AlphaTrustClientOptions { Endpoint = " + (Endpoint is null ? "(none)" : EndpointForDisplay) +
        ", ApiKey = " + Mask(ApiKey) + ", ApiSecret = " + Mask(ApiSecret) +
        ", ApiUsername = " + Mask(ApiUsername) + ", ApiPassword = " + Mask(ApiPassword) +
        ", MaxRemoteSignBatchSize = " + MaxRemoteSignBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + " }";

    private static string Mask(string? value) => string.IsNullOrEmpty(value) ? "(not set)" : "***";

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("AlphaTrustClientOptions." + name + " is required: every AlphaTrust call carries the API key, secret, username and password.", name);
        }
    }
}

/// <summary>
/// Names of the request headers that carry the service credentials. The public documentation does not name them
/// (*unverified*), so each is configurable.
/// </summary>
public sealed class AlphaTrustCredentialHeaders
{
    /// <summary>Header carrying the API key. Default <c>apiKey</c>.</summary>
    public string ApiKey { get; set; } = "apiKey";

    /// <summary>Header carrying the API secret. Default <c>apiSecret</c>.</summary>
    public string ApiSecret { get; set; } = "apiSecret";

    /// <summary>Header carrying the API username. Default <c>apiUsername</c>.</summary>
    public string ApiUsername { get; set; } = "apiUsername";

    /// <summary>Header carrying the API password. Default <c>apiPassword</c>.</summary>
    public string ApiPassword { get; set; } = "apiPassword";

    internal void Validate()
    {
        Check(ApiKey, nameof(ApiKey));
        Check(ApiSecret, nameof(ApiSecret));
        Check(ApiUsername, nameof(ApiUsername));
        Check(ApiPassword, nameof(ApiPassword));
    }

    private static bool IsToken(string value)
    {
        foreach (char c in value)
        {
            if (c <= ' ' || c >= 127 || c == ':' || c == '"' || c == ',' || c == ';')
            {
                return false;
            }
        }

        return true;
    }

    private static void Check(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || !IsToken(value!))
        {
            throw new ArgumentException("CredentialHeaders." + name + " must be a valid header name.", name);
        }
    }
}

/// <summary>
/// Operation paths relative to the REST base address. The documented pattern is <c>/api/v5/{resource}/{action}</c>;
/// only <c>transactions/create</c> is documented, the others are *unverified* defaults.
/// </summary>
public sealed class AlphaTrustPaths
{
    /// <summary>Remote signing of tasks. Default <c>api/v5/tasks/remotesign</c> (unverified).</summary>
    public string RemoteSign { get; set; } = "api/v5/tasks/remotesign";

    /// <summary>Transaction creation. Default <c>api/v5/transactions/create</c> (documented).</summary>
    public string CreateTransactions { get; set; } = "api/v5/transactions/create";

    /// <summary>Closing (cancelling) transactions. Default <c>api/v5/transactions/close</c> (unverified).</summary>
    public string CloseTransactions { get; set; } = "api/v5/transactions/close";

    /// <summary>Reading transactions in their updateable form. Default <c>api/v5/transactions/updateable</c> (unverified).</summary>
    public string GetUpdateableTransactions { get; set; } = "api/v5/transactions/updateable";

    /// <summary>Adding tasks to a Pending transaction. Default <c>api/v5/tasks/create</c> (unverified).</summary>
    public string CreateTasks { get; set; } = "api/v5/tasks/create";

    /// <summary>Updating tasks of a Pending transaction. Default <c>api/v5/tasks/update</c> (unverified).</summary>
    public string UpdateTasks { get; set; } = "api/v5/tasks/update";

    internal void Validate()
    {
        Check(RemoteSign, nameof(RemoteSign));
        Check(CreateTransactions, nameof(CreateTransactions));
        Check(CloseTransactions, nameof(CloseTransactions));
        Check(GetUpdateableTransactions, nameof(GetUpdateableTransactions));
        Check(CreateTasks, nameof(CreateTasks));
        Check(UpdateTasks, nameof(UpdateTasks));
    }

    private static void Check(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value!.IndexOf("://", StringComparison.Ordinal) >= 0 || value.IndexOf('?') >= 0)
        {
            throw new ArgumentException("Paths." + name + " must be a relative path such as api/v5/tasks/remotesign.", name);
        }
    }
}

/// <summary>
/// JSON member names for features the AlphaTrust documentation describes without naming their members
/// (*unverified*): each is configurable so an integrator can match their installation without a new release.
/// </summary>
public sealed class AlphaTrustWireNames
{
    /// <summary>
    /// The participant member holding the participant signature settings. Default <c>Signature</c>: the
    /// documentation speaks of "the Participant Signature's ApplicationType".
    /// </summary>
    public string ParticipantSignature { get; set; } = "Signature";

    /// <summary>The member of the participant signature carrying its application type. Default <c>ApplicationType</c> (the documentation's word).</summary>
    public string SignatureApplicationType { get; set; } = "ApplicationType";

    /// <summary>
    /// The transaction member carrying the data injected into a Control Panel workflow, written as a JSON object of
    /// strings. Default <c>Data</c>.
    /// </summary>
    public string WorkflowData { get; set; } = "Data";

    /// <summary>The member of the remote-sign answer listing per-task outcomes. Default <c>Tasks</c> (the request's own member name).</summary>
    public string RemoteSignTaskResults { get; set; } = "Tasks";

    internal void Validate()
    {
        Check(ParticipantSignature, nameof(ParticipantSignature));
        Check(SignatureApplicationType, nameof(SignatureApplicationType));
        Check(WorkflowData, nameof(WorkflowData));
        Check(RemoteSignTaskResults, nameof(RemoteSignTaskResults));
    }

    private static void Check(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("WireNames." + name + " cannot be empty.", name);
        }
    }
}
