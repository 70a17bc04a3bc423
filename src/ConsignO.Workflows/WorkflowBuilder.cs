using System;
using System.Collections.Generic;
using System.Globalization;
using ConsignO.Workflows.Models;
using SigningClients.Core.Validation;

namespace ConsignO.Workflows;

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
public sealed class WorkflowBuilder
{
    private readonly string _name;
    private readonly List<PendingDocument> _documents = new();
    private readonly List<(string Key, WorkflowActionDefinition Action)> _actions = new();
    private readonly List<WorkflowNotification> _notifications = new();
    private readonly List<WorkflowWebhook> _webhooks = new();
    private DateTime? _expiresOn;
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

    /// <summary>Sets the expiry date.</summary>
    /// <param name="date">The date (only the date part is sent).</param>
    /// <returns>This builder.</returns>
    public WorkflowBuilder ExpiresOn(DateTime date)
    {
        _expiresOn = date.Date;
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

        var zoneBuilder = new DocumentZonesBuilder();
        zones?.Invoke(zoneBuilder);
        _documents.Add(new PendingDocument(documentId, null, null, zoneBuilder));
        return this;
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

        var zoneBuilder = new DocumentZonesBuilder();
        zones?.Invoke(zoneBuilder);
        _documents.Add(new PendingDocument(null, name, pdf, zoneBuilder));
        return this;
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

    /// <summary>
    /// Checks a request against the documented rules: a name and at least one document; each document by id or inline
    /// PDF; zones on pages ≥ 1 with a positive size, assigned to a known signer; an embedded signer has a return URL,
    /// is not in a parallel step and does not use the secret AMR; a signer's AMR list, when given, includes link; sms and
    /// call need a phone; the secret AMR needs a question, an answer and <c>isSecretAnswerChanged</c>; a placeholder needs
    /// a role; launching needs at least one signer and one zone. Whether embedded signing is available to the account
    /// (not on the main tenant) depends on the client's options and is checked by <see cref="IConsignOClient.CreateWorkflowAsync"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <exception cref="ArgumentException">A rule is broken (the message says which).</exception>
    public static void Validate(CreateWorkflowRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        const string param = nameof(request);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ArgumentException("A workflow name is required.", param);
        }

        var documents = request.Documents ?? Array.Empty<WorkflowDocumentDefinition>();
        var actions = request.Actions ?? Array.Empty<WorkflowActionDefinition>();
        if (documents.Count == 0)
        {
            throw new ArgumentException("A workflow needs at least one document.", param);
        }

        var refs = new HashSet<string>(StringComparer.Ordinal);
        var stepCounts = new Dictionary<int, int>();
        int signers = 0;
        foreach (var action in actions)
        {
            if (action?.Signer is null)
            {
                throw new ArgumentException("Every action needs a signer.", param);
            }

            if (action.Ref is not null && !refs.Add(action.Ref))
            {
                throw new ArgumentException("Two actions share the ref '" + action.Ref + "'.", param);
            }

            if (action.Step is { } step)
            {
                if (step < 0)
                {
                    throw new ArgumentException("An action step cannot be negative.", param);
                }

                stepCounts[step] = stepCounts.TryGetValue(step, out var count) ? count + 1 : 1;
            }

            if (action.Signer.PlaceHolder != true)
            {
                signers++;
            }
        }

        foreach (var action in actions)
        {
            var signer = action.Signer;
            string who = Describe(signer, action.Ref);
            if (action.Mode == SigningMode.Embedded)
            {
                if (action.ReturnUrl is null || !action.ReturnUrl.IsAbsoluteUri)
                {
                    throw new ArgumentException("The embedded signer " + who + " needs an absolute return URL.", param);
                }

                if (action.Step is { } step && stepCounts[step] > 1)
                {
                    throw new ArgumentException("The embedded signer " + who + " cannot be in a parallel step (step " + step.ToString(CultureInfo.InvariantCulture) + " is shared).", param);
                }

                if (Has(signer.Amr, AuthenticationMethod.Secret))
                {
                    throw new ArgumentException("The secret AMR cannot be used with the embedded signer " + who + ".", param);
                }
            }

            if (signer.PlaceHolder == true && string.IsNullOrWhiteSpace(signer.Role))
            {
                throw new ArgumentException("The placeholder signer " + who + " needs a role.", param);
            }

            if (signer.Amr is { Count: > 0 } && !Has(signer.Amr, AuthenticationMethod.Link))
            {
                throw new ArgumentException("The signer " + who + " lists authentication methods without link: link is always needed (the email with the signing URL, or the return URL of an embedded signer).", param);
            }

            ValidateContact(signer, "signer " + who, param);
        }

        foreach (var notification in request.Notifications ?? Array.Empty<WorkflowNotification>())
        {
            if (notification?.Contact is null)
            {
                throw new ArgumentException("Every notification needs a contact.", param);
            }

            ValidateContact(notification.Contact, "notified contact " + Describe(notification.Contact, null), param);
        }

        int zones = 0;
        foreach (var document in documents)
        {
            if (document is null)
            {
                throw new ArgumentException("A document cannot be null.", param);
            }

            bool byId = !string.IsNullOrWhiteSpace(document.DocumentId);
            bool inline = document.Data is not null;
            if (byId == inline)
            {
                throw new ArgumentException("Each document needs either a document id or inline data (name and PDF bytes), not both.", param);
            }

            if (inline && (string.IsNullOrWhiteSpace(document.Name) || !PdfContent.HasPdfHeader(document.Data)))
            {
                throw new ArgumentException("An inline document needs a name and PDF bytes (starting with %PDF-).", param);
            }

            foreach (var zone in document.Fields ?? Array.Empty<SignatureZone>())
            {
                if (zone is null || zone.Page < 1 || zone.Width <= 0 || zone.Height <= 0 || zone.X < 0 || zone.Y < 0)
                {
                    throw new ArgumentException("A zone needs a page ≥ 1, non-negative coordinates and a positive size.", param);
                }

                CheckAssigned(zone.AssignedTo, refs, param);
                zones++;
            }

            foreach (var anchor in document.Anchors ?? Array.Empty<SignatureAnchor>())
            {
                if (anchor is null || string.IsNullOrWhiteSpace(anchor.Tag) || anchor.Width <= 0 || anchor.Height <= 0)
                {
                    throw new ArgumentException("An anchor needs a tag and, when given, a positive size.", param);
                }

                CheckAssigned(anchor.AssignedTo, refs, param);
                zones++;
            }
        }

        if (request.Launch)
        {
            if (signers == 0)
            {
                throw new ArgumentException("A workflow needs at least one signer to be launched.", param);
            }

            if (zones == 0)
            {
                throw new ArgumentException("A workflow needs at least one signature zone (coordinates or anchor) to be launched.", param);
            }
        }

        foreach (var webhook in request.Webhooks ?? Array.Empty<WorkflowWebhook>())
        {
            if (webhook?.Url is null || !webhook.Url.IsAbsoluteUri)
            {
                throw new ArgumentException("A webhook needs an absolute URL.", param);
            }
        }
    }

    private static void ValidateContact(ContactDefinition contact, string who, string paramName)
    {
        if ((Has(contact.Amr, AuthenticationMethod.Sms) || Has(contact.Amr, AuthenticationMethod.Call)) && string.IsNullOrWhiteSpace(contact.Phone))
        {
            throw new ArgumentException("The " + who + " uses the sms or call AMR and needs a phone number.", paramName);
        }

        if (Has(contact.Amr, AuthenticationMethod.Secret) && (string.IsNullOrWhiteSpace(contact.SecretQuestion) || string.IsNullOrEmpty(contact.SecretAnswer) || contact.IsSecretAnswerChanged is null))
        {
            throw new ArgumentException("The " + who + " uses the secret AMR and needs secretQuestion, secretAnswer and isSecretAnswerChanged (IsSecretAnswerChanged).", paramName);
        }
    }

    private static void CheckAssigned(string? assignedTo, HashSet<string> refs, string param)
    {
        if (string.IsNullOrWhiteSpace(assignedTo))
        {
            throw new ArgumentException("Every zone must be assigned to a signer.", param);
        }

        if (refs.Count > 0 && !refs.Contains(assignedTo!))
        {
            throw new ArgumentException("A zone is assigned to '" + assignedTo + "', which is no action's ref.", param);
        }
    }

    private static bool Has(IReadOnlyList<AuthenticationMethod>? amr, AuthenticationMethod method)
    {
        if (amr is null)
        {
            return false;
        }

        foreach (var value in amr)
        {
            if (value == method)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(ContactDefinition contact, string? reference)
    {
        var name = (contact.FirstName + " " + contact.LastName).Trim();
        if (name.Length == 0)
        {
            name = contact is SignerDefinition { Role: { Length: > 0 } role } ? role : "(unnamed)";
        }

        return "'" + name + "'" + (reference is null ? string.Empty : " (ref " + reference + ")");
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

    private WorkflowBuilder AddAction(string key, SigningMode mode, SignerDefinition signer, Uri? returnUrl, int? step, string? zoneLabel)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("A signer key is required.", nameof(key));
        }

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

/// <summary>Adds zones to one document of a <see cref="WorkflowBuilder"/>; signers are named by their builder key.</summary>
public sealed class DocumentZonesBuilder
{
    private readonly List<(string Key, SignatureZone Zone)> _zones = new();
    private readonly List<(string Key, SignatureAnchor Anchor)> _anchors = new();

    internal DocumentZonesBuilder()
    {
    }

    /// <summary>Adds a zone at coordinates (units of 1/72 inch, origin top-left).</summary>
    /// <param name="signerKey">The key of the signer who fills the zone.</param>
    /// <param name="page">The page (1-based).</param>
    /// <param name="x">Distance from the left edge.</param>
    /// <param name="y">Distance from the top edge.</param>
    /// <param name="width">The width (default 165).</param>
    /// <param name="height">The height (default 37).</param>
    /// <returns>This builder.</returns>
    public DocumentZonesBuilder AddZone(string signerKey, int page, double x, double y, double width = SignatureZone.DefaultWidth, double height = SignatureZone.DefaultHeight)
    {
        if (string.IsNullOrWhiteSpace(signerKey))
        {
            throw new ArgumentException("A signer key is required.", nameof(signerKey));
        }

        if (page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "Pages start at 1.");
        }

        if (x < 0 || y < 0)
        {
            throw new ArgumentOutOfRangeException(x < 0 ? nameof(x) : nameof(y), "Coordinates cannot be negative.");
        }

        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(width <= 0 ? nameof(width) : nameof(height), "The zone size must be positive.");
        }

        _zones.Add((signerKey, new SignatureZone { X = x, Y = y, Width = width, Height = height, Page = page, AssignedTo = signerKey }));
        return this;
    }

    /// <summary>Adds a zone wherever a text tag occurs.</summary>
    /// <param name="signerKey">The key of the signer who fills the zone.</param>
    /// <param name="tag">The text tag, e.g. <c>[sig-1]</c>.</param>
    /// <param name="xOffset">Horizontal offset from the tag.</param>
    /// <param name="yOffset">Vertical offset from the tag.</param>
    /// <param name="pages">Page restriction (e.g. <c>1</c> or <c>1,3</c>); every page when null.</param>
    /// <param name="width">The width (server default 165).</param>
    /// <param name="height">The height (server default 37).</param>
    /// <param name="skipIfNotFound">Whether a missing tag is ignored.</param>
    /// <returns>This builder.</returns>
    public DocumentZonesBuilder AddAnchor(string signerKey, string tag, double xOffset = 0, double yOffset = 0, string? pages = null, double? width = null, double? height = null, bool? skipIfNotFound = null)
    {
        if (string.IsNullOrWhiteSpace(signerKey))
        {
            throw new ArgumentException("A signer key is required.", nameof(signerKey));
        }

        if (string.IsNullOrWhiteSpace(tag))
        {
            throw new ArgumentException("An anchor tag is required.", nameof(tag));
        }

        _anchors.Add((signerKey, new SignatureAnchor
        {
            Tag = tag,
            XOffset = xOffset,
            YOffset = yOffset,
            Pages = pages,
            Width = width,
            Height = height,
            AssignedTo = signerKey,
            SkipIfNotFound = skipIfNotFound,
        }));
        return this;
    }

    internal (List<SignatureZone> Fields, List<SignatureAnchor> Anchors) Build(Dictionary<string, string> refs)
    {
        var fields = new List<SignatureZone>(_zones.Count);
        foreach (var (key, zone) in _zones)
        {
            fields.Add(new SignatureZone { X = zone.X, Y = zone.Y, Width = zone.Width, Height = zone.Height, Page = zone.Page, AssignedTo = Resolve(refs, key) });
        }

        var anchors = new List<SignatureAnchor>(_anchors.Count);
        foreach (var (key, anchor) in _anchors)
        {
            anchors.Add(new SignatureAnchor
            {
                Tag = anchor.Tag,
                XOffset = anchor.XOffset,
                YOffset = anchor.YOffset,
                Pages = anchor.Pages,
                Width = anchor.Width,
                Height = anchor.Height,
                AssignedTo = Resolve(refs, key),
                SkipIfNotFound = anchor.SkipIfNotFound,
            });
        }

        return (fields, anchors);
    }

    private static string Resolve(Dictionary<string, string> refs, string key) =>
        refs.TryGetValue(key, out var reference) ? reference : throw new ArgumentException("A zone refers to the signer key '" + key + "', which was never added.", nameof(key));
}
