using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SigningClients.Core.Serialization;

/// <summary>
/// Refuses JSON whose objects repeat a member name — exactly or differing only in case. Deserializers resolve such
/// ambiguity silently (the last one wins, case-insensitively), so <c>{"IsSuccessful":false,"IsSuccessful":true}</c>
/// would read as success; an ambiguous answer is refused instead.
/// </summary>
internal static class JsonDuplicateKeyGuard
{
    /// <summary>Finds the first repeated member name in <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">The JSON document (UTF-8).</param>
    /// <param name="duplicate">The repeated name (as it appears the second time), bounded to 64 characters.</param>
    /// <returns>Whether a member name is repeated in one object.</returns>
    /// <exception cref="JsonException">The text is not valid JSON (or nests deeper than 64 levels).</exception>
    public static bool TryFindDuplicate(ReadOnlySpan<byte> utf8Json, out string? duplicate)
    {
        duplicate = null;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        // One name set per open object; arrays push null so that depth and scope stay aligned.
        var scopes = new Stack<HashSet<string>?>();
        var spare = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    scopes.Push(null);
                    break;
                case JsonTokenType.StartArray:
                    scopes.Push(null);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    if (scopes.Pop() is { } done)
                    {
                        done.Clear();
                        spare.Push(done);
                    }

                    break;
                case JsonTokenType.PropertyName:
                    var names = scopes.Pop() ?? (spare.Count > 0 ? spare.Pop() : new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                    scopes.Push(names);
                    var name = reader.GetString()!;
                    if (!names.Add(name))
                    {
                        duplicate = name.Length > 64 ? name.Substring(0, 64) : name;
                        return true;
                    }

                    break;
            }
        }

        return false;
    }
}
