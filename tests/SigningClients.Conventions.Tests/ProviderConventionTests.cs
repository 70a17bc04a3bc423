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

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_date_and_instant_is_a_DateTimeOffset(string provider) =>
        AssertConforms(ConventionChecker.CheckDatesAreDateTimeOffset(Provider.Get(provider).PublicTypes));

    [Fact]
    public void The_core_uses_DateTimeOffset_for_every_instant() =>
        AssertConforms(ConventionChecker.CheckDatesAreDateTimeOffset(typeof(SigningClientOptions).Assembly.GetExportedTypes()));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Positions_and_sizes_are_double(string provider) =>
        AssertConforms(ConventionChecker.CheckCoordinatesAreDouble(Provider.Get(provider).PublicTypes));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Money_and_amounts_are_decimal(string provider) =>
        AssertConforms(ConventionChecker.CheckMoneyIsDecimal(Provider.Get(provider).PublicTypes));

    [Fact]
    public void The_five_packages_use_one_numeric_type_for_positions_and_sizes()
    {
        // Not vacuous: the packages do expose coordinates (ConsignO zones, Trident rectangles, SigningToday forms), and
        // every non-integer one across the five is the same type.
        var kinds = Provider.All
            .SelectMany(p => p.PublicTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)).Select(x => (p.Name, Property: x)))
            .Where(x => x.Property.Name is "X" or "Y" or "PositionX" or "PositionY" or "Llx" or "Width" or "Height")
            .Select(x => (x.Name, Type: Nullable.GetUnderlyingType(x.Property.PropertyType) ?? x.Property.PropertyType))
            .Where(x => x.Type != typeof(int) && x.Type != typeof(long))
            .ToList();
        Assert.Equal(new[] { "ConsignO", "SigningToday", "Trident" }, kinds.Select(k => k.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(new[] { typeof(double) }, kinds.Select(k => k.Type).Distinct());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Client_has_the_pipeline_escape_hatch(string provider) =>
        AssertConforms(ConventionChecker.CheckEscapeHatch(Provider.Get(provider).Client));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Known_errors_are_codes_and_predicates_with_a_gone_predicate(string provider) =>
        AssertConforms(ConventionChecker.CheckKnownErrors(Provider.Get(provider).PublicTypes, provider, Provider.Get(provider).RootNamespace));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Error_parser_is_internal_under_serialization(string provider) =>
        AssertConforms(ConventionChecker.CheckErrorParsers(Provider.Get(provider).Client.Assembly.GetTypes(), provider, Provider.Get(provider).RootNamespace));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Signing_provider_registration_has_the_standard_shape(string provider) =>
        AssertConforms(ConventionChecker.CheckSigningProviderRegistration(Provider.Get(provider).SigningExtensions, provider, Provider.Get(provider).SigningOptions));

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

    internal static void AssertConforms(IEnumerable<string> violations)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, "Convention violations:\n  " + string.Join("\n  ", list));
    }

    internal sealed record Provider(string Name, Type Client, Type Options, Type Extensions, Type SigningExtensions, Type SigningOptions)
    {
        public static readonly IReadOnlyList<Provider> All =
        [
            new("AlphaTrust", typeof(AlphaTrustClient), typeof(AlphaTrustClientOptions), typeof(AlphaTrustServiceCollectionExtensions), typeof(AlphaTrustSigningServiceCollectionExtensions), typeof(AlphaTrust.Tasks.Signing.AlphaTrustSigningProviderOptions)),
            new("ConsignO", typeof(ConsignOClient), typeof(ConsignOClientOptions), typeof(ConsignOServiceCollectionExtensions), typeof(ConsignOSigningServiceCollectionExtensions), typeof(ConsignO.Workflows.Signing.ConsignOSigningProviderOptions)),
            new("Signant", typeof(SignantClient), typeof(SignantClientOptions), typeof(SignantServiceCollectionExtensions), typeof(SignantSigningServiceCollectionExtensions), typeof(Signant.InstantSign.Signing.SignantSigningProviderOptions)),
            new("SigningToday", typeof(SigningTodayClient), typeof(SigningTodayClientOptions), typeof(SigningTodayServiceCollectionExtensions), typeof(SigningTodaySigningServiceCollectionExtensions), typeof(SigningToday.Dst.Signing.SigningTodaySigningProviderOptions)),
            new("Trident", typeof(TridentClient), typeof(TridentClientOptions), typeof(TridentServiceCollectionExtensions), typeof(TridentSigningServiceCollectionExtensions), typeof(Trident.SignerProcess.Signing.TridentSigningProviderOptions)),
        ];

        public IEnumerable<Type> PublicTypes => Client.Assembly.GetExportedTypes();

        /// <summary>The package id, which is the root namespace (the client's namespace).</summary>
        public string RootNamespace => Client.Namespace!;

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

    [Fact]
    public void Drifted_dates_fail_the_DateTimeOffset_check()
    {
        var violations = ConventionChecker.CheckDatesAreDateTimeOffset([typeof(DriftedModel)]).ToList();

        Assert.Contains(violations, v => v.Contains("DriftedModel.CreatedAt uses DateTime", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedModel.ExpiresAt uses DateTime?", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedModel.History uses IReadOnlyList<DateTime>", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedModel.Reschedule(at) uses DateTime", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedModel..ctor(signedAt) uses DateTime", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("UpdatedAt", StringComparison.Ordinal));
    }

    [Fact]
    public void Drifted_coordinates_fail_the_double_check()
    {
        var violations = ConventionChecker.CheckCoordinatesAreDouble([typeof(DriftedModel)]).ToList();

        Assert.Contains(violations, v => v.Contains("DriftedModel.PositionX is Decimal?", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedModel.Width is Single", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedModel.Place(xOffset) is Decimal", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(".Y ", StringComparison.Ordinal) || v.Contains("Page", StringComparison.Ordinal) || v.Contains("Amount", StringComparison.Ordinal));
    }

    [Fact]
    public void Drifted_money_fails_the_decimal_check()
    {
        var violations = ConventionChecker.CheckMoneyIsDecimal([typeof(DriftedModel)]).ToList();

        Assert.Contains(violations, v => v.Contains("DriftedModel.UnitPrice is Double", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedModel.Charge(fee) is Single?", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("Amount", StringComparison.Ordinal) || v.Contains("Width", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_without_the_pipeline_fails_the_escape_hatch_check() =>
        Assert.Contains(ConventionChecker.CheckEscapeHatch(typeof(DriftedClient)), v => v.Contains("DriftedClient has no public SigningPipeline Pipeline", StringComparison.Ordinal));

    [Fact]
    public void Drifted_known_errors_fail_the_error_pattern_check()
    {
        var violations = ConventionChecker.CheckKnownErrors([typeof(DriftedErrors), typeof(DriftedGoneException)], "Drifted", "Drifted.Package").ToList();

        Assert.Contains(violations, v => v.Contains("DriftedGoneException derives from SigningApiException", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedErrors is in namespace SigningClients.Conventions.Tests, expected Drifted.Package", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedErrors.Codes is not a const string error code", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedErrors.Current is a property", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedErrors.CodeOf is not a 'bool Is", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedErrors.IsThrottled is not a 'bool Is", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedErrors has no Is…Gone predicate", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("DriftedErrors.Throttled ", StringComparison.Ordinal));
        Assert.Contains(ConventionChecker.CheckKnownErrors([typeof(DriftedClient)], "Drifted", "Drifted.Package"), v => v.Contains("no public DriftedErrors class", StringComparison.Ordinal));
    }

    [Fact]
    public void A_drifted_error_parser_fails_the_parser_check()
    {
        var violations = ConventionChecker.CheckErrorParsers([typeof(DriftedSoapParser)], "Drifted", "Drifted.Package").ToList();

        Assert.Contains(violations, v => v.Contains("DriftedSoapParser is public", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("is not in Drifted.Package.Serialization", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("should be named DriftedErrorParser", StringComparison.Ordinal));
        Assert.Contains(ConventionChecker.CheckErrorParsers([typeof(DriftedClient)], "Drifted", "Drifted.Package"), v => v.Contains("no DriftedErrorParser", StringComparison.Ordinal));
    }

    [Fact]
    public void A_drifted_signing_provider_registration_fails_the_registration_check()
    {
        var violations = ConventionChecker.CheckSigningProviderRegistration(typeof(DriftedRegistrations), "Drifted", typeof(DriftedClientOptions)).ToList();

        Assert.Contains(violations, v => v.Contains("should be Microsoft.Extensions.DependencyInjection.DriftedSigningServiceCollectionExtensions", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("must be (services, string name = \"Drifted\"", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("AddDriftedClient is not named AddDriftedSigningProvider", StringComparison.Ordinal));
    }

#pragma warning disable CA1711, CA2211, CA1024, CA1822, CA1052, CA1815, CA1066, CA1068, CA1032, CA1707
    public static class DriftedErrors
    {
        public const string Throttled = "429";

        public static readonly string[] Codes = [Throttled];

        public static SigningApiException? Current { get; }

        public static string? CodeOf(SigningApiException exception) => exception.ErrorCode;

        public static bool IsThrottled(SigningApiException exception) => exception.Status == 429;
    }

    public sealed class DriftedGoneException() : SigningApiException("Drifted", "Get", 410, SigningFailureKind.HttpError);

    public sealed class DriftedSoapParser : ProviderErrorParser
    {
        public override ProviderError? Parse(int statusCode, string? contentType, string body) => null;
    }

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
    public sealed class DriftedModel
    {
        public DriftedModel(DateTime signedAt)
        {
            _ = signedAt;
        }

        public DateTime CreatedAt { get; set; }

        public DateTime? ExpiresAt { get; set; }

        public DateTimeOffset? UpdatedAt { get; set; }

        public IReadOnlyList<DateTime>? History { get; set; }

        public decimal? PositionX { get; set; }

        public double Y { get; set; }

        public float Width { get; set; }

        public int Page { get; set; }

        public decimal Amount { get; set; }

        public void Reschedule(DateTime at) => _ = at;

        public void Place(decimal xOffset, int page) => _ = (xOffset, page);

        public double UnitPrice { get; set; }

        public void Charge(float? fee) => _ = fee;
    }

#pragma warning restore CA1711, CA2211, CA1024, CA1822, CA1052, CA1815, CA1066, CA1068, CA1032, CA1707
}

#pragma warning disable CA1711
/// <summary>A drifted DI registration (top level: extension methods cannot be nested).</summary>
public static class DriftedRegistrations
{
    public static IHttpClientBuilder AddDriftedClient(this IServiceCollection services, Action<DriftedSampleTests.DriftedClientOptions> configure) => services.AddHttpClient("drifted");

    public static IHttpClientBuilder AddDriftedInstantClient(this IServiceCollection services, string name, Action<DriftedSampleTests.DriftedClientOptions> configure) => services.AddHttpClient(name);

    public static IServiceCollection AddDriftedSigningProvider(this IServiceCollection services, string name, string clientName, Action<DriftedSampleTests.DriftedClientOptions>? configure) => services;
}
#pragma warning restore CA1711
