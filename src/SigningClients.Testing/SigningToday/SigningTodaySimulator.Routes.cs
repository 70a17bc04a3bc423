using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SigningClients.Testing;

public sealed partial class SigningTodaySimulator
{
    private static readonly string[] ResourceMetaFields = { "title", "filename", "extraData" };
    private static readonly string[] GetMethod = { "GET" };
    private static readonly string[] PostMethod = { "POST" };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = false };

    private delegate Task Handler(HttpContext context, string userId);

    private void MapSigningToday(IEndpointRouteBuilder routes)
    {
        // Notes
        Map(routes, "GET", "/api/DST/{id}/note", (c, u) => Locked(c, () => Find(Id(c)) is null ? NotFound(c, "id") : Json(c, new JsonArray(Notes(Id(c)).Select(n => n.DeepClone()).ToArray()))));
        Map(routes, "POST", "/api/DST/{id}/note", AddNote);
        Map(routes, "PUT", "/api/DST/{id}/note/{noteId}", UpdateNote);
        Map(routes, "DELETE", "/api/DST/{id}/note/{noteId}", (c, u) => Locked(c, () =>
        {
            var removed = Notes(Id(c)).RemoveAll(n => (string?)n["id"]?.ToString() == Route(c, "noteId"));
            return removed == 0 ? NotFound(c, "noteId") : NoContent(c);
        }));

        // Devices
        Map(routes, "GET", "/api/devices", (c, u) => Locked(c, () => Page(c, _devices.Where(d => (string?)d["userId"] == (Query(c, "userId") ?? u)))));
        Map(routes, "GET", "/api/device/authorization", DeviceChallenge);
        Map(routes, "POST", "/api/device/authorization", RegisterDevice);
        Map(routes, "DELETE", "/api/device/authorization", (c, u) => Locked(c, () =>
        {
            var deviceId = Query(c, "deviceId");
            if (deviceId is null)
            {
                return Error(c, 400, "MISSING_PARAMETER", "deviceId is required.", "deviceId");
            }

            var removed = _devices.RemoveAll(d => (string?)d["deviceId"] == deviceId && (string?)d["userId"] == (Query(c, "userId") ?? u));
            _pushTokens.Remove(deviceId);
            return removed == 0 ? NotFound(c, "deviceId") : NoContent(c);
        }));

        // DSTs
        Map(routes, "GET", "/api/DSTs", ListDsts);
        Map(routes, "POST", "/api/DSTs", CreateDst);
        Map(routes, "POST", "/api/DST/{id}/instantiate", (c, u) => Locked(c, () => Instantiate(c, u, Id(c), null, null)));
        Map(routes, "POST", "/api/DST/{id}/instantiate/byFile", InstantiateByFile);
        Map(routes, "POST", "/api/DST/{id}/modify", (c, u) => Transition(c, d => d["template"]?.GetValue<bool>() == true && (string?)d["status"] != "draft", d => SetStatus(d, "draft"), "Only a published template can be modified."));
        Map(routes, "POST", "/api/DST/{id}/templatize", (c, u) => Locked(c, () => Copy(c, u, template: true, require: d => (string?)d["status"] != "draft", error: "Only published DSTs can become templates.")));
        Map(routes, "GET", "/api/DST/{id}/audit", (c, u) => Locked(c, () => Find(Id(c)) is { } d ? Json(c, Audit(d)) : NotFound(c, "id")));
        Map(routes, "POST", "/api/DST/{id}/replace", (c, u) => Locked(c, () => Copy(c, u, template: false, require: d => (string?)d["status"] == "rejected", error: "Only a rejected DST can be replaced.", replace: true)));
        Map(routes, "POST", "/api/DST/{id}/clone", (c, u) => Locked(c, () => Copy(c, u, template: null, require: _ => true, error: string.Empty)));
        Map(routes, "GET", "/api/DST/{id}/sign/{docId}/{signId}", (c, u) => Locked(c, () => Find(Id(c)) is null ? NotFound(c, "id") : Json(c, new JsonObject { ["url"] = new Uri(BaseAddress, "dst/" + Id(c) + "/" + Route(c, "docId") + "/" + Route(c, "signId")).AbsoluteUri })));
        Map(routes, "GET", "/api/DST/{id}", (c, u) => Locked(c, () => Find(Id(c)) is { } d ? Json(c, Evolve(d)) : NotFound(c, "id")));
        Map(routes, "PUT", "/api/DST/{id}", UpdateDst);
        Map(routes, "DELETE", "/api/DST/{id}", (c, u) => Locked(c, () =>
        {
            if (Find(Id(c)) is not { } d)
            {
                return NotFound(c, "id");
            }

            d["deletedAt"] = Iso(TimeProvider.GetUtcNow());
            return NoContent(c);
        }));
        Map(routes, "PATCH", "/api/DST/{id}/fill", Fill);
        Map(routes, "POST", "/api/DST/{id}/publish", (c, u) => Transition(c, d => (string?)d["status"] == "draft" && d["template"]?.GetValue<bool>() != true || (string?)d["status"] == "draft", d =>
        {
            SetStatus(d, "published");
            d["publishedAt"] = Iso(TimeProvider.GetUtcNow());
            Count(_publications, (string)d["id"]!);
        }, "Only a draft can be published."));
        Map(routes, "POST", "/api/DST/{id}/notify", (c, u) => Locked(c, () =>
        {
            if (Find(Id(c)) is not { } d)
            {
                return NotFound(c, "id");
            }

            if ((string?)Evolve(d)["status"] is not ("toFill" or "toSign"))
            {
                return Error(c, 409, "ILLEGAL_STATUS", "Notifications can be sent only for active DSTs.", "status");
            }

            Count(_reminders, Id(c));
            return NoContent(c);
        }));
        Map(routes, "GET", "/api/DSTs/byFile", (c, u) => Locked(c, () => Page(c, _instantiationGroups)));
        Map(routes, "POST", "/api/DSTs/byFile", CreateTemplateByFile);

        // Notifications
        Map(routes, "GET", "/api/notifications/dsts", (c, u) => Locked(c, () => Page(c, _notifications)));
        Map(routes, "DELETE", "/api/notifications/dst/{id}", (c, u) => Locked(c, () =>
        {
            _notifications.RemoveAll(n => (string?)n["dstId"] == Id(c));
            return NoContent(c);
        }));
        Map(routes, "POST", "/api/notifications/push-token", async (c, u) =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            await Locked(c, () =>
            {
                var deviceId = (string?)body?["deviceId"];
                if (deviceId is null || (string?)body?["token"] is null)
                {
                    return Error(c, 400, "INVALID_REQUEST", "deviceId and token are required.", "deviceId");
                }

                if (!_devices.Any(d => (string?)d["deviceId"] == deviceId))
                {
                    return Error(c, 403, "UNTRUSTED_DEVICE", "Only trusted devices can register a push token.", "deviceId");
                }

                _pushTokens[deviceId] = (string)body!["token"]!;
                return NoContent(c);
            }).ConfigureAwait(false);
        });
        Map(routes, "DELETE", "/api/notifications/push-token", (c, u) => Locked(c, () => _pushTokens.Remove(Query(c, "deviceId") ?? string.Empty) ? NoContent(c) : NotFound(c, "deviceId")));

        // Resources
        Map(routes, "GET", "/api/user/{id}/identity/{identityId}/appearance", (c, u) => Locked(c, () =>
            _appearances.TryGetValue(Id(c) + "/" + Route(c, "identityId"), out var rid) && _resources.TryGetValue(rid, out var r) ? Bytes(c, r.Bytes, (string?)r.Meta["mimetype"] ?? "application/octet-stream", (string?)r.Meta["filename"]) : NotFound(c, "identity-id")));
        Map(routes, "POST", "/api/user/{id}/identity/{identityId}/appearance", UploadAppearance);
        Map(routes, "DELETE", "/api/user/{id}/identity/{identityId}/appearance", (c, u) => Locked(c, () => _appearances.Remove(Id(c) + "/" + Route(c, "identityId")) ? NoContent(c) : NotFound(c, "identity-id")));
        Map(routes, "GET", "/api/resource/{id}", (c, u) => Locked(c, () => _resources.TryGetValue(Id(c), out var r) ? Bytes(c, r.Bytes, (string?)r.Meta["mimetype"] ?? "application/octet-stream", (string?)r.Meta["filename"]) : NotFound(c, "id")));
        Map(routes, "PUT", "/api/resource/{id}", async (c, u) =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            await Locked(c, () =>
            {
                if (!_resources.TryGetValue(Id(c), out var r))
                {
                    return NotFound(c, "id");
                }

                foreach (var name in ResourceMetaFields)
                {
                    if (body?[name] is { } value)
                    {
                        r.Meta[name] = value.DeepClone();
                    }
                }

                return NoContent(c);
            }).ConfigureAwait(false);
        });
        Map(routes, "DELETE", "/api/DST/resource/{id}", (c, u) => Locked(c, () =>
        {
            if (!_resources.TryGetValue(Id(c), out var r) || (string?)r.Meta["dstUuid"] is not { } dstId || Find(dstId) is not { } d)
            {
                return NotFound(c, "id");
            }

            var list = (JsonArray)d["resources"]!;
            foreach (var node in list.OfType<JsonObject>().Where(x => (string?)x["id"] == Id(c)).ToList())
            {
                list.Remove(node);
            }

            _resources.Remove(Id(c));
            return Json(c, d);
        }));
        Map(routes, "POST", "/api/DST/{id}/doc/{docId}/swap", (c, u) => Locked(c, () =>
        {
            if (Find(Id(c)) is not { } d)
            {
                return NotFound(c, "id");
            }

            var docs = (JsonArray)d["documents"]!;
            int a = IndexOfDoc(docs, Route(c, "docId")), b = IndexOfDoc(docs, Query(c, "targetDocId"));
            if (a < 0 || b < 0)
            {
                return Error(c, 400, "INVALID_DOCUMENT", "Unknown document id.", a < 0 ? "docId" : "targetDocId");
            }

            var first = docs[a]!.DeepClone();
            var second = docs[b]!.DeepClone();
            docs[a] = second;
            docs[b] = first;
            return Json(c, d);
        }));
        Map(routes, "POST", "/api/DST/{id}/doc/{docId}/resource", DocumentResourceAction);
        Map(routes, "GET", "/api/DST/{id}/resources", (c, u) => Locked(c, () => Find(Id(c)) is { } d
            ? Bytes(c, Zip(_resources.Values.Where(r => (string?)r.Meta["dstUuid"] == Id(c)).Select(r => ((string?)r.Meta["filename"] ?? "file", r.Bytes)).ToList()), "application/zip", "resources.zip")
            : NotFound(c, "id")));
        Map(routes, "PATCH", "/api/DST/{id}/resources", AppendResource);
        Map(routes, "GET", "/api/DSTs/instantiationGroup/{id}/resources", (c, u) => Locked(c, () =>
        {
            var group = _instantiationGroups.FirstOrDefault(g => (string?)g["instantiationGroupId"] == Id(c));
            if (group is null)
            {
                return NotFound(c, "id");
            }

            var ids = ((JsonArray)group["dstIDs"]!).Select(x => (string?)x).ToHashSet();
            return Bytes(c, Zip(_resources.Values.Where(r => ids.Contains((string?)r.Meta["dstUuid"])).Select(r => ((string?)r.Meta["filename"] ?? "file", r.Bytes)).ToList()), "application/zip", "resources.zip");
        }));

        // Robots
        Map(routes, "GET", "/api/robot/authentication", (c, u) => Locked(c, () =>
        {
            var target = RobotTarget(c, u);
            if (target is null)
            {
                return NotFound(c, "username");
            }

            var token = _robotTokens.FirstOrDefault(p => p.Value == target).Key;
            if (token is null)
            {
                token = "robot-token-" + Guid.NewGuid().ToString("N");
                _robotTokens[token] = target;
            }

            return Json(c, new JsonObject { ["accessToken"] = token });
        }));
        Map(routes, "DELETE", "/api/robot/authentication", (c, u) => Locked(c, () =>
        {
            var target = RobotTarget(c, u);
            foreach (var key in _robotTokens.Where(p => p.Value == target).Select(p => p.Key).ToList())
            {
                _robotTokens.Remove(key);
            }

            return NoContent(c);
        }));
        Map(routes, "GET", "/api/robot/configuration", (c, u) => Locked(c, () => Json(c, _robotConfigurations.TryGetValue(RobotTarget(c, u) ?? u, out var cfg) ? cfg : new JsonObject { ["requestHeaders"] = new JsonObject(), ["webhooks"] = new JsonObject() })));
        Map(routes, "PUT", "/api/robot/configuration", async (c, u) =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            await Locked(c, () =>
            {
                if (body is null)
                {
                    return Error(c, 400, "INVALID_REQUEST", "A configuration is required.", null);
                }

                _robotConfigurations[RobotTarget(c, u) ?? u] = body;
                return NoContent(c);
            }).ConfigureAwait(false);
        });
        Map(routes, "POST", "/api/robot/DSTs", RobotCreate);
        Map(routes, "POST", "/api/robot/DST/{id}/instantiate", RobotInstantiate);
        Map(routes, "POST", "/api/robot/{id}/instantiate", RobotInstantiate);

        // Services
        routes.MapMethods("/api/oauth/token", PostMethod, Token);
        Map(routes, "GET", "/api/auth/logout", (c, u) => Locked(c, () =>
        {
            var bearer = SimulatorHttp.GetBearerToken(c.Request);
            if (bearer is not null)
            {
                _accessTokens.Remove(bearer);
            }

            return NoContent(c);
        }));
        Map(routes, "GET", "/api/auth/user", (c, u) => Locked(c, () => Json(c, _users[u])));
        routes.MapMethods("/api/auth/passwordLost", GetMethod, c => Locked(c, () =>
        {
            if (Query(c, "username") is null || Query(c, "domain") is null)
            {
                return Error(c, 400, "MISSING_PARAMETER", "username and domain are required.", "username");
            }

            // Unknown users get the same answer (no account enumeration); known users get the e-mail.
            if (FindUser(Query(c, "username"), Query(c, "domain")) is { } target)
            {
                SendPasswordEmail(target);
            }

            return NoContent(c);
        }));
        Map(routes, "GET", "/api/auth/passwordReset", (c, u) => Locked(c, () =>
        {
            if ((string?)_users[u]["role"] != "admin")
            {
                return Error(c, 403, "FORBIDDEN", "A superuser is required.", null);
            }

            if (FindUser(Query(c, "username"), Query(c, "domain")) is not { } target)
            {
                return NotFound(c, "username");
            }

            SendPasswordEmail(target);
            return NoContent(c);
        }));
        Map(routes, "POST", "/api/auth/passwordReset", async (c, u) =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            await Locked(c, () =>
            {
                if (!_passwords.TryGetValue(u, out var current) || current != (string?)body?["currentPassword"])
                {
                    return Error(c, 400, "WRONG_PASSWORD", "The current password is not correct.", "currentPassword");
                }

                SetPassword(u, (string?)body?["newPassword"] ?? current);
                return NoContent(c);
            }).ConfigureAwait(false);
        });
        routes.MapMethods("/api/auth/changePassword", PostMethod, async c =>
        {
            var password = await ReadPasswordBody(c).ConfigureAwait(false);
            await Locked(c, () =>
            {
                var token = Query(c, "passwordToken");
                if (token is null || !_passwordTokens.Remove(token, out var userId))
                {
                    return Error(c, 400, "INVALID_TOKEN", "The password token is not valid.", "passwordToken");
                }

                SetPassword(userId, password ?? string.Empty);
                return NoContent(c);
            }).ConfigureAwait(false);
        });
        Map(routes, "POST", "/api/service/changePassword", async (c, u) =>
        {
            var password = await ReadPasswordBody(c).ConfigureAwait(false);
            await Locked(c, () =>
            {
                var target = FindUser(Query(c, "username"), Query(c, "domain"));
                if (target is null)
                {
                    return NotFound(c, "username");
                }

                SetPassword(target, password ?? string.Empty);
                return NoContent(c);
            }).ConfigureAwait(false);
        });
        routes.MapMethods("/api/auth/saml", PostMethod, async c =>
        {
            var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync().ConfigureAwait(false) : null;
            if (form is null || string.IsNullOrEmpty(form["IDToken1"]) || string.IsNullOrEmpty(form["IDToken2"]) || string.IsNullOrEmpty(form["domain"]))
            {
                await Error(c, 400, "INVALID_REQUEST", "domain, IDToken1 and IDToken2 are required.", "IDToken1").ConfigureAwait(false);
                return;
            }

            c.Response.StatusCode = 303;
            c.Response.Headers.Location = "/login?token=" + Guid.NewGuid().ToString("N");
        });
        routes.MapMethods("/login", GetMethod, c =>
        {
            c.Response.ContentType = "text/html";
            return c.Response.WriteAsync("<html><body>Signing Today (simulated front end)</body></html>");
        });
        Map(routes, "GET", "/api/auth/passwordToken", (c, u) => Locked(c, () =>
        {
            var token = Guid.NewGuid().ToString();
            _passwordTokens[token] = u;
            return Json(c, new JsonArray(token));
        }));
        Map(routes, "GET", "/api/pdfResource/{id}/thumbs", (c, u) => Locked(c, () => _resources.ContainsKey(Id(c)) ? Bytes(c, TinyPng, "image/png", "thumb.png") : NotFound(c, "id")));
        Map(routes, "GET", "/api/service/configuration", (c, u) => Json(c, new JsonObject()));

        // Users
        Map(routes, "GET", "/api/users", (c, u) => Locked(c, () => Page(c, _users.Values.Where(x => x["deletedAt"] is null))));
        Map(routes, "POST", "/api/users", CreateUser);
        Map(routes, "GET", "/api/users/groups", (c, u) => Locked(c, () => Page(c, _groups)));
        Map(routes, "POST", "/api/users/groups", async (c, u) =>
        {
            var body = await ReadNode(c).ConfigureAwait(false);
            await Locked(c, () =>
            {
                if (body is not JsonArray array || array.Count == 0)
                {
                    return Error(c, 400, "INVALID_REQUEST", "An array of groups is required.", null);
                }

                foreach (var group in array.OfType<JsonObject>())
                {
                    var copy = (JsonObject)group.DeepClone();
                    copy["id"] ??= _groups.Count + 1;
                    copy["domain"] ??= _sim.Domain;
                    _groups.Add(copy);
                }

                return NoContent(c);
            }).ConfigureAwait(false);
        });
        Map(routes, "GET", "/api/user/{id}", (c, u) => Locked(c, () => _users.TryGetValue(Id(c), out var x) ? Json(c, x) : NotFound(c, "id")));
        Map(routes, "PUT", "/api/user/{id}", async (c, u) =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            await Locked(c, () =>
            {
                if (!_users.TryGetValue(Id(c), out var x))
                {
                    return NotFound(c, "id");
                }

                foreach (var pair in body ?? new JsonObject())
                {
                    if (pair.Key is not ("id" or "role" or "capabilities"))
                    {
                        x[pair.Key] = pair.Value?.DeepClone();
                    }
                }

                return NoContent(c);
            }).ConfigureAwait(false);
        });
        Map(routes, "DELETE", "/api/user/{id}", (c, u) => Locked(c, () =>
        {
            if (!_users.TryGetValue(Id(c), out var x))
            {
                return NotFound(c, "id");
            }

            x["enabled"] = !string.Equals(Query(c, "enabled"), "false", StringComparison.OrdinalIgnoreCase);
            return NoContent(c);
        }));
        Map(routes, "PUT", "/api/user/{id}/role", (c, u) => Locked(c, () =>
        {
            if (!_users.TryGetValue(Id(c), out var x))
            {
                return NotFound(c, "id");
            }

            var role = Query(c, "newRole");
            if (role is not ("admin" or "instructor" or "signer"))
            {
                return Error(c, 400, "INVALID_ROLE", "newRole must be admin, instructor or signer.", "newRole");
            }

            x["role"] = role;
            return NoContent(c);
        }));
        Map(routes, "GET", "/api/user/{id}/identities", (c, u) => Locked(c, () => _users.ContainsKey(Id(c))
            ? Json(c, new JsonArray((_identities.TryGetValue(Id(c), out var list) ? list : new List<JsonObject>()).Select(i => WithAppearance(Id(c), i)).ToArray()))
            : NotFound(c, "id")));
    }

    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private void Map(IEndpointRouteBuilder routes, string method, string pattern, Handler handler) =>
        routes.MapMethods(pattern, new[] { method }, async context =>
        {
            var userId = Authenticate(context);
            if (userId is null)
            {
                await Error(context, 401, "UNAUTHORIZED", "A valid bearer token is required.", "Authorization").ConfigureAwait(false);
                return;
            }

            await handler(context, userId).ConfigureAwait(false);
        });

    private string? Authenticate(HttpContext context)
    {
        var token = SimulatorHttp.GetBearerToken(context.Request);
        if (token is null)
        {
            return null;
        }

        lock (_gate)
        {
            if (_robotTokens.TryGetValue(token, out var robot))
            {
                return robot;
            }

            return _accessTokens.TryGetValue(token, out var access) && access.ExpiresAt > TimeProvider.GetUtcNow() ? access.UserId : null;
        }
    }

    private Task Locked(HttpContext context, Func<Task> action)
    {
        lock (_gate)
        {
            return action();
        }
    }

    private static string Id(HttpContext context) => Route(context, "id") ?? string.Empty;

    private static string? Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString();

    private static string? Query(HttpContext context, string name) => context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    private static Task Json(HttpContext context, JsonNode node, int status = 200) =>
        SimulatorHttp.WriteJsonAsync(context.Response, node, WriteOptions, status);

    private static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static async Task Bytes(HttpContext context, byte[] bytes, string contentType, string? fileName)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        if (fileName is not null)
        {
            context.Response.Headers.ContentDisposition = "attachment; filename=\"" + fileName.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
        }

        await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
    }

    private static Task Error(HttpContext context, int status, string code, string message, string? target) =>
        Json(context, new JsonObject { ["code"] = code, ["message"] = message, ["target"] = target }, status);

    private static Task NotFound(HttpContext context, string target) => Error(context, 404, "NOT_FOUND", "The requested object does not exist.", target);

    private static async Task<JsonNode?> ReadNode(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<JsonObject?> ReadObject(HttpContext context) => await ReadNode(context).ConfigureAwait(false) as JsonObject;

    private static async Task<string?> ReadPasswordBody(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = (await reader.ReadToEndAsync().ConfigureAwait(false)).Trim();
        if (text.StartsWith('"'))
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return text;
    }

    private List<JsonObject> Notes(string dstId)
    {
        if (!_notes.TryGetValue(dstId, out var list))
        {
            _notes[dstId] = list = new List<JsonObject>();
        }

        return list;
    }

    private string? FindUser(string? username, string? domain) =>
        _users.Values.FirstOrDefault(x => (string?)x["username"] == username && (domain is null || (string?)x["domain"] == domain))?["id"]?.ToString();

    private string? RobotTarget(HttpContext context, string userId)
    {
        var username = Query(context, "username");
        return username is null ? userId : FindUser(username, Query(context, "domain"));
    }

    private JsonObject WithAppearance(string userId, JsonObject identity)
    {
        var copy = (JsonObject)identity.DeepClone();
        if (_appearances.TryGetValue(userId + "/" + (string?)identity["id"], out var rid) && _resources.TryGetValue(rid, out var r))
        {
            copy["appearance"] = r.Meta.DeepClone();
        }

        return copy;
    }

    private static int IndexOfDoc(JsonArray docs, string? id)
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

    private Task Page(HttpContext context, IEnumerable<JsonObject> source)
    {
        IEnumerable<JsonObject> items = source;
        var filter = Query(context, "$filter");
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var alternatives = filter.Split(" or ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            items = items.Where(item => alternatives.Any(alt => alt.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(term =>
            {
                var at = term.IndexOf("==", StringComparison.Ordinal);
                if (at < 0)
                {
                    return false;
                }

                var field = term[..at].Trim();
                var value = term[(at + 2)..].Trim().Trim('"');
                return item[field]?.ToString() == value;
            })));
        }

        var orderBy = Query(context, "$orderBy");
        if (!string.IsNullOrWhiteSpace(orderBy))
        {
            var parts = orderBy.Split(',', StringSplitOptions.TrimEntries);
            var field = parts[0];
            items = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)
                ? items.OrderByDescending(x => x[field]?.ToString(), StringComparer.Ordinal)
                : items.OrderBy(x => x[field]?.ToString(), StringComparer.Ordinal);
        }

        var all = items.ToList();
        int skip = int.TryParse(Query(context, "$skip"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        int top = int.TryParse(Query(context, "$top"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? Math.Min(t, _sim.MaxPageSize) : _sim.MaxPageSize;
        var result = new JsonObject
        {
            ["values"] = new JsonArray(all.Skip(skip).Take(top).Select(x => x.DeepClone()).ToArray()),
        };
        if (string.Equals(Query(context, "$count"), "true", StringComparison.OrdinalIgnoreCase))
        {
            result["count"] = all.Count;
        }

        return Json(context, result);
    }
}
