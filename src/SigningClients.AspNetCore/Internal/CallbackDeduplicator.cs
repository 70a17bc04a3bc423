using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace SigningClients.AspNetCore.Internal;

/// <summary>
/// Remembers handled events in <see cref="IDistributedCache"/> (shared by every instance) and serializes deliveries of
/// one event inside this process, so concurrent redeliveries to one instance run the handler once.
/// </summary>
internal sealed class CallbackDeduplicator
{
    private static readonly byte[] Handled = { 1 };
    private readonly IDistributedCache _cache;
    private readonly SigningCallbackOptions _options;
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public CallbackDeduplicator(IDistributedCache cache, IOptions<SigningCallbackOptions> options)
    {
        _cache = cache;
        _options = options.Value;
    }

    public async Task<Entry> EnterAsync(string eventKey, CancellationToken cancellationToken)
    {
        var key = _options.CacheKeyPrefix + Hash(eventKey);
        Gate gate;
        while (true)
        {
            gate = _gates.GetOrAdd(key, _ => new Gate());
            lock (gate)
            {
                if (!gate.Retired)
                {
                    gate.Users++;
                    break;
                }
            }
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, gate);
            throw;
        }

        return new Entry(this, key, gate);
    }

    private static string Hash(string value)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return Convert.ToHexString(bytes);
    }

    private void Leave(string key, Gate gate)
    {
        lock (gate)
        {
            if (--gate.Users == 0)
            {
                gate.Retired = true;
                _gates.TryRemove(new System.Collections.Generic.KeyValuePair<string, Gate>(key, gate));
            }
        }
    }

    internal sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }

        public bool Retired { get; set; }
    }

    internal sealed class Entry : IAsyncDisposable
    {
        private readonly CallbackDeduplicator _owner;
        private readonly string _key;
        private readonly Gate _gate;

        public Entry(CallbackDeduplicator owner, string key, Gate gate)
        {
            _owner = owner;
            _key = key;
            _gate = gate;
        }

        public async Task<bool> WasHandledAsync(CancellationToken cancellationToken) =>
            await _owner._cache.GetAsync(_key, cancellationToken).ConfigureAwait(false) is not null;

        public Task MarkHandledAsync(CancellationToken cancellationToken) =>
            _owner._cache.SetAsync(_key, Handled, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = _owner._options.DeduplicationWindow }, cancellationToken);

        public ValueTask DisposeAsync()
        {
            _gate.Semaphore.Release();
            _owner.Leave(_key, _gate);
            return default;
        }
    }
}
