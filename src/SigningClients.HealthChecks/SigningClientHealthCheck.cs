using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;

namespace SigningClients.HealthChecks;

/// <summary>
/// Runs one client's <see cref="SigningClientHealthProbe"/>. A failure is reported with the provider, operation,
/// failure kind, status and the provider's code and (already redacted) message: never the exception itself, whose
/// inner exceptions a health report writer might print.
/// </summary>
internal sealed class SigningClientHealthCheck : IHealthCheck
{
    private const int MaxMessageLength = 200;

    private readonly SigningClientHealthProbe _probe;
    private readonly IServiceProvider _services;

    public SigningClientHealthCheck(SigningClientHealthProbe probe, IServiceProvider services)
    {
        _probe = probe;
        _services = services;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["provider"] = _probe.Provider,
            ["client"] = _probe.Name,
            ["call"] = _probe.Call,
        };
        var failureStatus = context.Registration.FailureStatus;
        try
        {
            await _probe.ProbeAsync(_services, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(_probe.Provider + " answered " + _probe.Call + ".", data);
        }
        catch (SigningApiException ex)
        {
            data["kind"] = ex.Kind.ToString();
            data["status"] = ex.Status;
            data["transient"] = ex.IsTransient;
            if (ex.ErrorCode is { } code)
            {
                data["errorCode"] = code;
            }

            if (ex.RequestId is { } requestId)
            {
                data["requestId"] = requestId;
            }

            return new HealthCheckResult(failureStatus, Describe(ex), exception: null, data);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Not a provider answer (e.g. invalid configuration): the type says enough, its message may not be safe.
            data["exceptionType"] = ex.GetType().FullName ?? ex.GetType().Name;
            return new HealthCheckResult(failureStatus, _probe.Provider + " probe failed: " + ex.GetType().Name + ".", exception: null, data);
        }
    }

    private string Describe(SigningApiException ex)
    {
        var text = new StringBuilder(_probe.Provider).Append(' ').Append(ex.Operation).Append(" failed: ").Append(ex.Kind);
        if (ex.Status > 0)
        {
            text.Append(" (HTTP ").Append(ex.Status).Append(')');
        }

        if (ex.ErrorCode is { Length: > 0 } code)
        {
            text.Append(" code ").Append(code);
        }

        if (ex.ProviderMessage is { Length: > 0 } message)
        {
            text.Append(": ").Append(message, 0, Math.Min(message.Length, MaxMessageLength));
            if (message.Length > MaxMessageLength)
            {
                text.Append('…');
            }
        }

        return text.ToString();
    }
}
