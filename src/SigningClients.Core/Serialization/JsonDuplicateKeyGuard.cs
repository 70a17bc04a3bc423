using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace SigningClients.Core.Serialization;

/// <summary>
/// Refuses JSON whose objects repeat a member name — exactly or differing only in case. Deserializers resolve such
/// ambiguity silently (the last one wins, case-insensitively), so <c>{"IsSuccessful":false,"IsSuccessful":true}</c>
/// would read as success; an ambiguous answer is refused instead.
/// </summary>
/// <remarks>
/// Every answer passes through here before it is deserialized, so the check works on the UTF-8 bytes: an object's
/// names are kept as positions in the document and compared byte by byte (ASCII, case folded), which allocates
/// nothing for the names real answers use. A name that is escaped or not ASCII is compared as a string
/// (<see cref="StringComparer.OrdinalIgnoreCase"/>, the rule of the deserializers), and an object with many members
/// switches to a hash set of strings, so a hostile object with very many members costs linear time.
/// </remarks>
internal static class JsonDuplicateKeyGuard
{
    // Up to this many names per object are compared pairwise; a larger object uses a hash set.
    private const int LinearScanLimit = 24;

    /// <summary>Finds the first repeated member name in <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">The JSON document (UTF-8).</param>
    /// <param name="duplicate">The repeated name (as it appears the second time), bounded to 64 characters.</param>
    /// <returns>Whether a member name is repeated in one object.</returns>
    /// <exception cref="JsonException">The text is not valid JSON (or nests deeper than 64 levels).</exception>
    public static bool TryFindDuplicate(ReadOnlySpan<byte> utf8Json, out string? duplicate)
    {
        duplicate = null;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        // The names of every open object, innermost last (a stack); each open scope remembers where its names start.
        var names = new Name[64];
        int nameCount = 0;
        var scopes = new Scope[16];
        int depth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (depth == scopes.Length)
                    {
                        Array.Resize(ref scopes, depth * 2);
                    }

                    scopes[depth++] = new Scope(nameCount);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    nameCount = scopes[--depth].Start;
                    scopes[depth] = default;
                    break;
                case JsonTokenType.PropertyName:
                    ref var scope = ref scopes[depth - 1];
                    var name = Name.Of(ref reader);
                    if (scope.Set is not null)
                    {
                        var text = name.Text ?? Decode(utf8Json, name);
                        if (!scope.Set.Add(text))
                        {
                            duplicate = Bound(text);
                            return true;
                        }

                        break;
                    }

                    for (int i = scope.Start; i < nameCount; i++)
                    {
                        if (SameName(utf8Json, names[i], name))
                        {
                            duplicate = Bound(name.Text ?? Decode(utf8Json, name));
                            return true;
                        }
                    }

                    if (nameCount - scope.Start == LinearScanLimit)
                    {
                        // Many members: a hash set from here on (the names so far move into it).
                        scope.Set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        for (int i = scope.Start; i < nameCount; i++)
                        {
                            scope.Set.Add(names[i].Text ?? Decode(utf8Json, names[i]));
                        }

                        scope.Set.Add(name.Text ?? Decode(utf8Json, name));
                        break;
                    }

                    if (nameCount == names.Length)
                    {
                        Array.Resize(ref names, nameCount * 2);
                    }

                    names[nameCount++] = name;
                    break;
            }
        }

        return false;
    }

    private static bool SameName(ReadOnlySpan<byte> json, in Name a, in Name b)
    {
        if (a.Text is null && b.Text is null)
        {
            // Both plain ASCII: equal ignoring case iff same length and equal after folding A-Z to a-z.
            if (a.Length != b.Length)
            {
                return false;
            }

            var x = json.Slice(a.Start, a.Length);
            var y = json.Slice(b.Start, b.Length);
            for (int i = 0; i < x.Length; i++)
            {
                int p = x[i], q = y[i];
                if (p != q && ((p | 0x20) != (q | 0x20) || (uint)((p | 0x20) - 'a') > 'z' - 'a'))
                {
                    return false;
                }
            }

            return true;
        }

        // An escaped or non-ASCII name (rare): the deserializers' rule, on strings.
        return string.Equals(a.Text ?? Decode(json, a), b.Text ?? Decode(json, b), StringComparison.OrdinalIgnoreCase);
    }

    private static string Decode(ReadOnlySpan<byte> json, in Name name)
    {
#if NET
        return Encoding.UTF8.GetString(json.Slice(name.Start, name.Length));
#else
        return Encoding.UTF8.GetString(json.Slice(name.Start, name.Length).ToArray());
#endif
    }

    private static string Bound(string name) => name.Length > 64 ? name.Substring(0, 64) : name;

    /// <summary>A member name: its position in the document when it is plain ASCII, else its (unescaped) text.</summary>
    private readonly struct Name
    {
        private Name(int start, int length, string? text)
        {
            Start = start;
            Length = length;
            Text = text;
        }

        public int Start { get; }

        public int Length { get; }

        public string? Text { get; }

        public static Name Of(ref Utf8JsonReader reader)
        {
            var span = reader.ValueSpan;
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                bool ascii = true;
                for (int i = 0; i < span.Length; i++)
                {
                    if (span[i] >= 0x80)
                    {
                        ascii = false;
                        break;
                    }
                }

                if (ascii)
                {
                    // The name's bytes follow the opening quote of the token.
                    return new Name(checked((int)reader.TokenStartIndex + 1), span.Length, null);
                }
            }

            return new Name(0, 0, reader.GetString()!);
        }
    }

    private struct Scope
    {
        public Scope(int start)
        {
            Start = start;
            Set = null;
        }

        public int Start { get; }

        public HashSet<string>? Set { get; set; }
    }
}
