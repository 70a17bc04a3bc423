using System.Linq;
using System.Text;
using SigningClients.Core.Serialization;
using Xunit;

namespace SigningClients.Core.Tests;

/// <summary>The guard against repeated member names, which reads every answer's bytes before it is deserialized.</summary>
public sealed class DuplicateKeyGuardTests
{
    [Theory]
    [InlineData("{\"a\":1,\"a\":2}", "a")]
    [InlineData("{\"IsSuccessful\":false,\"isSuccessful\":true}", "isSuccessful")]
    [InlineData("{\"x\":{\"id\":1,\"ID\":2}}", "ID")]
    [InlineData("{\"x\":[{\"id\":1},{\"id\":1,\"iD\":2}]}", "iD")]
    [InlineData("{\"st\\u0061tus\":1,\"status\":2}", "status")]
    [InlineData("{\"status\":1,\"st\\u0061tus\":2}", "status")]
    [InlineData("{\"caf\u00e9\":1,\"CAF\u00c9\":2}", "CAF\u00c9")]
    [InlineData("{\"caf\u00e9\":1,\"CAF\\u00c9\":2}", "CAF\u00c9")]
    public void A_repeated_name_is_found_whatever_its_case_or_escaping(string json, string expected)
    {
        Assert.True(JsonDuplicateKeyGuard.TryFindDuplicate(Encoding.UTF8.GetBytes(json), out var duplicate));
        Assert.Equal(expected, duplicate);
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":2}")]
    [InlineData("{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}]}")]
    [InlineData("{\"@a\":1,\"`a\":2,\"[\":3,\"{\":4}")]
    [InlineData("{\"ab\":1,\"abc\":2,\"a\":3}")]
    [InlineData("[{\"a\":1},{\"a\":1}]")]
    [InlineData("{\"caf\u00e9\":1,\"cafe\":2}")]
    public void Distinct_names_in_each_object_are_accepted(string json)
    {
        Assert.False(JsonDuplicateKeyGuard.TryFindDuplicate(Encoding.UTF8.GetBytes(json), out var duplicate));
        Assert.Null(duplicate);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(2000)]
    public void Large_objects_are_checked_whole(int members)
    {
        string names = string.Join(",", Enumerable.Range(0, members).Select(i => "\"m" + i + "\":" + i));
        Assert.False(JsonDuplicateKeyGuard.TryFindDuplicate(Encoding.UTF8.GetBytes("{" + names + "}"), out _));

        // The first name again, in another case, at the end; and a middle one repeated right after itself.
        Assert.True(JsonDuplicateKeyGuard.TryFindDuplicate(Encoding.UTF8.GetBytes("{" + names + ",\"M0\":0}"), out var last));
        Assert.Equal("M0", last);
        string twice = string.Join(",", Enumerable.Range(0, members).Select(i => "\"m" + i + "\":" + i + (i == members / 2 ? ",\"m" + i + "\":0" : string.Empty)));
        Assert.True(JsonDuplicateKeyGuard.TryFindDuplicate(Encoding.UTF8.GetBytes("{" + twice + "}"), out var middle));
        Assert.Equal("m" + (members / 2), middle);
    }

    [Fact]
    public void A_nested_object_does_not_see_its_parent_names_and_the_parent_keeps_its_own()
    {
        Assert.False(JsonDuplicateKeyGuard.TryFindDuplicate(Encoding.UTF8.GetBytes("{\"a\":1,\"o\":{\"a\":2,\"b\":3},\"b\":4}"), out _));
        Assert.True(JsonDuplicateKeyGuard.TryFindDuplicate(Encoding.UTF8.GetBytes("{\"a\":1,\"o\":{\"b\":3},\"A\":4}"), out var duplicate));
        Assert.Equal("A", duplicate);
    }

    [Fact]
    public void Reading_a_clean_document_allocates_nothing_per_name()
    {
        string item = "{\"id\":1,\"status\":\"x\",\"createdAt\":\"2024-01-01\",\"tags\":[\"a\"],\"extraData\":{\"k\":1}}";
        var small = Encoding.UTF8.GetBytes("[" + item + "]");
        var large = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(item, 2000)) + "]");
        JsonDuplicateKeyGuard.TryFindDuplicate(small, out _);
        JsonDuplicateKeyGuard.TryFindDuplicate(large, out _);

        long before = System.GC.GetAllocatedBytesForCurrentThread();
        JsonDuplicateKeyGuard.TryFindDuplicate(small, out _);
        long smallBytes = System.GC.GetAllocatedBytesForCurrentThread() - before;
        before = System.GC.GetAllocatedBytesForCurrentThread();
        JsonDuplicateKeyGuard.TryFindDuplicate(large, out _);
        long largeBytes = System.GC.GetAllocatedBytesForCurrentThread() - before;

        // 12,000 names: one string per name would be well over 300 KB.
        Assert.True(largeBytes - smallBytes < 1024, "allocated " + largeBytes + " B for 2,000 objects vs " + smallBytes + " B for one");
    }
}
