using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace SigningClients.Core.Tests.Oracle;

/// <summary>
/// THE ORACLE: the duplicate-member guard as it was before the structural scanner (main at 7d38eb7, a Utf8JsonReader
/// pass), kept unchanged for the differential tests of the new one. Not used by the SDK.
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
internal static class JsonDuplicateKeyGuardV1
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
        // The names of every open object, innermost last (a stack), and the open scopes, each remembering where its
        // names start. Both are positions only (no references), kept on the stack while they fit and in arrays rented
        // from the pool beyond: checking a typical answer allocates nothing. The rare texts (escaped or non-ASCII
        // names) and hash sets (objects with many members) live in lists created on first use.
        var state = new State(stackalloc Name[InitialNames], stackalloc Scope[InitialScopes]);
        try
        {
            return Scan(utf8Json, ref state, out duplicate);
        }
        finally
        {
            state.ReturnRented();
        }
    }

    private const int InitialNames = 32;
    private const int InitialScopes = 16;

    private static bool Scan(ReadOnlySpan<byte> utf8Json, ref State state, out string? duplicate)
    {
        duplicate = null;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        int nameCount = 0;
        int depth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (depth == state.Scopes.Length)
                    {
                        state.GrowScopes();
                    }

                    state.Scopes[depth++] = new Scope(nameCount, state.Texts?.Count ?? 0);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    // The closed scope's names, texts and set are forgotten (the set is the innermost: the last one).
                    var closed = state.Scopes[--depth];
                    nameCount = closed.Start;
                    if (state.Texts is { } texts && texts.Count > closed.TextStart)
                    {
                        texts.RemoveRange(closed.TextStart, texts.Count - closed.TextStart);
                    }

                    if (closed.SetIndex >= 0)
                    {
                        state.Sets!.RemoveAt(closed.SetIndex);
                    }

                    break;
                case JsonTokenType.PropertyName:
                    ref var scope = ref state.Scopes[depth - 1];
                    var name = Name.Of(ref reader, ref state.Texts);
                    if (scope.SetIndex >= 0)
                    {
                        var text = state.TextOf(utf8Json, name);
                        if (!state.Sets![scope.SetIndex].Add(text))
                        {
                            duplicate = Bound(text);
                            return true;
                        }

                        break;
                    }

                    for (int i = scope.Start; i < nameCount; i++)
                    {
                        if (SameName(utf8Json, ref state, state.Names[i], name))
                        {
                            duplicate = Bound(state.TextOf(utf8Json, name));
                            return true;
                        }
                    }

                    if (nameCount - scope.Start == LinearScanLimit)
                    {
                        // Many members: a hash set from here on (the names so far move into it).
                        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        for (int i = scope.Start; i < nameCount; i++)
                        {
                            set.Add(state.TextOf(utf8Json, state.Names[i]));
                        }

                        set.Add(state.TextOf(utf8Json, name));
                        state.Sets ??= new List<HashSet<string>>();
                        scope.SetIndex = state.Sets.Count;
                        state.Sets.Add(set);
                        break;
                    }

                    if (nameCount == state.Names.Length)
                    {
                        state.GrowNames(nameCount);
                    }

                    state.Names[nameCount++] = name;
                    break;
            }
        }

        return false;
    }

    private static bool SameName(ReadOnlySpan<byte> json, ref State state, in Name a, in Name b)
    {
        if (a.TextIndex < 0 && b.TextIndex < 0)
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
        return string.Equals(state.TextOf(json, a), state.TextOf(json, b), StringComparison.OrdinalIgnoreCase);
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

    /// <summary>
    /// A member name: its position in the document when it is plain ASCII (<see cref="TextIndex"/> −1), else the index
    /// of its (unescaped) text in the scan's text list.
    /// </summary>
    private readonly struct Name
    {
        private Name(int start, int length, int textIndex)
        {
            Start = start;
            Length = length;
            TextIndex = textIndex;
        }

        public int Start { get; }

        public int Length { get; }

        public int TextIndex { get; }

        public static Name Of(ref Utf8JsonReader reader, ref List<string>? texts)
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
                    return new Name(checked((int)reader.TokenStartIndex + 1), span.Length, -1);
                }
            }

            texts ??= new List<string>();
            texts.Add(reader.GetString()!);
            return new Name(0, 0, texts.Count - 1);
        }
    }

    /// <summary>
    /// An open object or array: where its names and texts start, and its hash set (index in the set list) once it has
    /// many members.
    /// </summary>
    private struct Scope
    {
        public Scope(int start, int textStart)
        {
            Start = start;
            TextStart = textStart;
            SetIndex = -1;
        }

        public int Start { get; }

        public int TextStart { get; }

        public int SetIndex { get; set; }
    }

    /// <summary>The scan's stacks (on the stack, or rented when deep or wide) and its rare texts and sets.</summary>
    private ref struct State
    {
        private Name[]? _rentedNames;
        private Scope[]? _rentedScopes;

        public State(Span<Name> names, Span<Scope> scopes)
        {
            Names = names;
            Scopes = scopes;
            _rentedNames = null;
            _rentedScopes = null;
            Texts = null;
            Sets = null;
        }

        public Span<Name> Names;

        public Span<Scope> Scopes;

        public List<string>? Texts;

        public List<HashSet<string>>? Sets;

        public string TextOf(ReadOnlySpan<byte> json, in Name name) => name.TextIndex >= 0 ? Texts![name.TextIndex] : Decode(json, name);

        public void GrowNames(int used)
        {
            var larger = ArrayPool<Name>.Shared.Rent(Names.Length * 2);
            Names.Slice(0, used).CopyTo(larger);
            if (_rentedNames is not null)
            {
                ArrayPool<Name>.Shared.Return(_rentedNames);
            }

            _rentedNames = larger;
            Names = larger;
        }

        public void GrowScopes()
        {
            var larger = ArrayPool<Scope>.Shared.Rent(Scopes.Length * 2);
            Scopes.CopyTo(larger);
            if (_rentedScopes is not null)
            {
                ArrayPool<Scope>.Shared.Return(_rentedScopes);
            }

            _rentedScopes = larger;
            Scopes = larger;
        }

        public void ReturnRented()
        {
            if (_rentedNames is not null)
            {
                ArrayPool<Name>.Shared.Return(_rentedNames);
                _rentedNames = null;
            }

            if (_rentedScopes is not null)
            {
                ArrayPool<Scope>.Shared.Return(_rentedScopes);
                _rentedScopes = null;
            }
        }
    }
}
