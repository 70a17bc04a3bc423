using System;
using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SigningClients.HealthChecks;

/// <summary>Settings of the health checks added by <c>AddSigningClientHealthChecks</c>.</summary>
public sealed class SigningClientHealthCheckOptions
{
    /// <summary>The prefix of every check's name: <c>{prefix}:{Provider}</c>, or <c>{prefix}:{Provider}:{name}</c> for a named client. Default <c>signingclients</c>.</summary>
    public string NamePrefix { get; set; } = "signingclients";

    /// <summary>The status reported when a probe fails. Default <see cref="HealthStatus.Unhealthy"/>.</summary>
    public HealthStatus FailureStatus { get; set; } = HealthStatus.Unhealthy;

    /// <summary>How long one probe may take before it is reported as failed. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Tags of every check (for filtering endpoints, e.g. readiness). Default <c>signingclients</c>.</summary>
    public IList<string> Tags { get; } = new List<string> { "signingclients" };
}
