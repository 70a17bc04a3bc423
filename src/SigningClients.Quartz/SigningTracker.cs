using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;

namespace SigningClients.Quartz;

/// <summary>Tracks pending signing operations until their signed documents reach the <see cref="ISignedDocumentSink"/>.</summary>
public interface ISigningTracker
{
    /// <summary>Starts tracking an operation: one durable job, persisted with the operation's rehydration token.</summary>
    /// <param name="operation">The operation (from <see cref="ISigningProvider.StartSigningAsync"/> or rebuilt from its token).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when tracking started; <see langword="false"/> when the operation was already tracked.</returns>
    Task<bool> TrackAsync(SigningOperation operation, CancellationToken cancellationToken = default);

    /// <summary>Starts tracking the operation a rehydration token describes.</summary>
    /// <param name="token">The token (its provider must be registered with the <see cref="ISigningProviderResolver"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when tracking started; <see langword="false"/> when the operation was already tracked.</returns>
    Task<bool> TrackAsync(OperationRehydrationToken token, CancellationToken cancellationToken = default);

    /// <summary>Polls a tracked operation now instead of at its next poll time (e.g. when a provider callback arrived).</summary>
    /// <param name="provider">The provider registration name (as in the token; e.g. <c>Signant</c>).</param>
    /// <param name="operationId">The operation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the operation is tracked and was triggered; <see langword="false"/> when it is not tracked.</returns>
    Task<bool> TriggerNowAsync(string provider, string operationId, CancellationToken cancellationToken = default);

    /// <summary>Whether an operation is still tracked (its documents have not reached the sink yet).</summary>
    /// <param name="provider">The provider registration name.</param>
    /// <param name="operationId">The operation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> while the operation is tracked.</returns>
    Task<bool> IsTrackedAsync(string provider, string operationId, CancellationToken cancellationToken = default);

    /// <summary>Stops tracking an operation (its documents, if downloaded but not delivered, are discarded).</summary>
    /// <param name="provider">The provider registration name.</param>
    /// <param name="operationId">The operation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when a tracked operation was removed.</returns>
    Task<bool> StopTrackingAsync(string provider, string operationId, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="ISigningTracker"/> over the Quartz scheduler registered by <c>AddSigningTracking</c>.</summary>
internal sealed class SigningTracker : ISigningTracker
{
    private readonly IServiceProvider _services;
    private readonly ISigningProviderResolver _resolver;
    private readonly SigningTrackingOptions _options;
    private readonly TimeProvider _time;

    public SigningTracker(IServiceProvider services, ISigningProviderResolver resolver, SigningTrackingOptions options, TimeProvider? time = null)
    {
        _services = services;
        _resolver = resolver;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    public Task<bool> TrackAsync(SigningOperation operation, CancellationToken cancellationToken = default)
    {
        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        return TrackAsync(operation.RehydrationToken, cancellationToken);
    }

    public async Task<bool> TrackAsync(OperationRehydrationToken token, CancellationToken cancellationToken = default)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        // Refuse a token no registered provider can rebuild before anything is stored.
        _ = _resolver.GetProvider(SigningTrackingJob.RegistrationOf(token));
        var jobKey = new JobKey(SigningTrackingJob.KeyOf(token), SigningTrackingJob.Group);
        var job = JobBuilder.Create<SigningTrackingJob>()
            .WithIdentity(jobKey)
            .StoreDurably()
            .RequestRecovery()
            .UsingJobData(SigningTrackingJob.TokenKey, token.ToJson())
            .Build();
        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await scheduler.ScheduleJob(job, SigningTrackingJob.PollTrigger(jobKey, _time.GetUtcNow(), _options.MinPollInterval), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }

    public async Task<bool> TriggerNowAsync(string provider, string operationId, CancellationToken cancellationToken = default)
    {
        var jobKey = KeyOf(provider, operationId);
        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        if (!await ExistsAsync(scheduler, jobKey, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await scheduler.TriggerJob(jobKey, null, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (JobPersistenceException)
        {
            // Completed (and deleted itself) between the check and the trigger.
            if (!await ExistsAsync(scheduler, jobKey, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            throw;
        }
    }

    public async Task<bool> IsTrackedAsync(string provider, string operationId, CancellationToken cancellationToken = default)
    {
        var jobKey = KeyOf(provider, operationId);
        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        return await ExistsAsync(scheduler, jobKey, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> StopTrackingAsync(string provider, string operationId, CancellationToken cancellationToken = default)
    {
        var jobKey = KeyOf(provider, operationId);
        var scheduler = await SchedulerAsync(cancellationToken).ConfigureAwait(false);
        return await scheduler.DeleteJob(jobKey, cancellationToken).ConfigureAwait(false);
    }

    private static JobKey KeyOf(string provider, string operationId)
    {
        if (string.IsNullOrWhiteSpace(provider))
        {
            throw new ArgumentException("A provider name is required.", nameof(provider));
        }

        if (string.IsNullOrWhiteSpace(operationId))
        {
            throw new ArgumentException("An operation id is required.", nameof(operationId));
        }

        return new JobKey(provider + "/" + operationId, SigningTrackingJob.Group);
    }

    private static async Task<bool> ExistsAsync(IScheduler scheduler, JobKey jobKey, CancellationToken cancellationToken) =>
        await scheduler.GetJobDetail(jobKey, cancellationToken).ConfigureAwait(false) is not null;

    private async Task<IScheduler> SchedulerAsync(CancellationToken cancellationToken) =>
        _services.GetKeyedService<IScheduler>(_options.SchedulerName)
        ?? (_services.GetKeyedService<ISchedulerFactory>(_options.SchedulerName) is { } factory ? await factory.GetScheduler(cancellationToken).ConfigureAwait(false) : null)
        ?? throw new InvalidOperationException("The signing tracking scheduler '" + _options.SchedulerName + "' is not running; start the host (AddSigningTracking registers it with the Quartz hosted service).");
}
