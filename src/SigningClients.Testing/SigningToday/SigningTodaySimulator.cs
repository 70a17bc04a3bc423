using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Testing.SigningToday;

namespace SigningClients.Testing;

/// <summary>
/// A stateful in-process Signing Today v2 server (all 68 documented operations under <c>/api</c>): DST lifecycle
/// (draft → published → toFill/toSign → signed, rejected, expired, error), templates and instantiation, notes,
/// resources with real bytes, users, groups, devices, robot and OAuth tokens with expiry, <c>$top/$skip/$count/$orderBy/$filter</c>
/// paging and <c>{code,message,target}</c> errors. <see cref="Sign"/>, <see cref="Decline"/>, <see cref="Expire"/>
/// and <see cref="Fail"/> play the human signer.
/// </summary>
public sealed partial class SigningTodaySimulator : SimulatorHost
{
    private readonly object _gate = new();
    private readonly SigningTodaySimulatorOptions _sim;
    private readonly Dictionary<string, JsonObject> _dsts = new(StringComparer.Ordinal);
    private readonly List<string> _dstOrder = new();
    private readonly Dictionary<string, List<JsonObject>> _notes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredResource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _robotTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string UserId, DateTimeOffset ExpiresAt)> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _passwordTokens = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _groups = new();
    private readonly List<JsonObject> _devices = new();
    private readonly Dictionary<string, string> _challenges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pushTokens = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _notifications = new();
    private readonly Dictionary<string, JsonObject> _robotConfigurations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _identities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _appearances = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _instantiationGroups = new();
    private readonly Dictionary<string, int> _passwordChanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _passwordEmails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _publications = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reminders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _formFills = new(StringComparer.Ordinal);
    private long _noteSeq;
    private long _instanceSeq = 7000;

    private SigningTodaySimulator(SigningTodaySimulatorOptions options)
        : base(options.Host)
    {
        _sim = options;
        AdminUserId = SeedUser(_sim.AdminUsername, "admin", "Ada", "Admin", "admin@" + _sim.Domain + ".example", _sim.AdminPassword, automatic: false);
        SignerUserId = SeedUser(_sim.SignerUsername, "signer", "John", "Doe", "jdo@" + _sim.Domain + ".example", _sim.SignerPassword, automatic: false);
        RobotUserId = SeedUser("robot", "instructor", "Robot", "Service", "robot@" + _sim.Domain + ".example", null, automatic: true);
        _robotTokens[_sim.RobotToken] = RobotUserId;
        _identities[SignerUserId] = new List<JsonObject>
        {
            new()
            {
                ["id"] = "abd562ae-e8ab-4cfd-a688-395e06eea9ff",
                ["provider"] = "Simulated Signing Today",
                ["label"] = "Token John Doe",
                ["providerType"] = "token",
                ["subjectCommonName"] = "John Doe",
                ["issuerCommonName"] = "Simulated CA",
                ["expireDate"] = "2030-12-13T23:59:59Z",
                ["rawCertificate"] = null,
                ["valid"] = true,
                ["tags"] = null,
            },
        };
    }

    /// <summary>The simulator settings (seeded accounts and credentials).</summary>
    public SigningTodaySimulatorOptions Settings => _sim;

    /// <summary>The API base address to configure clients with: <c>http://127.0.0.1:{port}/api/</c>.</summary>
    public Uri ApiEndpoint => new(BaseAddress, "api/");

    /// <summary>Id of the seeded admin user.</summary>
    public string AdminUserId { get; }

    /// <summary>Id of the seeded signer user.</summary>
    public string SignerUserId { get; }

    /// <summary>Id of the seeded robot account.</summary>
    public string RobotUserId { get; }

    /// <summary>Number of DSTs (templates included, deleted excluded).</summary>
    public int DstCount
    {
        get
        {
            lock (_gate)
            {
                return _dsts.Values.Count(d => d["deletedAt"] is null);
            }
        }
    }

    /// <summary>Starts a simulator on a free loopback port.</summary>
    /// <param name="options">Settings (host settings in <see cref="SigningTodaySimulatorOptions.Host"/>), or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started simulator; dispose it to stop it.</returns>
    public static Task<SigningTodaySimulator> StartAsync(SigningTodaySimulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartSimulatorAsync(new SigningTodaySimulator(options ?? new SigningTodaySimulatorOptions()), cancellationToken);

    /// <summary>Adds <paramref name="count"/> minimal DSTs (for paging tests); titles are <c>Seed 00001</c>….</summary>
    /// <param name="count">How many.</param>
    /// <param name="status">Their status.</param>
    public void SeedDsts(int count, string status = "toSign")
    {
        lock (_gate)
        {
            var now = TimeProvider.GetUtcNow();
            for (int i = 0; i < count; i++)
            {
                var id = Guid.NewGuid().ToString();
                var dst = new JsonObject
                {
                    ["id"] = id,
                    ["domain"] = _sim.Domain,
                    ["title"] = "Seed " + (i + 1).ToString("D5", CultureInfo.InvariantCulture),
                    ["createdByUser"] = RobotUserId,
                    ["createdAt"] = Iso(now.AddSeconds(i)),
                    ["updatedAt"] = Iso(now.AddSeconds(i)),
                    ["documents"] = new JsonArray(),
                    ["resources"] = new JsonArray(),
                    ["signatures"] = new JsonArray(),
                    ["status"] = status,
                    ["template"] = false,
                    ["publicTemplate"] = false,
                    ["urgent"] = false,
                };
                _dsts[id] = dst;
                _dstOrder.Add(id);
            }
        }
    }

    /// <summary>Gets a copy of a DST as JSON, or <see langword="null"/>.</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The DST.</returns>
    public JsonObject? GetDst(string dstId)
    {
        lock (_gate)
        {
            return _dsts.TryGetValue(dstId, out var dst) ? (JsonObject)Evolve(dst).DeepClone() : null;
        }
    }

    /// <summary>Gets the stored bytes of a resource, or <see langword="null"/>.</summary>
    /// <param name="resourceId">The resource.</param>
    /// <returns>The bytes.</returns>
    public byte[]? GetResourceBytes(string resourceId)
    {
        lock (_gate)
        {
            return _resources.TryGetValue(resourceId, out var resource) ? resource.Bytes : null;
        }
    }

    /// <summary>
    /// Plays the signer: fills every pending form and performs every signature of a published DST. Each document gets
    /// a signed PDF resource (the plain bytes plus a signature marker) and the DST becomes <c>signed</c>.
    /// </summary>
    /// <param name="dstId">The DST.</param>
    /// <exception cref="InvalidOperationException">The DST does not exist or is not waiting for signatures.</exception>
    public void Sign(string dstId)
    {
        lock (_gate)
        {
            var dst = RequireActive(dstId);
            var now = TimeProvider.GetUtcNow();
            var signatures = (JsonArray)dst["signatures"]!;
            foreach (var document in Documents(dst))
            {
                foreach (var form in Array(document, "forms"))
                {
                    if (form["toFill"]?.GetValue<bool>() == true)
                    {
                        form["filled"] = true;
                    }
                }

                foreach (var request in Array(document, "signatureRequests"))
                {
                    signatures.Add(new JsonObject
                    {
                        ["_instance_id"] = ++_instanceSeq,
                        ["documentId"] = document["id"]?.DeepClone(),
                        ["signatureRequestId"] = request["id"]?.DeepClone(),
                        ["signedAt"] = Iso(now),
                        ["status"] = "signed",
                        ["extraData"] = new JsonObject { ["st_uuid"] = Guid.NewGuid().ToString() },
                    });
                }

                var plainId = (string?)document["plainDocumentUuid"];
                var plain = plainId is not null && _resources.TryGetValue(plainId, out var r) ? r.Bytes : System.Array.Empty<byte>();
                var signedBytes = plain.Concat(Encoding.ASCII.GetBytes("\n%SigningToday simulated signature " + now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "\n")).ToArray();
                var signedId = StoreResource(dstId, "signed-" + ((string?)document["resource"]?["filename"] ?? "document.pdf"), "Signed document", "PDF_Document", "application/pdf", signedBytes);
                document["signedDocumentUuid"] = signedId;
                document["status"] = "signed";
            }

            SetStatus(dst, "signed");
        }
    }

    /// <summary>Plays the signer declining: the DST becomes <c>rejected</c>.</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="reason">The reason given.</param>
    public void Decline(string dstId, string reason = "Declined by the signer")
    {
        lock (_gate)
        {
            var dst = RequireActive(dstId);
            var first = Documents(dst).FirstOrDefault();
            ((JsonArray)dst["signatures"]!).Add(new JsonObject
            {
                ["_instance_id"] = ++_instanceSeq,
                ["documentId"] = first?["id"]?.DeepClone(),
                ["signatureRequestId"] = 0,
                ["declinedReason"] = reason,
                ["status"] = "declined",
            });
            SetStatus(dst, "rejected");
        }
    }

    /// <summary>Makes a DST expire now.</summary>
    /// <param name="dstId">The DST.</param>
    public void Expire(string dstId)
    {
        lock (_gate)
        {
            var dst = RequireActive(dstId);
            dst["expiresAt"] = Iso(TimeProvider.GetUtcNow());
            SetStatus(dst, "expired");
        }
    }

    /// <summary>Puts a DST in the <c>error</c> status.</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="message">The error message.</param>
    public void Fail(string dstId, string message = "Simulated failure")
    {
        lock (_gate)
        {
            var dst = Find(dstId) ?? throw new InvalidOperationException("No such DST.");
            dst["errorMessage"] = message;
            SetStatus(dst, "error");
        }
    }

    /// <summary>Adds a trusted device for a user (for tests of the device listing).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="name">The device name.</param>
    public void AddDevice(string userId, string deviceId, string name)
    {
        lock (_gate)
        {
            _devices.Add(new JsonObject { ["userId"] = userId, ["deviceId"] = deviceId, ["name"] = name, ["registeredAt"] = Iso(TimeProvider.GetUtcNow()) });
        }
    }

    /// <summary>Makes every issued OAuth access token expire now (the next call gets 401 and the client refreshes).</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            foreach (var key in _accessTokens.Keys.ToList())
            {
                _accessTokens[key] = (_accessTokens[key].UserId, TimeProvider.GetUtcNow().AddSeconds(-1));
            }
        }
    }

    /// <summary>The OAuth access tokens issued so far.</summary>
    public int IssuedAccessTokens
    {
        get
        {
            lock (_gate)
            {
                return _accessTokens.Count;
            }
        }
    }

    /// <summary>Number of stored resources (documents, signed documents, appearances, templates' files).</summary>
    public int ResourceCount
    {
        get
        {
            lock (_gate)
            {
                return _resources.Count;
            }
        }
    }

    /// <summary>Number of user groups.</summary>
    public int UserGroupCount
    {
        get
        {
            lock (_gate)
            {
                return _groups.Count;
            }
        }
    }

    /// <summary>
    /// Adds a user who can log in with the OAuth password grant as <c>username@domain</c> (for tests that change or
    /// revoke a user's credentials without touching the seeded accounts).
    /// </summary>
    /// <param name="username">The user name (unique in the domain).</param>
    /// <param name="password">The password.</param>
    /// <param name="role"><c>admin</c>, <c>instructor</c> or <c>signer</c>.</param>
    /// <returns>The new user's id.</returns>
    /// <exception cref="InvalidOperationException">The user name is taken.</exception>
    public string AddUser(string username, string password, string role = "signer")
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (role is not ("admin" or "instructor" or "signer"))
        {
            throw new ArgumentException("The role must be admin, instructor or signer.", nameof(role));
        }

        lock (_gate)
        {
            RequireFreeUsername(username);
            return SeedUser(username, role, username, "User", username + "@" + _sim.Domain + ".example", password, automatic: false);
        }
    }

    /// <summary>Adds a robot (automatic) account with its own lifetime token, next to the seeded robot.</summary>
    /// <param name="username">The robot's user name (unique in the domain).</param>
    /// <returns>The robot's lifetime token (send it as a bearer token).</returns>
    /// <exception cref="InvalidOperationException">The user name is taken.</exception>
    public string AddRobot(string username)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        lock (_gate)
        {
            RequireFreeUsername(username);
            var id = SeedUser(username, "instructor", username, "Robot", username + "@" + _sim.Domain + ".example", null, automatic: true);
            var token = "robot-token-" + Guid.NewGuid().ToString("N");
            _robotTokens[token] = id;
            return token;
        }
    }

    /// <summary>Whether a robot token is currently valid.</summary>
    /// <param name="token">The robot token.</param>
    /// <returns><see langword="true"/> when the token authenticates a robot.</returns>
    public bool IsRobotTokenValid(string token)
    {
        lock (_gate)
        {
            return _robotTokens.ContainsKey(token);
        }
    }

    /// <summary>How many times the password of a user was set (own change, change with a token, service change).</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The count.</returns>
    public int PasswordChanges(string userId) => ReadCount(_passwordChanges, userId);

    /// <summary>
    /// How many password e-mails (a password token to choose a new password) the simulator sent a user: one per
    /// recovery request (<c>GET /auth/passwordLost</c>) and per superuser reset (<c>GET /auth/passwordReset</c>).
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <returns>The count.</returns>
    public int PasswordEmails(string userId) => ReadCount(_passwordEmails, userId);

    /// <summary>Number of templates (DSTs marked as templates, deleted excluded).</summary>
    public int TemplateCount
    {
        get
        {
            lock (_gate)
            {
                return _dsts.Values.Count(d => d["deletedAt"] is null && d["template"]?.GetValue<bool>() == true);
            }
        }
    }

    /// <summary>Number of users (seeded, added and created through the API; robots included, deleted excluded).</summary>
    public int UserCount
    {
        get
        {
            lock (_gate)
            {
                return _users.Values.Count(u => u["deletedAt"] is null);
            }
        }
    }

    /// <summary>Number of notes on a DST.</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The count (0 for an unknown DST).</returns>
    public int NoteCount(string dstId)
    {
        lock (_gate)
        {
            return _notes.TryGetValue(dstId, out var notes) ? notes.Count : 0;
        }
    }

    /// <summary>How many unused password tokens a user holds (issued by <c>GET /auth/passwordToken</c> or a password e-mail, not yet spent).</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The count.</returns>
    public int PasswordTokens(string userId)
    {
        lock (_gate)
        {
            return _passwordTokens.Values.Count(u => string.Equals(u, userId, StringComparison.Ordinal));
        }
    }

    /// <summary>How many times a DST was published (<c>POST /DST/{id}/publish</c> accepted).</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The count.</returns>
    public int Publications(string dstId) => ReadCount(_publications, dstId);

    /// <summary>How many reminders the simulator sent the signers of a DST (<c>POST /DST/{id}/notify</c> accepted).</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The count.</returns>
    public int Reminders(string dstId) => ReadCount(_reminders, dstId);

    /// <summary>How many form fills the simulator applied to a DST (<c>PATCH /DST/{id}/fill</c> accepted).</summary>
    /// <param name="dstId">The DST.</param>
    /// <returns>The count.</returns>
    public int FormFills(string dstId) => ReadCount(_formFills, dstId);

    /// <summary>Adds one to a per-key counter (caller holds the lock).</summary>
    private static void Count(Dictionary<string, int> counter, string key) => counter[key] = (counter.TryGetValue(key, out var n) ? n : 0) + 1;

    private int ReadCount(Dictionary<string, int> counter, string key)
    {
        lock (_gate)
        {
            return counter.TryGetValue(key, out var n) ? n : 0;
        }
    }

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes) => MapSigningToday(routes);

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string SeedUser(string username, string role, string name, string surname, string email, string? password, bool automatic)
    {
        var id = Guid.NewGuid().ToString();
        _users[id] = new JsonObject
        {
            ["id"] = id,
            ["username"] = username,
            ["domain"] = _sim.Domain,
            ["language"] = "en",
            ["name"] = name,
            ["surname"] = surname,
            ["email"] = email,
            ["role"] = role,
            ["groups"] = new JsonArray(),
            ["capabilities"] = role == "admin" ? new JsonArray("user.create.all", "dst.list.all") : new JsonArray(),
            ["automatic"] = automatic,
            ["createdAt"] = Iso(DateTimeOffset.UtcNow),
            ["enabled"] = true,
        };
        if (password is not null)
        {
            _passwords[id] = password;
        }

        return id;
    }

    /// <summary>Refuses a user name already used in the simulator's domain (caller holds the lock).</summary>
    private void RequireFreeUsername(string username)
    {
        if (FindUser(username, _sim.Domain) is not null)
        {
            throw new InvalidOperationException("The user name is taken: " + username);
        }
    }

    /// <summary>Sets a password and counts the change (caller holds the lock).</summary>
    private void SetPassword(string userId, string password)
    {
        _passwords[userId] = password;
        Count(_passwordChanges, userId);
    }

    /// <summary>"Sends" a password e-mail: issues a password token for the user and counts it (caller holds the lock).</summary>
    private void SendPasswordEmail(string userId)
    {
        _passwordTokens[Guid.NewGuid().ToString()] = userId;
        Count(_passwordEmails, userId);
    }

    private JsonObject? Find(string id) => _dsts.TryGetValue(id, out var dst) && dst["deletedAt"] is null ? dst : null;

    private JsonObject RequireActive(string dstId)
    {
        var dst = Find(dstId) ?? throw new InvalidOperationException("No such DST: " + dstId);
        Evolve(dst);
        var status = (string?)dst["status"];
        if (status is not ("toSign" or "toFill" or "published"))
        {
            throw new InvalidOperationException("The DST is " + status + ", not waiting for signatures.");
        }

        return dst;
    }

    private void SetStatus(JsonObject dst, string status)
    {
        dst["status"] = status;
        dst["updatedAt"] = Iso(TimeProvider.GetUtcNow());
        _notifications.Insert(0, new JsonObject { ["dstTitle"] = (string?)dst["title"], ["username"] = _sim.SignerUsername, ["email"] = "jdo@" + _sim.Domain + ".example", ["dstId"] = (string?)dst["id"], ["event"] = "dst_status_" + status });
    }

    /// <summary>Published DSTs move on to toFill/toSign when read; active DSTs past expiresAt expire.</summary>
    private JsonObject Evolve(JsonObject dst)
    {
        var status = (string?)dst["status"];
        if (status == "published" && dst["template"]?.GetValue<bool>() != true)
        {
            bool toFill = Documents(dst).SelectMany(d => Array(d, "forms")).Any(f => f["toFill"]?.GetValue<bool>() == true && f["filled"]?.GetValue<bool>() != true);
            dst["status"] = toFill ? "toFill" : "toSign";
            status = (string?)dst["status"];
        }

        if (status is "toFill" or "toSign" && dst["expiresAt"] is JsonValue expires
            && DateTimeOffset.TryParse((string?)expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at <= TimeProvider.GetUtcNow())
        {
            SetStatus(dst, "expired");
        }

        return dst;
    }

    private static IEnumerable<JsonObject> Documents(JsonObject dst) => Array(dst, "documents");

    private static IEnumerable<JsonObject> Array(JsonObject node, string name) =>
        node[name] is JsonArray array ? array.OfType<JsonObject>() : Enumerable.Empty<JsonObject>();

    private string StoreResource(string? dstId, string fileName, string? title, string type, string mimeType, byte[] bytes)
    {
        var id = Guid.NewGuid().ToString();
        var meta = new JsonObject
        {
            ["id"] = id,
            ["domain"] = _sim.Domain,
            ["type"] = type,
            ["dstUuid"] = dstId,
            ["title"] = title,
            ["filename"] = fileName,
            ["size"] = bytes.LongLength,
            ["createdAt"] = Iso(TimeProvider.GetUtcNow()),
            ["mimetype"] = mimeType,
            ["pages"] = 1,
        };
        _resources[id] = new StoredResource(meta, bytes);
        return id;
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, bytes) in files)
            {
                var entryName = name;
                for (int n = 2; !used.Add(entryName); n++)
                {
                    entryName = n.ToString(CultureInfo.InvariantCulture) + "-" + name;
                }

                var entry = zip.CreateEntry(entryName);
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private sealed class StoredResource
    {
        public StoredResource(JsonObject meta, byte[] bytes)
        {
            Meta = meta;
            Bytes = bytes;
        }

        public JsonObject Meta { get; set; }

        public byte[] Bytes { get; set; }
    }
}
