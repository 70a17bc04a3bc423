using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Testing;
using SigningClients.Testing.Trident;
using SigningClients.TestSupport;
using Trident.SignerProcess;
using Xunit;

namespace SigningClients.Conventions.Tests;

/// <summary>
/// The five provider test projects share one shape: one <c>{Provider}Harness</c> on the shared <see cref="ProviderHarness{THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions}"/>,
/// no other way to start a simulator, test files named after their classes, and the standard test classes. The
/// test assemblies are built before this project and loaded by path (see the project file).
/// </summary>
public sealed class TestProjectConventionTests
{
    public static TheoryData<string> Providers => new(TestProject.All.Select(p => p.Provider));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Has_exactly_one_harness_and_no_other_way_to_start_a_simulator(string provider)
    {
        var project = TestProject.Get(provider);
        ProviderConventionTests.AssertConforms(ConventionChecker.CheckTestHarness(project.Types, provider, project.Simulator, project.Client));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Test_files_are_named_after_their_classes_and_the_standard_classes_exist(string provider)
    {
        var project = TestProject.Get(provider);
        ProviderConventionTests.AssertConforms(ConventionChecker.CheckTestFiles(project.Types, provider, project.Directory));
    }

    [Fact]
    public void The_check_sees_the_real_harnesses_and_test_classes()
    {
        // Not vacuous: each assembly loads, its harness is found, and it has test classes the file check looked at.
        foreach (var project in TestProject.All)
        {
            Assert.Single(project.Types, t => t.Name == project.Provider + "Harness" && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ProviderHarness<,,,,>));
            Assert.Contains(project.Types, t => t.Name == "SecretsTests");
            Assert.True(File.Exists(Path.Combine(project.Directory, project.Provider + "Harness.cs")), project.Directory);
        }
    }

    /// <summary>A provider test project: its loaded assembly, its source folder, the provider's simulator and client.</summary>
    internal sealed record TestProject(string Provider, Type Simulator, Type Client)
    {
        public static readonly IReadOnlyList<TestProject> All =
        [
            new("AlphaTrust", typeof(AlphaTrustSimulator), typeof(AlphaTrust.Tasks.AlphaTrustClient)),
            new("ConsignO", typeof(ConsignOSimulator), typeof(ConsignO.Workflows.ConsignOClient)),
            new("Signant", typeof(SignantSimulator), typeof(Signant.InstantSign.SignantClient)),
            new("SigningToday", typeof(SigningTodaySimulator), typeof(SigningToday.Dst.SigningTodayClient)),
            new("Trident", typeof(TridentSimulator), typeof(TridentClient)),
        ];

        private static readonly IReadOnlyDictionary<string, string> Metadata = typeof(TestProject).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(a => a.Key, a => a.Value ?? string.Empty, StringComparer.Ordinal);

        /// <summary>The test project's source folder.</summary>
        public string Directory => Metadata["ProviderTestProject:" + Provider];

        /// <summary>Every type of the test assembly (built next to its project, loaded by path).</summary>
        public IReadOnlyList<Type> Types
        {
            get
            {
                var assemblyName = Path.GetFileNameWithoutExtension(System.IO.Directory.GetFiles(Directory, "*.csproj").Single());
                var assembly = Assembly.LoadFrom(Metadata["ProviderTestAssembly:" + assemblyName]);
                return assembly.GetTypes();
            }
        }

        public static TestProject Get(string provider) => All.Single(p => p.Provider == provider);
    }
}

/// <summary>The test-project checks are not vacuous: a deliberately drifted test project fails each of them.</summary>
public sealed class DriftedTestProjectTests
{
    private static readonly Type[] DriftedProject = [typeof(DriftedHarness), typeof(DriftedTestEnvironment), typeof(DriftedTestHelpers), typeof(DriftedWireFormTests)];

    [Fact]
    public void A_second_misnamed_harness_and_a_helper_that_starts_a_simulator_fail_the_harness_check()
    {
        var violations = ConventionChecker.CheckTestHarness(DriftedProject, "Drifted", typeof(AlphaTrustSimulator), typeof(TridentClient)).ToList();

        Assert.Contains(violations, v => v.Contains("2 types derive from ProviderHarness (DriftedHarness, DriftedTestEnvironment), expected exactly one DriftedHarness", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedTestEnvironment derives from ProviderHarness but is not named DriftedHarness", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedTestEnvironment is not sealed", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedHarness runs a TridentSimulator, expected AlphaTrustSimulator", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedTestHelpers is named like a test helper", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedTestHelpers starts a simulator itself", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("DriftedWireFormTests starts a simulator itself", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("DriftedHarness starts", StringComparison.Ordinal) || v.Contains("DriftedHarness builds", StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_class_in_a_wrongly_named_file_and_missing_standard_classes_fail_the_file_check()
    {
        // This project's own folder: it has no DriftedHarness.cs and no DriftedWireFormTests.cs.
        var folder = Path.GetDirectoryName(TestProjectConventionTests.TestProject.Get("Trident").Directory.TrimEnd('/', '\\'))!;
        var conventions = Path.Combine(folder, "SigningClients.Conventions.Tests");

        var violations = ConventionChecker.CheckTestFiles(DriftedProject, "Drifted", conventions).ToList();

        Assert.Contains(violations, v => v.Contains("no DriftedHarness.cs declaring class DriftedHarness", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("test class DriftedWireFormTests has no file DriftedWireFormTests.cs", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("no SecretsTests", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("no ValidationTests", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("DriftedTestHelpers", StringComparison.Ordinal)); // not a test class
    }

#pragma warning disable CA1852, CA1812, xUnit1000
    /// <summary>Drift: right name, wrong simulator (the check is told to expect AlphaTrust's).</summary>
    internal sealed class DriftedHarness : ProviderHarness<DriftedHarness, TridentSimulator, TridentSimulatorOptions, TridentClient, TridentClientOptions>
    {
        public DriftedHarness()
            : base(o => o.Host, TridentSimulator.StartAsync, (options, http, logs, clock) => new(options, http, logs, clock))
        {
        }

        protected override void PointAtSimulator(TridentClientOptions options, TridentSimulator simulator) => options.UseSimulator(simulator);
    }

    /// <summary>Drift: a second harness under the old name, not sealed.</summary>
    internal class DriftedTestEnvironment : ProviderHarness<DriftedTestEnvironment, TridentSimulator, TridentSimulatorOptions, TridentClient, TridentClientOptions>
    {
        public DriftedTestEnvironment()
            : base(o => o.Host, TridentSimulator.StartAsync, (options, http, logs, clock) => new(options, http, logs, clock))
        {
        }

        protected override void PointAtSimulator(TridentClientOptions options, TridentSimulator simulator) => options.UseSimulator(simulator);
    }

    /// <summary>Drift: the old static helper, starting its own simulator.</summary>
    internal static class DriftedTestHelpers
    {
        public static async Task<TridentClient> ClientAsync()
        {
            var simulator = await TridentSimulator.StartAsync();
            return new TridentClient(new TridentClientOptions().UseSimulator(simulator));
        }
    }

    /// <summary>Drift: a test class in a file of another name that starts its simulator itself (abstract: never run).</summary>
    internal abstract class DriftedWireFormTests
    {
        [Fact]
        public async Task Starts_its_own_simulator()
        {
            await using var simulator = await SignantSimulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        }
    }
#pragma warning restore CA1852, CA1812, xUnit1000
}
