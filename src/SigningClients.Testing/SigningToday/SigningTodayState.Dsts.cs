using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.SigningToday;

/// <summary>
/// The DST life cycle of Signing Today v2 (signingtoday-api-v2.txt):
/// <list type="bullet">
/// <item>A DST is created as a <c>draft</c> (<c>POST /DSTs</c>, 201) and can be edited while it is one; <c>publish</c>
/// moves a draft to <c>published</c>, which "start[s] the notification of the signer and the signature flow": an
/// instance then reads as <c>toFill</c> while forms wait to be filled, then <c>toSign</c>.</item>
/// <item>"The signature flow follows the order of the Signer Groups … until each member of the first group has
/// performed or explicitly refused the signature (if the signature is not mandatory) none of the second group can
/// perform the signature, and so on. There is no order for the signers of the same group. Each document has its own
/// signature flow." A signature request with <c>declinable: false</c> cannot be refused; a refusal rejects the DST.</item>
/// <item>When every request is signed the DST is <c>signed</c>; past <c>expiresAt</c> an active DST is <c>expired</c>
/// (computed when read: reading never changes state); the service can put it in <c>error</c>.</item>
/// <item>Templates are instantiated (<c>/instantiate</c>, <c>/instantiate/byFile</c>, robot instantiation);
/// <c>templatize</c> makes a template from a DST and is "currently implemented only for published DST templates";
/// <c>modify</c> turns a published template back into a draft; <c>replace</c> copies a rejected DST; <c>clone</c>
/// copies any DST.</item>
/// <item>"Get latest user Notifications for DSTs sorted desc by time": a notification per documented event
/// (<c>dst_status_published|expired|rejected|signed|error</c>).</item>
/// </list>
/// </summary>
internal sealed partial class SigningTodayState
{
    private static readonly SigningTodayDstStatus[] Notified =
    {
        SigningTodayDstStatus.Published, SigningTodayDstStatus.Expired, SigningTodayDstStatus.Rejected, SigningTodayDstStatus.Signed, SigningTodayDstStatus.Error,
    };

    private readonly Dictionary<string, Dst> _dsts = new(StringComparer.Ordinal);
    private readonly List<string> _dstOrder = new();
    private readonly List<Notification> _notifications = new();
    private readonly Dictionary<string, int> _publications = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reminders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _formFills = new(StringComparer.Ordinal);
    private long _instanceSeq = 7000;
    private long _notificationSeq;

    public int DstCount => Read(() => _dsts.Values.Count(d => !d.Deleted));

    public int TemplateCount => Read(() => _dsts.Values.Count(d => !d.Deleted && d.IsTemplate));

    public int Publications(string dstId) => Read(() => CountOf(_publications, dstId));

    public int Reminders(string dstId) => Read(() => CountOf(_reminders, dstId));

    public int FormFills(string dstId) => Read(() => CountOf(_formFills, dstId));

    public static string Wire(SigningTodayDstStatus status) => status switch
    {
        SigningTodayDstStatus.Draft => "draft",
        SigningTodayDstStatus.Published => "published",
        SigningTodayDstStatus.ToFill => "toFill",
        SigningTodayDstStatus.ToSign => "toSign",
        SigningTodayDstStatus.Signed => "signed",
        SigningTodayDstStatus.Rejected => "rejected",
        SigningTodayDstStatus.Expired => "expired",
        _ => "error",
    };

    public static SigningTodayDstStatus ParseStatus(string value) =>
        Enum.GetValues<SigningTodayDstStatus>().FirstOrDefault(s => Wire(s) == value, (SigningTodayDstStatus)(-1)) is var status && Enum.IsDefined(status)
            ? status
            : throw SimulatorStateException.Invalid("Unknown DST status '" + value + "'.", "INVALID_STATUS", "status");

    // ---- Reading ----------------------------------------------------------------------------------------------

    /// <summary>A DST in any state (deleted included), or <see langword="null"/>.</summary>
    public SigningTodayDstSnapshot? Snapshot(string dstId) => Read(() => _dsts.TryGetValue(dstId, out var dst) ? SnapshotOf(dst) : null);

    /// <summary>A live DST as the API renders it.</summary>
    public JsonObject GetDst(string dstId) => Read(() => Render(Live(dstId)));

    /// <summary>
    /// <c>GET /DSTs</c>: "You can omit the template keyword (or set it to False in order to avoid that DSTs Templates
    /// will be shown in the response)": without <c>template=true</c> only instances are listed.
    /// </summary>
    public IReadOnlyList<JsonObject> ListDsts(bool templates) =>
        Read(() => _dstOrder.Select(id => _dsts[id]).Where(d => !d.Deleted && d.IsTemplate == templates).Select(d => Render(d)).ToList());

    /// <summary>The audit records of a DST.</summary>
    public JsonArray Audit(string dstId) => Read(() =>
    {
        var dst = Live(dstId);
        var records = new JsonArray();
        if (dst.Body["publishedAt"] is not null)
        {
            records.Add(new JsonObject { ["at"] = (string?)dst.Body["publishedAt"], ["event"] = "event_published", ["dstId"] = dst.Id, ["value"] = "published" });
        }

        foreach (var signature in Items(dst.Body, "signatures"))
        {
            bool signed = (string?)signature["status"] == "signed";
            records.Add(new JsonObject
            {
                ["at"] = (string?)signature["signedAt"] ?? (string?)dst.Body["updatedAt"],
                ["event"] = signed ? "event_signature" : "event_rejection",
                ["dstId"] = dst.Id,
                ["documentId"] = signature["documentId"]?.DeepClone(),
                ["signatureRequestId"] = signature["signatureRequestId"]?.DeepClone(),
                ["value"] = signed ? "signed" : "declined",
            });
        }

        if (Effective(dst) is SigningTodayDstStatus.Signed or SigningTodayDstStatus.Rejected or SigningTodayDstStatus.Expired)
        {
            records.Add(new JsonObject { ["at"] = (string?)dst.Body["updatedAt"], ["event"] = "stage_" + Wire(Effective(dst)), ["dstId"] = dst.Id });
        }

        return records;
    });

    /// <summary>The latest notifications, newest first; an expiry that happened with time passing counts at <c>expiresAt</c>.</summary>
    public IReadOnlyList<JsonObject> Notifications() => Read(() =>
    {
        var all = _notifications.ToList();
        foreach (var dst in _dsts.Values.Where(d => !d.Deleted && d.Status != SigningTodayDstStatus.Expired && Effective(d) == SigningTodayDstStatus.Expired))
        {
            all.Add(new Notification(ExpiresAt(dst)!.Value, long.MaxValue, dst.Id, (string?)dst.Body["title"], "dst_status_expired"));
        }

        return all.OrderByDescending(n => n.At).ThenByDescending(n => n.Sequence).Select(n => new JsonObject
        {
            ["dstTitle"] = n.Title,
            ["username"] = _options.SignerUsername,
            ["email"] = "jdo@" + _options.Domain + ".example",
            ["dstId"] = n.DstId,
            ["event"] = n.Event,
        }).ToList();
    });

    // ---- Creating ---------------------------------------------------------------------------------------------

    /// <summary><c>POST /DSTs</c>: a new draft from the client's DST.</summary>
    public JsonObject CreateDraft(JsonObject body, string userId) => Write(() =>
    {
        if (string.IsNullOrWhiteSpace((string?)body["title"]))
        {
            throw SimulatorStateException.Invalid("title is required.", "INVALID_REQUEST", "title");
        }

        return Render(NewDst(body, userId));
    });

    /// <summary>Adds minimal DSTs (no documents) in the given status, for paging tests.</summary>
    public void Seed(int count, SigningTodayDstStatus status, string createdBy) => Write(() =>
    {
        var now = Now;
        for (int i = 0; i < count; i++)
        {
            var id = Guid.NewGuid().ToString();
            var dst = Add(new Dst(id, new JsonObject
            {
                ["id"] = id,
                ["domain"] = _options.Domain,
                ["title"] = "Seed " + (i + 1).ToString("D5", CultureInfo.InvariantCulture),
                ["createdByUser"] = createdBy,
                ["createdAt"] = Iso(now.AddSeconds(i)),
                ["updatedAt"] = Iso(now.AddSeconds(i)),
                ["documents"] = new JsonArray(),
                ["resources"] = new JsonArray(),
                ["signatures"] = new JsonArray(),
                ["status"] = Wire(status),
                ["template"] = false,
                ["publicTemplate"] = false,
                ["urgent"] = false,
            }));
            dst.Status = status;
        }
    });

    // ---- Transitions ------------------------------------------------------------------------------------------

    /// <summary><c>PUT /DST/{id}</c>: only a draft can be edited.</summary>
    public JsonObject Update(string dstId, JsonObject body) => Write(() =>
    {
        var dst = Live(dstId);
        RequireStored(dst, SigningTodayDstStatus.Draft, "Only a draft can be updated.");
        foreach (var pair in body)
        {
            if (pair.Key is not ("id" or "status" or "createdAt" or "createdByUser" or "signatures" or "domain"))
            {
                dst.Body[pair.Key] = pair.Value?.DeepClone();
            }
        }

        dst.Body["updatedAt"] = Iso(Now);
        return Render(dst);
    });

    /// <summary><c>POST /DST/{id}/publish</c>: a draft becomes published (a repeat is refused: it is no longer a draft).</summary>
    public JsonObject PublishDraft(string dstId) => Write(() =>
    {
        var dst = Live(dstId);
        RequireStored(dst, SigningTodayDstStatus.Draft, "Only a draft can be published.");
        Publish(dst);
        return Render(dst, stored: true);
    });

    /// <summary><c>POST /DST/{id}/modify</c>: a published template goes back to draft.</summary>
    public JsonObject Modify(string dstId) => Write(() =>
    {
        var dst = Live(dstId);
        if (!dst.IsTemplate || Effective(dst) == SigningTodayDstStatus.Draft)
        {
            throw SimulatorStateException.IllegalTransition("Only a published template can be modified.", "ILLEGAL_STATUS", "status");
        }

        Move(dst, SigningTodayDstStatus.Draft);
        return Render(dst);
    });

    /// <summary><c>POST /DST/{id}/notify</c>: "send notifications to pending users for an active DST".</summary>
    public void Remind(string dstId) => Write(() =>
    {
        var dst = Live(dstId);
        if (Effective(dst) is not (SigningTodayDstStatus.ToFill or SigningTodayDstStatus.ToSign))
        {
            throw SimulatorStateException.IllegalTransition("Notifications can be sent only for active DSTs.", "ILLEGAL_STATUS", "status");
        }

        Count(_reminders, dstId);
    });

    /// <summary><c>PATCH /DST/{id}/fill</c>: fills one form; when none is left to fill the DST is toSign.</summary>
    public JsonObject Fill(string dstId, string? documentId, string? formId, JsonObject? extraData) => Write(() =>
    {
        var dst = Live(dstId);
        if (Effective(dst) != SigningTodayDstStatus.ToFill)
        {
            throw SimulatorStateException.IllegalTransition("The DST has no form to fill.", "ILLEGAL_STATUS", "status");
        }

        var form = Documents(dst).Where(d => d["id"]?.ToString() == documentId).SelectMany(d => Items(d, "forms")).FirstOrDefault(f => f["id"]?.ToString() == formId)
            ?? throw SimulatorStateException.Invalid("Unknown form.", "INVALID_FORM", "id");
        form["filled"] = true;
        Count(_formFills, dstId);
        if (extraData is not null)
        {
            form["extraData"] = extraData.DeepClone();
        }

        if (!HasFormsToFill(dst))
        {
            foreach (var document in Documents(dst))
            {
                document["status"] = "filled";
            }

            Move(dst, SigningTodayDstStatus.ToSign);
        }

        return Render(dst);
    });

    /// <summary><c>DELETE /DST/{id}</c>.</summary>
    public void Delete(string dstId) => Write(() =>
    {
        var dst = Live(dstId);
        dst.Deleted = true;
        dst.Body["deletedAt"] = Iso(Now);
    });

    /// <summary>Swaps two documents of a DST.</summary>
    public JsonObject SwapDocuments(string dstId, string? documentId, string? targetDocumentId) => Write(() =>
    {
        var dst = Live(dstId);
        var docs = (JsonArray)dst.Body["documents"]!;
        int a = IndexOfDocument(docs, documentId), b = IndexOfDocument(docs, targetDocumentId);
        if (a < 0 || b < 0)
        {
            throw SimulatorStateException.Invalid("Unknown document id.", "INVALID_DOCUMENT", a < 0 ? "docId" : "targetDocId");
        }

        var first = docs[a]!.DeepClone();
        var second = docs[b]!.DeepClone();
        docs[a] = second;
        docs[b] = first;
        return Render(dst);
    });

    // ---- Helpers (called under the lock) ----------------------------------------------------------------------

    internal static SimulatorStateException Missing(string target) =>
        new(SimulatorErrorKind.NotFound, "The requested object does not exist.", "NOT_FOUND", target);

    private static int CountOf(Dictionary<string, int> counter, string key) => counter.TryGetValue(key, out var n) ? n : 0;

    private static void Count(Dictionary<string, int> counter, string key) => counter[key] = CountOf(counter, key) + 1;

    private static IEnumerable<JsonObject> Documents(Dst dst) => Items(dst.Body, "documents");

    private static IEnumerable<JsonObject> Items(JsonObject node, string name) =>
        node[name] is JsonArray array ? array.OfType<JsonObject>() : Enumerable.Empty<JsonObject>();

    private static int IndexOfDocument(JsonArray docs, string? id)
    {
        for (int i = 0; i < docs.Count; i++)
        {
            if (docs[i]?["id"]?.ToString() == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasFormsToFill(Dst dst) =>
        Documents(dst).SelectMany(d => Items(d, "forms")).Any(f => f["toFill"]?.GetValue<bool>() == true && f["filled"]?.GetValue<bool>() != true);

    private static void RequireStored(Dst dst, SigningTodayDstStatus status, string message)
    {
        if (dst.Status != status)
        {
            throw SimulatorStateException.IllegalTransition(message, "ILLEGAL_STATUS", "status");
        }
    }

    private Dst Live(string dstId) => _dsts.TryGetValue(dstId, out var dst) && !dst.Deleted ? dst : throw Missing("id");

    /// <summary>A DST whose signature flow is running (published, toFill or toSign).</summary>
    private Dst Active(string dstId)
    {
        var dst = _dsts.TryGetValue(dstId, out var found) && !found.Deleted ? found : throw SimulatorStateException.NotFound("DST '" + dstId + "'", "id");
        var status = Effective(dst);
        return status is SigningTodayDstStatus.ToSign or SigningTodayDstStatus.ToFill or SigningTodayDstStatus.Published
            ? dst
            : throw SimulatorStateException.IllegalTransition("The DST is " + Wire(status) + ", not waiting for signatures.", "ILLEGAL_STATUS", "status");
    }

    private static DateTimeOffset? ExpiresAt(Dst dst) =>
        dst.Body["expiresAt"] is JsonValue value && DateTimeOffset.TryParse((string?)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>The status the API shows now: a published instance is toFill or toSign; an active DST past expiresAt is expired.</summary>
    private SigningTodayDstStatus Effective(Dst dst)
    {
        var status = dst.Status;
        if (status == SigningTodayDstStatus.Published && !dst.IsTemplate)
        {
            status = HasFormsToFill(dst) ? SigningTodayDstStatus.ToFill : SigningTodayDstStatus.ToSign;
        }

        return status is SigningTodayDstStatus.ToFill or SigningTodayDstStatus.ToSign && ExpiresAt(dst) <= Now ? SigningTodayDstStatus.Expired : status;
    }

    /// <summary>The JSON of a DST; <paramref name="stored"/> shows the status just set (the answer of a publication).</summary>
    private JsonObject Render(Dst dst, bool stored = false)
    {
        var json = (JsonObject)dst.Body.DeepClone();
        json["status"] = Wire(stored ? dst.Status : Effective(dst));
        return json;
    }

    private SigningTodayDstSnapshot SnapshotOf(Dst dst) =>
        new(dst.Id, (string?)dst.Body["title"] ?? string.Empty, Effective(dst), dst.IsTemplate, dst.Deleted) { Json = Render(dst) };

    private Dst Add(Dst dst)
    {
        _dsts[dst.Id] = dst;
        _dstOrder.Add(dst.Id);
        return dst;
    }

    /// <summary>A new draft from a client's DST: ids, dates, ticket URLs for each signature request.</summary>
    private Dst NewDst(JsonObject body, string userId)
    {
        var copy = (JsonObject)body.DeepClone();
        var now = Iso(Now);
        var id = Guid.NewGuid().ToString();
        copy["id"] = id;
        copy["domain"] = _options.Domain;
        copy["createdByUser"] = userId;
        copy["createdAt"] = now;
        copy["updatedAt"] = now;
        copy["documents"] ??= new JsonArray();
        copy["resources"] ??= new JsonArray();
        copy["signatures"] = new JsonArray();
        copy["template"] ??= false;
        copy["publicTemplate"] ??= false;
        copy["urgent"] ??= false;
        copy.Remove("deletedAt");
        copy.Remove("publishedAt");
        copy["status"] = "draft";
        var dst = Add(new Dst(id, copy));
        foreach (var document in Documents(dst))
        {
            document["_instance_id"] = ++_instanceSeq;
            document["status"] ??= "plain";
            AddTickets(document);
        }

        return dst;
    }

    private void AddTickets(JsonObject document)
    {
        foreach (var request in Items(document, "signatureRequests"))
        {
            var ticket = Guid.NewGuid().ToString();
            var extra = request["extraData"] as JsonObject ?? new JsonObject();
            extra["st_uuid"] = ticket;
            extra["st_signatureTicketUrl"] = new Uri(_baseAddress(), "std/" + ticket + "/signature").AbsoluteUri;
            request["extraData"] = extra;
        }
    }

    private void Publish(Dst dst)
    {
        Move(dst, SigningTodayDstStatus.Published);
        dst.Body["publishedAt"] = Iso(Now);
        Count(_publications, dst.Id);
    }

    private void Move(Dst dst, SigningTodayDstStatus to)
    {
        var from = dst.Status;
        dst.Status = to;
        dst.Body["updatedAt"] = Iso(Now);
        Changed("dst", dst.Id, Wire(from), Wire(to));
        if (Notified.Contains(to))
        {
            _notifications.Add(new Notification(Now, ++_notificationSeq, dst.Id, (string?)dst.Body["title"], "dst_status_" + Wire(to)));
        }
    }

    private sealed class Dst
    {
        public Dst(string id, JsonObject body)
        {
            Id = id;
            Body = body;
        }

        public string Id { get; }

        /// <summary>The DST as the client described it, with the server's members (dates, ids, signatures); its status is <see cref="Status"/>.</summary>
        public JsonObject Body { get; }

        public SigningTodayDstStatus Status { get; set; }

        public bool Deleted { get; set; }

        public bool IsTemplate => Body["template"] is JsonValue value && value.TryGetValue<bool>(out var template) && template;
    }

    private sealed record Notification(DateTimeOffset At, long Sequence, string DstId, string? Title, string Event);
}

/// <summary>The three ways of copying a DST.</summary>
internal enum DstCopy
{
    Clone,
    Templatize,
    Replace,
}
