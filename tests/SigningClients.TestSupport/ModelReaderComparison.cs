using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Xunit;

namespace SigningClients.TestSupport;

/// <summary>
/// Compares a hand-written model reader (built on <c>JsonModelReader</c>) with the generated metadata it stands for:
/// the same value (written back with the metadata), the same members kept as extension data, the same refusals —
/// except that the reader refuses a repeated member name (compared case-insensitively, in any object at any depth)
/// where the metadata keeps the last value.
/// </summary>
public sealed class ModelReaderComparison
{
    private readonly JsonSerializerOptions _writeBack;
    private readonly string _modelNamespace;

    /// <param name="writeBack">Options the results are written back with (the package's metadata, plus whatever it needs for values such as NaN).</param>
    /// <param name="modelNamespace">The namespace (prefix) of the models whose extension data is listed.</param>
    public ModelReaderComparison(JsonSerializerOptions writeBack, string modelNamespace)
    {
        _writeBack = writeBack;
        _modelNamespace = modelNamespace;
    }

    /// <summary>Asserts that both read <paramref name="json"/> alike.</summary>
    public void AssertSame<T>(string json, JsonTypeInfo<T> generated, JsonTypeInfo<T> reader)
    {
        var expected = RepeatsAName(json) ? "JsonException" : Read(json, generated);
        var actual = Read(json, reader);
        Assert.True(expected == actual, "JSON: " + json + "\nGenerated metadata: " + expected + "\nReader:             " + actual);
    }

    /// <summary>The value read, written back with the generated metadata, and where extension data was kept; or the failure kind.</summary>
    public string Read<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException)
        {
            return "JsonException";
        }

        if (value is null)
        {
            return "null";
        }

        var unknown = new List<string>();
        FindAdditionalProperties(value, "$", unknown);
        return JsonSerializer.Serialize(value, (JsonTypeInfo<T>)_writeBack.GetTypeInfo(typeof(T))) + " additional: " + string.Join(",", unknown);
    }

    /// <summary>
    /// A JSON object with every member the generated metadata knows for <paramref name="type"/> (extension data aside), at
    /// every level, each with a value of its type: strings, integers, doubles, booleans, dates and lists here, the
    /// provider's own value types by <paramref name="leaf"/> (null for types it leaves to this method). Built from the
    /// metadata, so a member added to a model but not to its reader fails the comparison.
    /// </summary>
    public string Sample(Type type, Func<Type, string?> leaf)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (leaf(t) is { } special)
        {
            return special;
        }

        if (t == typeof(string))
        {
            return "\"s\"";
        }

        if (t == typeof(int) || t == typeof(long))
        {
            return "7";
        }

        if (t == typeof(double))
        {
            return "1.25";
        }

        if (t == typeof(bool))
        {
            return "true";
        }

        if (t == typeof(DateTimeOffset))
        {
            return "\"2024-05-01T10:00:00+02:00\"";
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return "[" + Sample(t.GetGenericArguments()[0], leaf) + "]";
        }

        var info = _writeBack.GetTypeInfo(t);
        Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
        var members = info.Properties.Where(p => !p.IsExtensionData).Select(p => "\"" + JsonEncodedText.Encode(p.Name) + "\":" + Sample(p.PropertyType, leaf)).ToArray();
        Assert.NotEmpty(members);
        return "{" + string.Join(",", members) + "}";
    }

    /// <summary>The test's own oracle: whether a valid JSON text repeats a name in one object (OrdinalIgnoreCase, any depth).</summary>
    public static bool RepeatsAName(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Repeats(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }

        static bool Repeats(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1) || e.EnumerateObject().Any(p => Repeats(p.Value)),
            JsonValueKind.Array => e.EnumerateArray().Any(Repeats),
            _ => false,
        };
    }

    private void FindAdditionalProperties(object? value, string path, List<string> found)
    {
        if (value is null || value.GetType().IsValueType || !(value.GetType().Namespace ?? string.Empty).StartsWith(_modelNamespace, StringComparison.Ordinal))
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var member = property.GetValue(value);
            if (property.Name == "AdditionalProperties")
            {
                if (member is IDictionary<string, JsonElement> additional)
                {
                    found.Add(path + ":" + additional.GetType().Name + "[" + string.Join(",", additional.Select(p => p.Key + "=" + p.Value.GetRawText())) + "]");
                }
            }
            else if (member is IList list)
            {
                for (int i = 0; i < list.Count; i++)
                {
                    FindAdditionalProperties(list[i], path + "." + property.Name + "[" + i + "]", found);
                }
            }
            else
            {
                FindAdditionalProperties(member, path + "." + property.Name, found);
            }
        }
    }
}
