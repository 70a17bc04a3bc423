using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SigningClients.Benchmarks.Deserialization.Generated;
using SigningClients.Core.Serialization;
using SigningToday.Dst.Models;

namespace SigningClients.Benchmarks.Deserialization;

/// <summary>
/// <c>p2prof [rounds] [page file] [only]</c>: where the P2 time goes. Each round times, one after the other (so drift
/// slower than a round lands on every part alike), the stages of reading the same page synchronously: the bare
/// tokenizer (the floor any <c>System.Text.Json</c> read pays), the duplicate-member guard, the SDK context's
/// <c>JsonSerializer.Deserialize</c>, the same models with one converter or option taken away (what each costs), the
/// whole SDK list path, Newtonsoft alone (decode + <c>JsonConvert</c>) and the whole baseline; medians per page and
/// each stage's ratio to Newtonsoft alone are printed. With <c>only &lt;stage&gt;</c> it loops that one stage for
/// <c>rounds</c> pages (for a CPU trace, e.g. <c>dotnet-trace collect -- ... p2prof 400 page.json only stj-sdk</c>).
/// </summary>
internal static class PageProfiler
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], Inv) : 40;
        var page = args.Length > 2 ? System.IO.File.ReadAllBytes(args[2]) : DstPageBytes.Get(DstPageBenchmarks.FullCount);
        string? only = args.Length > 4 && args[3] == "only" ? args[4] : null;
        DstPageBenchmarks.PageOverride = page;
        DstPageBenchmarks.Count = CountOf(page);
        using var bench = new DstPageBenchmarks();
        bench.SetupAsync().GetAwaiter().GetResult();

        var sdkInfo = SdkTypeInfo("SigningToday.Dst.Serialization.SigningTodayJsonContext", "SigningTodayListDigitalSignatureTransaction");
        var readerInfo = SdkTypeInfo("SigningToday.Dst.Serialization.DstReader", "DstList");
        var guard = GuardDelegate();
        var stages = new (string Name, Func<int> Run)[]
        {
            ("tokenize", () => Tokenize(page)),
            ("guard", () => guard(page) ? 1 : 0),
            ("stj-sdk", () => JsonSerializer.Deserialize(page, sdkInfo!)!.Values!.Count),
            ("dst-reader", () => readerInfo is null ? 0 : JsonSerializer.Deserialize(page, readerInfo)!.Values!.Count),
            ("stj-no-date-conv", () => JsonSerializer.Deserialize(page, ProfileNoDateJsonContext.Default.SigningTodayListDigitalSignatureTransaction)!.Values!.Count),
            ("stj-no-extradata-conv", () => JsonSerializer.Deserialize(page, ProfileNoExtraDataJsonContext.Default.SigningTodayListDigitalSignatureTransaction)!.Values!.Count),
            ("sdk-list", () => bench.Sdk().GetAwaiter().GetResult()),
            ("newtonsoft", () => Newtonsoft.Json.JsonConvert.DeserializeObject<DSTsGetResponse>(Encoding.UTF8.GetString(page), GeneratedJson.Settings)!.Values.Count),
            ("baseline", () => bench.Baseline().GetAwaiter().GetResult()),
        };

        if (only is not null)
        {
            var stage = stages.Single(s => s.Name == only);
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < rounds; i++)
            {
                stage.Run();
            }

            Console.WriteLine(only + ": " + rounds + " pages, " + ((Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency / rounds).ToString("0.00", Inv) + " ms/page");
            return 0;
        }

        foreach (var stage in stages)
        {
            for (int i = 0; i < 5; i++)
            {
                stage.Run();
            }
        }

        var times = new double[stages.Length][];
        var bytes = new long[stages.Length];
        for (int s = 0; s < stages.Length; s++)
        {
            times[s] = new double[rounds];
            long before = GC.GetTotalAllocatedBytes(precise: true);
            stages[s].Run();
            bytes[s] = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        for (int r = 0; r < rounds; r++)
        {
            for (int k = 0; k < stages.Length; k++)
            {
                // Alternate the order each round, so no stage always follows the same one.
                int s = r % 2 == 0 ? k : stages.Length - 1 - k;
                long start = Stopwatch.GetTimestamp();
                stages[s].Run();
                times[s][r] = (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency;
            }
        }

        int newtonsoft = Array.FindIndex(stages, s => s.Name == "newtonsoft");
        double reference = Median(times[newtonsoft]);
        Console.WriteLine("page: " + page.Length.ToString("N0", Inv) + " bytes, " + rounds + " rounds; median ms/page, ratio to Newtonsoft alone, bytes allocated (one page)");
        for (int s = 0; s < stages.Length; s++)
        {
            double median = Median(times[s]);
            Console.WriteLine(stages[s].Name.PadRight(24) + median.ToString("0.00", Inv).PadLeft(9) + " ms  " + (median / reference).ToString("0.000", Inv) + "x  " + bytes[s].ToString("N0", Inv).PadLeft(12) + " B");
        }

        return 0;
    }

    private static int CountOf(byte[] page)
    {
        using var doc = JsonDocument.Parse(page);
        return doc.RootElement.GetProperty("values").GetArrayLength();
    }

    private static int Tokenize(byte[] page)
    {
        var reader = new Utf8JsonReader(page);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    // The SDK's own (internal) metadata and guard, found by name: the profile measures exactly what the list path runs
    // (the generated context's metadata, and the hand-written reader where the build has one; null when it has not).
    private static JsonTypeInfo<SigningTodayList<DigitalSignatureTransaction>>? SdkTypeInfo(string typeName, string property)
    {
        var type = typeof(SigningToday.Dst.SigningTodayClient).Assembly.GetType(typeName, throwOnError: false);
        if (type is null)
        {
            return null;
        }

        var instance = type.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        var info = type.GetProperty(property, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance);
        return (JsonTypeInfo<SigningTodayList<DigitalSignatureTransaction>>?)info?.GetValue(info.GetMethod!.IsStatic ? null : instance);
    }

    private delegate bool GuardFunc(ReadOnlySpan<byte> json, out string? duplicate);

    private static Func<byte[], bool> GuardDelegate()
    {
        var guard = typeof(TolerantDateTimeOffsetConverter).Assembly.GetType("SigningClients.Core.Serialization.JsonDuplicateKeyGuard", throwOnError: true)!;
        var find = guard.GetMethod("TryFindDuplicate", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<GuardFunc>();
        return page => find(page, out _);
    }

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>The SDK's options without the date converter (the serializer's own ISO 8601 reader instead).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = new[] { typeof(JsonObjectDictionaryConverter) })]
[JsonSerializable(typeof(SigningTodayList<DigitalSignatureTransaction>))]
internal sealed partial class ProfileNoDateJsonContext : JsonSerializerContext
{
}

/// <summary>The SDK's options without the extraData converter (the serializer's own dictionary of elements).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = new[] { typeof(TolerantDateTimeOffsetConverter) })]
[JsonSerializable(typeof(SigningTodayList<DigitalSignatureTransaction>))]
internal sealed partial class ProfileNoExtraDataJsonContext : JsonSerializerContext
{
}
