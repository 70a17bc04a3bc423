using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Quartz;

namespace SigningClients.Quartz;

/// <summary>
/// The safety net of the PostgreSQL store: every <see cref="SigningTrackingOptions.SweepInterval"/> it finds tracking
/// jobs that have no trigger and no firing anywhere in the cluster (a node killed at the wrong moment can leave one
/// so: its run's trigger consumed by the recovery, the run itself lost) and that were not parked on purpose, and gives
/// each its poll trigger back. The job's next run then finishes what the lost run started; a sink that was called by
/// the lost run is called again with the same idempotency key.
/// </summary>
internal sealed partial class SigningTrackingSweeper : IHostedService, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly SigningTrackingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public SigningTrackingSweeper(IServiceProvider services, SigningTrackingOptions options, TimeProvider? time = null, ILogger<SigningTrackingSweeper>? logger = null)
    {
        _services = services;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Store == SigningTrackingStore.PostgreSql && _options.SweepInterval > TimeSpan.Zero)
        {
            _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(_options.SweepInterval, _time, cancellationToken).ConfigureAwait(false);
            try
            {
                await SweepAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogSweepFailed(_logger, ex.GetType().Name);
            }
        }
    }

    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var scheduler = _services.GetKeyedService<ISchedulerFactory>(_options.SchedulerName) is { } factory ? await factory.GetScheduler(cancellationToken).ConfigureAwait(false) : null;
        if (scheduler is null || scheduler.Status != SchedulerStatus.Running)
        {
            return 0;
        }

        var prefix = _options.TablePrefix;
        var sql =
            "select j.job_name from " + prefix + "job_details j where j.sched_name = @s and j.job_group = @g " +
            "and not exists (select 1 from " + prefix + "triggers t where t.sched_name = j.sched_name and t.job_name = j.job_name and t.job_group = j.job_group) " +
            "and not exists (select 1 from " + prefix + "fired_triggers f where f.sched_name = j.sched_name and f.job_name = j.job_name and f.job_group = j.job_group)";
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(_options.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("s", _options.SchedulerName);
            command.Parameters.AddWithValue("g", SigningTrackingJob.Group);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }
        }

        var rearmed = 0;
        foreach (var name in names)
        {
            var jobKey = new JobKey(name, SigningTrackingJob.Group);
            var job = await scheduler.GetJobDetail(jobKey, cancellationToken).ConfigureAwait(false);
            if (job is null || SigningTrackingJob.IsParked(job.JobDataMap))
            {
                continue; // gone meanwhile, or given up on purpose (waits for TriggerNowAsync)
            }

            // Keep: a trigger given meanwhile (by the job's own run or another node's sweep) wins.
            await scheduler.ScheduleTrigger(SigningTrackingJob.PollTrigger(jobKey, _time.GetUtcNow(), _options.MinPollInterval), TriggerConflict.Keep, cancellationToken).ConfigureAwait(false);
            rearmed++;
            LogRearmed(_logger, name);
        }

        return rearmed;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Signing tracking job {OperationKey} had no trigger and no firing; its poll trigger was restored.")]
    private static partial void LogRearmed(ILogger logger, string operationKey);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "The signing tracking sweep failed with {ExceptionType}; retried at the next sweep.")]
    private static partial void LogSweepFailed(ILogger logger, string exceptionType);
}
