using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Core.Serialization;

namespace SigningClients.Conventions.Tests;

/// <summary>
/// The shared skeleton every provider package follows, as checks that return violations (empty = conforming). Each
/// check takes types, so a deliberately drifted sample can prove that the check fails.
/// </summary>
public static class ConventionChecker
{
    private static readonly string[] SecretNames = ["Password", "Secret", "Token", "AccessCode", "ApiKey"];

    /// <summary>The client class: sealed, implements I{Name}, IDisposable, a public const ProviderName, and exactly the two standard constructors.</summary>
    public static IEnumerable<string> CheckClient(Type client, Type options)
    {
        var name = client.Name;
        if (!client.IsSealed)
        {
            yield return name + " is not sealed";
        }

        if (client.GetInterface("I" + name) is null)
        {
            yield return name + " does not implement I" + name;
        }

        if (!typeof(IDisposable).IsAssignableFrom(client))
        {
            yield return name + " is not IDisposable";
        }

        var providerName = client.GetField("ProviderName", BindingFlags.Public | BindingFlags.Static);
        if (providerName is null || !providerName.IsLiteral || providerName.FieldType != typeof(string) || string.IsNullOrEmpty((string?)providerName.GetRawConstantValue()))
        {
            yield return name + " has no public const string ProviderName";
        }

        var expected = new[]
        {
            new[] { options, typeof(HttpClient), typeof(ILoggerFactory), typeof(TimeProvider) },
            new[] { options, typeof(Func<HttpClient>), typeof(ILoggerFactory), typeof(TimeProvider) },
        };
        var actual = client.GetConstructors().Select(c => c.GetParameters()).ToList();
        foreach (var shape in expected)
        {
            var match = actual.FirstOrDefault(p => p.Select(x => x.ParameterType).SequenceEqual(shape));
            if (match is null)
            {
                yield return name + " lacks the constructor (" + string.Join(", ", shape.Select(t => t.Name)) + ")";
            }
            else if (match.Skip(1).Any(p => !p.IsOptional || p.DefaultValue is not null) && shape[1] == typeof(HttpClient))
            {
                yield return name + "'s constructor (" + options.Name + ", HttpClient?, ...) must default every argument after the options to null";
            }
        }

        if (actual.Count != expected.Length)
        {
            yield return name + " has " + actual.Count + " public constructors, expected " + expected.Length;
        }

        foreach (var property in client.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (property.PropertyType == typeof(int) || property.PropertyType == typeof(long))
            {
                yield return name + "." + property.Name + " is a public counter (test instrumentation belongs in the simulators)";
            }
        }
    }

    /// <summary>DI: Add{Provider}Client with the four standard overloads, all returning IHttpClientBuilder, in Microsoft.Extensions.DependencyInjection.</summary>
    public static IEnumerable<string> CheckDependencyInjection(Type extensions, string provider, Type options)
    {
        string method = "Add" + provider + "Client";
        if (extensions.Namespace != "Microsoft.Extensions.DependencyInjection")
        {
            yield return extensions.Name + " is in namespace " + extensions.Namespace + ", expected Microsoft.Extensions.DependencyInjection";
        }

        if (extensions.Name != provider + "ServiceCollectionExtensions")
        {
            yield return extensions.Name + " should be named " + provider + "ServiceCollectionExtensions";
        }

        var configure = typeof(Action<>).MakeGenericType(options);
        var shapes = new[]
        {
            new[] { typeof(IServiceCollection), configure },
            new[] { typeof(IServiceCollection), typeof(IConfiguration) },
            new[] { typeof(IServiceCollection), typeof(string), configure },
            new[] { typeof(IServiceCollection), typeof(string), typeof(IConfiguration) },
        };
        var methods = extensions.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.IsDefined(typeof(ExtensionAttribute), false)).ToList();
        foreach (var shape in shapes)
        {
            var match = methods.FirstOrDefault(m => m.Name == method && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(shape));
            if (match is null)
            {
                yield return extensions.Name + " lacks " + method + "(" + string.Join(", ", shape.Select(t => t.Name)) + ")";
            }
            else if (match.ReturnType != typeof(IHttpClientBuilder))
            {
                yield return method + " returns " + match.ReturnType.Name + ", expected IHttpClientBuilder";
            }
        }

        foreach (var other in methods.Where(m => m.Name != method))
        {
            yield return extensions.Name + "." + other.Name + " is not named " + method;
        }
    }

    /// <summary>Every public async method (Task, ValueTask, AsyncPageable, IAsyncEnumerable) ends with "CancellationToken cancellationToken = default".</summary>
    public static IEnumerable<string> CheckCancellation(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.IsSpecialName || !IsAsync(method.ReturnType) || method.Name is "DisposeAsync")
                {
                    continue;
                }

                var parameters = method.GetParameters();
                var last = parameters.LastOrDefault();
                if (last is null || last.ParameterType != typeof(CancellationToken))
                {
                    yield return type.Name + "." + method.Name + " does not take a CancellationToken last";
                }
                else if (!last.IsOptional || last.Name != "cancellationToken")
                {
                    yield return type.Name + "." + method.Name + "'s CancellationToken must be 'cancellationToken = default'";
                }

                foreach (var p in parameters.Take(parameters.Length - 1).Where(p => p.ParameterType == typeof(CancellationToken)))
                {
                    yield return type.Name + "." + method.Name + " takes a CancellationToken before the last parameter (" + p.Name + ")";
                }
            }
        }
    }

    /// <summary>An options object whose secret-named string properties hold sentinels never prints them in ToString().</summary>
    public static IEnumerable<string> CheckSecretsMasked(Type options)
    {
        var instance = Activator.CreateInstance(options)!;
        var secrets = new List<string>();
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) && property.CanWrite && SecretNames.Any(s => property.Name.Contains(s, StringComparison.Ordinal)))
            {
                string sentinel = "sentinel-" + property.Name + "-" + Guid.NewGuid().ToString("N");
                property.SetValue(instance, sentinel);
                secrets.Add(sentinel);
            }
        }

        if (secrets.Count == 0)
        {
            yield return options.Name + " has no secret-named settings to check (expected at least one credential)";
        }

        string text = instance.ToString() ?? string.Empty;
        if (text == options.FullName)
        {
            yield return options.Name + " does not override ToString()";
        }

        foreach (var secret in secrets.Where(s => text.Contains(s, StringComparison.Ordinal)))
        {
            yield return options.Name + ".ToString() shows " + secret.Split('-')[1];
        }
    }

    /// <summary>Every public extensible enum struct carries a [JsonConverter].</summary>
    public static IEnumerable<string> CheckExtensibleEnums(IEnumerable<Type> types)
    {
        foreach (var type in types.Where(t => t.IsValueType && typeof(IExtensibleEnum).IsAssignableFrom(t)))
        {
            if (type.GetCustomAttribute<JsonConverterAttribute>() is null)
            {
                yield return type.FullName + " has no [JsonConverter]";
            }
        }
    }

    /// <summary>No public static mutable state (thread-safe singletons, no global counters).</summary>
    public static IEnumerable<string> CheckNoStaticMutableState(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(f => !f.IsLiteral && !f.IsInitOnly))
            {
                yield return type.Name + "." + field.Name + " is a public static mutable field";
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(p => p.SetMethod is { IsPublic: true }))
            {
                yield return type.Name + "." + property.Name + " is a public static settable property";
            }
        }
    }

    private static bool IsAsync(Type type)
    {
        if (type == typeof(Task) || type == typeof(ValueTask))
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return type.BaseType is { } b && b.IsGenericType && b.GetGenericTypeDefinition() == typeof(AsyncPageable<>);
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(AsyncPageable<>) || definition == typeof(IAsyncEnumerable<>);
    }
}
