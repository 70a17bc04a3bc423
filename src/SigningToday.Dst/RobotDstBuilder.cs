using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SigningToday.Dst.Models;

namespace SigningToday.Dst;

/// <summary>
/// Builds the body of <see cref="IRobotOperations.CreateDstAsync"/> (<c>POST /robot/DSTs</c>) for the common shapes of
/// the doc's quick start: documents from a URL or embedded, several signers, several documents, signing steps. Ids
/// the doc links by hand (signer ids, signature request ids, <c>documentId</c>, <c>extraData.signatureRequestId</c>)
/// are assigned here. Every check runs in <see cref="Build"/>, before any I/O.
/// </summary>
/// <example>
/// <code>
/// var dst = new RobotDstBuilder("Sales contract")
///     .AddDocument(RobotDocumentBuilder.FromUrl(new Uri("https://example.com/contract.pdf"), "contract.pdf")
///         .AddSignature(new Signer { Email = "buyer@example.com", Role = "Buyer" })
///         .AddSignature(new Signer { Email = "seller@example.com", Role = "Seller" }, new RobotSignatureField { PositionX = 60 }))
///     .Build();
/// </code>
/// </example>
public sealed class RobotDstBuilder
{
    private readonly string _title;
    private readonly List<RobotDocumentBuilder> _documents = new();
    private bool _draft;
    private DateTimeOffset? _expiresAt;
    private IReadOnlyDictionary<string, JsonElement>? _extraData;
    private IReadOnlyList<string>? _tags;
    private bool _urgent;

    /// <summary>Starts a DST.</summary>
    /// <param name="title">The DST title.</param>
    public RobotDstBuilder(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("The DST title is required.", nameof(title));
        }

        _title = title;
    }

    /// <summary>Adds a document with its signatures (its own signature flow, as the doc requires per document).</summary>
    /// <param name="document">The document.</param>
    /// <returns>This builder.</returns>
    public RobotDstBuilder AddDocument(RobotDocumentBuilder document)
    {
        _documents.Add(document ?? throw new ArgumentNullException(nameof(document)));
        return this;
    }

    /// <summary>Saves the DST as <c>draft</c> instead of publishing it (the default is <c>published</c>, as in the doc's quick start).</summary>
    /// <returns>This builder.</returns>
    public RobotDstBuilder AsDraft()
    {
        _draft = true;
        return this;
    }

    /// <summary>Sets when the DST expires.</summary>
    /// <param name="expiresAt">The expiry.</param>
    /// <returns>This builder.</returns>
    public RobotDstBuilder ExpiresAt(DateTimeOffset expiresAt)
    {
        _expiresAt = expiresAt;
        return this;
    }

    /// <summary>Sets the DST extra data (see <see cref="SigningTodayExtraData.ForDst"/>).</summary>
    /// <param name="extraData">The extra data.</param>
    /// <returns>This builder.</returns>
    public RobotDstBuilder WithExtraData(IReadOnlyDictionary<string, JsonElement> extraData)
    {
        _extraData = extraData ?? throw new ArgumentNullException(nameof(extraData));
        return this;
    }

    /// <summary>Sets the tags of the DST.</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>This builder.</returns>
    public RobotDstBuilder WithTags(params string[] tags)
    {
        if (tags is null || tags.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Tags cannot be null or empty.", nameof(tags));
        }

        _tags = tags.ToArray();
        return this;
    }

    /// <summary>Flags the DST as urgent.</summary>
    /// <param name="urgent">True for urgent.</param>
    /// <returns>This builder.</returns>
    public RobotDstBuilder Urgent(bool urgent = true)
    {
        _urgent = urgent;
        return this;
    }

    /// <summary>Builds the specification.</summary>
    /// <returns>The body for <see cref="IRobotOperations.CreateDstAsync"/>.</returns>
    /// <exception cref="InvalidOperationException">No document, or no signature in any document.</exception>
    public RobotDstSpecification Build()
    {
        if (_documents.Count == 0)
        {
            throw new InvalidOperationException("A DST needs at least one document: call AddDocument.");
        }

        if (_documents.All(d => d.SignatureCount == 0))
        {
            throw new InvalidOperationException("A DST needs at least one signature: call AddSignature on a document.");
        }

        return new RobotDstSpecification
        {
            Title = _title,
            Documents = _documents.Select((d, i) => d.Build(i)).ToArray(),
            Status = _draft ? DstStatus.Draft : DstStatus.Published,
            ExpiresAt = _expiresAt,
            Tags = _tags,
            Template = false,
            PublicTemplate = false,
            Urgent = _urgent,
            ExtraData = _extraData,
        };
    }
}

/// <summary>A document of a <see cref="RobotDstBuilder"/>: its source, its signature fields and their signers.</summary>
public sealed class RobotDocumentBuilder
{
    private readonly string _fileName;
    private readonly string? _title;
    private readonly DocumentSource _source;
    private readonly List<(Signer Signer, RobotSignatureField Field, int Step)> _signatures = new();
    private IReadOnlyDictionary<string, JsonElement>? _extraData;

    private RobotDocumentBuilder(DocumentSource source, string fileName, string? title)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new ArgumentException("The file name (with its extension) is required.", nameof(fileName));
        }

        _source = source;
        _fileName = fileName;
        _title = title;
    }

    internal int SignatureCount => _signatures.Count;

    /// <summary>A PDF Signing Today downloads from a URL (<c>{"type": "URL", "sourceURL": …}</c>).</summary>
    /// <param name="url">An absolute http or https URL Signing Today can reach.</param>
    /// <param name="fileName">The file name once downloaded, e.g. <c>contract.pdf</c>.</param>
    /// <param name="title">The title in the Signature Tray; the file name when <see langword="null"/>.</param>
    /// <returns>The document builder.</returns>
    public static RobotDocumentBuilder FromUrl(Uri url, string fileName, string? title = null)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The document URL must be an absolute http or https URL.", nameof(url));
        }

        return new RobotDocumentBuilder(new DocumentSource { Type = DocumentSourceType.Url, SourceUrl = url.AbsoluteUri }, fileName, title);
    }

    /// <summary>
    /// A PDF embedded in the request as base64 (<c>{"type": "Embedded", "embeddedData": …}</c>). The bytes are held in
    /// memory; for one large PDF with one signer, <see cref="IRobotOperations.CreateAndPublishFromPdfAsync"/> streams instead.
    /// </summary>
    /// <param name="pdf">The PDF bytes.</param>
    /// <param name="fileName">The file name once downloaded, e.g. <c>contract.pdf</c>.</param>
    /// <param name="title">The title in the Signature Tray; the file name when <see langword="null"/>.</param>
    /// <returns>The document builder.</returns>
    public static RobotDocumentBuilder FromPdf(byte[] pdf, string fileName, string? title = null)
    {
        if (pdf is null)
        {
            throw new ArgumentNullException(nameof(pdf));
        }

        if (pdf.Length == 0)
        {
            throw new ArgumentException("The PDF is empty.", nameof(pdf));
        }

        return FromEmbeddedData(Convert.ToBase64String(pdf), fileName, title);
    }

    internal static RobotDocumentBuilder FromEmbeddedData(string base64, string fileName, string? title) =>
        new(new DocumentSource { Type = DocumentSourceType.Embedded, EmbeddedData = base64 }, fileName, title);

    /// <summary>
    /// Adds a signature field for a signer. The same signer (same instance, email or user UUID) may sign several fields.
    /// Signers of the same <paramref name="step"/> sign in any order; a step starts when every signer of the previous
    /// step has signed or declined (the doc's signer groups).
    /// </summary>
    /// <param name="signer">A member of the organization (by <see cref="Signer.Email"/> or <see cref="Signer.UserUuid"/>) or an occasional signer (name, surname and email). Not changed: the builder copies it.</param>
    /// <param name="field">Where the signature goes and how it is made; <see cref="RobotSignatureField"/>'s defaults when <see langword="null"/>.</param>
    /// <param name="step">The signing step (1 = first), default 1.</param>
    /// <returns>This builder.</returns>
    public RobotDocumentBuilder AddSignature(Signer signer, RobotSignatureField? field = null, int step = 1)
    {
        if (signer is null)
        {
            throw new ArgumentNullException(nameof(signer));
        }

        if (string.IsNullOrWhiteSpace(signer.Email) && string.IsNullOrWhiteSpace(signer.UserUuid))
        {
            throw new ArgumentException("The signer needs an email or a user UUID.", nameof(signer));
        }

        if (step < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(step), "Steps start at 1.");
        }

        field ??= new RobotSignatureField();
        if (field.Page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(field), "The page is 1-based.");
        }

        foreach (var existing in _signatures)
        {
            if (SameSigner(existing.Signer, signer) && existing.Step != step)
            {
                throw new ArgumentException("A signer takes part in one step of a document; this signer is already in step " + existing.Step + ".", nameof(step));
            }
        }

        _signatures.Add((signer, field, step));
        return this;
    }

    /// <summary>Sets the document extra data.</summary>
    /// <param name="extraData">The extra data.</param>
    /// <returns>This builder.</returns>
    public RobotDocumentBuilder WithExtraData(IReadOnlyDictionary<string, JsonElement> extraData)
    {
        _extraData = extraData ?? throw new ArgumentNullException(nameof(extraData));
        return this;
    }

    internal RobotDocument Build(int documentId)
    {
        var signerIds = new List<(Signer Signer, int Step)>();
        var forms = new List<DstForm>(_signatures.Count);
        var requests = new List<SignatureRequest>(_signatures.Count);
        foreach (var (signer, field, step) in _signatures)
        {
            int signerId = signerIds.FindIndex(s => SameSigner(s.Signer, signer));
            if (signerId < 0)
            {
                signerId = signerIds.Count;
                signerIds.Add((signer, step));
            }

            int requestId = requests.Count;
            requests.Add(new SignatureRequest
            {
                Id = requestId,
                Reason = field.Reason,
                Description = field.Description,
                SignerId = signerId,
                SignProfile = field.SignProfile,
                WithTimestamp = field.WithTimestamp,
                Declinable = field.Declinable,
                ExtraData = field.ExtraData,
            });
            forms.Add(new DstForm
            {
                Id = requestId,
                DocumentId = documentId,
                Type = FormType.SignatureForm,
                PositionX = field.PositionX,
                PositionY = field.PositionY,
                Width = field.Width,
                Height = field.Height,
                Page = field.Page,
                SignerId = signerId,
                ToFill = false,
                Invisible = false,
                ExtraData = new Dictionary<string, JsonElement> { ["signatureRequestId"] = SigningTodayExtraData.NumberValue(requestId) },
            });
        }

        var groups = signerIds
            .Select((s, id) => (s.Step, Signer: s.Signer.ForPlan(id)))
            .GroupBy(s => s.Step)
            .OrderBy(g => g.Key)
            .Select((g, i) => new SignerGroup { Label = "Group " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Signers = g.Select(s => s.Signer).ToArray() })
            .ToArray();
        return new RobotDocument
        {
            Resource = new RobotResource { Filename = _fileName, ResourceType = ResourceType.PdfDocument, Title = _title ?? _fileName, Source = _source },
            Forms = forms,
            SignatureRequests = requests,
            SignerGroups = groups,
            ExtraData = _extraData,
        };
    }

    private static bool SameSigner(Signer a, Signer b) =>
        ReferenceEquals(a, b)
        || (!string.IsNullOrWhiteSpace(a.Email) && string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase))
        || (!string.IsNullOrWhiteSpace(a.UserUuid) && string.Equals(a.UserUuid, b.UserUuid, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A signature field of a <see cref="RobotDocumentBuilder"/> and its signature request.</summary>
public sealed class RobotSignatureField
{
    /// <summary>Page of the signature field (1-based). Default 1.</summary>
    public int Page { get; set; } = 1;

    /// <summary>X of the signature field, percent of the page width. Default 10.</summary>
    public decimal PositionX { get; set; } = 10m;

    /// <summary>Y of the signature field, percent of the page height. Default 80.</summary>
    public decimal PositionY { get; set; } = 80m;

    /// <summary>Width of the signature field, percent. Default 30.</summary>
    public decimal Width { get; set; } = 30m;

    /// <summary>Height of the signature field, percent. Default 8.</summary>
    public decimal Height { get; set; } = 8m;

    /// <summary>Reason of the signature.</summary>
    public string? Reason { get; set; }

    /// <summary>Description of the signature request.</summary>
    public string? Description { get; set; }

    /// <summary>Signature profile. Default PAdES.</summary>
    public SignProfile SignProfile { get; set; } = SignProfile.PAdES;

    /// <summary>Add a timestamp to the signature.</summary>
    public bool WithTimestamp { get; set; }

    /// <summary>Whether the signer may decline. Default true.</summary>
    public bool Declinable { get; set; } = true;

    /// <summary>Signature request extra data (see <see cref="SigningTodayExtraData.ForSignatureRequest"/>).</summary>
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }
}
