using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using SigningClients.Core.Serialization;
using SigningClients.Core.Tests.Oracle;
using Xunit;

namespace SigningClients.Core.Tests;

/// <summary>
/// The structural duplicate-member scanner against the Utf8JsonReader pass it replaced (kept as the oracle,
/// <see cref="JsonDuplicateKeyGuardV1"/>), over a generated corpus: names in every case, escaped, not ASCII, with
/// surrogate pairs; strings holding braces, quotes, colons, slashes and comment openers; comments and trailing
/// commas; deep nesting; objects with many members; and the same documents damaged at random.
/// </summary>
/// <remarks>
/// The rule checked: where the oracle gives an answer (a valid document, or a valid prefix up to the first repeated
/// name) the scanner gives the same answer and the same name; where the oracle refuses the text as not JSON, the
/// scanner either refuses it too (<see cref="JsonException"/>, never another exception) or answers, and then the
/// strict reader every deserialization uses refuses the text.
/// </remarks>
public sealed class DuplicateKeyGuardDifferentialTests
{
    private static readonly string[] Names =
    {
        "id", "ID", "Id", "iD", "\\u0069d", "i\\u0064", "\\u0049\\u0044", "status", "STATUS", "st\\u0061tus",
        "caf\u00e9", "CAF\u00c9", "caf\\u00e9", "CAF\\u00C9", "cafe", "stra\u00dfe", "STRASSE", "\u03c3", "\u03a3", "\u03c2",
        "\u0130", "i\u0307", "\u01c5", "\u01c4", "\u01c6", "\ud83d\ude00", "\\ud83d\\ude00", "\\uD83D\\uDE00",
        "a{", "b\\\"}", ":", "\\\\", "/", "//", "/*", "*/", "a,b", "[", "]", "x\\ny", "x\\u000Ay", "", " ", "\\/", "\\b\\f\\r\\t",
        "@a", "`a", "_A", "_a", "a\u0000b".Replace("\u0000", "\\u0000"), "longname_" + new string('q', 70), "LONGNAME_" + new string('Q', 70),
    };

    private static readonly string[] Scalars =
    {
        "0", "-1", "3.25", "1e10", "-0.5E-3", "true", "false", "null", "\"\"", "\"{\"", "\"}\"", "\"[\\\"]\"", "\"a:b\"",
        "\"x,y\"", "\"//not a comment\"", "\"/*no*/\"", "\"\\\\\"", "\"\\\"\"", "\"\\\\\\\"\"", "\"caf\u00e9\"", "\"\\u00e9\"",
        "\"https://example.com/a?b=c\"", "\"line\\nbreak\"", "\"\ud83d\ude00\"", "12345678901234567890",
    };

    private static readonly string[] Gaps = { "", "", "", " ", "\n", "\r\n", "\t", " /* c */ ", "/*{\"a\":1}*/", "// x\n", "//\"q\"\r\n", "/**/", "/* * / */" };

    [Fact]
    public void Generated_documents_give_the_oracle_answer()
    {
        var random = new Random(20261201);
        int valid = 0, duplicates = 0;
        for (int n = 0; n < 6000; n++)
        {
            var options = new GenOptions(random.Next(3) == 0, random.Next(4) == 0, random.Next(2) == 0, random.Next(10) == 0);
            var json = Encoding.UTF8.GetBytes(Value(random, options, depth: 0, maxDepth: random.Next(1, 7)));
            var outcome = Compare(json);
            valid += outcome.OracleAnswered ? 1 : 0;
            duplicates += outcome.Duplicate ? 1 : 0;
        }

        // The corpus reaches both answers often (so a scanner that always said one thing would fail above). Some
        // documents with comments are refused by the oracle: Utf8JsonReader allows no comment between a name and its
        // colon; those are checked by the rule for refused text.
        Assert.True(valid > 4500, "valid: " + valid);
        Assert.True(duplicates > 700 && duplicates < valid - 1000, "duplicates: " + duplicates + " of " + valid);
    }

    [Fact]
    public void Damaged_documents_are_refused_or_answered_as_the_oracle_does_never_crash()
    {
        var random = new Random(7);
        const string Alphabet = "{}[],:\"\\/*nu0-. \n\rtfe\u00e9";
        int refusedByOracle = 0;
        for (int n = 0; n < 6000; n++)
        {
            var text = Value(random, new GenOptions(random.Next(2) == 0, random.Next(2) == 0, random.Next(2) == 0, false), 0, random.Next(1, 6));
            var chars = text.ToList();
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits && chars.Count > 0; e++)
            {
                int at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                    default: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                }
            }

            var bytes = Encoding.UTF8.GetBytes(new string(chars.ToArray()));
            if (random.Next(8) == 0 && bytes.Length > 0)
            {
                bytes = bytes.Take(random.Next(bytes.Length)).ToArray(); // cut anywhere, also inside a UTF-8 sequence
            }

            refusedByOracle += Compare(bytes).OracleAnswered ? 0 : 1;
        }

        Assert.True(refusedByOracle > 2000, "refused by the oracle: " + refusedByOracle);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/* only a comment */")]
    [InlineData("// only a comment")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("{\"a\":1}}")]
    [InlineData("[1,2")]
    [InlineData("{\"a")]
    [InlineData("{\"a\\")]
    [InlineData("{\"a\":\"x")]
    [InlineData("{\"a\":1 /* open")]
    [InlineData("{\"a\":1 / 2}")]
    [InlineData("{\"a\":1}/")]
    [InlineData("{\"a\":1,\"a\":2")]
    [InlineData("{\"a\":tru,\"a\":1}")]
    [InlineData("{\"a\":1}{\"b\":1,\"b\":2}")]
    [InlineData("{\"\\uD800\":1}")]
    [InlineData("{\"\\uD800\":1,\"\\uD800\":2}")]
    [InlineData("{\"\\x\":1}")]
    [InlineData("{\"\\u12\":1}")]
    [InlineData("{\"a\":1,,\"b\":2}")]
    [InlineData("{,}")]
    [InlineData("[,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1 // c\u2028\"a\":2}")]
    [InlineData("{\"a\":1 // c\u2029,\"b\":2}")]
    [InlineData("{\"a\":1 // c\r\"a\":2}")]
    [InlineData("{\"a\":1 // c\r\n,\"a\":2}")]
    [InlineData("{\"a\":1, // c\r\"A\":2}")]
    [InlineData("{\"a\":1, /* c\n */ \"A\":2}")]
    [InlineData("{\"a\" /* c */ : /* c */ 1 /* c */ , /* c */ \"A\" : 2}")]
    [InlineData("\"just a string\"")]
    [InlineData("123")]
    [InlineData("{\"a\":{\"b\":[{\"c\":1,\"C\":2}]}}")]
    public void Edge_cases_give_the_oracle_answer(string json) => Compare(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Invalid_utf8_in_names_and_values_is_refused_or_answered_as_the_oracle_does()
    {
        byte[][] cases =
        {
            new byte[] { (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}' },
            new byte[] { (byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)',', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'2', (byte)'}' },
            new byte[] { (byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, (byte)'"', (byte)'}' },
            new byte[] { (byte)'{', (byte)'"', 0xED, 0xA0, 0x80, (byte)'"', (byte)':', (byte)'1', (byte)'}' },
            new byte[] { (byte)'{', (byte)'"', (byte)'a', 0x01, (byte)'"', (byte)':', (byte)'1', (byte)'}' },
        };
        foreach (var json in cases)
        {
            Compare(json);
        }
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void Nesting_is_limited_as_before(int depth)
    {
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{\"a\":1,\"A\":2}" + new string('}', depth - 1);
        Compare(Encoding.UTF8.GetBytes(objects));
        var arrays = new string('[', depth) + new string(']', depth);
        Compare(Encoding.UTF8.GetBytes(arrays));
        var unclosed = new string('[', depth);
        Compare(Encoding.UTF8.GetBytes(unclosed));
    }

    [Fact]
    public void Hostile_inputs_cost_linear_time()
    {
        // Each is ~1 MB; a quadratic scan of any of them would take minutes. Bounds are generous (shared machine).
        var inputs = new[]
        {
            "[" + string.Join(",", Enumerable.Repeat("\"" + new string('\\', 40) + "\"", 20000)) + "]",
            "{" + string.Join(",", Enumerable.Range(0, 50000).Select(i => "\"k" + i + "\":0")) + "}",
            "[" + string.Join(",", Enumerable.Repeat("/*/*/*/*/*/ 1", 50000)) + "]",
            "\"" + new string('\\', 1_000_000),
            "[" + new string(' ', 1_000_000),
            string.Concat(Enumerable.Repeat("{\"a\":[", 30)) + string.Join(",", Enumerable.Repeat("1", 300000)),
        };
        foreach (var text in inputs)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                JsonDuplicateKeyGuard.TryFindDuplicate(bytes, out _);
            }
            catch (JsonException)
            {
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "took " + clock.Elapsed);
        }
    }

    [Fact]
    public void The_real_answers_of_the_benchmarks_and_simulators_shape_give_the_oracle_answer()
    {
        string workflow = "{\"msg\":\"OK\",\"parameters\":null,\"response\":{\"id\":\"64b7f0c2a1e3d4f5a6b7c8d9\",\"name\":\"Employment contract - J. Tremblay\",\"status\":1," +
            "\"documents\":[{\"documentId\":\"d1\",\"name\":\"contract.pdf\",\"fields\":[{\"x\":72.5,\"y\":640.25,\"width\":180,\"height\":48,\"page\":3,\"assignedTo\":\"a1\"}]}]," +
            "\"createdOn\":\"2024-05-01T10:00:00.000Z\",\"editUrl\":\"https://cloud.consigno.com/workspace/x/edit\",\"actions\":[{\"id\":\"a1\",\"step\":1,\"status\":\"STARTED\"," +
            "\"signer\":{\"type\":\"EXTERNAL\",\"firstName\":\"Jean\",\"amr\":[\"EMAIL\",\"SMS\"],\"placeHolder\":false}}],\"webhooks\":[],\"workflowOwnerEmailsEnabled\":true}}";
        Assert.False(Compare(Encoding.UTF8.GetBytes(workflow)).Duplicate);
        Assert.True(Compare(Encoding.UTF8.GetBytes(workflow.Replace("\"step\":1", "\"step\":1,\"Step\":2", StringComparison.Ordinal))).Duplicate);
    }

    private static Outcome Compare(byte[] json)
    {
        bool oracleAnswered;
        bool oracleResult = false;
        string? oracleDuplicate = null;
        try
        {
            oracleResult = JsonDuplicateKeyGuardV1.TryFindDuplicate(json, out oracleDuplicate);
            oracleAnswered = true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The oracle also threw InvalidOperationException for names it could not decode (lone surrogates, bad UTF-8).
            oracleAnswered = false;
        }

        bool result = false;
        string? duplicate = null;
        bool refused = false;
        try
        {
            result = JsonDuplicateKeyGuard.TryFindDuplicate(json, out duplicate);
        }
        catch (JsonException)
        {
            refused = true;
        }

        if (oracleAnswered)
        {
            if (refused || oracleResult != result || oracleDuplicate != duplicate)
            {
                Assert.Fail("oracle " + oracleResult + " '" + oracleDuplicate + "', scanner " + (refused ? "refused" : result + " '" + duplicate + "'") + ": " + Describe(json));
            }
        }
        else if (!refused && !result && !StrictReaderRefuses(json))
        {
            // Passed as "no duplicate": the strict reader of every deserialization must refuse the text.
            Assert.Fail("passed, but the strict reader accepts it: " + Describe(json));
        }

        return new Outcome(oracleAnswered, oracleAnswered && oracleResult);
    }

    private static bool StrictReaderRefuses(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
                {
                    reader.GetString(); // a deserializer decodes names and strings
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return true;
        }
    }

    private static string Describe(byte[] json) =>
        json.Length > 400 ? Convert.ToBase64String(json) : Encoding.UTF8.GetString(json) + " [" + Convert.ToHexString(json) + "]";

    private static string Value(Random random, GenOptions options, int depth, int maxDepth)
    {
        int kind = depth >= maxDepth ? 2 : random.Next(5);
        return kind switch
        {
            0 or 1 => Object(random, options, depth, maxDepth),
            3 => Array(random, options, depth, maxDepth),
            _ => Scalars[random.Next(Scalars.Length)],
        };
    }

    private static string Object(Random random, GenOptions options, int depth, int maxDepth)
    {
        // Wide objects near the top only (the documents stay small); deeper objects have fewer members.
        int count = options.Many && depth < 2 && random.Next(2) == 0 ? random.Next(20, 60) : random.Next(0, Math.Max(2, 6 - depth));
        var names = new List<string>();
        for (int i = 0; i < count; i++)
        {
            // Mostly distinct generated names, with pool names (case and escape variants of each other) mixed in.
            names.Add(random.Next(3) == 0 ? Names[random.Next(Names.Length)] : "n" + depth + "_" + i + (random.Next(2) == 0 ? "x" : "X"));
        }

        if (options.Duplicate && count > 0)
        {
            var again = names[random.Next(names.Count)];
            names.Insert(random.Next(names.Count + 1), random.Next(2) == 0 ? again.ToUpperInvariant() : again);
        }

        var builder = new StringBuilder("{");
        for (int i = 0; i < names.Count; i++)
        {
            builder.Append(Gap(random, options)).Append('"').Append(names[i]).Append('"').Append(Gap(random, options)).Append(':')
                .Append(Gap(random, options)).Append(Value(random, options, depth + 1, maxDepth)).Append(Gap(random, options));
            if (i < names.Count - 1 || (options.TrailingCommas && random.Next(3) == 0))
            {
                builder.Append(',');
            }
        }

        return builder.Append(Gap(random, options)).Append('}').ToString();
    }

    private static string Array(Random random, GenOptions options, int depth, int maxDepth)
    {
        int count = random.Next(0, Math.Max(2, 5 - depth));
        var builder = new StringBuilder("[");
        for (int i = 0; i < count; i++)
        {
            builder.Append(Gap(random, options)).Append(Value(random, options, depth + 1, maxDepth)).Append(Gap(random, options));
            if (i < count - 1 || (options.TrailingCommas && random.Next(3) == 0))
            {
                builder.Append(',');
            }
        }

        return builder.Append(']').ToString();
    }

    private static string Gap(Random random, GenOptions options) =>
        options.Comments ? Gaps[random.Next(Gaps.Length)] : Gaps[random.Next(7)];

    private readonly record struct GenOptions(bool Comments, bool TrailingCommas, bool Duplicate, bool Many);

    private readonly record struct Outcome(bool OracleAnswered, bool Duplicate);
}
