using System;
using System.Buffers;
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
/// Every answer passes through here before it is deserialized, so the check is one structural pass over the UTF-8
/// bytes (strings, member names, brackets, commas, colons; numbers, literals and comments skipped unvalidated), not a
/// tokenizer: the deserialization that follows validates the text. An object's
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
    /// <exception cref="JsonException">
    /// The text is found not to be JSON: a string or comment that does not end, more closing than opening brackets (or
    /// fewer), nesting deeper than 64 levels, no value at all, or a member name that cannot be decoded. Other invalid
    /// text may pass (as "no duplicate" or, after a valid prefix, a duplicate): the deserialization that always follows
    /// refuses it.
    /// </exception>
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

    // JSON nesting deeper than this is refused, as Utf8JsonReader's default (and every deserializer's) does.
    private const int MaxDepth = 64;

    // A structural pass, not a tokenizer: it finds the strings (and which of them are member names), the braces and
    // brackets, the commas and colons, and skips everything else (numbers, literals, comments) without validating it.
    // What it does not check is checked by the deserialization that follows on the same bytes (every SDK read
    // deserializes what passed here, with a strict reader: no comments, no trailing commas): text that is not JSON may
    // pass here, never the deserializer. A valid document (comments and trailing commas allowed) gives exactly what
    // a Utf8JsonReader pass gives. Linear in the input: every byte is looked at a bounded number of times.
    private static bool Scan(ReadOnlySpan<byte> json, ref State state, out string? duplicate)
    {
        duplicate = null;
        int nameCount = 0;
        int depth = 0;
        bool tokens = false;
        // Whether the next string is a member name: right after '{' or after a ',' inside an object.
        bool expectName = false;
        int i = 0;
        while (i < json.Length)
        {
            byte b = json[i];
            switch (b)
            {
                case (byte)' ':
                case (byte)'\n':
                case (byte)'\r':
                case (byte)'\t':
                    i++;
                    break;
                case (byte)'{':
                case (byte)'[':
                    if (depth == MaxDepth)
                    {
                        throw new JsonException("The JSON nests deeper than " + MaxDepth + " levels.");
                    }

                    if (depth == state.Scopes.Length)
                    {
                        state.GrowScopes();
                    }

                    state.Scopes[depth++] = new Scope(nameCount, state.Texts?.Count ?? 0, isObject: b == (byte)'{');
                    expectName = b == (byte)'{';
                    tokens = true;
                    i++;
                    break;
                case (byte)'}':
                case (byte)']':
                    if (depth == 0)
                    {
                        throw new JsonException("The JSON closes more objects or arrays than it opens.");
                    }

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

                    expectName = false;
                    i++;
                    break;
                case (byte)',':
                    expectName = depth > 0 && state.Scopes[depth - 1].IsObject;
                    i++;
                    break;
                case (byte)':':
                    expectName = false;
                    i++;
                    break;
                case (byte)'"':
                    int close = EndOfString(json, i + 1, out bool escaped);
                    if (expectName)
                    {
                        expectName = false;
                        var name = NameAt(json, i, close, escaped, ref state.Texts);
                        if (IsRepeated(json, ref state, ref state.Scopes[depth - 1], ref nameCount, name, out duplicate))
                        {
                            return true;
                        }
                    }

                    tokens = true;
                    i = close + 1;
                    break;
                case (byte)'/':
                    i = SkipComment(json, i);
                    break;
                default:
                    // A number or a literal (or text the deserializer will refuse): up to the next delimiter.
                    tokens = true;
                    i++;
                    while (i < json.Length && !IsDelimiter(json[i]))
                    {
                        i++;
                    }

                    break;
            }
        }

        if (depth != 0 || !tokens)
        {
            throw new JsonException(tokens ? "The JSON ends inside an object or array." : "The input contains no JSON value.");
        }

        return false;
    }

    // Records a member name of the innermost (object) scope; true when the object already has it.
    private static bool IsRepeated(ReadOnlySpan<byte> json, ref State state, ref Scope scope, ref int nameCount, in Name name, out string? duplicate)
    {
        duplicate = null;
        if (scope.SetIndex >= 0)
        {
            var text = state.TextOf(json, name);
            if (!state.Sets![scope.SetIndex].Add(text))
            {
                duplicate = Bound(text);
                return true;
            }

            return false;
        }

        bool plain = name.TextIndex < 0;
        for (int i = scope.Start; i < nameCount; i++)
        {
            ref readonly var seen = ref state.Names[i];
            // Two plain names with different keys differ: most pairs are told apart by one comparison.
            if ((!plain || seen.TextIndex >= 0 || seen.Key == name.Key) && SameName(json, ref state, seen, name))
            {
                duplicate = Bound(state.TextOf(json, name));
                return true;
            }
        }

        if (nameCount - scope.Start == LinearScanLimit)
        {
            // Many members: a hash set from here on (the names so far move into it).
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = scope.Start; i < nameCount; i++)
            {
                set.Add(state.TextOf(json, state.Names[i]));
            }

            set.Add(state.TextOf(json, name));
            state.Sets ??= new List<HashSet<string>>();
            scope.SetIndex = state.Sets.Count;
            state.Sets.Add(set);
            return false;
        }

        if (nameCount == state.Names.Length)
        {
            state.GrowNames(nameCount);
        }

        state.Names[nameCount++] = name;
        return false;
    }

    // The index of the quote that closes the string whose content starts at start.
    private static int EndOfString(ReadOnlySpan<byte> json, int start, out bool escaped)
    {
        escaped = false;
        int i = start;

        // Most strings are short: looked at byte by byte first, searched for beyond.
        int shortEnd = Math.Min(json.Length, start + 16);
        for (; i < shortEnd; i++)
        {
            byte b = json[i];
            if (b == (byte)'"')
            {
                return i;
            }

            if (b == (byte)'\\')
            {
                break;
            }
        }

        while (true)
        {
            int found = i < json.Length ? json.Slice(i).IndexOfAny((byte)'"', (byte)'\\') : -1;
            if (found < 0)
            {
                throw new JsonException("The JSON ends inside a string.");
            }

            i += found;
            if (json[i] == (byte)'"')
            {
                return i;
            }

            // A backslash: the next byte is escaped (for \u, the four hex digits that follow are no delimiters).
            escaped = true;
            i += 2;
        }
    }

    // Skips the comment that starts at start ("//" to the end of the line, or "/* ... */"), as Utf8JsonReader's
    // JsonCommentHandling.Skip does.
    private static int SkipComment(ReadOnlySpan<byte> json, int start)
    {
        if (start + 1 < json.Length)
        {
            if (json[start + 1] == (byte)'/')
            {
                int end = json.Slice(start + 2).IndexOfAny((byte)'\n', (byte)'\r');
                return end < 0 ? json.Length : start + 2 + end + 1;
            }

            if (json[start + 1] == (byte)'*')
            {
                int end = json.Slice(start + 2).IndexOf(CommentEnd);
                if (end >= 0)
                {
                    return start + 2 + end + 2;
                }
            }
        }

        throw new JsonException("The JSON has an unterminated or invalid comment.");
    }

    private static int Fold(byte c) => (uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c;

    private static bool IsAscii(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return System.Text.Ascii.IsValid(bytes);
#else
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                return false;
            }
        }

        return true;
#endif
    }

    private static ReadOnlySpan<byte> CommentEnd => new[] { (byte)'*', (byte)'/' };

    // Bytes that end a number or a literal.
    private static bool IsDelimiter(byte b) =>
        b is (byte)',' or (byte)'}' or (byte)']' or (byte)':' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'"' or (byte)'{' or (byte)'[' or (byte)'/';

    // The member name whose opening quote is at quote and closing quote at close.
    private static Name NameAt(ReadOnlySpan<byte> json, int quote, int close, bool escaped, ref List<string>? texts)
    {
        int start = quote + 1;
        if (!escaped && IsAscii(json.Slice(start, close - start)))
        {
            // The key: length and the first and last bytes, folded as SameName compares (A-Z as a-z).
            int length = close - start;
            int key = length == 0 ? 0 : length | (Fold(json[start]) << 16) | (Fold(json[close - 1]) << 24);
            return new Name(start, length, -1, key);
        }

        // Escaped or not ASCII (rare): unescaped and decoded by System.Text.Json itself, from the string token alone,
        // so the text is exactly what a deserializer sees; text it cannot decode makes the document invalid.
        string text;
        try
        {
            var reader = new Utf8JsonReader(json.Slice(quote, close - quote + 1), new JsonReaderOptions());
            reader.Read();
            text = reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("A member name is not valid UTF-8 or UTF-16 text.", ex);
        }

        texts ??= new List<string>();
        texts.Add(text);
        return new Name(0, 0, texts.Count - 1, 0);
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

            return SameIgnoringAsciiCase(json.Slice(a.Start, a.Length), json.Slice(b.Start, b.Length));
        }

        // An escaped or non-ASCII name (rare): the deserializers' rule, on strings.
        return string.Equals(state.TextOf(json, a), state.TextOf(json, b), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether two ASCII names of the same length are equal after folding <c>A</c>-<c>Z</c> to <c>a</c>-<c>z</c>.</summary>
    internal static bool SameIgnoringAsciiCase(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
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
        public Name(int start, int length, int textIndex, int key)
        {
            Start = start;
            Length = length;
            TextIndex = textIndex;
            Key = key;
        }

        public int Start { get; }

        public int Length { get; }

        public int TextIndex { get; }

        /// <summary>For a plain ASCII name, its length and case-folded first and last bytes: names that differ here differ.</summary>
        public int Key { get; }
    }

    /// <summary>
    /// An open object or array: where its names and texts start, and its hash set (index in the set list) once it has
    /// many members.
    /// </summary>
    private struct Scope
    {
        public Scope(int start, int textStart, bool isObject)
        {
            Start = start;
            TextStart = textStart;
            IsObject = isObject;
            SetIndex = -1;
        }

        public int Start { get; }

        public int TextStart { get; }

        public bool IsObject { get; }

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
