using System;
using SigningClients.Core;

namespace Trident.SignerProcess;

/// <summary>
/// TRIDENT answered <c>410 Gone</c>: the signer process does not exist (never created, or deleted). Unlike 404 on the
/// result operation (the process is still running), retrying will not help. <see cref="SigningApiException.Status"/> is 410.
/// </summary>
public sealed class SignerProcessGoneException : SigningApiException
{
    /// <summary>The error code this exception reports in <see cref="SigningApiException.ErrorCode"/>.</summary>
    public const string GoneErrorCode = "signer_process_gone";

    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="signerProcessId">The process id.</param>
    /// <param name="requestId">The provider's request id, if any.</param>
    /// <param name="bodyExcerpt">A redacted excerpt of the body, if any.</param>
    public SignerProcessGoneException(string operation, string signerProcessId, string? requestId = null, string? bodyExcerpt = null)
        : base(TridentClient.ProviderName, operation, 410, SigningFailureKind.HttpError, GoneErrorCode, "The signer process '" + signerProcessId + "' does not exist (it was deleted or never created).", requestId, bodyExcerpt: bodyExcerpt)
    {
        SignerProcessId = signerProcessId;
    }

    /// <summary>The process id that does not exist.</summary>
    public string SignerProcessId { get; }
}

/// <summary>Helpers for TRIDENT errors.</summary>
public static class TridentErrors
{
    /// <summary>Whether <paramref name="exception"/> means the signer process does not exist (HTTP 410).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for 410 answers.</returns>
    public static bool IsSignerProcessGone(this SigningApiException exception) =>
        exception is SignerProcessGoneException || (exception ?? throw new ArgumentNullException(nameof(exception))).Status == 410;
}
