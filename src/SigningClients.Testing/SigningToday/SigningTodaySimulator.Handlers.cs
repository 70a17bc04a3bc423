using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SigningClients.Testing;

public sealed partial class SigningTodaySimulator
{
    private static readonly string[] DocumentParts = { "forms", "signatureRequests", "signerGroups", "extraData" };

    private async Task AddNote(HttpContext c, string userId)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if (Find(Id(c)) is null)
            {
                return NotFound(c, "id");
            }

            if (string.IsNullOrWhiteSpace((string?)body?["text"]))
            {
                return Error(c, 400, "INVALID_REQUEST", "text is required.", "text");
            }

            var note = new JsonObject { ["id"] = ++_noteSeq, ["dstId"] = Id(c), ["userId"] = userId, ["createdAt"] = Iso(TimeProvider.GetUtcNow()), ["text"] = (string?)body!["text"] };
            Notes(Id(c)).Add(note);
            return Json(c, note);
        }).ConfigureAwait(false);
    }

    private async Task UpdateNote(HttpContext c, string userId)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            var note = Notes(Id(c)).FirstOrDefault(n => n["id"]?.ToString() == Route(c, "noteId"));
            if (note is null)
            {
                return NotFound(c, "noteId");
            }

            note["text"] = (string?)body?["text"] ?? (string?)note["text"];
            return Json(c, note);
        }).ConfigureAwait(false);
    }

    private Task DeviceChallenge(HttpContext c, string userId)
    {
        lock (_gate)
        {
            var challenge = Guid.NewGuid().ToString("N");
            _challenges[userId] = challenge;
            if (c.Request.Headers.Accept.ToString().Contains("image/png", StringComparison.OrdinalIgnoreCase))
            {
                return Bytes(c, TinyPng, "image/png", null);
            }

            return Json(c, new JsonObject { ["userId"] = userId, ["baseURL"] = new Uri(ApiEndpoint, "challenge").AbsoluteUri, ["challenge"] = challenge });
        }
    }

    private async Task RegisterDevice(HttpContext c, string userId)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            var deviceId = (string?)body?["deviceId"];
            if (deviceId is null || !_challenges.TryGetValue(userId, out var expected) || expected != (string?)body?["challenge"])
            {
                return Error(c, 400, "INVALID_CHALLENGE", "The challenge is not valid.", "challenge");
            }

            var existing = _devices.FirstOrDefault(d => (string?)d["deviceId"] == deviceId);
            if (existing is null)
            {
                _devices.Add(new JsonObject { ["userId"] = userId, ["deviceId"] = deviceId, ["name"] = (string?)body?["name"], ["registeredAt"] = Iso(TimeProvider.GetUtcNow()) });
            }
            else
            {
                existing["name"] = (string?)body?["name"];
            }

            return Json(c, new JsonArray(deviceId));
        }).ConfigureAwait(false);
    }

    private Task ListDsts(HttpContext c, string userId)
    {
        lock (_gate)
        {
            var template = Query(c, "template");
            IEnumerable<JsonObject> items = _dstOrder.Select(id => _dsts[id]).Where(d => d["deletedAt"] is null);
            if (template is not null)
            {
                bool wanted = string.Equals(template, "true", StringComparison.OrdinalIgnoreCase);
                items = items.Where(d => (d["template"]?.GetValue<bool>() ?? false) == wanted);
            }

            return Page(c, items.Select(Evolve));
        }
    }

    private async Task CreateDst(HttpContext c, string userId)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if (body is null || string.IsNullOrWhiteSpace((string?)body["title"]))
            {
                return Error(c, 400, "INVALID_REQUEST", "title is required.", "title");
            }

            var dst = NewDst(body, userId);
            dst["status"] = "draft";
            return Json(c, dst, 201);
        }).ConfigureAwait(false);
    }

    private JsonObject NewDst(JsonObject body, string userId)
    {
        var dst = (JsonObject)body.DeepClone();
        var id = Guid.NewGuid().ToString();
        var now = Iso(TimeProvider.GetUtcNow());
        dst["id"] = id;
        dst["domain"] = _sim.Domain;
        dst["createdByUser"] = userId;
        dst["createdAt"] = now;
        dst["updatedAt"] = now;
        dst["documents"] ??= new JsonArray();
        dst["resources"] ??= new JsonArray();
        dst["signatures"] = new JsonArray();
        dst["template"] ??= false;
        dst["publicTemplate"] ??= false;
        dst["urgent"] ??= false;
        dst.Remove("deletedAt");
        dst.Remove("publishedAt");
        foreach (var document in Documents(dst))
        {
            document["_instance_id"] = ++_instanceSeq;
            document["status"] ??= "plain";
            foreach (var request in Array(document, "signatureRequests"))
            {
                var ticket = Guid.NewGuid().ToString();
                var extra = request["extraData"] as JsonObject ?? new JsonObject();
                extra["st_uuid"] = ticket;
                extra["st_signatureTicketUrl"] = new Uri(BaseAddress, "std/" + ticket + "/signature").AbsoluteUri;
                request["extraData"] = extra;
            }
        }

        _dsts[id] = dst;
        _dstOrder.Add(id);
        return dst;
    }

    private Task Instantiate(HttpContext c, string userId, string templateId, JsonObject? patches, JsonArray? rolesMapping)
    {
        if (Find(templateId) is not { } template)
        {
            return NotFound(c, "id");
        }

        if (template["template"]?.GetValue<bool>() != true)
        {
            return Error(c, 409, "ILLEGAL_STATUS", "The DST is not a template.", "id");
        }

        var copy = (JsonObject)template.DeepClone();
        copy["template"] = false;
        copy["publicTemplate"] = false;
        foreach (var pair in patches ?? new JsonObject())
        {
            if (pair.Key != "documents" || pair.Value is JsonArray { Count: > 0 })
            {
                copy[pair.Key] = pair.Value?.DeepClone();
            }
        }

        foreach (var mapping in rolesMapping?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>())
        {
            var role = (string?)mapping["roleName"];
            bool matched = false;
            foreach (var group in Documents(copy).SelectMany(d => Array(d, "signerGroups")))
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
                return Error(c, 400, "UNKNOWN_ROLE", "The template has no role " + role + ".", "rolesMapping");
            }
        }

        var requested = (string?)copy["status"];
        var dst = NewDst(copy, userId);
        dst["status"] = "draft";
        if (requested == "published")
        {
            SetStatus(dst, "published");
            dst["publishedAt"] = Iso(TimeProvider.GetUtcNow());
        }

        return Json(c, dst);
    }

    private async Task InstantiateByFile(HttpContext c, string userId)
    {
        var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync().ConfigureAwait(false) : null;
        var file = form?.Files["file"];
        if (file is null)
        {
            await Error(c, 400, "INVALID_REQUEST", "file is required.", "file").ConfigureAwait(false);
            return;
        }

        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        bool publish = string.Equals(Query(c, "publish"), "true", StringComparison.OrdinalIgnoreCase);
        await Locked(c, () =>
        {
            if (Find(Id(c)) is not { } template || template["template"]?.GetValue<bool>() != true)
            {
                return NotFound(c, "id");
            }

            var ids = new JsonArray();
            foreach (var row in rows)
            {
                var copy = (JsonObject)template.DeepClone();
                copy["template"] = false;
                copy["title"] = (string?)template["title"] + " - " + row.Split(',')[0];
                var dst = NewDst(copy, userId);
                dst["status"] = publish ? "published" : "draft";
                ids.Add((string?)dst["id"]);
            }

            var groupId = Guid.NewGuid().ToString("N")[..12];
            _instantiationGroups.Add(new JsonObject
            {
                ["instantiationGroupId"] = groupId,
                ["templateId"] = Id(c),
                ["title"] = form!["title"].ToString(),
                ["generatedAt"] = Iso(TimeProvider.GetUtcNow()),
                ["groupSize"] = ids.Count,
                ["inStateSigned"] = 0,
                ["inStateError"] = 0,
                ["inStateRejected"] = 0,
                ["inStateExpired"] = 0,
                ["dstIDs"] = ids.DeepClone(),
            });
            return Json(c, new JsonObject { ["instantiationGroup"] = groupId, ["title"] = form["title"].ToString(), ["dstIDs"] = ids });
        }).ConfigureAwait(false);
    }

    private Task Transition(HttpContext c, Func<JsonObject, bool> allowed, Action<JsonObject> apply, string error)
    {
        lock (_gate)
        {
            if (Find(Id(c)) is not { } dst)
            {
                return NotFound(c, "id");
            }

            if (!allowed(Evolve(dst)))
            {
                return Error(c, 409, "ILLEGAL_STATUS", error, "status");
            }

            apply(dst);
            return Json(c, dst);
        }
    }

    private Task Copy(HttpContext c, string userId, bool? template, Func<JsonObject, bool> require, string error, bool replace = false)
    {
        if (Find(Id(c)) is not { } source)
        {
            return NotFound(c, "id");
        }

        if (!require(Evolve(source)))
        {
            return Error(c, 409, "ILLEGAL_STATUS", error, "status");
        }

        var copy = (JsonObject)source.DeepClone();
        if (template is not null)
        {
            copy["template"] = template.Value;
        }

        var dst = NewDst(copy, userId);
        dst["status"] = "draft";
        if (replace)
        {
            dst["replaces"] = Id(c);
            source["replacedBy"] = (string?)dst["id"];
        }

        return Json(c, dst);
    }

    private static JsonArray Audit(JsonObject dst)
    {
        var records = new JsonArray();
        if (dst["publishedAt"] is not null)
        {
            records.Add(new JsonObject { ["at"] = (string?)dst["publishedAt"], ["event"] = "event_published", ["dstId"] = (string?)dst["id"], ["value"] = "published" });
        }

        foreach (var signature in Array(dst, "signatures"))
        {
            bool signed = (string?)signature["status"] == "signed";
            records.Add(new JsonObject
            {
                ["at"] = (string?)signature["signedAt"] ?? (string?)dst["updatedAt"],
                ["event"] = signed ? "event_signature" : "event_rejection",
                ["dstId"] = (string?)dst["id"],
                ["documentId"] = signature["documentId"]?.DeepClone(),
                ["signatureRequestId"] = signature["signatureRequestId"]?.DeepClone(),
                ["value"] = signed ? "signed" : "declined",
            });
        }

        if ((string?)dst["status"] is "signed" or "rejected" or "expired")
        {
            records.Add(new JsonObject { ["at"] = (string?)dst["updatedAt"], ["event"] = "stage_" + (string?)dst["status"], ["dstId"] = (string?)dst["id"] });
        }

        return records;
    }

    private async Task UpdateDst(HttpContext c, string userId)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if (Find(Id(c)) is not { } dst)
            {
                return NotFound(c, "id");
            }

            if ((string?)dst["status"] != "draft")
            {
                return Error(c, 409, "ILLEGAL_STATUS", "Only a draft can be updated.", "status");
            }

            foreach (var pair in body ?? new JsonObject())
            {
                if (pair.Key is not ("id" or "status" or "createdAt" or "createdByUser" or "signatures" or "domain"))
                {
                    dst[pair.Key] = pair.Value?.DeepClone();
                }
            }

            dst["updatedAt"] = Iso(TimeProvider.GetUtcNow());
            return Json(c, dst);
        }).ConfigureAwait(false);
    }

    private async Task Fill(HttpContext c, string userId)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if (Find(Id(c)) is not { } dst)
            {
                return NotFound(c, "id");
            }

            if ((string?)Evolve(dst)["status"] != "toFill")
            {
                return Error(c, 409, "ILLEGAL_STATUS", "The DST has no form to fill.", "status");
            }

            var form = Documents(dst).Where(d => d["id"]?.ToString() == body?["documentId"]?.ToString())
                .SelectMany(d => Array(d, "forms")).FirstOrDefault(f => f["id"]?.ToString() == body?["id"]?.ToString());
            if (form is null)
            {
                return Error(c, 400, "INVALID_FORM", "Unknown form.", "id");
            }

            form["filled"] = true;
            Count(_formFills, Id(c));
            if (body?["extraData"] is JsonObject extra)
            {
                form["extraData"] = extra.DeepClone();
            }

            if (!Documents(dst).SelectMany(d => Array(d, "forms")).Any(f => f["toFill"]?.GetValue<bool>() == true && f["filled"]?.GetValue<bool>() != true))
            {
                foreach (var document in Documents(dst))
                {
                    document["status"] = "filled";
                }

                SetStatus(dst, "toSign");
            }

            return Json(c, dst);
        }).ConfigureAwait(false);
    }

    private static async Task<(byte[] Bytes, string FileName, string ContentType, Microsoft.AspNetCore.Http.IFormCollection Form)?> ReadUpload(HttpContext c)
    {
        var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync().ConfigureAwait(false) : null;
        var file = form?.Files["file"];
        if (file is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer).ConfigureAwait(false);
        var name = form!["filename"].ToString();
        return (buffer.ToArray(), string.IsNullOrEmpty(name) ? file.FileName : name, file.ContentType ?? "application/octet-stream", form);
    }

    private JsonObject AddDocument(JsonObject dst, string resourceId)
    {
        var docs = (JsonArray)(dst["documents"] ??= new JsonArray());
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
        ((JsonArray)(dst["resources"] ??= new JsonArray())).Add(_resources[resourceId].Meta.DeepClone());
        return document;
    }

    private async Task CreateTemplateByFile(HttpContext c, string userId)
    {
        var upload = await ReadUpload(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if (upload is not { } u)
            {
                return Error(c, 400, "INVALID_REQUEST", "file is required.", "file");
            }

            var dst = NewDst(new JsonObject { ["title"] = Path.GetFileNameWithoutExtension(u.FileName), ["template"] = true }, userId);
            dst["status"] = "draft";
            AddDocument(dst, StoreResource((string?)dst["id"], u.FileName, u.FileName, "PDF_Document", u.ContentType, u.Bytes));
            return Json(c, dst);
        }).ConfigureAwait(false);
    }

    private async Task UploadAppearance(HttpContext c, string userId)
    {
        var upload = await ReadUpload(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if (upload is not { } u)
            {
                return Error(c, 400, "INVALID_REQUEST", "file is required.", "file");
            }

            if (!_users.ContainsKey(Id(c)))
            {
                return NotFound(c, "id");
            }

            var id = StoreResource(null, u.FileName, u.Form["title"].ToString(), u.Form["resourceType"].ToString(), u.ContentType, u.Bytes);
            _appearances[Id(c) + "/" + Route(c, "identityId")] = id;
            return Json(c, _resources[id].Meta);
        }).ConfigureAwait(false);
    }

    private async Task DocumentResourceAction(HttpContext c, string userId)
    {
        var upload = await ReadUpload(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if (upload is not { } u)
            {
                return Error(c, 400, "INVALID_REQUEST", "file is required.", "file");
            }

            if (Find(Id(c)) is not { } dst)
            {
                return NotFound(c, "id");
            }

            var action = u.Form["actionType"].ToString();
            if (action is not ("replace" or "clone_and_replace"))
            {
                return Error(c, 400, "INVALID_ACTION", "actionType must be replace or clone_and_replace.", "actionType");
            }

            var target = action == "replace" ? dst : NewDst((JsonObject)dst.DeepClone(), userId);
            if (action != "replace")
            {
                target["status"] = "draft";
            }

            var document = Documents(target).FirstOrDefault(d => d["id"]?.ToString() == Route(c, "docId"));
            if (document is null)
            {
                return Error(c, 400, "INVALID_DOCUMENT", "Unknown document id.", "docId");
            }

            var id = StoreResource((string?)target["id"], u.FileName, u.Form["title"].ToString(), "PDF_Document", "application/pdf", u.Bytes);
            document["plainDocumentUuid"] = id;
            ((JsonArray)(target["resources"] ??= new JsonArray())).Add(_resources[id].Meta.DeepClone());
            return Json(c, target);
        }).ConfigureAwait(false);
    }

    private async Task AppendResource(HttpContext c, string userId)
    {
        var upload = await ReadUpload(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if (upload is not { } u)
            {
                return Error(c, 400, "INVALID_REQUEST", "file is required.", "file");
            }

            if (Find(Id(c)) is not { } dst)
            {
                return NotFound(c, "id");
            }

            if ((string?)dst["status"] != "draft")
            {
                return Error(c, 409, "ILLEGAL_STATUS", "Resources can be appended only to drafts.", "status");
            }

            var id = StoreResource(Id(c), u.FileName, u.Form["title"].ToString(), u.Form["resourceType"].ToString(), u.ContentType, u.Bytes);
            if (u.Form["extraData"].ToString() is { Length: > 0 } extra)
            {
                _resources[id].Meta["extraData"] = JsonNode.Parse(extra);
            }

            AddDocument(dst, id);
            return Json(c, dst);
        }).ConfigureAwait(false);
    }

    private async Task RobotCreate(HttpContext c, string userId)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if (body is null || string.IsNullOrWhiteSpace((string?)body["title"]))
            {
                return Error(c, 400, "INVALID_REQUEST", "title is required.", "title");
            }

            var status = (string?)body["status"] ?? "draft";
            if (status is not ("draft" or "published"))
            {
                return Error(c, 400, "INVALID_STATUS", "status must be draft or published.", "status");
            }

            var spec = (JsonObject)body.DeepClone();
            var documents = spec["documents"] as JsonArray ?? new JsonArray();
            spec["documents"] = new JsonArray();
            var dst = NewDst(spec, userId);
            dst["status"] = "draft";
            var newDocs = (JsonArray)dst["documents"]!;
            int index = 0;
            foreach (var document in documents.OfType<JsonObject>())
            {
                var resource = document["resource"] as JsonObject;
                var source = resource?["source"] as JsonObject;
                byte[] bytes;
                if ((string?)source?["type"] == "Embedded")
                {
                    try
                    {
                        bytes = Convert.FromBase64String((string?)source["embeddedData"] ?? string.Empty);
                    }
                    catch (FormatException)
                    {
                        return Error(c, 400, "INVALID_DOCUMENT", "embeddedData is not base64.", "documents[" + index.ToString(CultureInfo.InvariantCulture) + "].resource.source.embeddedData");
                    }
                }
                else if ((string?)source?["type"] == "URL" && (string?)source["sourceURL"] is { } url)
                {
                    bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n% downloaded from " + url + "\n%%EOF\n");
                }
                else
                {
                    return Error(c, 400, "INVALID_DOCUMENT", "Each document needs a resource with an Embedded or URL source.", "documents[" + index.ToString(CultureInfo.InvariantCulture) + "].resource.source");
                }

                var fileName = (string?)resource?["filename"] ?? "document.pdf";
                var id = StoreResource((string?)dst["id"], fileName, (string?)resource?["title"], (string?)resource?["resourceType"] ?? "PDF_Document", "application/pdf", bytes);
                var created = AddDocument(dst, id);
                created["id"] = index;
                foreach (var name in DocumentParts)
                {
                    if (document[name] is { } value)
                    {
                        created[name] = value.DeepClone();
                    }
                }

                foreach (var request in Array(created, "signatureRequests"))
                {
                    var ticket = Guid.NewGuid().ToString();
                    var extra = request["extraData"] as JsonObject ?? new JsonObject();
                    extra["st_uuid"] = ticket;
                    extra["st_signatureTicketUrl"] = new Uri(BaseAddress, "std/" + ticket + "/signature").AbsoluteUri;
                    request["extraData"] = extra;
                }

                newDocs.Remove(newDocs[^1]);
                newDocs.Add(created);
                index++;
            }

            if (status == "published")
            {
                if (!Documents(dst).Any(d => Array(d, "signatureRequests").Any()))
                {
                    return Error(c, 400, "INVALID_REQUEST", "A published DST needs at least one signature request.", "documents");
                }

                SetStatus(dst, "published");
                dst["publishedAt"] = Iso(TimeProvider.GetUtcNow());
            }

            return Json(c, dst);
        }).ConfigureAwait(false);
    }

    private async Task RobotInstantiate(HttpContext c, string userId)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Locked(c, () => Instantiate(c, userId, Id(c), body?["templatePatches"] as JsonObject, body?["rolesMapping"] as JsonArray)).ConfigureAwait(false);
    }

    private async Task Token(HttpContext c)
    {
        if (!SimulatorHttp.TryGetBasicCredentials(c.Request, out var clientId, out var clientSecret) || clientId != _sim.ClientId || clientSecret != _sim.ClientSecret)
        {
            await Error(c, 401, "INVALID_CLIENT", "Client authentication failed.", "Authorization").ConfigureAwait(false);
            return;
        }

        var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync().ConfigureAwait(false) : null;
        var grant = form?["grant_type"].ToString();
        string? userId = null;
        lock (_gate)
        {
            if (grant == "password")
            {
                var username = form!["username"].ToString();
                var at = username.LastIndexOf('@');
                var user = at > 0 ? FindUser(username[..at], username[(at + 1)..]) : null;
                if (user is not null && _passwords.TryGetValue(user, out var password) && password == form["password"].ToString())
                {
                    userId = user;
                }
            }
            else if (grant == "refresh_token" && _refreshTokens.Remove(form!["refresh_token"].ToString(), out var owner))
            {
                userId = owner;
            }

            if (userId is not null)
            {
                var access = Guid.NewGuid().ToString();
                var refresh = Guid.NewGuid().ToString();
                _accessTokens[access] = (userId, TimeProvider.GetUtcNow() + _sim.AccessTokenLifetime);
                _refreshTokens[refresh] = userId;
                var role = (string?)_users[userId]["role"];
                _ = Json(c, new JsonObject
                {
                    ["access_token"] = access,
                    ["token_type"] = "bearer",
                    ["refresh_token"] = refresh,
                    ["expires_in"] = (long)_sim.AccessTokenLifetime.TotalSeconds,
                    ["scope"] = role == "admin" ? "all" : role == "signer" ? "signer" : "all",
                });
                return;
            }
        }

        await Error(c, 400, "INVALID_GRANT", "The credentials are not valid.", grant == "refresh_token" ? "refresh_token" : "password").ConfigureAwait(false);
    }

    private async Task CreateUser(HttpContext c, string userId)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Locked(c, () =>
        {
            if ((string?)_users[userId]["role"] != "admin")
            {
                return Error(c, 403, "FORBIDDEN", "Only admins can create users.", null);
            }

            if (body?["user"] is not JsonObject user || string.IsNullOrWhiteSpace((string?)user["username"]))
            {
                return Error(c, 400, "INVALID_REQUEST", "user.username is required.", "user.username");
            }

            if (FindUser((string?)user["username"], _sim.Domain) is not null)
            {
                return Error(c, 409, "CONFLICT", "The username is taken.", "user.username");
            }

            var copy = (JsonObject)user.DeepClone();
            var id = Guid.NewGuid().ToString();
            copy["id"] = id;
            copy["domain"] = _sim.Domain;
            copy["createdBy"] = userId;
            copy["createdAt"] = Iso(TimeProvider.GetUtcNow());
            _users[id] = copy;
            if ((string?)body["password"] is { } password)
            {
                _passwords[id] = password;
            }

            return Json(c, new JsonArray(id));
        }).ConfigureAwait(false);
    }
}
