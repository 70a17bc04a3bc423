using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;
using SigningClients.Core.Signing;

namespace SigningClients.Quartz;

/// <summary>Registers durable signature tracking on Quartz.NET.</summary>
public static class SigningTrackingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISigningTracker"/>, its own Quartz scheduler (in memory by default, PostgreSQL by
    /// options) and the Quartz hosted service. Register an <see cref="ISignedDocumentSink"/> and the signing
    /// providers (<c>AddXxxSigningProvider</c>) as well.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the tracking.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSigningTracking(this IServiceCollection services, Action<SigningTrackingOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = new SigningTrackingOptions();
        configure?.Invoke(options);
        return Register(services, options);
    }

    /// <summary>Registers tracking configured from a configuration section (the properties of <see cref="SigningTrackingOptions"/>, e.g. <c>Store</c>, <c>ConnectionString</c>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("SigningTracking")</c>.</param>
    /// <param name="configure">Further configuration applied after the section.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSigningTracking(this IServiceCollection services, IConfiguration configuration, Action<SigningTrackingOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        var options = new SigningTrackingOptions();
        configuration.Bind(options);
        configure?.Invoke(options);
        return Register(services, options);
    }

    private static IServiceCollection Register(IServiceCollection services, SigningTrackingOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        services.TryAddTransient<SigningTrackingJob>();
        services.TryAddSingleton<ISigningTracker, SigningTracker>();
        if (options.TriggerOnProviderChanges)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ISigningChangeListener, SigningTrackerTrigger>());
        }

        services.AddQuartz(options.SchedulerName, q =>
        {
            q.UseDefaultThreadPool(options.MaxConcurrency);
            if (options.Store == SigningTrackingStore.PostgreSql)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(options.ConnectionString!);
                    store.UseSystemTextJsonSerializer();
                    if (options.Clustered)
                    {
                        store.UseClustering(c => c.CheckinInterval = options.ClusterCheckinInterval);
                    }

                    store.ConfigureStore(s =>
                    {
                        s.TablePrefix = options.TablePrefix;
                        if (options.CreateSchemaIfMissing)
                        {
                            s.SchemaProvisioning = SchemaProvisioning.CreateIfMissing;
                        }
                    });
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
        });
        services.AddQuartzHostedService(h => h.WaitForJobsToComplete = true);
        services.AddHostedService<SigningTrackingSweeper>();
        return services;
    }
}
