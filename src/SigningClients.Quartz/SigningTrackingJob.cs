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
                await context.Scheduler.UnscheduleJob(TriggerKeyOf(jobKey), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await EndAsync(context, new SigningTrackingEvent(SigningTrackingEventKind.Delivered, key, outcome, attempt, false, null), cancellationToken).ConfigureAwait(false);
    }

    internal static TriggerKey TriggerKeyOf(JobKey jobKey) => new(jobKey.Name, Group);

    internal static ITrigger PollTrigger(JobKey jobKey, DateTimeOffset at) =>
        TriggerBuilder.Create().WithIdentity(TriggerKeyOf(jobKey)).ForJob(jobKey).StartAt(at).Build();

    private async Task RescheduleAsync(IJobExecutionContext context, TimeSpan delay, CancellationToken cancellationToken)
    {
        // Same trigger key: a reschedule replaces the pending poll (Quartz keeps a trigger rescheduled during its own run).
        var at = _time.GetUtcNow() + delay;
        await context.Scheduler.ScheduleTrigger(PollTrigger(context.JobDetail.Key, at), TriggerConflict.Replace, cancellationToken).ConfigureAwait(false);
    }

    private async Task EndAsync(IJobExecutionContext context, SigningTrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        // Not cancellable: once the sink has the documents (or tracking has ended), a shutdown must not leave the
        // job behind without a trigger.
        await context.Scheduler.DeleteJob(context.JobDetail.Key, CancellationToken.None).ConfigureAwait(false);
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
