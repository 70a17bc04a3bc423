using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.SigningToday;

/// <summary>
/// What surrounds the DSTs in Signing Today v2: notes, resources (the files of a DST, identity appearances), user
/// groups, identities, robot-built DSTs and template files.
/// </summary>
internal sealed partial class SigningTodayState
{
    private static readonly string[] DocumentParts = { "forms", "signatureRequests", "signerGroups", "extraData" };
    private static readonly string[] ResourceMetaFields = { "title", "filename", "extraData" };

    private readonly Dictionary<string, List<JsonObject>> _notes = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _groups = new();
    private readonly Dictionary<string, List<JsonObject>> _identities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _appearances = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _instantiationGroups = new();
    private long _noteSeq;

    public int UserGroupCount => Read(() => _groups.Count);

    public int NoteCount(string dstId) => Read(() => _notes.TryGetValue(dstId, out var notes) ? notes.Count : 0);

    public IReadOnlyList<JsonObject> InstantiationGroups() => Read(() => _instantiationGroups.Select(g => (JsonObject)g.DeepClone()).ToList());

    // ---- Notes ------------------------------------------------------------------------------------------------

    public IReadOnlyList<JsonObject> Notes(string dstId) => Read(() =>
    {
        Live(dstId);
        return NotesOf(dstId).Select(n => (JsonObject)n.DeepClone()).ToList();
    });

    public JsonObject AddNote(string dstId, string userId, string? text) => Write(() =>
    {
        Live(dstId);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw SimulatorStateException.Invalid("text is required.", "INVALID_REQUEST", "text");
        }

        var note = new JsonObject { ["id"] = ++_noteSeq, ["dstId"] = dstId, ["userId"] = userId, ["createdAt"] = Iso(Now), ["text"] = text };
        NotesOf(dstId).Add(note);
        return (JsonObject)note.DeepClone();
    });

    public JsonObject UpdateNote(string dstId, string noteId, string? text) => Write(() =>
    {
        var note = NotesOf(dstId).FirstOrDefault(n => n["id"]?.ToString() == noteId) ?? throw Missing("noteId");
        note["text"] = text ?? (string?)note["text"];
        return (JsonObject)note.DeepClone();
    });

    public void DeleteNote(string dstId, string noteId) => Write(() =>
    {
        if (NotesOf(dstId).RemoveAll(n => n["id"]?.ToString() == noteId) == 0)
        {
            throw Missing("noteId");
        }
    });

    // ---- Notifications ------------------------------------------------------------------------------------------

    /// <summary>"A user consumed all active notifications for a DST."</summary>
    public void ClearNotifications(string dstId) => Write(() => _notifications.RemoveAll(n => n.DstId == dstId));

    // ---- Resources --------------------------------------------------------------------------------------------

    public Download Resource(string resourceId) => Read(() => _resources.TryGetValue(resourceId, out var r) ? ToDownload(r) : throw Missing("id"));

    public bool HasResource(string resourceId) => Read(() => _resources.ContainsKey(resourceId));

    public void UpdateResource(string resourceId, JsonObject? body) => Write(() =>
    {
        var resource = _resources.TryGetValue(resourceId, out var r) ? r : throw Missing("id");
        foreach (var name in ResourceMetaFields)
        {
            if (body?[name] is { } value)
            {
                resource.Meta[name] = value.DeepClone();
            }
        }
    });

    /// <summary>Removes a resource from its DST.</summary>
    public JsonObject DeleteDstResource(string resourceId) => Write(() =>
    {
        if (!_resources.TryGetValue(resourceId, out var resource) || (string?)resource.Meta["dstUuid"] is not { } dstId || !_dsts.TryGetValue(dstId, out var dst) || dst.Deleted)
        {
            throw Missing("id");
        }

        var list = (JsonArray)dst.Body["resources"]!;
        foreach (var node in list.OfType<JsonObject>().Where(x => (string?)x["id"] == resourceId).ToList())
        {
            list.Remove(node);
        }

        _resources.Remove(resourceId);
        return Render(dst);
    });

    /// <summary>Every file of a DST (for the ZIP download).</summary>
    public IReadOnlyList<(string Name, byte[] Bytes)> DstFiles(string dstId) => Read(() =>
    {
        Live(dstId);
        return Files(new[] { dstId });
    });

    /// <summary>Every file of the DSTs of an instantiation group.</summary>
    public IReadOnlyList<(string Name, byte[] Bytes)> GroupFiles(string groupId) => Read(() =>
    {
        var group = _instantiationGroups.FirstOrDefault(g => (string?)g["instantiationGroupId"] == groupId) ?? throw Missing("id");
        return Files(((JsonArray)group["dstIDs"]!).Select(x => (string?)x).ToArray());
    });

    /// <summary><c>PATCH /DST/{id}/resources</c>: appends a document to a draft.</summary>
    public JsonObject AppendResource(string dstId, Upload upload) => Write(() =>
    {
        var dst = Live(dstId);
        RequireStored(dst, SigningTodayDstStatus.Draft, "Resources can be appended only to drafts.");
        var id = StoreResource(dstId, upload.FileName, upload.Title, upload.ResourceType, upload.ContentType, upload.Bytes);
        if (upload.ExtraData is { Length: > 0 } extra)
        {
            _resources[id].Meta["extraData"] = JsonNode.Parse(extra);
        }

        AddDocument(dst, id);
        return Render(dst);
    });

    /// <summary><c>POST /DST/{id}/doc/{docId}/resource</c>: replaces a document's file, in place or on a clone.</summary>
    public JsonObject ReplaceDocumentResource(string dstId, string documentId, string action, string userId, Upload upload) => Write(() =>
    {
        var dst = Live(dstId);
        if (action is not ("replace" or "clone_and_replace"))
        {
            throw SimulatorStateException.Invalid("actionType must be replace or clone_and_replace.", "INVALID_ACTION", "actionType");
        }

        var target = action == "replace" ? dst : NewDst(dst.Body, userId);
        var document = Documents(target).FirstOrDefault(d => d["id"]?.ToString() == documentId)
            ?? throw SimulatorStateException.Invalid("Unknown document id.", "INVALID_DOCUMENT", "docId");
        var id = StoreResource(target.Id, upload.FileName, upload.Title, "PDF_Document", "application/pdf", upload.Bytes);
        document["plainDocumentUuid"] = id;
        ((JsonArray)(target.Body["resources"] ??= new JsonArray())).Add(_resources[id].Meta.DeepClone());
        return Render(target);
    });

    /// <summary><c>POST /DSTs/byFile</c>: a draft template whose only document is the uploaded file.</summary>
    public JsonObject CreateTemplateByFile(string userId, Upload upload) => Write(() =>
    {
        var dst = NewDst(new JsonObject { ["title"] = Path.GetFileNameWithoutExtension(upload.FileName), ["template"] = true }, userId);
        AddDocument(dst, StoreResource(dst.Id, upload.FileName, upload.FileName, "PDF_Document", upload.ContentType, upload.Bytes));
        return Render(dst);
    });

    /// <summary>
    /// <c>POST /robot/DSTs</c>: a DST whose documents come embedded (base64) or from a URL, created as a draft or
    /// published at once (which needs at least one signature request).
    /// </summary>
    public JsonObject CreateRobotDst(JsonObject body, string userId) => Write(() =>
    {
        if (string.IsNullOrWhiteSpace((string?)body["title"]))
        {
            throw SimulatorStateException.Invalid("title is required.", "INVALID_REQUEST", "title");
        }

        var status = (string?)body["status"] ?? "draft";
        if (status is not ("draft" or "published"))
        {
            throw SimulatorStateException.Invalid("status must be draft or published.", "INVALID_STATUS", "status");
        }

        var documents = (body["documents"] as JsonArray ?? new JsonArray()).OfType<JsonObject>().ToList();
        var files = documents.Select((document, index) => RobotDocumentBytes(document, index)).ToList();
        if (status == "published" && !documents.Any(d => Items(d, "signatureRequests").Any()))
        {
            throw SimulatorStateException.Invalid("A published DST needs at least one signature request.", "INVALID_REQUEST", "documents");
        }

        var spec = (JsonObject)body.DeepClone();
        spec["documents"] = new JsonArray();
        var dst = NewDst(spec, userId);
        for (int index = 0; index < documents.Count; index++)
        {
            var resource = documents[index]["resource"] as JsonObject;
            var id = StoreResource(dst.Id, (string?)resource?["filename"] ?? "document.pdf", (string?)resource?["title"], (string?)resource?["resourceType"] ?? "PDF_Document", "application/pdf", files[index]);
            var created = AddDocument(dst, id);
            created["id"] = index;
            foreach (var name in DocumentParts)
            {
                if (documents[index][name] is { } value)
                {
                    created[name] = value.DeepClone();
                }
            }

            AddTickets(created);
        }

        if (status == "published")
        {
            Publish(dst);
        }

        return Render(dst, stored: true);
    });

    // ---- Users' groups, identities, appearances ---------------------------------------------------------------

    public IReadOnlyList<JsonObject> UserGroups() => Read(() => _groups.Select(g => (JsonObject)g.DeepClone()).ToList());

    public void AddUserGroups(JsonArray? groups) => Write(() =>
    {
        if (groups is null || groups.Count == 0)
        {
            throw SimulatorStateException.Invalid("An array of groups is required.", "INVALID_REQUEST");
        }

        foreach (var group in groups.OfType<JsonObject>())
        {
            var copy = (JsonObject)group.DeepClone();
            copy["id"] ??= _groups.Count + 1;
            copy["domain"] ??= _options.Domain;
            _groups.Add(copy);
        }
    });

    public JsonArray Identities(string userId) => Read(() =>
    {
        if (!_users.ContainsKey(userId))
        {
            throw Missing("id");
        }

        var list = _identities.TryGetValue(userId, out var identities) ? identities : new List<JsonObject>();
        return new JsonArray(list.Select(i => (JsonNode)WithAppearance(userId, i)).ToArray());
    });

    public Download Appearance(string userId, string identityId) => Read(() =>
        _appearances.TryGetValue(userId + "/" + identityId, out var id) && _resources.TryGetValue(id, out var resource) ? ToDownload(resource) : throw Missing("identity-id"));

    public JsonObject SetAppearance(string userId, string identityId, Upload upload) => Write(() =>
    {
        if (!_users.ContainsKey(userId))
        {
            throw Missing("id");
        }

        var id = StoreResource(null, upload.FileName, upload.Title, upload.ResourceType, upload.ContentType, upload.Bytes);
        _appearances[userId + "/" + identityId] = id;
        return (JsonObject)_resources[id].Meta.DeepClone();
    });

    public void DeleteAppearance(string userId, string identityId) => Write(() =>
    {
        if (!_appearances.Remove(userId + "/" + identityId))
        {
            throw Missing("identity-id");
        }
    });

    // ---- Helpers (called under the lock) ----------------------------------------------------------------------

    private static byte[] RobotDocumentBytes(JsonObject document, int index)
    {
        var source = (document["resource"] as JsonObject)?["source"] as JsonObject;
        var at = "documents[" + index.ToString(CultureInfo.InvariantCulture) + "].resource.source";
        if ((string?)source?["type"] == "Embedded")
        {
            try
            {
                return Convert.FromBase64String((string?)source["embeddedData"] ?? string.Empty);
            }
            catch (FormatException)
            {
                throw SimulatorStateException.Invalid("embeddedData is not base64.", "INVALID_DOCUMENT", at + ".embeddedData");
            }
        }

        if ((string?)source?["type"] == "URL" && (string?)source["sourceURL"] is { } url)
        {
            return Encoding.ASCII.GetBytes("%PDF-1.4\n% downloaded from " + url + "\n%%EOF\n");
        }

        throw SimulatorStateException.Invalid("Each document needs a resource with an Embedded or URL source.", "INVALID_DOCUMENT", at);
    }

    private List<JsonObject> NotesOf(string dstId)
    {
        if (!_notes.TryGetValue(dstId, out var list))
        {
            _notes[dstId] = list = new List<JsonObject>();
        }

        return list;
    }

    private List<(string Name, byte[] Bytes)> Files(ICollection<string?> dstIds) =>
        ResourcesOf(dstIds).Select(r => (r.FileName ?? "file", r.Bytes)).ToList();

    private JsonObject WithAppearance(string userId, JsonObject identity)
    {
        var copy = (JsonObject)identity.DeepClone();
        if (_appearances.TryGetValue(userId + "/" + (string?)identity["id"], out var id) && _resources.TryGetValue(id, out var resource))
        {
            copy["appearance"] = resource.Meta.DeepClone();
        }

        return copy;
    }

    private JsonObject AddDocument(Dst dst, string resourceId)
    {
        var docs = (JsonArray)(dst.Body["documents"] ??= new JsonArray());
        int next = docs.OfType<JsonObject>().Select(d => d["id"]?.GetValue<int>() ?? 0).DefaultIfEmpty(-1).Max() + 1;
        var document = new JsonObject
        {
            ["_instance_id"] = ++_instanceSeq,
            ["id"] = next,
            ["plainDocumentUuid"] = resourceId,
            ["status"] = "plain",
            ["forms"] = new JsonArray(),
            ["signatureRequests"] = new JsonArray(),
            ["signerGroups"] = new JsonArray(),
        };
        docs.Add(document);
        ((JsonArray)(dst.Body["resources"] ??= new JsonArray())).Add(_resources[resourceId].Meta.DeepClone());
        return document;
    }

    /// <summary>An uploaded file with its form fields, as parsed by the routes.</summary>
    internal sealed record Upload(byte[] Bytes, string FileName, string ContentType, string Title, string ResourceType, string? ExtraData);
}
