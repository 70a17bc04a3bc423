using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using SigningClients.Core;

namespace ConsignO.Workflows;

/// <summary>
/// ConsignO Cloud workflows: upload PDFs, create and launch signing workflows, follow them, download the signed
/// documents and the audit trail. The session (login, token rotation, idle expiry, re-login on 401) is automatic.
/// Thread-safe; use one instance per account.
/// </summary>
public interface IConsignOClient
{
    /// <summary>Logs in now (normally not needed: every operation logs in when there is no live session).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task completing once a session token is held.</returns>
    /// <exception cref="SigningApiException">The login failed (e.g. wrong credentials).</exception>
    Task LoginAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends the current session on the server (<c>POST /auth/logout</c>); nothing is sent when there is none.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task completing when the session is closed.</returns>
    Task LogoutAsync(CancellationToken cancellationToken = default);

    /// <summary>Asks the server whether the current token is still valid (<c>HEAD /auth</c>), without logging in.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns><see langword="true"/> when valid; <see langword="false"/> when expired or when there is no session.</returns>
    Task<bool> VerifySessionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a PDF (multipart, raw bytes, streamed from <paramref name="pdf"/>, which is not disposed) and returns its
    /// document id, to be used once in <see cref="CreateWorkflowAsync"/>.
    /// </summary>
    /// <param name="pdf">The PDF, positioned at its first byte.</param>
    /// <param name="fileName">The file name, e.g. <c>contract.pdf</c>.</param>
    /// <param name="options">Upload options (PDF/A conversion).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The document id.</returns>
    /// <exception cref="ArgumentException">The content is not a PDF (checked before anything is sent), or the file name is empty.</exception>
    Task<string> UploadDocumentAsync(Stream pdf, string fileName, UploadDocumentOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates (and optionally launches) a workflow.</summary>
    /// <param name="request">The definition; build it with <see cref="WorkflowBuilder"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created workflow.</returns>
    /// <exception cref="ArgumentException">
    /// A documented rule is broken, or an embedded signer is requested where embedded signing is not available (the main
    /// tenant, see <see cref="ConsignOClientOptions.EmbeddedSigningEnabled"/>); checked before anything is sent.
    /// </exception>
    Task<Workflow> CreateWorkflowAsync(CreateWorkflowRequest request, CancellationToken cancellationToken = default);

    /// <summary>Gets a workflow.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The workflow.</returns>
    Task<Workflow> GetWorkflowAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a workflow.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task completing when deleted.</returns>
    Task DeleteWorkflowAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads the workflow's documents, streamed: <c>application/pdf</c> for one document, <c>application/zip</c>
    /// for several (see <see cref="SigningDownload.ContentType"/>). Dispose the download.
    /// </summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The download.</returns>
    Task<SigningDownload> DownloadDocumentsAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>Downloads the audit-trail PDF, streamed. The workflow must be completed.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The download.</returns>
    /// <exception cref="SigningApiException">The workflow is not completed (or another failure).</exception>
    Task<SigningDownload> DownloadAuditTrailAsync(string workflowId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the URL where an embedded signer signs (redirect or iframe), once the workflow is launched. The URL is read
    /// from the workflow representation (<c>GET /workflows/{id}</c>, the action's
    /// <see cref="ConsignOClientOptions.EmbeddedSigningUrlPropertyName"/> member) when it is there; otherwise the client
    /// calls <see cref="ConsignOClientOptions.EmbeddedSigningUrlPath"/> — a path <b>no source documents</b>
    /// (default <c>workflows/{workflowId}/actions/{actionId}/url</c>), kept as an option so it can be corrected.
    /// </summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="actionId">The signer's action id (<see cref="WorkflowAction.Id"/>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The signing URL.</returns>
    Task<Uri> GetEmbeddedSigningUrlAsync(string workflowId, string actionId, CancellationToken cancellationToken = default);

    /// <summary>Polls the workflow until it is completed, declined, expired or deleted.</summary>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="polling">Intervals and timeout; the client's <see cref="SigningClients.Core.SigningClientOptions.Polling"/> by default (overall timeout 1 hour).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The workflow in its final state (check <see cref="Workflow.Status"/>).</returns>
    /// <exception cref="TimeoutException">The polling timeout passed first.</exception>
    Task<Workflow> WaitForCompletionAsync(string workflowId, PollingOptions? polling = null, CancellationToken cancellationToken = default);
}

/// <summary>Options of <see cref="IConsignOClient.UploadDocumentAsync"/>.</summary>
public sealed class UploadDocumentOptions
{
    /// <summary>Whether ConsignO converts the document to PDF/A at upload.</summary>
    public bool ConvertToPdfA { get; set; }
}
