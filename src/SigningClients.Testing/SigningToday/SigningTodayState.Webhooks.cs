using System.Linq;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.SigningToday;

/// <summary>
/// The bodies Signing Today posts to a DST's webhooks, in the shapes of the vendor's generated v2.0.0 models
/// (FACTS.md, "SigningToday — shapes in the vendor's generated v2.0.0 models"): a DST status change carries the DST id
/// as a bare UUID string, a signature status change carries the signature request id as an integer, the signer as a
/// string, <c>dst</c> as <c>{id, title}</c> and <c>document</c> as <c>{id, display_name, order}</c>.
/// </summary>
internal sealed partial class SigningTodayState
{
    /// <summary><c>DSTStatusChangedNotification</c>: <c>{status, dst, reason}</c> with <c>dst</c> the DST id.</summary>
    public JsonObject DstStatusWebhook(string dstId, string? reason) => Read(() =>
    {
        var dst = _dsts.TryGetValue(dstId, out var found) && !found.Deleted ? found : throw Missing("id");
        return new JsonObject
        {
            ["status"] = Wire(Effective(dst)),
            ["dst"] = dst.Id,
            ["reason"] = reason ?? (string?)dst.Body["errorMessage"],
        };
    });

    /// <summary>
    /// <c>SignatureStatusChangedNotification</c> for one signature request of one document: <c>status</c>
    /// (<c>performed</c>, <c>declined</c>, <c>expired</c>, <c>error</c> or <c>pending</c>), <c>action</c> (<c>sign</c>),
    /// <c>signature</c> (the request id), <c>signer</c> (the signer's id as text), <c>group</c> (1-based signer group),
    /// <c>dst</c> <c>{id, title}</c>, <c>document</c> <c>{id, display_name, order}</c> (order: the 0-based position of
    /// the document in the DST), <c>fillableForm</c> and <c>page</c> (<c>null</c>: the simulator has no fillable form per signature nor page placement) and <c>automatic</c> (<c>false</c>).
    /// </summary>
    public JsonObject SignatureWebhook(string dstId, int documentId, int signatureRequestId) => Read(() =>
    {
        var dst = _dsts.TryGetValue(dstId, out var found) && !found.Deleted ? found : throw Missing("id");
        var documents = Documents(dst).ToList();
        int order = documents.FindIndex(d => (int?)d["id"] == documentId);
        var document = order >= 0 ? documents[order] : throw Missing("docId");
        var request = Items(document, "signatureRequests").FirstOrDefault(r => (int?)r["id"] == signatureRequestId) ?? throw Missing("signId");
        var signerId = request["signerId"]?.ToString();
        var signature = Items(dst.Body, "signatures").LastOrDefault(s => s["documentId"]?.ToString() == document["id"]?.ToString()
            && s["signatureRequestId"]?.ToString() == request["id"]?.ToString());
        var effective = Effective(dst);
        string status = signature is not null
            ? ((string?)signature["status"] == "signed" ? "performed" : "declined")
            : effective switch
            {
                SigningTodayDstStatus.Expired => "expired",
                SigningTodayDstStatus.Error => "error",
                _ => "pending",
            };
        var groups = Items(document, "signerGroups").ToList();
        int group = groups.FindIndex(g => Items(g, "signers").Any(s => s["id"]?.ToString() == signerId));
        var resource = (string?)document["plainDocumentUuid"] is { } resourceId && _resources.TryGetValue(resourceId, out var stored) ? stored.Meta : null;
        var name = (string?)resource?["title"] ?? (string?)resource?["filename"] ?? "Document " + (order + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["status"] = status,
            ["action"] = "sign",
            ["signature"] = signatureRequestId,
            ["signer"] = signerId,
            ["group"] = group < 0 ? null : group + 1,
            ["dst"] = new JsonObject { ["id"] = dst.Id, ["title"] = (string?)dst.Body["title"] },
            ["document"] = new JsonObject { ["id"] = documentId, ["display_name"] = name, ["order"] = order },
            ["fillableForm"] = null,
            ["automatic"] = false,
            ["page"] = null,
        };
    });
}
