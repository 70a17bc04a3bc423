using System;
using System.Collections.Generic;
using System.Globalization;
using ConsignO.Workflows.Models;

namespace ConsignO.Workflows;

// In three parts: the fluent surface and the assembly of the request (this file), the documented rules
// (WorkflowBuilder.Validation.cs) and the zones of one document (DocumentZonesBuilder).

/// <summary>
/// Builds a <see cref="CreateWorkflowRequest"/> fluently. Signers are added under a key of your choice; zones refer to
/// signers by that key and the builder links them with the numeric <c>ref</c> / <c>assignedTo</c> values ConsignO
/// expects. <see cref="Build"/> checks the documented rules (see <see cref="Validate"/>).
/// </summary>
/// <example>
/// <code>
/// var request = new WorkflowBuilder("Lease 2024-17")
///     .AddDocument(documentId, d => d.AddZone("tenant", page: 1, x: 72, y: 650))
///     .AddRemoteSigner("tenant", new SignerDefinition { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com" })
///     .LaunchOnCreate()
///     .Build();
/// </code>
/// </example>
public sealed partial class WorkflowBuilder
{
    private readonly string _name;
    private readonly List<PendingDocument> _documents = new();
    private readonly List<(string Key, WorkflowActionDefinition Action)> _actions = new();
    private readonly List<WorkflowNotification> _notifications = new();
    private readonly List<WorkflowWebhook> _webhooks = new();
    private DateTimeOffset? _expiresOn;
    private PdfaPolicy? _pdfaPolicy;
    private Uri? _returnUrl;
    private bool? _ownerEmails;
    private bool _launch;

    /// <summary>Starts a workflow definition.</summary>
    /// <param name="name">The workflow name.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public WorkflowBuilder(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A workflow name is required.", nameof(name));
        }

        _name = name;
    }

    /// <summary>Sets the expiry date (a calendar date on the wire, <c>YYYY-MM-DD</c>).</summary>
    /// <param name="date">
    /// The date: its calendar date in its own offset is sent, the time of day is dropped (a <see cref="DateTime"/>
    /// converts implicitly and keeps its calendar date).
    /// </param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder ExpiresOn(DateTimeOffset date)
    {
        _expiresOn = new DateTimeOffset(date.Date, date.Offset);
        return this;
    }

    /// <summary>Sets the PDF/A policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder WithPdfaPolicy(PdfaPolicy policy)
    {
        _pdfaPolicy = policy;
        return this;
    }

    /// <summary>Sets where the initiator returns after the workspace step (<c>?status=WORKFLOW_…</c>).</summary>
    /// <param name="returnUrl">An absolute URL.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder ReturnTo(Uri returnUrl)
    {
        _returnUrl = RequireAbsolute(returnUrl, nameof(returnUrl));
        return this;
    }

    /// <summary>Enables or disables the owner's completion and step emails.</summary>
    /// <param name="enabled">Whether the owner receives emails.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder WithOwnerEmails(bool enabled)
    {
        _ownerEmails = enabled;
        return this;
    }

    /// <summary>Adds a webhook.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <param name="insecure">Whether TLS certificate errors are ignored.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder AddWebhook(Uri url, bool insecure = false)
    {
        _webhooks.Add(new WorkflowWebhook { Url = RequireAbsolute(url, nameof(url)), Insecure = insecure ? true : null });
        return this;
    }

    /// <summary>Adds a person notified at completion.</summary>
    /// <param name="contact">The contact.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder NotifyOnCompletion(ContactDefinition contact)
    {
        _notifications.Add(new WorkflowNotification { Contact = contact ?? throw new ArgumentNullException(nameof(contact)) });
        return this;
    }

    /// <summary>Adds an uploaded document and its zones.</summary>
    /// <param name="documentId">The id returned by the upload.</param>
    /// <param name="zones">Adds zones to the document.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder AddDocument(string documentId, Action<DocumentZonesBuilder>? zones = null)
    {
        if (string.IsNullOrWhiteSpace(documentId))
        {
            throw new ArgumentException("A document id is required.", nameof(documentId));
        }

        return AddPendingDocument(documentId, null, null, zones);
    }

    /// <summary>Adds a document inline (sent base64 in the workflow body) and its zones.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="pdf">The PDF bytes.</param>
    /// <param name="zones">Adds zones to the document.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder AddInlineDocument(string name, byte[] pdf, Action<DocumentZonesBuilder>? zones = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A document name is required.", nameof(name));
        }

        if (pdf is null)
        {
            throw new ArgumentNullException(nameof(pdf));
        }

        return AddPendingDocument(null, name, pdf, zones);
    }

    /// <summary>Adds a remote signer (invited by email).</summary>
    /// <param name="key">Your key for the signer, used by zones.</param>
    /// <param name="signer">The signer.</param>
    /// <param name="step">Signers with the same step sign in parallel; omitted: in the order added.</param>
    /// <param name="zoneLabel">A label on the signer's zones.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder AddRemoteSigner(string key, SignerDefinition signer, int? step = null, string? zoneLabel = null) =>
        AddAction(key, SigningMode.Remote, signer, null, step, zoneLabel);

    /// <summary>Adds an embedded signer (signs in your platform; you authenticate them).</summary>
    /// <param name="key">Your key for the signer, used by zones.</param>
    /// <param name="signer">The signer (set <see cref="SignerDefinition.ClientUserId"/> to your own id).</param>
    /// <param name="returnUrl">Where the browser returns after signing (<c>?status=success|decline|failure|expired</c>).</param>
    /// <param name="step">The step; an embedded signer cannot share it with another signer.</param>
    /// <param name="zoneLabel">A label on the signer's zones.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder AddEmbeddedSigner(string key, SignerDefinition signer, Uri returnUrl, int? step = null, string? zoneLabel = null) =>
        AddAction(key, SigningMode.Embedded, signer, RequireAbsolute(returnUrl, nameof(returnUrl)), step, zoneLabel);

    /// <summary>Adds a signer not known yet: a placeholder with a role, completed later in the ConsignO workspace.</summary>
    /// <param name="key">Your key for the signer, used by zones.</param>
    /// <param name="role">The role, e.g. <c>Buyer</c>.</param>
    /// <param name="step">The step.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder AddPlaceholderSigner(string key, string role, int? step = null)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            throw new ArgumentException("A role is required.", nameof(role));
        }

        return AddAction(key, SigningMode.Remote, new SignerDefinition { Role = role, PlaceHolder = true }, null, step, null);
    }

    /// <summary>Launches the workflow at creation (status 1) instead of only creating it.</summary>
    /// <param name="launch">Whether to launch.</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder LaunchOnCreate(bool launch = true)
    {
        _launch = launch;
        return this;
    }

    /// <summary>Builds and validates the request.</summary>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">A zone refers to an unknown signer, or a documented rule is broken.</exception>
    public CreateWorkflowRequest Build()
    {
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        var actions = new List<WorkflowActionDefinition>(_actions.Count);
        foreach (var (key, action) in _actions)
        {
            actions.Add(action);
            refs[key] = action.Ref!;
        }

        var documents = new List<WorkflowDocumentDefinition>(_documents.Count);
        foreach (var document in _documents)
        {
            documents.Add(document.Build(refs));
        }

        var request = new CreateWorkflowRequest
        {
            Name = _name,
            ExpiresOn = _expiresOn,
            PdfaPolicy = _pdfaPolicy,
            Launch = _launch,
            ReturnUrl = _returnUrl,
            WorkflowOwnerEmailsEnabled = _ownerEmails,
            Documents = documents,
            Actions = actions,
            Notifications = _notifications.Count == 0 ? null : _notifications.ToArray(),
            Webhooks = _webhooks.Count == 0 ? null : _webhooks.ToArray(),
        };
        Validate(request);
        return request;
    }

    private static Uri RequireAbsolute(Uri url, string paramName)
    {
        if (url is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("An absolute URL is required.", paramName);
        }

        return url;
    }

    private WorkflowBuilder AddPendingDocument(string? documentId, string? name, byte[]? pdf, Action<DocumentZonesBuilder>? zones)
    {
        var zoneBuilder = new DocumentZonesBuilder();
        zones?.Invoke(zoneBuilder);
        _documents.Add(new PendingDocument(documentId, name, pdf, zoneBuilder));
        return this;
    }

    private WorkflowBuilder AddAction(string key, SigningMode mode, SignerDefinition signer, Uri? returnUrl, int? step, string? zoneLabel)
    {
        DocumentZonesBuilder.RequireSignerKey(key, nameof(key));
        if (signer is null)
        {
            throw new ArgumentNullException(nameof(signer));
        }

        foreach (var existing in _actions)
        {
            if (string.Equals(existing.Key, key, StringComparison.Ordinal))
            {
                throw new ArgumentException("A signer with the key '" + key + "' was already added.", nameof(key));
            }
        }

        var reference = (_actions.Count + 1).ToString(CultureInfo.InvariantCulture);
        _actions.Add((key, new WorkflowActionDefinition
        {
            Mode = mode,
            ReturnUrl = returnUrl,
            Step = step,
            ZoneLabel = zoneLabel,
            Ref = reference,
            Signer = signer,
        }));
        return this;
    }

    private sealed class PendingDocument
    {
        private readonly string? _documentId;
        private readonly string? _name;
        private readonly byte[]? _data;
        private readonly DocumentZonesBuilder _zones;

        public PendingDocument(string? documentId, string? name, byte[]? data, DocumentZonesBuilder zones)
        {
            _documentId = documentId;
            _name = name;
            _data = data;
            _zones = zones;
        }

        public WorkflowDocumentDefinition Build(Dictionary<string, string> refs)
        {
            var (fields, anchors) = _zones.Build(refs);
            return new WorkflowDocumentDefinition
            {
                DocumentId = _documentId,
                Name = _name,
                Data = _data,
                Fields = fields.Count == 0 ? null : fields,
                Anchors = anchors.Count == 0 ? null : anchors,
            };
        }
    }
}
