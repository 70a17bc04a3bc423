using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningToday.Dst.Models;

namespace SigningToday.Dst;

/// <summary>Digital Signature Transactions: create, list, publish, fill, templates, audit (the doc's DST operations).</summary>
public interface IDstOperations
{
    /// <summary>Lists DSTs (<c>GET /DSTs</c>), one page per request over <c>$top</c>/<c>$skip</c>.</summary>
    /// <param name="options">Filter, order, page size, template/instance and user selection.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The lazily fetched DSTs.</returns>
    AsyncPageable<DigitalSignatureTransaction> ListAsync(DstListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a DST in draft state (<c>POST /DSTs</c>); set <c>Template</c> to create a template.</summary>
    /// <param name="dst">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The created DST.</returns>
    Task<DigitalSignatureTransaction> CreateAsync(DigitalSignatureTransaction dst, CancellationToken cancellationToken = default);

    /// <summary>Instantiates a DST from a template (<c>POST /DST/{id}/instantiate</c>).</summary>
    /// <param name="templateId">The template.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The new DST.</returns>
    Task<DigitalSignatureTransaction> InstantiateAsync(string templateId, CancellationToken cancellationToken = default);

    /// <summary>Instantiates DSTs from a template and a CSV/XLSX spec file (<c>POST /DST/{id}/instantiate/byFile</c>).</summary>
    /// <param name="templateId">The template.</param>
    /// <param name="specFile">The spec file content (streamed).</param>
    /// <param name="fileName">The file name, e.g. <c>template.csv</c>.</param>
    /// <param name="options">Title, tags and publish flag.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The instantiation group and the created DST ids.</returns>
    Task<InstantiationResult> InstantiateByFileAsync(string templateId, Stream specFile, string fileName, InstantiateByFileOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Moves a published template back to draft so it can be modified (<c>POST /DST/{id}/modify</c>).</summary>
    /// <remarks>Not idempotent (the server rejects a repeat with 409): never resent after a lost answer, which surfaces as <see cref="SigningClients.Core.SigningApiException.OutcomeUnknown"/>.</remarks>
    /// <param name="id">The template.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The template.</returns>
    Task<DigitalSignatureTransaction> ModifyTemplateAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates a template from a DST (<c>POST /DST/{id}/templatize</c>).</summary>
    /// <param name="id">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The template.</returns>
    Task<DigitalSignatureTransaction> TemplatizeAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Gets the audit records of a DST (<c>GET /DST/{id}/audit</c>).</summary>
    /// <param name="id">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The audit records.</returns>
    Task<IReadOnlyList<AuditRecord>> GetAuditAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces a rejected DST with a new draft (<c>POST /DST/{id}/replace</c>).</summary>
    /// <param name="id">The rejected DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The replacing DST.</returns>
    Task<DigitalSignatureTransaction> ReplaceAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Clones a DST in any state (<c>POST /DST/{id}/clone</c>).</summary>
    /// <param name="id">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The clone.</returns>
    Task<DigitalSignatureTransaction> CloneAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Gets the address where a signature is performed (<c>GET /DST/{id}/sign/{docId}/{signId}</c>).</summary>
    /// <param name="id">The DST.</param>
    /// <param name="documentId">The document.</param>
    /// <param name="signatureRequestId">The signature request.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The address.</returns>
    Task<SignatureAddress> GetSignatureAddressAsync(string id, int documentId, int signatureRequestId, CancellationToken cancellationToken = default);

    /// <summary>Gets a DST (<c>GET /DST/{id}</c>).</summary>
    /// <param name="id">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The DST.</returns>
    Task<DigitalSignatureTransaction> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Updates a DST (<c>PUT /DST/{id}</c>).</summary>
    /// <param name="id">The DST.</param>
    /// <param name="dst">The new content.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The updated DST.</returns>
    Task<DigitalSignatureTransaction> UpdateAsync(string id, DigitalSignatureTransaction dst, CancellationToken cancellationToken = default);

    /// <summary>Deletes (marks deleted) a DST (<c>DELETE /DST/{id}</c>).</summary>
    /// <param name="id">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Fills a form of a DST (<c>PATCH /DST/{id}/fill</c>).</summary>
    /// <param name="id">The DST.</param>
    /// <param name="form">The form with its value (in <c>ExtraData</c>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The DST.</returns>
    Task<DigitalSignatureTransaction> FillAsync(string id, DstForm form, CancellationToken cancellationToken = default);

    /// <summary>Publishes a DST (<c>POST /DST/{id}/publish</c>); it then moves to toFill or toSign.</summary>
    /// <param name="id">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The DST.</returns>
    Task<DigitalSignatureTransaction> PublishAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Sends notifications to the pending users of an active DST (<c>POST /DST/{id}/notify</c>).</summary>
    /// <param name="id">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task NotifyAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Lists the groups of DSTs instantiated by file (<c>GET /DSTs/byFile</c>).</summary>
    /// <param name="options">Paging, order and user selection.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The lazily fetched groups.</returns>
    AsyncPageable<InstantiationGroup> ListInstantiationGroupsAsync(SigningTodayUserListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a DST template from a file (<c>POST /DSTs/byFile</c>).</summary>
    /// <param name="file">The file content (streamed).</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The template.</returns>
    Task<DigitalSignatureTransaction> CreateTemplateByFileAsync(Stream file, string fileName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls <c>GET /DST/{id}</c> until the DST reaches a final status (signed, rejected, expired, error) and returns it.
    /// </summary>
    /// <param name="id">The DST.</param>
    /// <param name="polling">Interval, backoff and overall timeout; <see langword="null"/> for the client's <see cref="SigningClients.Core.SigningClientOptions.Polling"/> (2 s growing to 30 s, overall timeout 1 hour).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The DST in its final status.</returns>
    Task<DigitalSignatureTransaction> WaitForDstStatusAsync(string id, PollingOptions? polling = null, CancellationToken cancellationToken = default);
}

/// <summary>Options of <see cref="IDstOperations.InstantiateByFileAsync"/>.</summary>
public sealed class InstantiateByFileOptions
{
    /// <summary>The title of the generated group.</summary>
    public string? Title { get; set; }

    /// <summary>Tags to set on the generated DSTs (sent as a JSON array).</summary>
    public IReadOnlyList<string>? Tags { get; set; }

    /// <summary>Publish the generated DSTs (<c>publish</c> query parameter); not sent when <see langword="null"/>.</summary>
    public bool? Publish { get; set; }
}
