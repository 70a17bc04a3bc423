using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SigningClients.Core.Authentication;

namespace SigningClients.TestSupport;

/// <summary>
/// An <see cref="IDistributedCache"/> that remembers every key and value written to an inner cache (by default an
/// in-memory <see cref="MemoryDistributedCache"/> shared by every client under test), so tests can look at what was
/// stored and tamper with it.
/// </summary>
public sealed class RecordingDistributedCache : IDistributedCache
{
    private readonly IDistributedCache _inner;
    private readonly ConcurrentDictionary<string, byte[]> _written = new(StringComparer.Ordinal);

    /// <summary>Wraps <paramref name="inner"/>, or a new in-memory cache.</summary>
    public RecordingDistributedCache(IDistributedCache? inner = null) =>
        _inner = inner ?? new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));

    /// <summary>Every key written so far, with the last value written.</summary>
    public IReadOnlyDictionary<string, byte[]> Written => _written;

    /// <summary>The keys of token entries (not leases) written so far.</summary>
    public IReadOnlyList<string> TokenKeys => _written.Keys.Where(k => !k.EndsWith(":lease", StringComparison.Ordinal)).ToList();

    /// <summary>The number of Set calls.</summary>
    public int SetCount => _sets;

    private int _sets;

    /// <inheritdoc />
    public byte[]? Get(string key) => _inner.Get(key);

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

    /// <inheritdoc />
    public void Refresh(string key) => _inner.Refresh(key);

    /// <inheritdoc />
    public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

    /// <inheritdoc />
    public void Remove(string key) => _inner.Remove(key);

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        Record(key, value);
        _inner.Set(key, value, options);
    }

    /// <inheritdoc />
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Record(key, value);
        return _inner.SetAsync(key, value, options, token);
    }

    /// <summary>Overwrites <paramref name="key"/> behind the clients' back (a corrupt or foreign entry).</summary>
    public Task OverwriteAsync(string key, byte[] value) =>
        _inner.SetAsync(key, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });

    private void Record(string key, byte[] value)
    {
        Interlocked.Increment(ref _sets);
        _written[key] = (byte[])value.Clone();
    }
}

/// <summary>A test <see cref="ITokenProtector"/>: a keyed XOR stream with an HMAC tag, so a wrong key or a tampered entry fails to unprotect (not real encryption; tests only).</summary>
public sealed class TestTokenProtector : ITokenProtector
{
    private readonly byte[] _key;

    /// <summary>Creates a protector with the given key.</summary>
    public TestTokenProtector(string key = "test-key") => _key = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));

    /// <summary>How many entries were protected.</summary>
    public int ProtectCount => _protects;

    private int _protects;

    /// <inheritdoc />
    public byte[] Protect(byte[] plaintext)
    {
        Interlocked.Increment(ref _protects);
        var body = Xor(plaintext);
        var tag = HMACSHA256.HashData(_key, body);
        return tag.Concat(body).ToArray();
    }

    /// <inheritdoc />
    public byte[] Unprotect(byte[] protectedData)
    {
        if (protectedData.Length < 32)
        {
            throw new CryptographicException("Too short.");
        }

        var body = protectedData.AsSpan(32).ToArray();
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, body), protectedData.AsSpan(0, 32)))
        {
            throw new CryptographicException("The entry was not protected with this key.");
        }

        return Xor(body);
    }

    private byte[] Xor(byte[] data)
    {
        var result = new byte[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            result[i] = (byte)(data[i] ^ _key[i % _key.Length] ^ (byte)i);
        }

        return result;
    }
}
