using System;
using System.Xml;

namespace Signant.InstantSign.Soap;

/// <summary>
/// Reader settings for buffered small answers, with a name table kept per thread: a status answer repeats the same
/// two dozen element names every time, and a new <see cref="NameTable"/> per answer (its entries and a string per
/// name) cost more than the answer's values. <see cref="Take"/> removes the instance from the thread's slot and
/// <see cref="Return"/> puts it back, so an instance is only ever used by one reader at a time. A table that has
/// collected more than <see cref="MaxNames"/> names (a server sending ever new element names) is dropped, not kept.
/// </summary>
internal sealed class SmallAnswerReaderSettings
{
    /// <summary>Names a kept table may hold; the Signant answers use well under a hundred.</summary>
    internal const int MaxNames = 512;

    [ThreadStatic]
    private static SmallAnswerReaderSettings? t_cached;

    private readonly CountingNameTable _names;

    private SmallAnswerReaderSettings(long maxCharacters)
    {
        _names = new CountingNameTable();
        MaxCharacters = maxCharacters;
        Settings = SoapResponseReader.CreateSettings(maxCharacters, async: false);
        Settings.NameTable = _names;
    }

    /// <summary>The document size limit these settings enforce.</summary>
    public long MaxCharacters { get; }

    /// <summary>The settings (synchronous reader, DTDs prohibited, no resolver, size cap) with this instance's name table.</summary>
    public XmlReaderSettings Settings { get; }

    /// <summary>The buffer the reader parses short values (counters, dates, ids) from, so they never become strings.</summary>
    public char[] ScalarBuffer { get; } = new char[SoapResponseReader.ScalarBufferLength];

    /// <summary>The number of distinct names the table holds.</summary>
    internal int NameCount => _names.Count;

    /// <summary>Takes this thread's instance for <paramref name="maxCharacters"/>, or a new one.</summary>
    public static SmallAnswerReaderSettings Take(long maxCharacters)
    {
        var cached = t_cached;
        t_cached = null;
        return cached is not null && cached.MaxCharacters == maxCharacters ? cached : new SmallAnswerReaderSettings(maxCharacters);
    }

    /// <summary>Gives an instance back to the current thread's slot (unless its name table grew too large).</summary>
    public static void Return(SmallAnswerReaderSettings settings)
    {
        if (settings._names.Count <= MaxNames)
        {
            t_cached = settings;
        }
    }

    /// <summary>A <see cref="NameTable"/> that counts the names it holds.</summary>
    private sealed class CountingNameTable : XmlNameTable
    {
        private readonly NameTable _inner = new();

        public int Count { get; private set; }

        public override string Add(char[] array, int offset, int length) =>
            _inner.Get(array, offset, length) ?? Added(_inner.Add(array, offset, length));

        public override string Add(string array) =>
            _inner.Get(array ?? throw new ArgumentNullException(nameof(array))) ?? Added(_inner.Add(array));

        public override string? Get(char[] array, int offset, int length) => _inner.Get(array, offset, length);

        public override string? Get(string array) => _inner.Get(array);

        private string Added(string name)
        {
            Count++;
            return name;
        }
    }
}
