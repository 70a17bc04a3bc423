using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using ConsignO.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signant.InstantSign;
using SigningClients.Core;
using SigningClients.Core.Serialization;
using SigningToday.Dst;
using Trident.SignerProcess;
using Xunit;

namespace SigningClients.Conventions.Tests;

/// <summary>The five provider packages share one skeleton; any drift fails here with the list of differences.</summary>
public sealed class ProviderConventionTests
{
    public static TheoryData<string> Providers => new(Provider.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Client_has_the_standard_shape(string provider) =>
        AssertConforms(ConventionChecker.CheckClient(Provider.Get(provider).Client, Provider.Get(provider).Options));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Dependency_injection_has_the_standard_overloads(string provider) =>
        AssertConforms(ConventionChecker.CheckDependencyInjection(Provider.Get(provider).Extensions, provider, Provider.Get(provider).Options));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_async_method_takes_a_defaulted_cancellation_token_last(string provider) =>
        AssertConforms(ConventionChecker.CheckCancellation(Provider.Get(provider).PublicTypes));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Options_ToString_masks_every_secret(string provider) =>
        AssertConforms(ConventionChecker.CheckSecretsMasked(Provider.Get(provider).Options));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_extensible_enum_has_a_json_converter(string provider) =>
        AssertConforms(ConventionChecker.CheckExtensibleEnums(Provider.Get(provider).PublicTypes));

    [Theory]
    [MemberData(nameof(Providers))]
    public void No_public_static_mutable_state(string provider) =>
        AssertConforms(ConventionChecker.CheckNoStaticMutableState(Provider.Get(provider).PublicTypes));

    [Fact]
    public void Provider_names_are_distinct_and_match_the_packages()
    {
        var names = Provider.All.Select(p => (string)p.Client.GetField("ProviderName")!.GetRawConstantValue()!).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Provider.All, p => Assert.Equal(p.Name + "Client", p.Client.Name));
    }

    [Fact]
    public void No_public_type_name_is_declared_in_two_provider_namespaces()
    {
        // A file that uses two providers must not hit CS0104 (an ambiguous type name).
        var clashes = Provider.All.SelectMany(p => p.PublicTypes.Where(t => !t.IsNested).Select(t => (t.Name, p.Name)))
            .GroupBy(x => x.Item1)
            .Where(g => g.Select(x => x.Item2).Distinct().Count() > 1)
            .Select(g => g.Key + " (" + string.Join(", ", g.Select(x => x.Item2).Distinct()) + ")")
            .ToList();
        Assert.True(clashes.Count == 0, "Type names declared by several providers: " + string.Join("; ", clashes));
    }

    private static void AssertConforms(IEnumerable<string> violations)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, "Convention violations:\n  " + string.Join("\n  ", list));
    }

    internal sealed record Provider(string Name, Type Client, Type Options, Type Extensions)
    {
        public static readonly IReadOnlyList<Provider> All =
        [
            new("AlphaTrust", typeof(AlphaTrustClient), typeof(AlphaTrustClientOptions), typeof(AlphaTrustServiceCollectionExtensions)),
            new("ConsignO", typeof(ConsignOClient), typeof(ConsignOClientOptions), typeof(ConsignOServiceCollectionExtensions)),
            new("Signant", typeof(SignantClient), typeof(SignantClientOptions), typeof(SignantServiceCollectionExtensions)),
            new("SigningToday", typeof(SigningTodayClient), typeof(SigningTodayClientOptions), typeof(SigningTodayServiceCollectionExtensions)),
            new("Trident", typeof(TridentClient), typeof(TridentClientOptions), typeof(TridentServiceCollectionExtensions)),
        ];

        public IEnumerable<Type> PublicTypes => Client.Assembly.GetExportedTypes();

        public static Provider Get(string name) => All.Single(p => p.Name == name);
    }
}

/// <summary>The checks are not vacuous: a deliberately drifted provider fails every one of them.</summary>
public sealed class DriftedSampleTests
{
    [Fact]
    public void A_drifted_client_fails_the_shape_check()
    {
        var violations = ConventionChecker.CheckClient(typeof(DriftedClient), typeof(DriftedClientOptions)).ToList();

        Assert.Contains(violations, v => v.Contains("is not sealed", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("does not implement IDriftedClient", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("ProviderName", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("lacks the constructor", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("RequestCount is a public counter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_drifted_registration_fails_the_dependency_injection_check()
    {
        var violations = ConventionChecker.CheckDependencyInjection(typeof(DriftedRegistrations), "Drifted", typeof(DriftedClientOptions)).ToList();

        Assert.Contains(violations, v => v.Contains("should be named DriftedServiceCollectionExtensions", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("lacks AddDriftedClient(IServiceCollection, IConfiguration)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("AddDriftedInstantClient is not named AddDriftedClient", StringComparison.Ordinal));
    }

    [Fact]
    public void Drifted_async_methods_fail_the_cancellation_check()
    {
        var violations = ConventionChecker.CheckCancellation([typeof(DriftedClient)]).ToList();

        Assert.Contains(violations, v => v.Contains("GetAsync does not take a CancellationToken last", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("ListAsync's CancellationToken must be", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("SendAsync takes a CancellationToken before the last parameter", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("GoodAsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Drifted_options_fail_the_secret_check() =>
        Assert.Contains(ConventionChecker.CheckSecretsMasked(typeof(DriftedClientOptions)), v => v.Contains("shows ApiKey", StringComparison.Ordinal));

    [Fact]
    public void A_drifted_enum_fails_the_converter_check() =>
        Assert.Contains(ConventionChecker.CheckExtensibleEnums([typeof(DriftedStatus)]), v => v.Contains("DriftedStatus has no [JsonConverter]", StringComparison.Ordinal));

    [Fact]
    public void Drifted_static_state_fails_the_static_check()
    {
        var violations = ConventionChecker.CheckNoStaticMutableState([typeof(DriftedClient)]).ToList();

        Assert.Contains(violations, v => v.Contains("Instances is a public static mutable field", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Default is a public static settable property", StringComparison.Ordinal));
    }

#pragma warning disable CA1711, CA2211, CA1024, CA1822, CA1052, CA1815, CA1066, CA1068
    public class DriftedClient
    {
        public static int Instances;

        public DriftedClient(DriftedClientOptions options)
        {
            _ = options;
        }

        public static DriftedClient? Default { get; set; }

        public int RequestCount { get; private set; }

        public Task GetAsync(string id) => Task.FromResult(id);

        public Task ListAsync(CancellationToken token) => Task.FromResult(token);

        public Task SendAsync(CancellationToken cancellationToken, string body) => Task.FromResult(body);

        public Task GoodAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(id);
    }

    public sealed class DriftedClientOptions : SigningClientOptions
    {
        public string? ApiKey { get; set; }

        public override string ToString() => "DriftedClientOptions { ApiKey = " + ApiKey + " }";
    }

    public readonly struct DriftedStatus : IExtensibleEnum
    {
        public string? Value => "x";
    }
#pragma warning restore CA1711, CA2211, CA1024, CA1822, CA1052, CA1815, CA1066, CA1068
}

#pragma warning disable CA1711
/// <summary>A drifted DI registration (top level: extension methods cannot be nested).</summary>
public static class DriftedRegistrations
{
    public static IHttpClientBuilder AddDriftedClient(this IServiceCollection services, Action<DriftedSampleTests.DriftedClientOptions> configure) => services.AddHttpClient("drifted");

    public static IHttpClientBuilder AddDriftedInstantClient(this IServiceCollection services, string name, Action<DriftedSampleTests.DriftedClientOptions> configure) => services.AddHttpClient(name);
}
#pragma warning restore CA1711
