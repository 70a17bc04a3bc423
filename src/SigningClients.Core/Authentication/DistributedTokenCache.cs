using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace SigningClients.Core.Authentication;

/// <summary>
/// Encrypts token cache entries at rest. ASP.NET Core Data Protection fits in two lines:
/// <code>
/// sealed class DataProtectionTokenProtector(IDataProtector p) : ITokenProtector
/// { public byte[] Protect(byte[] b) => p.Protect(b); public byte[] Unprotect(byte[] b) => p.Unprotect(b); }
/// </code>
/// </summary>
public interface ITokenProtector
{
    /// <summary>Encrypts (and authenticates) a cache entry.</summary>
    /// <param name="plaintext">The serialized entry (contains the token).</param>
    /// <returns>The protected bytes stored in the cache.</returns>
    byte[] Protect(byte[] plaintext);

    /// <summary>Decrypts a cache entry written by <see cref="Protect"/>; throws when it cannot (the entry is then ignored).</summary>
    /// <param name="protectedData">The bytes read from the cache.</param>
    /// <returns>The serialized entry.</returns>
    byte[] Unprotect(byte[] protectedData);
}

/// <summary>
/// Keeps OAuth2 tokens in an <see cref="IDistributedCache"/> shared by several instances of an application, so that
/// they make one token request per token lifetime instead of one each. Entries are encrypted through
/// <see cref="Protector"/>; one instance refreshes at a time (a short lease in the cache, see the core README).
/// </summary>
public sealed class DistributedTokenCacheOptions
{
    /// <summary>The shared cache (Redis, SQL Server, PostgreSQL…).</summary>
    public IDistributedCache? Cache { get; set; }

    /// <summary>Encrypts entries at rest. Required unless <see cref="AllowUnprotectedStorage"/> is set.</summary>
    public ITokenProtector? Protector { get; set; }

    /// <summary>
    /// Stores tokens in clear when no <see cref="Protector"/> is set. Default <see langword="false"/>: anyone who can read
    /// the cache could then call the provider as you until the token expires.
    /// </summary>
    public bool AllowUnprotectedStorage { get; set; }

    /// <summary>How long the instance that refreshes holds the refresh lease; others wait at most this long before fetching themselves. Default 30 s.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a waiting instance re-reads the cache. Default 200 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Prefix of the cache keys (the rest is a hash of token endpoint, client id, user and scope). Default <c>SigningClients:token:</c>.</summary>
    public string KeyPrefix { get; set; } = "SigningClients:token:";

    /// <summary>Validates the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public void Validate()
    {
        if (Cache is null)
        {
            throw new ArgumentException("The distributed token cache needs a Cache.", nameof(Cache));
        }

        if (Protector is null && !AllowUnprotectedStorage)
        {
            throw new ArgumentException("The distributed token cache needs a Protector (tokens are encrypted at rest); set AllowUnprotectedStorage to store them in clear.", nameof(Protector));
        }

        if (LeaseDuration <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || PollInterval > LeaseDuration)
        {
            throw new ArgumentException("LeaseDuration and PollInterval must be positive, PollInterval at most LeaseDuration.", nameof(LeaseDuration));
        }

        if (KeyPrefix is null)
        {
            throw new ArgumentException("KeyPrefix cannot be null.", nameof(KeyPrefix));
        }
    }
}

/// <summary>
/// The shared-cache side of a token source: read a fresh token, else take the refresh lease and fetch, else wait for the
/// lease holder's token. <see cref="IDistributedCache"/> has no set-if-absent, so a lease is written with a unique owner id
/// and a short absolute expiry, then read back after a short settle delay: the last writer owns it, the others wait and
/// re-read the token. The wait is bounded by the lease duration, after which an instance fetches its own token.
/// Every cache failure (unreachable, corrupt or undecryptable entry) degrades to an ordinary fetch.
/// </summary>
internal sealed class DistributedTokenCache
{
    private const byte EntryVersion = 1;
    private const byte LeaseVersion = 1;
    private readonly DistributedTokenCacheOptions _options;
    private readonly IDistributedCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _provider;
    private readonly TimeSpan _refreshMargin;

    public DistributedTokenCache(DistributedTokenCacheOptions options, string keyMaterial, TimeSpan refreshMargin, TimeProvider timeProvider, ILogger logger, string provider)
    {
        options.Validate();
        _options = options;
        _cache = options.Cache!;
        _timeProvider = timeProvider;
        _logger = logger;
        _provider = provider;
        _refreshMargin = refreshMargin;
        TokenKey = options.KeyPrefix + Hash(keyMaterial);
        LeaseKey = TokenKey + ":lease";
    }

    /// <summary>The cache key of the token entry (a hash; no id or secret in clear).</summary>
    public string TokenKey { get; }

    /// <summary>The cache key of the refresh lease.</summary>
    public string LeaseKey { get; }

    /// <summary>Returns the shared token, or fetches one (at most one instance at a time) and shares it.</summary>
    /// <param name="previous">The token this instance had; never returned again (it may have been rejected).</param>
    /// <param name="fetch">The token request.</param>
    /// <returns>The token.</returns>
    public async Task<AccessToken> GetOrFetchAsync(AccessToken? previous, Func<Task<AccessToken>> fetch)
    {
        var giveUpAt = _timeProvider.GetUtcNow() + _options.LeaseDuration + _options.PollInterval;
        string? seenOwner = null;
        while (true)
        {
            if (await ReadTokenAsync(previous).ConfigureAwait(false) is { } shared)
            {
                return shared;
            }

            var lease = await ReadLeaseAsync().ConfigureAwait(false);
            if (lease is { } held && !string.Equals(held.Owner, seenOwner, StringComparison.Ordinal))
            {
                seenOwner = held.Owner;
                // The wait is bounded per lease: a lease taken over by a new holder (the previous one died) is waited
                // for as well, each from when it is first seen and for at most one lease duration (a lease from a skewed clock).
                var holderDeadline = Min(held.ExpiresAt, _timeProvider.GetUtcNow() + _options.LeaseDuration) + _options.PollInterval;
                if (holderDeadline > giveUpAt)
                {
                    giveUpAt = holderDeadline;
                }
            }

            if (lease is null || _timeProvider.GetUtcNow() >= giveUpAt)
            {
                var owner = lease is null ? await TryAcquireLeaseAsync().ConfigureAwait(false) : null;
                if (owner is not null || lease is not null)
                {
                    // Lease holder, or the bounded wait is over (the holder vanished without its lease expiring here).
                    return await FetchAndShareAsync(owner, fetch).ConfigureAwait(false);
                }

                if (await ReadTokenAsync(previous).ConfigureAwait(false) is { } raced)
                {
                    return raced;
                }

                if (_timeProvider.GetUtcNow() >= giveUpAt)
                {
                    return await FetchAndShareAsync(null, fetch).ConfigureAwait(false);
                }
            }

            await Poller.DelayAsync(_options.PollInterval, _timeProvider, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<AccessToken> FetchAndShareAsync(string? owner, Func<Task<AccessToken>> fetch)
    {
        try
        {
            var token = await fetch().ConfigureAwait(false);
            await WriteTokenAsync(token).ConfigureAwait(false);
            return token;
        }
        finally
        {
            if (owner is not null)
            {
                await ReleaseLeaseAsync(owner).ConfigureAwait(false);
            }
        }
    }

    private async Task<AccessToken?> ReadTokenAsync(AccessToken? previous)
    {
        byte[]? stored;
        try
        {
            stored = await _cache.GetAsync(TokenKey, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Unavailable(ex);
            return null;
        }

        if (stored is null || stored.Length == 0)
        {
            return null;
        }

        AccessToken token;
        DateTimeOffset freshUntil;
        try
        {
            var plain = _options.Protector is { } protector ? protector.Unprotect(stored) : stored;
            using var reader = new BinaryReader(new MemoryStream(plain, writable: false), Encoding.UTF8);
            if (reader.ReadByte() != EntryVersion)
            {
                return null;
            }

            freshUntil = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var expiresOn = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var value = reader.ReadString();
            var refresh = reader.ReadBoolean() ? reader.ReadString() : null;
            if (!TokenValue.IsWellFormed(value) || (refresh is not null && !TokenValue.IsWellFormed(refresh)))
            {
                return null;
            }

            token = new AccessToken(value, expiresOn, refresh);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Corrupt, truncated, written with another key, or tampered with: ignored, a fresh token is fetched.
            Diagnostics.Log.TokenCacheEntryIgnored(_logger, _provider);
            return null;
        }

        if (_timeProvider.GetUtcNow() >= freshUntil || (previous is { } old && string.Equals(old.Token, token.Token, StringComparison.Ordinal)))
        {
            return null;
        }

        return token;
    }

    private async Task WriteTokenAsync(AccessToken token)
    {
        var now = _timeProvider.GetUtcNow();
        if (token.ExpiresOn <= now)
        {
            return;
        }

        // Shared until the early-refresh point (the same rule as CachingTokenSource: half the life for short tokens).
        var lifetime = token.ExpiresOn - now;
        var margin = CachingTokenSource.RefreshMarginFor(lifetime, _refreshMargin);
        var freshUntil = token.ExpiresOn == DateTimeOffset.MaxValue ? now + TokenValue.MaxLifetime : token.ExpiresOn - margin;
        var ttl = freshUntil - now;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            using var buffer = new MemoryStream();
            using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(EntryVersion);
                writer.Write(freshUntil.UtcTicks);
                writer.Write(token.ExpiresOn.UtcTicks);
                writer.Write(token.Token);
                writer.Write(token.RefreshToken is not null);
                if (token.RefreshToken is not null)
                {
                    writer.Write(token.RefreshToken);
                }
            }

            var plain = buffer.ToArray();
            var stored = _options.Protector is { } protector ? protector.Protect(plain) : plain;
            Array.Clear(plain, 0, plain.Length);
            await _cache.SetAsync(TokenKey, stored, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Unavailable(ex);
        }
    }

    private async Task<(string Owner, DateTimeOffset ExpiresAt)?> ReadLeaseAsync()
    {
        try
        {
            var stored = await _cache.GetAsync(LeaseKey, CancellationToken.None).ConfigureAwait(false);
            if (stored is null || stored.Length != 1 + 16 + 8 || stored[0] != LeaseVersion)
            {
                return null;
            }

            var owner = new byte[16];
            Buffer.BlockCopy(stored, 1, owner, 0, 16);
            var expiresAt = new DateTimeOffset(BitConverter.ToInt64(stored, 17), TimeSpan.Zero);
            if (_timeProvider.GetUtcNow() >= expiresAt)
            {
                // Left behind by an instance that crashed (or a cache that keeps entries past their expiry).
                return null;
            }

            return (new Guid(owner).ToString("N"), expiresAt);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Unavailable(ex);
            return null;
        }
    }

    private async Task<string?> TryAcquireLeaseAsync()
    {
        var owner = Guid.NewGuid();
        var lease = new byte[1 + 16 + 8];
        lease[0] = LeaseVersion;
        Buffer.BlockCopy(owner.ToByteArray(), 0, lease, 1, 16);
        Buffer.BlockCopy(BitConverter.GetBytes((_timeProvider.GetUtcNow() + _options.LeaseDuration).UtcTicks), 0, lease, 17, 8);
        try
        {
            await _cache.SetAsync(LeaseKey, lease, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _options.LeaseDuration }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No shared cache: behave as a single instance.
            Unavailable(ex);
            return owner.ToString("N");
        }

        // Instances that read "no lease" at the same moment all write one; the last write wins. Read back after a
        // settle delay long enough for the others' writes to land, so that only the last writer goes on.
        var settle = TimeSpan.FromTicks(Math.Min(_options.PollInterval.Ticks / 2, TimeSpan.FromMilliseconds(100).Ticks));
        await Poller.DelayAsync(settle, _timeProvider, CancellationToken.None).ConfigureAwait(false);
        var current = await ReadLeaseAsync().ConfigureAwait(false);
        return current is { } held && held.Owner == owner.ToString("N") ? held.Owner : null;
    }

    private async Task ReleaseLeaseAsync(string owner)
    {
        try
        {
            if (await ReadLeaseAsync().ConfigureAwait(false) is { } held && held.Owner == owner)
            {
                await _cache.RemoveAsync(LeaseKey, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Unavailable(ex);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    // Only the exception type: a cache client's message may carry its connection string.
    private void Unavailable(Exception ex) => Diagnostics.Log.TokenCacheUnavailable(_logger, _provider, ex.GetType().Name);

    private static string Hash(string material)
    {
#if NET
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
#else
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(material));
#endif
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
