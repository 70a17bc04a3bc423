using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Npgsql;

namespace SigningClients.Quartz.Tests;

/// <summary>
/// A small <see cref="IDistributedCache"/> on PostgreSQL (no served package provides one): a table of key, value and
/// absolute expiry; reads ignore expired rows; writes are upserts. Sliding expiration is not supported (the token
/// cache uses absolute expiry only).
/// </summary>
internal sealed class PostgresDistributedCache : IDistributedCache
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;

    private PostgresDistributedCache(NpgsqlDataSource dataSource, string table)
    {
        _dataSource = dataSource;
        _table = table;
    }

    /// <summary>Opens the cache, creating its table if needed.</summary>
    public static async Task<PostgresDistributedCache> OpenAsync(NpgsqlDataSource dataSource, string table = "distributed_cache")
    {
        await using var command = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS " + table + " (key text PRIMARY KEY, value bytea NOT NULL, expires_at timestamptz NOT NULL)");
        await command.ExecuteNonQueryAsync();
        return new PostgresDistributedCache(dataSource, table);
    }

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT value FROM " + _table + " WHERE key = $1 AND expires_at > now()");
        command.Parameters.AddWithValue(key);
        return await command.ExecuteScalarAsync(token) as byte[];
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM " + _table + " WHERE key = $1");
        command.Parameters.AddWithValue(key);
        await command.ExecuteNonQueryAsync(token);
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (options.SlidingExpiration is not null)
        {
            throw new NotSupportedException("Sliding expiration is not supported by this test cache.");
        }

        var expires = options.AbsoluteExpiration ?? DateTimeOffset.UtcNow + (options.AbsoluteExpirationRelativeToNow ?? TimeSpan.FromMinutes(20));
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO " + _table + " (key, value, expires_at) VALUES ($1, $2, $3) " +
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at");
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(value);
        command.Parameters.AddWithValue(expires.UtcDateTime);
        await command.ExecuteNonQueryAsync(token);
    }
}
