using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.SigningToday;

/// <summary>
/// Accounts, credentials and trusted devices of Signing Today v2 (signingtoday-api-v2.txt, FACTS.md):
/// <list type="bullet">
/// <item>Users get OAuth tokens from <c>POST /oauth/token</c> (password grant as <c>user@domain</c>, refresh grant)
/// that expire after <see cref="SigningTodaySimulatorOptions.AccessTokenLifetime"/>; robots use a lifetime token.</item>
/// <item>"In order to create a user account, the logged account needs to be an admin"; <c>POST /users</c> answers 201
/// with the new id. "Enable or disable a User account": a disabled user cannot log in. The user JSON has the members
/// the doc lists (no <c>enabled</c>).</item>
/// <item>Device challenges: "An invocation of the endpoint invalidate any previous challenge. The challenge lasts 10
/// minutes." Registering a device "returns the current associated Token" (a UUID) "and updates the name".</item>
/// </list>
/// </summary>
internal sealed partial class SigningTodayState
{
    /// <summary>How long a device challenge lasts: "The challenge lasts 10 minutes."</summary>
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, JsonObject> _users = new(StringComparer.Ordinal);
    private readonly HashSet<string> _disabledUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _passwords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _robotTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string UserId, DateTimeOffset ExpiresAt)> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _passwordTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _passwordChanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _passwordEmails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _robotConfigurations = new(StringComparer.Ordinal);
    private readonly List<Device> _devices = new();
    private readonly Dictionary<string, (string Challenge, DateTimeOffset ExpiresAt)> _challenges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pushTokens = new(StringComparer.Ordinal);

    public int UserCount => Read(() => _users.Values.Count(u => u["deletedAt"] is null));

    public int IssuedAccessTokens => Read(() => _accessTokens.Count);

    public int PasswordChanges(string userId) => Read(() => CountOf(_passwordChanges, userId));

    public int PasswordEmails(string userId) => Read(() => CountOf(_passwordEmails, userId));

    public int PasswordTokens(string userId) => Read(() => _passwordTokens.Values.Count(u => string.Equals(u, userId, StringComparison.Ordinal)));

    public bool IsRobotTokenValid(string token) => Read(() => _robotTokens.ContainsKey(token));

    public bool IsEnabled(string userId) => Read(() => _users.ContainsKey(userId) && !_disabledUsers.Contains(userId));

    // ---- Credentials ------------------------------------------------------------------------------------------

    /// <summary>The user a bearer token (robot lifetime token or unexpired OAuth access token) belongs to.</summary>
    public string Authenticate(string? bearer) => Read(() =>
    {
        if (bearer is not null && _robotTokens.TryGetValue(bearer, out var robot))
        {
            return robot;
        }

        return bearer is not null && _accessTokens.TryGetValue(bearer, out var access) && access.ExpiresAt > Now
            ? access.UserId
            : throw new SimulatorStateException(SimulatorErrorKind.Unauthenticated, "A valid bearer token is required.", "UNAUTHORIZED", "Authorization");
    });

    /// <summary><c>POST /oauth/token</c> after the client credentials were checked.</summary>
    public (string Access, string Refresh, string Scope) IssueTokens(string? grant, string? username, string? password, string? refreshToken) => Write(() =>
    {
        string? userId = null;
        if (grant == "password" && username is not null)
        {
            var at = username.LastIndexOf('@');
            var user = at > 0 ? FindUser(username[..at], username[(at + 1)..]) : null;
            if (user is not null && !_disabledUsers.Contains(user) && _passwords.TryGetValue(user, out var expected) && expected == password)
            {
                userId = user;
            }
        }
        else if (grant == "refresh_token" && refreshToken is not null && _refreshTokens.Remove(refreshToken, out var owner))
        {
            userId = owner;
        }

        if (userId is null)
        {
            throw SimulatorStateException.Invalid("The credentials are not valid.", "INVALID_GRANT", grant == "refresh_token" ? "refresh_token" : "password");
        }

        var access = Guid.NewGuid().ToString();
        var refresh = Guid.NewGuid().ToString();
        _accessTokens[access] = (userId, Now + _options.AccessTokenLifetime);
        _refreshTokens[refresh] = userId;
        var role = (string?)_users[userId]["role"];
        return (access, refresh, role == "signer" ? "signer" : "all");
    });

    public void Logout(string? bearer) => Write(() =>
    {
        if (bearer is not null)
        {
            _accessTokens.Remove(bearer);
        }
    });

    public void ExpireAccessTokens() => Write(() =>
    {
        foreach (var key in _accessTokens.Keys.ToList())
        {
            _accessTokens[key] = (_accessTokens[key].UserId, Now.AddSeconds(-1));
        }
    });

    // ---- Users ------------------------------------------------------------------------------------------------

    public JsonObject User(string userId) => Read(() => _users.TryGetValue(userId, out var user) ? (JsonObject)user.DeepClone() : throw Missing("id"));

    public IReadOnlyList<JsonObject> Users() => Read(() => _users.Values.Where(u => u["deletedAt"] is null).Select(u => (JsonObject)u.DeepClone()).ToList());

    public string AddUser(string username, string password, string role) => Write(() =>
    {
        RequireFreeUsername(username);
        return NewUser(username, role, username, "User", username + "@" + _options.Domain + ".example", password, automatic: false);
    });

    public string AddRobot(string username) => Write(() =>
    {
        RequireFreeUsername(username);
        var id = NewUser(username, "instructor", username, "Robot", username + "@" + _options.Domain + ".example", null, automatic: true);
        var token = "robot-token-" + Guid.NewGuid().ToString("N");
        _robotTokens[token] = id;
        return token;
    });

    /// <summary><c>POST /users</c>: only admins create users; the user name must be free in the domain.</summary>
    public string CreateUser(string callerId, JsonObject? user, string? password) => Write(() =>
    {
        if ((string?)_users[callerId]["role"] != "admin")
        {
            throw new SimulatorStateException(SimulatorErrorKind.Forbidden, "Only admins can create users.", "FORBIDDEN");
        }

        if (user is null || string.IsNullOrWhiteSpace((string?)user["username"]))
        {
            throw SimulatorStateException.Invalid("user.username is required.", "INVALID_REQUEST", "user.username");
        }

        if (FindUser((string?)user["username"], _options.Domain) is not null)
        {
            throw new SimulatorStateException(SimulatorErrorKind.Conflict, "The username is taken.", "CONFLICT", "user.username");
        }

        var copy = (JsonObject)user.DeepClone();
        var id = Guid.NewGuid().ToString();
        copy["id"] = id;
        copy["domain"] = _options.Domain;
        copy["createdBy"] = callerId;
        copy["createdAt"] = Iso(Now);
        copy.Remove("enabled");
        _users[id] = copy;
        if (password is not null)
        {
            _passwords[id] = password;
        }

        return id;
    });

    public void UpdateUser(string userId, JsonObject body) => Write(() =>
    {
        var user = _users.TryGetValue(userId, out var found) ? found : throw Missing("id");
        foreach (var pair in body)
        {
            if (pair.Key is not ("id" or "role" or "capabilities" or "enabled"))
            {
                user[pair.Key] = pair.Value?.DeepClone();
            }
        }
    });

    /// <summary><c>DELETE /user/{id}?enabled=</c>: enables or disables the account (kept out of the user JSON, as in the doc).</summary>
    public void SetEnabled(string userId, bool enabled) => Write(() =>
    {
        if (!_users.ContainsKey(userId))
        {
            throw Missing("id");
        }

        if (enabled)
        {
            _disabledUsers.Remove(userId);
        }
        else
        {
            _disabledUsers.Add(userId);
        }
    });

    public void SetRole(string userId, string? role) => Write(() =>
    {
        var user = _users.TryGetValue(userId, out var found) ? found : throw Missing("id");
        if (role is not ("admin" or "instructor" or "signer"))
        {
            throw SimulatorStateException.Invalid("newRole must be admin, instructor or signer.", "INVALID_ROLE", "newRole");
        }

        user["role"] = role;
    });

    // ---- Passwords --------------------------------------------------------------------------------------------

    /// <summary>Password recovery: unknown users get the same answer (no account enumeration); known users get the e-mail.</summary>
    public void PasswordLost(string username, string domain) => Write(() =>
    {
        if (FindUser(username, domain) is { } target)
        {
            SendPasswordEmail(target);
        }
    });

    public void PasswordReset(string callerId, string? username, string? domain) => Write(() =>
    {
        if ((string?)_users[callerId]["role"] != "admin")
        {
            throw new SimulatorStateException(SimulatorErrorKind.Forbidden, "A superuser is required.", "FORBIDDEN");
        }

        SendPasswordEmail(FindUser(username, domain) ?? throw Missing("username"));
    });

    public void ChangeOwnPassword(string callerId, string? currentPassword, string? newPassword) => Write(() =>
    {
        if (!_passwords.TryGetValue(callerId, out var current) || current != currentPassword)
        {
            throw SimulatorStateException.Invalid("The current password is not correct.", "WRONG_PASSWORD", "currentPassword");
        }

        SetPassword(callerId, newPassword ?? current);
    });

    public void ChangePasswordWithToken(string? passwordToken, string password) => Write(() =>
    {
        if (passwordToken is null || !_passwordTokens.Remove(passwordToken, out var userId))
        {
            throw SimulatorStateException.Invalid("The password token is not valid.", "INVALID_TOKEN", "passwordToken");
        }

        SetPassword(userId, password);
    });

    public void ServiceChangePassword(string? username, string? domain, string password) =>
        Write(() => SetPassword(FindUser(username, domain) ?? throw Missing("username"), password));

    public string NewPasswordToken(string userId) => Write(() =>
    {
        var token = Guid.NewGuid().ToString();
        _passwordTokens[token] = userId;
        return token;
    });

    // ---- Robots -----------------------------------------------------------------------------------------------

    /// <summary>The robot a robot call is about: the named user, or the caller.</summary>
    public string? RobotTarget(string callerId, string? username, string? domain) => Read(() => username is null ? callerId : FindUser(username, domain));

    public string RobotToken(string robotId) => Write(() =>
    {
        var token = _robotTokens.FirstOrDefault(p => p.Value == robotId).Key;
        if (token is null)
        {
            token = "robot-token-" + Guid.NewGuid().ToString("N");
            _robotTokens[token] = robotId;
        }

        return token;
    });

    public void RevokeRobotTokens(string? robotId) => Write(() =>
    {
        foreach (var key in _robotTokens.Where(p => p.Value == robotId).Select(p => p.Key).ToList())
        {
            _robotTokens.Remove(key);
        }
    });

    public JsonObject RobotConfiguration(string robotId) => Read(() =>
        _robotConfigurations.TryGetValue(robotId, out var configuration)
            ? (JsonObject)configuration.DeepClone()
            : new JsonObject { ["requestHeaders"] = new JsonObject(), ["webhooks"] = new JsonObject() });

    public void SetRobotConfiguration(string robotId, JsonObject configuration) => Write(() => _robotConfigurations[robotId] = (JsonObject)configuration.DeepClone());

    // ---- Devices ----------------------------------------------------------------------------------------------

    public IReadOnlyList<JsonObject> Devices(string userId) => Read(() => _devices.Where(d => d.UserId == userId).Select(d => d.Render()).ToList());

    public void AddDevice(string userId, string deviceId, string name) => Write(() => _devices.Add(new Device(userId, deviceId, name, Now)));

    /// <summary>A new challenge for the user; it replaces any previous one and lasts <see cref="ChallengeLifetime"/>.</summary>
    public string NewChallenge(string userId) => Write(() =>
    {
        var challenge = Guid.NewGuid().ToString("N");
        _challenges[userId] = (challenge, Now + ChallengeLifetime);
        return challenge;
    });

    /// <summary>Registers (or renames) a trusted device with the user's current, unexpired challenge; returns the device's token (a UUID).</summary>
    public string RegisterDevice(string userId, string? deviceId, string? challenge, string? name) => Write(() =>
    {
        if (deviceId is null || !_challenges.TryGetValue(userId, out var expected) || expected.Challenge != challenge)
        {
            throw SimulatorStateException.Invalid("The challenge is not valid.", "INVALID_CHALLENGE", "challenge");
        }

        if (Now >= expected.ExpiresAt)
        {
            _challenges.Remove(userId);
            throw new SimulatorStateException(SimulatorErrorKind.Expired, "The challenge expired (a challenge lasts 10 minutes).", "INVALID_CHALLENGE", "challenge");
        }

        var device = _devices.FirstOrDefault(d => d.DeviceId == deviceId);
        if (device is null)
        {
            device = new Device(userId, deviceId, name, Now);
            _devices.Add(device);
        }
        else
        {
            device.Name = name;
        }

        return device.Token;
    });

    public void Deregister(string userId, string? deviceId) => Write(() =>
    {
        if (deviceId is null)
        {
            throw SimulatorStateException.Invalid("deviceId is required.", "MISSING_PARAMETER", "deviceId");
        }

        var removed = _devices.RemoveAll(d => d.DeviceId == deviceId && d.UserId == userId);
        _pushTokens.Remove(deviceId);
        if (removed == 0)
        {
            throw Missing("deviceId");
        }
    });

    /// <summary>"Only trusted deviceId can be registered."</summary>
    public void RegisterPushToken(string? deviceId, string? token) => Write(() =>
    {
        if (deviceId is null || token is null)
        {
            throw SimulatorStateException.Invalid("deviceId and token are required.", "INVALID_REQUEST", "deviceId");
        }

        if (!_devices.Any(d => d.DeviceId == deviceId))
        {
            throw new SimulatorStateException(SimulatorErrorKind.Forbidden, "Only trusted devices can register a push token.", "UNTRUSTED_DEVICE", "deviceId");
        }

        _pushTokens[deviceId] = token;
    });

    public void DeletePushToken(string? deviceId) => Write(() =>
    {
        if (!_pushTokens.Remove(deviceId ?? string.Empty))
        {
            throw Missing("deviceId");
        }
    });

    // ---- Helpers (called under the lock) ----------------------------------------------------------------------

    private string? FindUser(string? username, string? domain) =>
        _users.Values.FirstOrDefault(x => (string?)x["username"] == username && (domain is null || (string?)x["domain"] == domain))?["id"]?.ToString();

    private void RequireFreeUsername(string username)
    {
        if (FindUser(username, _options.Domain) is not null)
        {
            throw new SimulatorStateException(SimulatorErrorKind.Conflict, "The user name is taken: " + username, "CONFLICT", "username");
        }
    }

    private string NewUser(string username, string role, string name, string surname, string email, string? password, bool automatic)
    {
        var id = Guid.NewGuid().ToString();
        _users[id] = new JsonObject
        {
            ["id"] = id,
            ["username"] = username,
            ["domain"] = _options.Domain,
            ["language"] = "en",
            ["name"] = name,
            ["surname"] = surname,
            ["email"] = email,
            ["role"] = role,
            ["groups"] = new JsonArray(),
            ["capabilities"] = role == "admin" ? new JsonArray("user.create.all", "dst.list.all") : new JsonArray(),
            ["automatic"] = automatic,
            ["createdAt"] = Iso(Now),
        };
        if (password is not null)
        {
            _passwords[id] = password;
        }

        return id;
    }

    private void SetPassword(string userId, string password)
    {
        _passwords[userId] = password;
        Count(_passwordChanges, userId);
    }

    private void SendPasswordEmail(string userId)
    {
        _passwordTokens[Guid.NewGuid().ToString()] = userId;
        Count(_passwordEmails, userId);
    }

    private sealed class Device
    {
        public Device(string userId, string deviceId, string? name, DateTimeOffset registeredAt)
        {
            UserId = userId;
            DeviceId = deviceId;
            Name = name;
            RegisteredAt = registeredAt;
        }

        public string UserId { get; }

        public string DeviceId { get; }

        public string? Name { get; set; }

        public DateTimeOffset RegisteredAt { get; }

        /// <summary>The token associated with the device, returned on every registration.</summary>
        public string Token { get; } = Guid.NewGuid().ToString();

        public JsonObject Render() => new() { ["userId"] = UserId, ["deviceId"] = DeviceId, ["name"] = Name, ["registeredAt"] = Iso(RegisteredAt) };
    }
}
