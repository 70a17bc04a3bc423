using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SigningClients.Testing.Internal;

/// <summary>
/// First in every simulator's pipeline: records each request in the journal and applies queued faults.
/// Without a fault nothing is buffered: the request body is only teed (first N bytes kept) and the response passes
/// through untouched.
/// </summary>
internal sealed class SimulatorMiddleware
{
    private static readonly Action<ILogger, string, string, string, Exception?> LogFaultApplied =
        LoggerMessage.Define<string, string, string>(
            LogLevel.Information,
            new EventId(1, "SimulatedFaultApplied"),
            "Simulated fault {Fault} applied to {Method} {Path}");

    private readonly RequestJournal _journal;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _timeProvider;
    private readonly int _bodyLimit;
    private readonly ILogger _logger;
    private long _sequence;

    public SimulatorMiddleware(RequestJournal journal, FaultInjector faults, TimeProvider timeProvider, int bodyLimit, ILogger logger)
    {
        _journal = journal;
        _faults = faults;
        _timeProvider = timeProvider;
        _bodyLimit = bodyLimit;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var timestamp = _timeProvider.GetUtcNow();
        var body = new JournalingRequestStream(context.Request.Body, _bodyLimit);
        context.Request.Body = body;
        var recording = new RequestRecording(context, _journal, body, sequence, timestamp);

        context.Response.OnStarting(
            static state =>
            {
                var r = (RequestRecording)state;
                return r.CommitAsync(r.HttpContext.Response.StatusCode);
            },
            recording);

        var fault = _faults.TryTake(recording.Method, recording.Path);
        if (fault is not null)
        {
            var description = fault.ToString() ?? fault.GetType().Name;
            recording.FaultApplied = description;
            LogFaultApplied(_logger, description, recording.Method, recording.Path, null);
        }

        try
        {
            if (fault is null)
            {
                await next(context).ConfigureAwait(false);
            }
            else
            {
                await fault.ApplyAsync(recording, next).ConfigureAwait(false);
            }
        }
        catch (Exception) when (recording.ConnectionDropped)
        {
            // The connection was dropped or the response cut on purpose; a route write that failed because of it
            // is part of the simulation.
        }
        catch (Exception)
        {
            if (!context.Response.HasStarted)
            {
                // The server answers 500 (or nothing, when the client is gone) once the exception leaves the pipeline.
                await recording.CommitAsync(context.RequestAborted.IsCancellationRequested ? null : StatusCodes.Status500InternalServerError).ConfigureAwait(false);
            }

            throw;
        }

        if (recording.ResponseCut)
        {
            // Failing after the response started makes the server stop the response where it is (no final chunk,
            // no missing Content-Length bytes) and close the connection once the bytes written so far are sent.
            throw new SimulatedResponseCutException(recording.FaultApplied);
        }

        if (!recording.ConnectionDropped)
        {
            var unanswered = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted;
            await recording.CommitAsync(unanswered ? null : context.Response.StatusCode).ConfigureAwait(false);
        }
    }
}
