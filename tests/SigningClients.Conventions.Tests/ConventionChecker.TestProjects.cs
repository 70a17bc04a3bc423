using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using SigningClients.Testing;
using SigningClients.TestSupport;

namespace SigningClients.Conventions.Tests;

/// <summary>
/// The shared shape of the five provider test projects: one harness built on <see cref="ProviderHarness{THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions}"/>,
/// no second way to start a simulator, and test files named after their test classes.
/// </summary>
public static partial class ConventionChecker
{
    /// <summary>Names the old per-project helpers had; none may come back beside the harness.</summary>
    private static readonly string[] HelperNameEndings = ["TestHelpers", "Environment", "Harness", "Clients"];

    /// <summary>The test classes every provider test project has (same name, same subject).</summary>
    public static readonly IReadOnlyList<string> StandardTestClasses = ["SecretsTests", "ValidationTests"];

    /// <summary>
    /// Exactly one type derives from <see cref="ProviderHarness{THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions}"/>:
    /// a sealed <c>{provider}Harness</c> over the provider's simulator and client; no other type is named like a helper
    /// (…TestHelpers, …Environment, …Harness, …Clients) and no other type starts a simulator.
    /// </summary>
    /// <param name="types">Every type of the test assembly.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="simulator">The provider's simulator type.</param>
    /// <param name="client">The provider's client type.</param>
    /// <returns>The violations.</returns>
    public static IEnumerable<string> CheckTestHarness(IEnumerable<Type> types, string provider, Type simulator, Type client)
    {
        var all = types.Where(t => !IsCompilerGenerated(t)).ToList();
        var expected = provider + "Harness";
        var harnesses = all.Where(t => HarnessArguments(t) is not null).ToList();
        if (harnesses.Count != 1)
        {
            yield return harnesses.Count + " types derive from ProviderHarness (" + string.Join(", ", harnesses.Select(t => t.Name)) + "), expected exactly one " + expected;
        }

        foreach (var harness in harnesses)
        {
            if (harness.Name != expected)
            {
                yield return harness.Name + " derives from ProviderHarness but is not named " + expected;
            }

            if (!harness.IsSealed)
            {
                yield return harness.Name + " is not sealed";
            }

            var arguments = HarnessArguments(harness)!;
            if (arguments[1] != simulator)
            {
                yield return harness.Name + " runs a " + arguments[1].Name + ", expected " + simulator.Name;
            }

            if (arguments[3] != client)
            {
                yield return harness.Name + " builds a " + arguments[3].Name + ", expected " + client.Name;
            }
        }

        foreach (var type in all.Where(t => !harnesses.Contains(t) && HelperNameEndings.Any(e => t.Name.EndsWith(e, StringComparison.Ordinal))))
        {
            yield return type.Name + " is named like a test helper: build the simulator and clients with " + expected;
        }

        foreach (var starter in SimulatorStarters(all).Where(t => !harnesses.Contains(t)))
        {
            yield return starter.Name + " starts a simulator itself: only " + expected + " does (" + expected + ".StartAsync)";
        }
    }

    /// <summary>
    /// The project has <c>{provider}Harness.cs</c> declaring the harness, every test class lives in a file named after it
    /// (<c>{Class}.cs</c> or <c>{Class}.*.cs</c>), and the standard test classes exist.
    /// </summary>
    /// <param name="types">Every type of the test assembly.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="projectDirectory">The test project's source folder.</param>
    /// <returns>The violations.</returns>
    public static IEnumerable<string> CheckTestFiles(IEnumerable<Type> types, string provider, string projectDirectory)
    {
        var sources = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(projectDirectory, f))
            .ToList();
        var names = sources.Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal);
        var harnessFile = sources.FirstOrDefault(f => Path.GetFileName(f) == provider + "Harness.cs");
        if (harnessFile is null || !File.ReadAllText(harnessFile).Contains("class " + provider + "Harness ", StringComparison.Ordinal))
        {
            yield return "no " + provider + "Harness.cs declaring class " + provider + "Harness";
        }

        var testClasses = types.Where(IsTestClass).ToList();
        foreach (var test in testClasses)
        {
            if (!names.Contains(test.Name + ".cs") && !names.Any(n => n.StartsWith(test.Name + ".", StringComparison.Ordinal)))
            {
                yield return "test class " + test.Name + " has no file " + test.Name + ".cs";
            }
        }

        foreach (var standard in StandardTestClasses.Where(s => testClasses.All(t => t.Name != s)))
        {
            yield return "no " + standard + " (every provider test project has one)";
        }
    }

    /// <summary>The generic arguments of the <c>ProviderHarness</c> base of <paramref name="type"/>, or <see langword="null"/>.</summary>
    private static Type[]? HarnessArguments(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(ProviderHarness<,,,,>))
            {
                return current.GetGenericArguments();
            }
        }

        return null;
    }

    private static bool IsTestClass(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Any(m => m.GetCustomAttributes().Any(a => a.GetType().Name is "FactAttribute" or "TheoryAttribute"));

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), false) || type.Name.Contains('<', StringComparison.Ordinal);

    private static bool IsBuildOutput(string projectDirectory, string file)
    {
        var relative = Path.GetRelativePath(projectDirectory, file).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    /// <summary>The (outermost, source-level) types whose code calls a simulator's <c>StartAsync</c>, lambdas and async state machines included.</summary>
    private static IEnumerable<Type> SimulatorStarters(IReadOnlyCollection<Type> types)
    {
        foreach (var type in types.Where(t => t.DeclaringType is null || !types.Contains(t.DeclaringType)))
        {
            if (Nested(type).Any(t => CallsSimulatorStart(t)))
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<Type> Nested(Type type) =>
        new[] { type }.Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(Nested));

    private static bool CallsSimulatorStart(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var bodies = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
        foreach (var method in bodies)
        {
            foreach (var called in CalledMethods(method))
            {
                if (called.Name == "StartAsync" && called.DeclaringType is { } declaring && typeof(SimulatorHost).IsAssignableFrom(declaring))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The methods <paramref name="method"/>'s IL calls (call, callvirt, newobj, ldftn), as far as they resolve.</summary>
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or BadImageFormatException)
        {
            il = null;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            OpCode op;
            if (il[i] == 0xFE)
            {
                op = TwoByte[il[i + 1]];
                i += 2;
            }
            else
            {
                op = OneByte[il[i]];
                i += 1;
            }

            if (op.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, i);
                MethodBase? called;
                try
                {
                    called = method.Module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or FileNotFoundException)
                {
                    called = null;
                }

                if (called is not null)
                {
                    yield return called;
                }
            }

            i += OperandSize(op, il, i);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static readonly OpCode[] OneByte = OpCodeTable(single: true);
    private static readonly OpCode[] TwoByte = OpCodeTable(single: false);

    private static OpCode[] OpCodeTable(bool single)
    {
        var table = new OpCode[256];
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            var value = (ushort)op.Value;
            if (single && op.Size == 1)
            {
                table[value] = op;
            }
            else if (!single && op.Size == 2)
            {
                table[value & 0xFF] = op;
            }
        }

        return table;
    }
}
