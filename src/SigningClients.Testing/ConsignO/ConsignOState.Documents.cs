using System;
using System.Collections.Generic;
using System.Linq;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.ConsignO;

/// <summary>
/// Documents: uploaded PDFs ("Upload … PDF only") or the inline base64 documents of a workflow; a document belongs to
/// at most one workflow. Once the workflow is completed its documents are downloaded signed.
/// </summary>
internal sealed partial class ConsignOState
{
    private readonly Dictionary<string, Document> _documents = new(StringComparer.Ordinal);

    public int DocumentCount => Read(() => _documents.Count);

    /// <summary>Stores an uploaded PDF ("Upload … PDF only").</summary>
    public ConsignODocumentSnapshot Upload(string name, byte[] content, bool pdfa)
    {
        if (!IsPdf(content))
        {
            throw SimulatorStateException.Invalid("Only PDF documents can be uploaded.", "INVALID_DOCUMENT_TYPE");
        }

        return Write(() => Store(new Document(NextHexId(), name, content, content.LongLength, pdfa)).Snapshot());
    }

    /// <summary>Stores a document generated while it is sent (a PDF header, filler, <c>%%EOF</c>).</summary>
    public string AddSyntheticDocument(long size, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 64);
        return Write(() => Store(new Document(NextHexId(), name, null, size, false)).Id);
    }

    /// <summary>The documents to download: the signed versions once completed, else the originals.</summary>
    public (IReadOnlyList<ConsignODocumentSnapshot> Documents, bool Signed) Documents(string workflowId) => Read(() =>
    {
        var workflow = Visible(workflowId);
        return ((IReadOnlyList<ConsignODocumentSnapshot>)workflow.Documents.Select(d => d.Snapshot()).ToArray(), workflow.Status == ConsignOWorkflowStatus.Completed);
    });

    private Document Store(Document document)
    {
        _documents[document.Id] = document;
        return document;
    }

    private sealed class Document
    {
        public Document(string id, string name, byte[]? content, long size, bool pdfa)
        {
            Id = id;
            Name = name;
            Content = content;
            Size = size;
            PdfA = pdfa;
        }

        public string Id { get; }

        public string Name { get; }

        public byte[]? Content { get; }

        public long Size { get; }

        public bool PdfA { get; }

        public bool Used { get; set; }

        public ConsignODocumentSnapshot Snapshot() => new(Id, Name, Size, PdfA, Used) { Content = Content };
    }
}
