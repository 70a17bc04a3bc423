using System;
using System.Collections.Generic;
using System.Globalization;
using ConsignO.Workflows.Models;
using SigningClients.Core.Validation;

namespace ConsignO.Workflows;

// The documented rules of a workflow request, checked before anything is sent: by Build on what the
// builder assembled, and by CreateWorkflowAsync on a request built by hand. The rules
// are checked in the order the summary of Validate lists them, so the first broken one is reported.
public sealed partial class WorkflowBuilder
{
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

        var (refs, signers) = ValidateActions(actions, param);
        foreach (var notification in request.Notifications ?? Array.Empty<WorkflowNotification>())
        {
            if (notification?.Contact is null)
            {
                throw new ArgumentException("Every notification needs a contact.", param);
            }

            ValidateContact(notification.Contact, "notified contact " + Describe(notification.Contact, null), param);
        }

        int zones = ValidateDocuments(documents, refs, param);
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

    /// <summary>Checks the actions: first their shape (signer, unique ref, step), then each signer's own rules.</summary>
    /// <returns>The refs zones may be assigned to, and how many real (not placeholder) signers there are.</returns>
    private static (HashSet<string> Refs, int Signers) ValidateActions(IReadOnlyList<WorkflowActionDefinition> actions, string param)
    {
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
            ValidateSigner(action, stepCounts, param);
        }

        return (refs, signers);
    }

    private static void ValidateSigner(WorkflowActionDefinition action, Dictionary<int, int> stepCounts, string param)
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

    /// <summary>Checks each document (by id or inline PDF) and its zones and anchors.</summary>
    /// <returns>How many zones and anchors the documents carry.</returns>
    private static int ValidateDocuments(IReadOnlyList<WorkflowDocumentDefinition> documents, HashSet<string> refs, string param)
    {
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

        return zones;
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
}
