using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using SigningClients.Testing.Simulation;

namespace SigningClients.Testing.SigningToday;

/// <summary>
/// Signing Today v2 without HTTP: the DST life cycle (<c>SigningTodayState.Dsts.cs</c>), accounts, tokens and devices
/// (<c>SigningTodayState.Accounts.cs</c>) and the content around DSTs — notes, resources, groups, identities
/// (<c>SigningTodayState.Content.cs</c>). One lock (<see cref="SimulatorState"/>); the routes parse, call a member
/// here and render what it returns. DSTs, users and resources keep the client's JSON as their content; their life
/// cycle (status, enabled, expiry) is typed.
/// </summary>
internal sealed partial class SigningTodayState : SimulatorState
{
    private readonly SigningTodaySimulatorOptions _options;
    private readonly Func<Uri> _baseAddress;
    private readonly Dictionary<string, StoredResource> _resources = new(StringComparer.Ordinal);

    public SigningTodayState(SigningTodaySimulatorOptions options, TimeProvider timeProvider, Func<Uri> baseAddress)
        : base(timeProvider)
    {
        _options = options;
        _baseAddress = baseAddress;
        AdminUserId = NewUser(options.AdminUsername, "admin", "Ada", "Admin", "admin@" + options.Domain + ".example", options.AdminPassword, automatic: false);
        SignerUserId = NewUser(options.SignerUsername, "signer", "John", "Doe", "jdo@" + options.Domain + ".example", options.SignerPassword, automatic: false);
        RobotUserId = NewUser("robot", "instructor", "Robot", "Service", "robot@" + options.Domain + ".example", null, automatic: true);
        _robotTokens[options.RobotToken] = RobotUserId;
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

    public string AdminUserId { get; }

    public string SignerUserId { get; }

    public string RobotUserId { get; }

    public int ResourceCount => Read(() => _resources.Count);

    public byte[]? ResourceBytes(string resourceId) => Read(() => _resources.TryGetValue(resourceId, out var resource) ? resource.Bytes : null);

    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string StoreResource(string? dstId, string fileName, string? title, string type, string mimeType, byte[] bytes)
    {
        var id = Guid.NewGuid().ToString();
        var meta = new JsonObject
        {
            ["id"] = id,
            ["domain"] = _options.Domain,
            ["type"] = type,
            ["dstUuid"] = dstId,
            ["title"] = title,
            ["filename"] = fileName,
            ["size"] = bytes.LongLength,
            ["createdAt"] = Iso(Now),
            ["mimetype"] = mimeType,
            ["pages"] = 1,
        };
        _resources[id] = new StoredResource(meta, bytes);
        return id;
    }

    /// <summary>A stored file: its metadata (as the API shows it) and its bytes.</summary>
    internal sealed record StoredResource(JsonObject Meta, byte[] Bytes)
    {
        public string ContentType => (string?)Meta["mimetype"] ?? "application/octet-stream";

        public string? FileName => (string?)Meta["filename"];
    }

    /// <summary>A resource's bytes with its metadata, copied for a download.</summary>
    internal sealed record Download(byte[] Bytes, string ContentType, string? FileName);

    private static Download ToDownload(StoredResource resource) => new(resource.Bytes, resource.ContentType, resource.FileName);

    private IEnumerable<StoredResource> ResourcesOf(ICollection<string?> dstIds) => _resources.Values.Where(r => dstIds.Contains((string?)r.Meta["dstUuid"]));
}
