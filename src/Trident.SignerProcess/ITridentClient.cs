using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Streaming;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess;

/// <summary>
/// A client of TRIDENT (TrustedX) eSignSP signer processes: create a process for a PDF, send the user's browser to
/// its execution URL, receive the finish callback, confirm the result, download the signed document.
/// </summary>
public interface ITridentClient
{
    /// <summary>
    /// Creates a signer process for one PDF (<c>POST …/signer_processes</c>, multipart with a <c>process</c> JSON part
    /// and a <c>document</c> part streamed from <paramref name="document"/>). Not idempotent: never replayed once sent.
    /// </summary>
    /// <param name="process">The process definition; <see cref="SignerProcessDefinition.FinishCallbackUrl"/> is required.</param>
    /// <param name="document">The PDF, read from its current position; not disposed.</param>
    /// <param name="fileName">The document's file name, e.g. <c>contract.pdf</c>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created process; redirect the user's browser to <see cref="TridentSignerProcess.GetExecutionUrl"/>.</returns>
    /// <exception cref="ArgumentException">An argument is missing or invalid, or the document is not a PDF (its content does not start with <c>%PDF-</c>); checked before any request.</exception>
    /// <exception cref="SigningApiException">The call failed.</exception>
    Task<TridentSignerProcess> CreateSignerProcessAsync(SignerProcessDefinition process, Stream document, string fileName, CancellationToken cancellationToken = default);

    /// <summary>Reads a signer process (<c>GET …/signer_processes/{id}</c>).</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The process.</returns>
    /// <exception cref="SigningApiException">The call failed; TRIDENT's 410 (the process does not exist) is one with <see cref="TridentErrors.IsSignerProcessGone"/> true.</exception>
    Task<TridentSignerProcess> GetSignerProcessAsync(string signerProcessId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the result of a signer process (<c>GET …/signer_processes/{id}/result</c>). TRIDENT's 404 means the
    /// process has not ended yet and is returned as <see cref="SignerProcessResultState.IsRunning"/>, not thrown.
    /// </summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Running, or ended with its result.</returns>
    /// <exception cref="SigningApiException">The call failed; TRIDENT's 410 (the process does not exist) is one with <see cref="TridentErrors.IsSignerProcessGone"/> true.</exception>
    Task<SignerProcessResultState> GetSignerProcessResultAsync(string signerProcessId, CancellationToken cancellationToken = default);

    /// <summary>Polls the result operation until the process ends, on the core poller.</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <param name="polling">Intervals and timeout; <see cref="SigningClients.Core.SigningClientOptions.Polling"/> of the client's options (overall timeout 1 hour by default) when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The final result.</returns>
    /// <exception cref="TimeoutException">The polling timeout passed.</exception>
    /// <exception cref="SigningApiException">A call failed; TRIDENT's 410 (the process does not exist) is one with <see cref="TridentErrors.IsSignerProcessGone"/> true.</exception>
    Task<SignerProcessResult> WaitForResultAsync(string signerProcessId, PollingOptions? polling = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms a finish callback with TRIDENT: checks it names <paramref name="expectedSignerProcessId"/>, reads the
    /// result and checks it agrees with the status the callback claims. Act on the returned result, never on the
    /// callback alone.
    /// </summary>
    /// <param name="callback">The parsed callback (see <see cref="SignerProcessCallback.Parse(Uri)"/>).</param>
    /// <param name="expectedSignerProcessId">The process this browser session started (kept server-side).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>TRIDENT's result.</returns>
    /// <exception cref="SignerProcessCallbackException">Another process, still running, or the result contradicts the callback.</exception>
    /// <exception cref="SigningApiException">The call failed; TRIDENT's 410 (the process does not exist) is one with <see cref="TridentErrors.IsSignerProcessGone"/> true.</exception>
    Task<SignerProcessResult> ConfirmCallbackAsync(SignerProcessCallback callback, string expectedSignerProcessId, CancellationToken cancellationToken = default);

    /// <summary>Lists the documents of a signer process (<c>GET …/signer_processes/{id}/documents</c>).</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The documents (TRIDENT returns them in one page).</returns>
    /// <exception cref="ArgumentException">The id is empty (thrown at once, before enumeration).</exception>
    AsyncPageable<SignerProcessDocument> ListDocumentsAsync(string signerProcessId, CancellationToken cancellationToken = default);

    /// <summary>Reads a document (<c>GET …/documents/{id}</c>).</summary>
    /// <param name="documentId">The document id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The document.</returns>
    /// <exception cref="SigningApiException">The call failed.</exception>
    Task<SignerProcessDocument> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Downloads a document's content (<c>GET …/documents/{id}/content</c>): the signed PDF once signed. Streamed, not buffered.</summary>
    /// <param name="documentId">The document id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The download; dispose it.</returns>
    /// <exception cref="SigningApiException">The call failed.</exception>
    Task<SigningDownload> DownloadDocumentContentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a document from TRIDENT (<c>DELETE …/documents/{id}</c>), the clean-up after downloading it.</summary>
    /// <param name="documentId">The document id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    /// <exception cref="SigningApiException">The call failed.</exception>
    Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default);
}
