using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Signing;

namespace SigningClients.Quartz;

/// <summary>
/// Receives the signed documents of a tracked operation. The tracker calls <see cref="StoreAsync"/> until one call
/// returns without throwing, then never again for that operation: see <see cref="SignedDelivery.IdempotencyKey"/>
/// for the one case in which a second call with the same key can happen.
/// </summary>
public interface ISignedDocumentSink
{
    /// <summary>Stores the signed documents of one completed operation. Throwing makes the tracker retry with backoff.</summary>
    /// <param name="delivery">The outcome and the downloaded, verified documents.</param>
    /// <param name="cancellationToken">Cancelled when the scheduler shuts down.</param>
    /// <returns>A task that completes when the documents are stored durably.</returns>
    Task StoreAsync(SignedDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>The signed documents of one completed operation, as handed to an <see cref="ISignedDocumentSink"/>.</summary>
public sealed class SignedDelivery
{
    /// <summary>Creates a delivery.</summary>
    /// <param name="idempotencyKey">The stable key of the operation (<c>registration/operation id</c>).</param>
    /// <param name="outcome">The completed outcome.</param>
    /// <param name="documents">The downloaded documents (empty when the provider offers no download).</param>
    /// <param name="attempt">1 for the first call to the sink, 2 for the first retry, and so on.</param>
    public SignedDelivery(string idempotencyKey, SigningOutcome outcome, IReadOnlyList<SignedDocumentContent> documents, int attempt)
    {
        IdempotencyKey = idempotencyKey is null || idempotencyKey.Length == 0 ? throw new ArgumentException("An idempotency key is required.", nameof(idempotencyKey)) : idempotencyKey;
        Outcome = outcome ?? throw new ArgumentNullException(nameof(outcome));
        Documents = documents ?? throw new ArgumentNullException(nameof(documents));
        Attempt = attempt < 1 ? throw new ArgumentOutOfRangeException(nameof(attempt), "The attempt starts at 1.") : attempt;
    }

    /// <summary>
    /// The key of the operation, the same on every call for it on every node. The tracker deletes the operation's job
    /// only after the sink returned; a node that dies between the sink's return and that deletion (one database
    /// transaction) leaves the job to another node, which calls the sink again with this key. Store idempotently per
    /// key (a unique constraint, an upsert, a file named by the key) and every document is stored exactly once.
    /// </summary>
    public string IdempotencyKey { get; }

    /// <summary>The completed outcome (always signed: other outcomes go to <see cref="ISigningTrackingObserver"/>).</summary>
    public SigningOutcome Outcome { get; }

    /// <summary>The signed documents; empty when the provider has no document download (AlphaTrust).</summary>
    public IReadOnlyList<SignedDocumentContent> Documents { get; }

    /// <summary>1 for the first call to the sink for this operation, higher for retries after a failure.</summary>
    public int Attempt { get; }

    /// <inheritdoc />
    public override string ToString() => "SignedDelivery { " + IdempotencyKey + ", " + Documents.Count + " document(s), attempt " + Attempt + " }";
}

/// <summary>One downloaded signed document.</summary>
public sealed class SignedDocumentContent
{
    private readonly byte[] _content;

    /// <summary>Creates the content of one document.</summary>
    /// <param name="info">The document as the provider names it.</param>
    /// <param name="content">The bytes (copied).</param>
    public SignedDocumentContent(SignedDocumentInfo info, ReadOnlySpan<byte> content)
    {
        Info = info ?? throw new ArgumentNullException(nameof(info));
        _content = content.ToArray();
    }

    /// <summary>The document as the provider names it.</summary>
    public SignedDocumentInfo Info { get; }

    /// <summary>The signed document's bytes (verified by the provider's operation where it offers a checksum).</summary>
    public ReadOnlyMemory<byte> Content => _content;

    /// <inheritdoc />
    public override string ToString() => "SignedDocumentContent { " + Info.Id + ", " + _content.Length + " bytes }";
}
