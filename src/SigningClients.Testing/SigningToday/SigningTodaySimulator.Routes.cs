using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.Simulation;
using SigningClients.Testing.SigningToday;
using static SigningClients.Testing.SigningToday.SigningTodayWire;

namespace SigningClients.Testing;

/// <summary>The routes of the Signing Today simulator: parse the request, call the state model, render its answer.</summary>
public sealed partial class SigningTodaySimulator
{
    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static string Id(HttpContext c) => c.Route("id");

    private static string User(HttpContext c) => c.Caller<string>();

    private void MapSigningToday(IEndpointRouteBuilder routes)
    {
        var api = routes.MapSimulatorGroup("/api", _wire);
        var s = _state;

        // Notes
        api.MapGet("/DST/{id}/note", c => Json(c, new JsonArray(s.Notes(Id(c)).Select(n => (JsonNode)n).ToArray())));
        api.MapPost("/DST/{id}/note", async c => await Json(c, s.AddNote(Id(c), User(c), (string?)(await ReadObject(c).ConfigureAwait(false))?["text"])).ConfigureAwait(false));
        api.MapPut("/DST/{id}/note/{noteId}", async c => await Json(c, s.UpdateNote(Id(c), c.Route("noteId"), (string?)(await ReadObject(c).ConfigureAwait(false))?["text"])).ConfigureAwait(false));
        api.MapDelete("/DST/{id}/note/{noteId}", c =>
        {
            s.DeleteNote(Id(c), c.Route("noteId"));
            return c.NoContent();
        });

        // Devices
        api.MapGet("/devices", c => _wire.Page(c, s.Devices(c.Query("userId") ?? User(c))));
        api.MapGet("/device/authorization", c =>
        {
            var challenge = s.NewChallenge(User(c));
            return c.Request.Headers.Accept.ToString().Contains("image/png", StringComparison.OrdinalIgnoreCase)
                ? c.WriteBytesAsync(TinyPng, "image/png")
                : Json(c, new JsonObject { ["userId"] = User(c), ["baseURL"] = new Uri(ApiEndpoint, "challenge").AbsoluteUri, ["challenge"] = challenge });
        });
        api.MapPost("/device/authorization", async c =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            await Ids(c, s.RegisterDevice(User(c), (string?)body?["deviceId"], (string?)body?["challenge"], (string?)body?["name"])).ConfigureAwait(false);
        });
        api.MapDelete("/device/authorization", c =>
        {
            s.Deregister(c.Query("userId") ?? User(c), c.Query("deviceId"));
            return c.NoContent();
        });

        // DSTs
        api.MapGet("/DSTs", c => _wire.Page(c, s.ListDsts(string.Equals(c.Query("template"), "true", StringComparison.OrdinalIgnoreCase))));
        api.MapPost("/DSTs", async c =>
        {
            var body = await ReadObject(c).ConfigureAwait(false) ?? throw SimulatorStateException.Invalid("title is required.", "INVALID_REQUEST", "title");
            await Json(c, s.CreateDraft(body, User(c)), 201).ConfigureAwait(false);
        });
        api.MapPost("/DST/{id}/instantiate", c => Json(c, s.Instantiate(Id(c), User(c), null, null)));
        api.MapPost("/DST/{id}/instantiate/byFile", InstantiateByFileAsync);
        api.MapPost("/DST/{id}/modify", c => Json(c, s.Modify(Id(c))));
        api.MapPost("/DST/{id}/templatize", c => Json(c, s.Copy(Id(c), User(c), DstCopy.Templatize)));
        api.MapGet("/DST/{id}/audit", c => Json(c, s.Audit(Id(c))));
        api.MapPost("/DST/{id}/replace", c => Json(c, s.Copy(Id(c), User(c), DstCopy.Replace)));
        api.MapPost("/DST/{id}/clone", c => Json(c, s.Copy(Id(c), User(c), DstCopy.Clone)));
        api.MapGet("/DST/{id}/sign/{docId}/{signId}", c =>
        {
            s.GetDst(Id(c));
            return Json(c, new JsonObject { ["url"] = new Uri(BaseAddress, "dst/" + Id(c) + "/" + c.Route("docId") + "/" + c.Route("signId")).AbsoluteUri });
        });
        api.MapGet("/DST/{id}", c => Json(c, s.GetDst(Id(c))));
        api.MapPut("/DST/{id}", async c => await Json(c, s.Update(Id(c), await ReadObject(c).ConfigureAwait(false) ?? new JsonObject())).ConfigureAwait(false));
        api.MapDelete("/DST/{id}", c =>
        {
            s.Delete(Id(c));
            return c.NoContent();
        });
        api.MapPatch("/DST/{id}/fill", async c =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            await Json(c, s.Fill(Id(c), body?["documentId"]?.ToString(), body?["id"]?.ToString(), body?["extraData"] as JsonObject)).ConfigureAwait(false);
        });
        api.MapPost("/DST/{id}/publish", c => Json(c, s.PublishDraft(Id(c))));
        api.MapPost("/DST/{id}/notify", c =>
        {
            s.Remind(Id(c));
            return c.NoContent();
        });
        api.MapGet("/DSTs/byFile", c => _wire.Page(c, s.InstantiationGroups()));
        api.MapPost("/DSTs/byFile", async c => await Json(c, s.CreateTemplateByFile(User(c), await ReadUpload(c).ConfigureAwait(false))).ConfigureAwait(false));

        // Notifications
        api.MapGet("/notifications/dsts", c => _wire.Page(c, s.Notifications()));
        api.MapDelete("/notifications/dst/{id}", c =>
        {
            s.ClearNotifications(Id(c));
            return c.NoContent();
        });
        api.MapPost("/notifications/push-token", async c =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            s.RegisterPushToken((string?)body?["deviceId"], (string?)body?["token"]);
            await c.NoContent().ConfigureAwait(false);
        });
        api.MapDelete("/notifications/push-token", c =>
        {
            s.DeletePushToken(c.Query("deviceId"));
            return c.NoContent();
        });

        // Resources
        api.MapGet("/user/{id}/identity/{identityId}/appearance", c => Download(c, s.Appearance(Id(c), c.Route("identityId"))));
        api.MapPost("/user/{id}/identity/{identityId}/appearance", async c => await Json(c, s.SetAppearance(Id(c), c.Route("identityId"), await ReadUpload(c).ConfigureAwait(false))).ConfigureAwait(false));
        api.MapDelete("/user/{id}/identity/{identityId}/appearance", c =>
        {
            s.DeleteAppearance(Id(c), c.Route("identityId"));
            return c.NoContent();
        });
        api.MapGet("/resource/{id}", c => Download(c, s.Resource(Id(c))));
        api.MapPut("/resource/{id}", async c =>
        {
            s.UpdateResource(Id(c), await ReadObject(c).ConfigureAwait(false));
            await c.NoContent().ConfigureAwait(false);
        });
        api.MapDelete("/DST/resource/{id}", c => Json(c, s.DeleteDstResource(Id(c))));
        api.MapPost("/DST/{id}/doc/{docId}/swap", c => Json(c, s.SwapDocuments(Id(c), c.Route("docId"), c.Query("targetDocId"))));
        api.MapPost("/DST/{id}/doc/{docId}/resource", async c =>
        {
            var upload = await ReadUpload(c).ConfigureAwait(false);
            var form = await c.Request.ReadFormAsync().ConfigureAwait(false);
            await Json(c, s.ReplaceDocumentResource(Id(c), c.Route("docId"), form["actionType"].ToString(), User(c), upload)).ConfigureAwait(false);
        });
        api.MapGet("/DST/{id}/resources", c => Zip(c, s.DstFiles(Id(c))));
        api.MapPatch("/DST/{id}/resources", async c => await Json(c, s.AppendResource(Id(c), await ReadUpload(c).ConfigureAwait(false))).ConfigureAwait(false));
        api.MapGet("/DSTs/instantiationGroup/{id}/resources", c => Zip(c, s.GroupFiles(Id(c))));

        // Robots
        api.MapGet("/robot/authentication", c =>
        {
            var target = s.RobotTarget(User(c), c.Query("username"), c.Query("domain")) ?? throw SigningTodayState.Missing("username");
            return Json(c, new JsonObject { ["accessToken"] = s.RobotToken(target) });
        });
        api.MapDelete("/robot/authentication", c =>
        {
            s.RevokeRobotTokens(s.RobotTarget(User(c), c.Query("username"), c.Query("domain")));
            return c.NoContent();
        });
        api.MapGet("/robot/configuration", c => Json(c, s.RobotConfiguration(s.RobotTarget(User(c), c.Query("username"), c.Query("domain")) ?? User(c))));
        api.MapPut("/robot/configuration", async c =>
        {
            var body = await ReadObject(c).ConfigureAwait(false) ?? throw SimulatorStateException.Invalid("A configuration is required.", "INVALID_REQUEST");
            s.SetRobotConfiguration(s.RobotTarget(User(c), c.Query("username"), c.Query("domain")) ?? User(c), body);
            await c.NoContent().ConfigureAwait(false);
        });
        api.MapPost("/robot/DSTs", async c =>
        {
            var body = await ReadObject(c).ConfigureAwait(false) ?? throw SimulatorStateException.Invalid("title is required.", "INVALID_REQUEST", "title");
            await Json(c, s.CreateRobotDst(body, User(c))).ConfigureAwait(false);
        });
        api.MapPost("/robot/DST/{id}/instantiate", RobotInstantiateAsync);
        api.MapPost("/robot/{id}/instantiate", RobotInstantiateAsync);

        // Services
        api.MapPost("/oauth/token", TokenAsync).Anonymous();
        api.MapGet("/auth/logout", c =>
        {
            s.Logout(SimulatorHttp.GetBearerToken(c.Request));
            return c.NoContent();
        });
        api.MapGet("/auth/user", c => Json(c, s.User(User(c))));
        api.MapGet("/auth/passwordLost", c =>
        {
            if (c.Query("username") is not { } username || c.Query("domain") is not { } domain)
            {
                throw SimulatorStateException.Invalid("username and domain are required.", "MISSING_PARAMETER", "username");
            }

            s.PasswordLost(username, domain);
            return c.NoContent();
        }).Anonymous();
        api.MapGet("/auth/passwordReset", c =>
        {
            s.PasswordReset(User(c), c.Query("username"), c.Query("domain"));
            return c.NoContent();
        });
        api.MapPost("/auth/passwordReset", async c =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            s.ChangeOwnPassword(User(c), (string?)body?["currentPassword"], (string?)body?["newPassword"]);
            await c.NoContent().ConfigureAwait(false);
        });
        api.MapPost("/auth/changePassword", async c =>
        {
            var password = await ReadPasswordBody(c).ConfigureAwait(false);
            s.ChangePasswordWithToken(c.Query("passwordToken"), password ?? string.Empty);
            await c.NoContent().ConfigureAwait(false);
        }).Anonymous();
        api.MapPost("/service/changePassword", async c =>
        {
            var password = await ReadPasswordBody(c).ConfigureAwait(false);
            s.ServiceChangePassword(c.Query("username"), c.Query("domain"), password ?? string.Empty);
            await c.NoContent().ConfigureAwait(false);
        });
        api.MapPost("/auth/saml", async c =>
        {
            var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync().ConfigureAwait(false) : null;
            if (form is null || string.IsNullOrEmpty(form["IDToken1"]) || string.IsNullOrEmpty(form["IDToken2"]) || string.IsNullOrEmpty(form["domain"]))
            {
                throw SimulatorStateException.Invalid("domain, IDToken1 and IDToken2 are required.", "INVALID_REQUEST", "IDToken1");
            }

            c.Response.StatusCode = 303;
            c.Response.Headers.Location = "/login?token=" + Guid.NewGuid().ToString("N");
        }).Anonymous();
        routes.MapGet("/login", c =>
        {
            c.Response.ContentType = "text/html";
            return c.Response.WriteAsync("<html><body>Signing Today (simulated front end)</body></html>");
        });
        api.MapGet("/auth/passwordToken", c => Json(c, new JsonArray(s.NewPasswordToken(User(c)))));
        api.MapGet("/pdfResource/{id}/thumbs", c => s.HasResource(Id(c)) ? c.WriteBytesAsync(TinyPng, "image/png", "thumb.png") : throw SigningTodayState.Missing("id"));
        api.MapGet("/service/configuration", c => Json(c, new JsonObject()));

        // Users
        api.MapGet("/users", c => _wire.Page(c, s.Users()));
        api.MapPost("/users", async c =>
        {
            var body = await ReadObject(c).ConfigureAwait(false);
            await Ids(c, s.CreateUser(User(c), body?["user"] as JsonObject, (string?)body?["password"]), 201).ConfigureAwait(false);
        });
        api.MapGet("/users/groups", c => _wire.Page(c, s.UserGroups()));
        api.MapPost("/users/groups", async c =>
        {
            s.AddUserGroups(await ReadNode(c).ConfigureAwait(false) as JsonArray);
            await c.NoContent().ConfigureAwait(false);
        });
        api.MapGet("/user/{id}", c => Json(c, s.User(Id(c))));
        api.MapPut("/user/{id}", async c =>
        {
            s.UpdateUser(Id(c), await ReadObject(c).ConfigureAwait(false) ?? new JsonObject());
            await c.NoContent().ConfigureAwait(false);
        });
        api.MapDelete("/user/{id}", c =>
        {
            s.SetEnabled(Id(c), !string.Equals(c.Query("enabled"), "false", StringComparison.OrdinalIgnoreCase));
            return c.NoContent();
        });
        api.MapPut("/user/{id}/role", c =>
        {
            s.SetRole(Id(c), c.Query("newRole"));
            return c.NoContent();
        });
        api.MapGet("/user/{id}/identities", c => Json(c, s.Identities(Id(c))));
    }

    private async Task InstantiateByFileAsync(HttpContext c)
    {
        var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync().ConfigureAwait(false) : null;
        var file = form?.Files["file"] ?? throw SimulatorStateException.Invalid("file is required.", "INVALID_REQUEST", "file");
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        bool publish = string.Equals(c.Query("publish"), "true", StringComparison.OrdinalIgnoreCase);
        await Json(c, _state.InstantiateByFile(Id(c), User(c), rows, publish, form!["title"].ToString())).ConfigureAwait(false);
    }

    private async Task RobotInstantiateAsync(HttpContext c)
    {
        var body = await ReadObject(c).ConfigureAwait(false);
        await Json(c, _state.Instantiate(Id(c), User(c), body?["templatePatches"] as JsonObject, body?["rolesMapping"] as JsonArray)).ConfigureAwait(false);
    }

    private async Task TokenAsync(HttpContext c)
    {
        if (!SimulatorHttp.TryGetBasicCredentials(c.Request, out var clientId, out var clientSecret) || clientId != _sim.ClientId || clientSecret != _sim.ClientSecret)
        {
            await Error(c, 401, "INVALID_CLIENT", "Client authentication failed.", "Authorization").ConfigureAwait(false);
            return;
        }

        var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync().ConfigureAwait(false) : null;
        var (access, refresh, scope) = _state.IssueTokens(form?["grant_type"].ToString(), form?["username"].ToString(), form?["password"].ToString(), form?["refresh_token"].ToString());
        await Json(c, new JsonObject
        {
            ["access_token"] = access,
            ["token_type"] = "bearer",
            ["refresh_token"] = refresh,
            ["expires_in"] = (long)_sim.AccessTokenLifetime.TotalSeconds,
            ["scope"] = scope,
        }).ConfigureAwait(false);
    }
}
