using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;

namespace SigningClients.Quartz;

/// <summary>
/// The Quartz job that tracks one operation: each run polls once, reschedules itself at the provider's pace, and on
/// completion downloads the documents, keeps them in its job data and hands them to the sink; it deletes itself only
/// after the sink returned. Never two runs of one operation at once, anywhere in the cluster.
/// </summary>
/// <remarks>
/// A scheduler that is shutting down refuses every call from the jobs it is still running (Quartz 4: "The Scheduler
/// has been Shutdown"), so a run must never depend on a scheduler call to keep its operation alive or to end it.
/// Its lifecycle is therefore carried by the trigger's shape and the job data, both of which the job store records
/// when the run completes, shutdown or not: the poll trigger repeats (at the interval of the last reschedule), so a
/// run whose reschedule was refused is simply fired again later, on whichever node; and a run that ended the tracking
/// (delivered, ended unsigned, abandoned) records that in the job data before deleting the job, so when the deletion
/// is refused the next run only deletes the job, without calling the sink or the provider again.
/// </remarks>
[DisallowConcurrentExecution]
[PersistJobDataAfterExecution]
internal sealed partial class SigningTrackingJob : IJob
{
    internal const string Group = "signing-tracking";
    internal const string TokenKey = "token";
    private const string PollFailuresKey = "pollFailures";
    private const string DownloadFailuresKey = "downloadFailures";
    private const string SinkAttemptsKey = "sinkAttempts";
    private const string OutcomeStateKey = "outcome.state";
    private const string OutcomeStatusKey = "outcome.status";
    private const string DocumentCountKey = "doc.count";
    private const string EndedKey = "ended";
    private const string ParkedKey = "parked";

    private readonly ISigningProviderResolver _resolver;
    private readonly ISignedDocumentSink _sink;
    private readonly IEnumerable<ISigningTrackingObserver> _observers;
    private readonly SigningTrackingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SigningTrackingJob(ISigningProviderResolver resolver, ISignedDocumentSink sink, IEnumerable<ISigningTrackingObserver> observers, SigningTrackingOptions options, TimeProvider? time = null, ILogger<SigningTrackingJob>? logger = null)
    {
        _resolver = resolver;
        _sink = sink;
        _observers = observers;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    internal static string KeyOf(OperationRehydrationToken token) => RegistrationOf(token) + "/" + token.Id;

    internal static string RegistrationOf(OperationRehydrationToken token) =>
        token.Ids.TryGetValue(SigningProviderResolver.RegistrationIdName, out var registration) ? registration : token.Provider;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var map = context.JobDetail.JobDataMap;
        var jobKey = context.JobDetail.Key;
        if (Get(map, EndedKey) is not null)
        {
            // Tracking ended in an earlier run whose deletion of the job was refused (its node was shutting down).
            await DeleteAsync(context).ConfigureAwait(false);
            return;
        }

        if (Get(map, ParkedKey) is not null)
        {
            if (context.Trigger.Key.Equals(TriggerKeyOf(jobKey)))
            {
                // Given up on the sink in an earlier run whose unscheduling was refused: only TriggerNowAsync resumes.
                await UnscheduleAsync(context).ConfigureAwait(false);
                return;
            }

            map.Remove(ParkedKey);
        }

        OperationRehydrationToken token;
        ISigningProvider provider;
        try
        {
            token = OperationRehydrationToken.Parse(Get(map, TokenKey) ?? string.Empty);
            provider = _resolver.GetProvider(RegistrationOf(token));
        }
        catch (ArgumentException ex)
        {
            await EndAsync(context, new SigningTrackingEvent(SigningTrackingEventKind.Abandoned, jobKey.Name, null, 1, false, ex), cancellationToken).ConfigureAwait(false);
            return;
        }

        var key = KeyOf(token);
        SigningOutcome outcome;
        List<SignedDocumentContent> documents;
        if (Get(map, DocumentCountKey) is null)
        {
            var operation = provider.RehydrateSigning(token);
            OperationUpdate update;
            try
            {
                update = await operation.UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var failures = Increment(map, PollFailuresKey);
                await NotifyAsync(new SigningTrackingEvent(SigningTrackingEventKind.PollFailed, key, null, failures, true, ex), cancellationToken).ConfigureAwait(false);
                await RescheduleAsync(context, _options.RetryDelay(failures), cancellationToken).ConfigureAwait(false);
                return;
            }

            map[PollFailuresKey] = "0";
            map[TokenKey] = operation.RehydrationToken.ToJson();
            if (!update.HasCompleted)
            {
                await RescheduleAsync(context, _options.ClampPoll(update.SuggestedDelay), cancellationToken).ConfigureAwait(false);
                return;
            }

            outcome = operation.Value;
            if (!outcome.IsSigned)
            {
                await EndAsync(context, new SigningTrackingEvent(SigningTrackingEventKind.EndedUnsigned, key, outcome, 1, false, null), cancellationToken).ConfigureAwait(false);
                return;
            }

            documents = new List<SignedDocumentContent>();
            if (provider.Capabilities.DocumentDownload)
            {
                try
                {
                    foreach (var document in outcome.Documents)
                    {
                        using var buffer = new MemoryStream();
                        await provider.DownloadSignedDocumentAsync(outcome, document, buffer, cancellationToken).ConfigureAwait(false);
                        documents.Add(new SignedDocumentContent(document, buffer.ToArray()));
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    var failures = Increment(map, DownloadFailuresKey);
                    var retry = failures < _options.MaxDownloadAttempts;
                    var failed = new SigningTrackingEvent(SigningTrackingEventKind.DownloadFailed, key, outcome, failures, retry, ex);
                    if (retry)
                    {
                        await NotifyAsync(failed, cancellationToken).ConfigureAwait(false);
                        await RescheduleAsync(context, _options.RetryDelay(failures), cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await EndAsync(context, failed, cancellationToken).ConfigureAwait(false);
                    }

                    return;
                }
            }

            // Keep the verified documents with the job: a sink failure or a crash from here on never needs the
            // provider again (Signant deletes the posting minutes after completion).
            Save(map, outcome, documents);
        }
        else
        {
            (outcome, documents) = Load(map, token);
        }

        var attempt = Increment(map, SinkAttemptsKey);
        try
        {
            await _sink.StoreAsync(new SignedDelivery(key, outcome, documents, attempt), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var retry = _options.MaxSinkAttempts == 0 || attempt < _options.MaxSinkAttempts;
            await NotifyAsync(new SigningTrackingEvent(SigningTrackingEventKind.SinkFailed, key, outcome, attempt, retry, ex), cancellationToken).ConfigureAwait(false);
            if (retry)
            {
                await RescheduleAsync(context, _options.RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Given up but not dropped: the job keeps the documents (durable, no trigger) until TriggerNowAsync.
                map[SinkAttemptsKey] = "0";
                map[ParkedKey] = "1";
                await UnscheduleAsync(context).ConfigureAwait(false);
            }

            return;
        }

        await EndAsync(context, new SigningTrackingEvent(SigningTrackingEventKind.Delivered, key, outcome, attempt, false, null), cancellationToken).ConfigureAwait(false);
    }

    internal static TriggerKey TriggerKeyOf(JobKey jobKey) => new(jobKey.Name, Group);

    /// <summary>
    /// The poll trigger: first at <paramref name="at"/>, then every <paramref name="interval"/> until a run replaces
    /// it, so a run whose reschedule a shutting-down scheduler refused is fired again, never stranded.
    /// </summary>
    internal static ITrigger PollTrigger(JobKey jobKey, DateTimeOffset at, TimeSpan interval) =>
        TriggerBuilder.Create()
            .WithIdentity(TriggerKeyOf(jobKey))
            .ForJob(jobKey)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount))
            .Build();

    internal static bool IsParked(JobDataMap map) => Get(map, ParkedKey) is not null;

    private static bool IsShuttingDown(IJobExecutionContext context) => context.Scheduler.Status >= SchedulerStatus.ShuttingDown;

    private async Task RescheduleAsync(IJobExecutionContext context, TimeSpan delay, CancellationToken cancellationToken)
    {
        // Same trigger key: a reschedule replaces the pending poll. Refused while the node shuts down: the current
        // trigger repeats, so the next poll happens after its interval on whichever node runs it.
        if (IsShuttingDown(context))
        {
            return;
        }

        var at = _time.GetUtcNow() + delay;
        try
        {
            await context.Scheduler.ScheduleTrigger(PollTrigger(context.JobDetail.Key, at, delay), TriggerConflict.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulerException) when (IsShuttingDown(context))
        {
        }
    }

    private static async Task UnscheduleAsync(IJobExecutionContext context)
    {
        if (IsShuttingDown(context))
        {
            return; // the parked mark (persisted with the job data) makes the next poll run unschedule it
        }

        try
        {
            await context.Scheduler.UnscheduleJob(TriggerKeyOf(context.JobDetail.Key), CancellationToken.None).ConfigureAwait(false);
        }
        catch (SchedulerException) when (IsShuttingDown(context))
        {
        }
    }

    private static async Task DeleteAsync(IJobExecutionContext context)
    {
        // Not cancellable, and refused only while the node shuts down: the ended mark (persisted with the job data)
        // makes the job's next run, on whichever node, finish the deletion.
        if (IsShuttingDown(context))
        {
            return;
        }

        try
        {
            await context.Scheduler.DeleteJob(context.JobDetail.Key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SchedulerException) when (IsShuttingDown(context))
        {
        }
    }

    private async Task EndAsync(IJobExecutionContext context, SigningTrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        // Record the end first: if the deletion below is refused, the job data (documents dropped, end recorded) is
        // what the store keeps, and the next run deletes the job without calling the sink again.
        var map = context.JobDetail.JobDataMap;
        map[EndedKey] = trackingEvent.Kind.ToString();
        ForgetDocuments(map);
        await DeleteAsync(context).ConfigureAwait(false);
        await NotifyAsync(trackingEvent, cancellationToken).ConfigureAwait(false);
    }

    private async Task NotifyAsync(SigningTrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        if (trackingEvent.Exception is not null || trackingEvent.Kind is SigningTrackingEventKind.Abandoned)
        {
            LogTrackingEvent(_logger, trackingEvent.Kind, trackingEvent.OperationKey, trackingEvent.Attempt, trackingEvent.WillRetry, trackingEvent.Exception?.GetType().Name);
        }

        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnEventAsync(trackingEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogObserverFailed(_logger, observer.GetType().Name, ex.GetType().Name);
            }
        }
    }

    private static string? Get(JobDataMap map, string name) => map.TryGetValue(name, out var value) ? value as string : null;

    private static int Increment(JobDataMap map, string name)
    {
        var value = int.TryParse(Get(map, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        map[name] = value.ToString(CultureInfo.InvariantCulture);
        return value;
    }

    private static void Save(JobDataMap map, SigningOutcome outcome, List<SignedDocumentContent> documents)
    {
        map[OutcomeStateKey] = outcome.State.ToString();
        map[OutcomeStatusKey] = outcome.ProviderStatus ?? string.Empty;
        for (var i = 0; i < documents.Count; i++)
        {
            map["doc." + i + ".id"] = documents[i].Info.Id;
            map["doc." + i + ".name"] = documents[i].Info.FileName ?? string.Empty;
            map["doc." + i + ".data"] = Convert.ToBase64String(documents[i].Content.ToArray());
        }

        // Outcome documents beyond the downloaded ones (none when the provider has no download) are kept as names.
        map[DocumentCountKey] = documents.Count.ToString(CultureInfo.InvariantCulture);
    }

    private static void ForgetDocuments(JobDataMap map)
    {
        if (int.TryParse(Get(map, DocumentCountKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
        {
            for (var i = 0; i < count; i++)
            {
                map.Remove("doc." + i + ".data");
            }
        }
    }

    private static (SigningOutcome Outcome, List<SignedDocumentContent> Documents) Load(JobDataMap map, OperationRehydrationToken token)
    {
        var count = int.Parse(Get(map, DocumentCountKey)!, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var documents = new List<SignedDocumentContent>(count);
        var infos = new List<SignedDocumentInfo>(count);
        for (var i = 0; i < count; i++)
        {
            var name = Get(map, "doc." + i + ".name");
            var info = new SignedDocumentInfo(Get(map, "doc." + i + ".id")!, string.IsNullOrEmpty(name) ? null : name);
            infos.Add(info);
            documents.Add(new SignedDocumentContent(info, Convert.FromBase64String(Get(map, "doc." + i + ".data")!)));
        }

        var state = Enum.TryParse<SigningState>(Get(map, OutcomeStateKey), out var s) ? s : SigningState.Completed;
        var status = Get(map, OutcomeStatusKey);
        return (new SigningOutcome(token.Provider, token.Id, state, string.IsNullOrEmpty(status) ? null : status, infos), documents);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Signing tracking {Kind} for {OperationKey} (attempt {Attempt}, will retry: {WillRetry}): {ExceptionType}")]
    private static partial void LogTrackingEvent(ILogger logger, SigningTrackingEventKind kind, string operationKey, int attempt, bool willRetry, string? exceptionType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "A signing tracking observer {Observer} threw {ExceptionType}; ignored.")]
    private static partial void LogObserverFailed(ILogger logger, string observer, string exceptionType);
}
