using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.SigningToday;

/// <summary>
/// The signature flow of a DST: "The signature flow follows the order of the Signer Groups. It is possible to set one or
/// more signers per group. This means that until each member of the first group has performed or explicitly refused the
/// signature (if the signature is not mandatory) none of the second group can perform the signature, and so on. There is
/// no order for the signers of the same group. Each document has its own signature flow" (signingtoday-api-v2.txt).
/// </summary>
internal sealed partial class SigningTodayState
{
    // ---- Playing the signer -----------------------------------------------------------------------------------

    /// <summary>The signers fill every pending form and sign every request, group after group, on every document.</summary>
    public void SignAll(string dstId) => Write(() =>
    {
        var dst = Active(dstId);
        foreach (var form in Documents(dst).SelectMany(d => Items(d, "forms")).Where(f => f["toFill"]?.GetValue<bool>() == true))
        {
            form["filled"] = true;
        }

        foreach (var document in Documents(dst).ToList())
        {
            while (CurrentGroup(dst, document) is { Count: > 0 } group)
            {
                foreach (var request in group)
                {
                    AddSignature(dst, document, request);
                }
            }

            FinishDocument(dst, document);
        }

        Move(dst, SigningTodayDstStatus.Signed);
    });

    /// <summary>
    /// One signer signs one signature request. Refused while forms wait to be filled, and for a request whose signer
    /// group is not the document's current one ("none of the second group can perform the signature" before the first).
    /// </summary>
    public void SignRequest(string dstId, int documentId, int signatureRequestId) => Write(() =>
    {
        var dst = Active(dstId);
        if (Effective(dst) == SigningTodayDstStatus.ToFill)
        {
            throw SimulatorStateException.IllegalTransition("The forms must be filled before signing.", "ILLEGAL_STATUS", "status");
        }

        var document = Documents(dst).FirstOrDefault(d => (int?)d["id"] == documentId) ?? throw Missing("docId");
        var request = Items(document, "signatureRequests").FirstOrDefault(r => (int?)r["id"] == signatureRequestId) ?? throw Missing("signId");
        if (IsSigned(dst, document, request))
        {
            throw SimulatorStateException.IllegalTransition("The signature request is already signed.", "ILLEGAL_STATUS", "signId");
        }

        var current = CurrentGroup(dst, document)!;
        if (!current.Contains(request))
        {
            throw SimulatorStateException.IllegalTransition(
                "Signer groups sign in order: the signer of request " + signatureRequestId.ToString(CultureInfo.InvariantCulture) + " must wait for an earlier group.",
                "ILLEGAL_STATUS",
                "signId");
        }

        AddSignature(dst, document, request);
        if (CurrentGroup(dst, document) is null or { Count: 0 })
        {
            FinishDocument(dst, document);
        }

        if (Documents(dst).All(d => CurrentGroup(dst, d) is null or { Count: 0 }))
        {
            Move(dst, SigningTodayDstStatus.Signed);
        }
    });

    /// <summary>
    /// A signer of a current group refuses a declinable request: the DST is rejected. A request with
    /// <c>declinable: false</c> cannot be refused.
    /// </summary>
    public void Decline(string dstId, string reason) => Write(() =>
    {
        var dst = Active(dstId);
        var pending = Documents(dst).SelectMany(d => (CurrentGroup(dst, d) ?? new List<JsonObject>()).Select(r => (Document: d, Request: r))).ToList();
        var declinable = pending.FirstOrDefault(p => p.Request["declinable"]?.GetValue<bool>() != false);
        if (pending.Count > 0 && declinable.Request is null)
        {
            throw SimulatorStateException.IllegalTransition("The pending signature requests are not declinable (declinable: false).", "NOT_DECLINABLE", "declinable");
        }

        ((JsonArray)dst.Body["signatures"]!).Add(new JsonObject
        {
            ["_instance_id"] = ++_instanceSeq,
            ["documentId"] = (declinable.Document ?? Documents(dst).FirstOrDefault())?["id"]?.DeepClone(),
            ["signatureRequestId"] = declinable.Request?["id"]?.DeepClone() ?? 0,
            ["declinedReason"] = reason,
            ["status"] = "declined",
        });
        Move(dst, SigningTodayDstStatus.Rejected);
    });

    /// <summary>An active DST expires now.</summary>
    public void Expire(string dstId) => Write(() =>
    {
        var dst = Active(dstId);
        dst.Body["expiresAt"] = Iso(Now);
        Move(dst, SigningTodayDstStatus.Expired);
    });

    /// <summary>The service fails to process a DST.</summary>
    public void Fail(string dstId, string message) => Write(() =>
    {
        var dst = Live(dstId);
        dst.Body["errorMessage"] = message;
        Move(dst, SigningTodayDstStatus.Error);
    });

    private static bool IsSigned(Dst dst, JsonObject document, JsonObject request) =>
        Items(dst.Body, "signatures").Any(s => (string?)s["status"] == "signed" && s["documentId"]?.ToString() == document["id"]?.ToString()
            && s["signatureRequestId"]?.ToString() == request["id"]?.ToString());

    /// <summary>
    /// The unsigned requests of the document's current signer group (the first group with an unsigned request;
    /// requests whose signer is in no group come last), or <see langword="null"/> when none is left.
    /// </summary>
    private static List<JsonObject>? CurrentGroup(Dst dst, JsonObject document)
    {
        var groups = Items(document, "signerGroups").Select(g => Items(g, "signers").Select(s => s["id"]?.ToString()).ToHashSet()).ToList();
        int GroupOf(JsonObject request)
        {
            var signer = request["signerId"]?.ToString();
            var index = groups.FindIndex(g => g.Contains(signer));
            return index < 0 ? int.MaxValue : index;
        }

        var unsigned = Items(document, "signatureRequests").Where(r => !IsSigned(dst, document, r)).ToList();
        if (unsigned.Count == 0)
        {
            return null;
        }

        int current = unsigned.Min(GroupOf);
        return unsigned.Where(r => GroupOf(r) == current).ToList();
    }

    private void AddSignature(Dst dst, JsonObject document, JsonObject request) =>
        ((JsonArray)dst.Body["signatures"]!).Add(new JsonObject
        {
            ["_instance_id"] = ++_instanceSeq,
            ["documentId"] = document["id"]?.DeepClone(),
            ["signatureRequestId"] = request["id"]?.DeepClone(),
            ["signedAt"] = Iso(Now),
            ["status"] = "signed",
            ["extraData"] = new JsonObject { ["st_uuid"] = Guid.NewGuid().ToString() },
        });

    /// <summary>A fully signed document gets its signed PDF (the plain bytes plus a signature marker).</summary>
    private void FinishDocument(Dst dst, JsonObject document)
    {
        var plainId = (string?)document["plainDocumentUuid"];
        var plain = plainId is not null && _resources.TryGetValue(plainId, out var r) ? r.Bytes : Array.Empty<byte>();
        var signedBytes = plain.Concat(Encoding.ASCII.GetBytes("\n%SigningToday simulated signature " + Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "\n")).ToArray();
        var signedId = StoreResource(dst.Id, "signed-" + ((string?)document["resource"]?["filename"] ?? "document.pdf"), "Signed document", "PDF_Document", "application/pdf", signedBytes);
        document["signedDocumentUuid"] = signedId;
        document["status"] = "signed";
    }
}
