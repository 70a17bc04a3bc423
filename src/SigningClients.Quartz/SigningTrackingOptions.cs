using System;

namespace SigningClients.Quartz;

/// <summary>Where the tracking jobs are kept.</summary>
public enum SigningTrackingStore
{
    /// <summary>Quartz's in-memory store: no server needed, nothing survives the process. The default.</summary>
    InMemory = 0,

    /// <summary>Quartz's ADO.NET store on PostgreSQL (Npgsql); jobs survive restarts and, clustered, fail over between nodes.</summary>
    PostgreSql = 1,
}

/// <summary>Options of <see cref="SigningTrackingServiceCollectionExtensions.AddSigningTracking(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{SigningTrackingOptions})"/>.</summary>
public sealed class SigningTrackingOptions
{
    /// <summary>The Quartz scheduler's name (shared by every node of a cluster). Default <c>SigningTracking</c>.</summary>
    public string SchedulerName { get; set; } = "SigningTracking";

    /// <summary>Where jobs are kept. Default <see cref="SigningTrackingStore.InMemory"/>.</summary>
    public SigningTrackingStore Store { get; set; } = SigningTrackingStore.InMemory;

    /// <summary>The PostgreSQL connection string (required with <see cref="SigningTrackingStore.PostgreSql"/>; never logged).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Quartz table prefix. Default <c>qrtz_</c> (the prefix of the shipped <c>Sql/tables_postgres.sql</c>).</summary>
    public string TablePrefix { get; set; } = "qrtz_";

    /// <summary>Whether the PostgreSQL store runs clustered (every node sharing the database). Default <see langword="true"/>.</summary>
    public bool Clustered { get; set; } = true;

    /// <summary>Whether the store creates missing Quartz tables at start. Default <see langword="false"/>: create them with <c>Sql/tables_postgres.sql</c>.</summary>
    public bool CreateSchemaIfMissing { get; set; }

    /// <summary>How often a clustered node records that it is alive. Default 7.5 s (Quartz's default).</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>
    /// How often each node of the PostgreSQL store looks for tracking jobs left without a trigger and without a
    /// firing (a node killed at the wrong moment can leave one so) and gives them their poll trigger back.
    /// <see cref="TimeSpan.Zero"/> turns the sweep off. Default 1 min. Ignored by the in-memory store.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many tracking jobs one node runs at once. Default 10.</summary>
    public int MaxConcurrency { get; set; } = 10;

    /// <summary>The shortest wait between two polls of one operation. Default 1 s.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls of one operation (the provider's suggestion and deadline are honoured below it). Default 5 min.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first wait after a failed poll, download or sink call; doubled per consecutive failure up to <see cref="MaxRetryDelay"/>. Default 2 s.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between retries. Default 5 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Consecutive download failures after which the operation is given up (reported with <see cref="SigningTrackingEventKind.DownloadFailed"/>, not retried). Default 20.</summary>
    public int MaxDownloadAttempts { get; set; } = 20;

    /// <summary>Consecutive sink failures after which the operation is given up (reported, the documents kept in the job until <see cref="ISigningTracker.TriggerNowAsync"/>). 0 = never give up. Default 0.</summary>
    public int MaxSinkAttempts { get; set; }

    /// <summary>
    /// Whether a confirmed provider change (an <see cref="SigningClients.Core.Signing.ISigningChangeListener"/> call, e.g. a
    /// callback received through <c>SigningClients.AspNetCore</c>) runs the operation's job at once instead of at its
    /// next poll. Default <see langword="true"/>.
    /// </summary>
    public bool TriggerOnProviderChanges { get; set; } = true;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(SchedulerName))
        {
            throw new ArgumentException("SigningTrackingOptions.SchedulerName is required.");
        }

        if (Store == SigningTrackingStore.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("SigningTrackingOptions.ConnectionString is required with the PostgreSql store.");
        }

        if (MinPollInterval <= TimeSpan.Zero || MaxPollInterval < MinPollInterval)
        {
            throw new ArgumentException("SigningTrackingOptions.MinPollInterval must be positive and not above MaxPollInterval.");
        }

        if (InitialRetryDelay <= TimeSpan.Zero || MaxRetryDelay < InitialRetryDelay)
        {
            throw new ArgumentException("SigningTrackingOptions.InitialRetryDelay must be positive and not above MaxRetryDelay.");
        }

        if (SweepInterval < TimeSpan.Zero)
        {
            throw new ArgumentException("SigningTrackingOptions.SweepInterval must not be negative.");
        }

        if (MaxConcurrency < 1 || MaxDownloadAttempts < 1 || MaxSinkAttempts < 0)
        {
            throw new ArgumentException("SigningTrackingOptions.MaxConcurrency and MaxDownloadAttempts must be at least 1, MaxSinkAttempts at least 0.");
        }
    }

    internal TimeSpan RetryDelay(int attempt)
    {
        var ticks = InitialRetryDelay.Ticks * Math.Pow(2, Math.Min(30, Math.Max(0, attempt - 1)));
        return ticks >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    internal TimeSpan ClampPoll(TimeSpan delay) => delay < MinPollInterval ? MinPollInterval : delay > MaxPollInterval ? MaxPollInterval : delay;
}
