using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.SigningToday;

/// <summary>Templates and copies: instantiation (with patches and role mapping, or one instance per CSV row), clone, templatize, replace.</summary>
internal sealed partial class SigningTodayState
{
    /// <summary>
    /// Instantiates a template: the copy takes the patches, the role mapping replaces the signers holding each role,
    /// and a requested <c>published</c> status publishes it at once.
    /// </summary>
    public JsonObject Instantiate(string templateId, string userId, JsonObject? patches, JsonArray? rolesMapping) => Write(() =>
    {
        var template = Live(templateId);
        if (!template.IsTemplate)
        {
            throw SimulatorStateException.IllegalTransition("The DST is not a template.", "ILLEGAL_STATUS", "id");
        }

        var copy = (JsonObject)template.Body.DeepClone();
        copy["template"] = false;
        copy["publicTemplate"] = false;
        copy["status"] = Wire(template.Status);
        foreach (var pair in patches ?? new JsonObject())
        {
            if (pair.Key != "documents" || pair.Value is JsonArray { Count: > 0 })
            {
                copy[pair.Key] = pair.Value?.DeepClone();
            }
        }

        foreach (var mapping in rolesMapping?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>())
        {
            MapRole(copy, mapping);
        }

        var requested = (string?)copy["status"];
        var dst = NewDst(copy, userId);
        if (requested == "published")
        {
            Publish(dst);
        }

        return Render(dst, stored: true);
    });

    /// <summary><c>POST /DST/{id}/instantiate/byFile</c>: one instance per CSV row, grouped.</summary>
    public JsonObject InstantiateByFile(string templateId, string userId, IReadOnlyList<string> rows, bool publish, string title) => Write(() =>
    {
        var template = Live(templateId);
        if (!template.IsTemplate)
        {
            throw Missing("id");
        }

        var ids = new JsonArray();
        foreach (var row in rows)
        {
            var copy = (JsonObject)template.Body.DeepClone();
            copy["template"] = false;
            copy["title"] = (string?)template.Body["title"] + " - " + row.Split(',')[0];
            var dst = NewDst(copy, userId);
            dst.Status = publish ? SigningTodayDstStatus.Published : SigningTodayDstStatus.Draft;
            ids.Add(dst.Id);
        }

        var groupId = Guid.NewGuid().ToString("N")[..12];
        _instantiationGroups.Add(new JsonObject
        {
            ["instantiationGroupId"] = groupId,
            ["templateId"] = templateId,
            ["title"] = title,
            ["generatedAt"] = Iso(Now),
            ["groupSize"] = ids.Count,
            ["inStateSigned"] = 0,
            ["inStateError"] = 0,
            ["inStateRejected"] = 0,
            ["inStateExpired"] = 0,
            ["dstIDs"] = ids.DeepClone(),
        });
        return new JsonObject { ["instantiationGroup"] = groupId, ["title"] = title, ["dstIDs"] = ids };
    });

    /// <summary>Copies a DST as a new draft: <c>clone</c> (any DST), <c>templatize</c> (published DSTs only) or <c>replace</c> (rejected DSTs only).</summary>
    public JsonObject Copy(string dstId, string userId, DstCopy kind) => Write(() =>
    {
        var source = Live(dstId);
        var status = Effective(source);
        if (kind == DstCopy.Templatize && status is not (SigningTodayDstStatus.Published or SigningTodayDstStatus.ToFill or SigningTodayDstStatus.ToSign))
        {
            throw SimulatorStateException.IllegalTransition("Only published DSTs can become templates (the DST is " + Wire(status) + ").", "ILLEGAL_STATUS", "status");
        }

        if (kind == DstCopy.Replace && status != SigningTodayDstStatus.Rejected)
        {
            throw SimulatorStateException.IllegalTransition("Only a rejected DST can be replaced.", "ILLEGAL_STATUS", "status");
        }

        var copy = (JsonObject)source.Body.DeepClone();
        if (kind != DstCopy.Clone)
        {
            copy["template"] = kind == DstCopy.Templatize;
        }

        var dst = NewDst(copy, userId);
        if (kind == DstCopy.Replace)
        {
            dst.Body["replaces"] = dstId;
            source.Body["replacedBy"] = dst.Id;
        }

        return Render(dst);
    });

    private static void MapRole(JsonObject copy, JsonObject mapping)
    {
        var role = (string?)mapping["roleName"];
        bool matched = false;
        foreach (var group in Items(copy, "documents").SelectMany(d => Items(d, "signerGroups")))
        {
            var signers = group["signers"] as JsonArray ?? new JsonArray();
            for (int i = 0; i < signers.Count; i++)
            {
                if (signers[i] is JsonObject s && ((string?)s["role"] == role || (string?)s["templateLabel"] == role))
                {
                    var replacement = (JsonObject)(mapping["signer"]?.DeepClone() ?? new JsonObject());
                    replacement["id"] = s["id"]?.DeepClone();
                    replacement["role"] ??= role;
                    replacement["templateLabel"] = role;
                    signers[i] = replacement;
                    matched = true;
                }
            }
        }

        if (!matched)
        {
            throw SimulatorStateException.Invalid("The template has no role " + role + ".", "UNKNOWN_ROLE", "rolesMapping");
        }
    }
}
