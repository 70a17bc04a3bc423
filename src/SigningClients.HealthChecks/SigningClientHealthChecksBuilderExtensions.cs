using System;
using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SigningClients.Core.DependencyInjection;
using SigningClients.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds SigningClients health checks to an <see cref="IHealthChecksBuilder"/>.</summary>
public static class SigningClientHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds one health check per SigningClients client registered in the service collection (with any provider's
    /// <c>AddXxxClient</c>, before or after this call). Each check makes its provider's documented cheap read (see
    /// the package README) and reports the configured failure status with a redacted reason when it fails.
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="configure">Adjusts names, tags, timeout and failure status.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddSigningClientHealthChecks(this IHealthChecksBuilder builder, Action<SigningClientHealthCheckOptions>? configure = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        var options = new SigningClientHealthCheckOptions();
        configure?.Invoke(options);
        if (string.IsNullOrWhiteSpace(options.NamePrefix))
        {
            throw new ArgumentException("NamePrefix must not be empty.", nameof(configure));
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("Timeout must be positive.", nameof(configure));
        }

        // Registered as options configuration so clients added after this call are still found.
        builder.Services.AddSingleton<IConfigureOptions<HealthCheckServiceOptions>>(sp =>
            new ConfigureSigningClientHealthChecks(sp.GetServices<SigningClientHealthProbe>(), options));
        return builder;
    }

    private sealed class ConfigureSigningClientHealthChecks : IConfigureOptions<HealthCheckServiceOptions>
    {
        private readonly IEnumerable<SigningClientHealthProbe> _probes;
        private readonly SigningClientHealthCheckOptions _options;

        public ConfigureSigningClientHealthChecks(IEnumerable<SigningClientHealthProbe> probes, SigningClientHealthCheckOptions options)
        {
            _probes = probes;
            _options = options;
        }

        public void Configure(HealthCheckServiceOptions options)
        {
            // A client registered twice under one name is one client (the last registration wins, as in the factory).
            var byName = new Dictionary<string, SigningClientHealthProbe>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var probe in _probes)
            {
                var name = _options.NamePrefix + ":" + probe.Provider + (probe.Name.Length == 0 ? string.Empty : ":" + probe.Name);
                if (!byName.ContainsKey(name))
                {
                    order.Add(name);
                }

                byName[name] = probe;
            }

            foreach (var name in order)
            {
                var probe = byName[name];
                options.Registrations.Add(new HealthCheckRegistration(
                    name,
                    sp => new SigningClientHealthCheck(probe, sp),
                    _options.FailureStatus,
                    _options.Tags,
                    _options.Timeout));
            }
        }
    }
}
