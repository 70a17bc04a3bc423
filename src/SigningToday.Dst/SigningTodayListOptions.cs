using System;
using System.Globalization;

namespace SigningToday.Dst;

/// <summary>Options of a Signing Today list: page size, <c>$count</c>, <c>$orderBy</c> and <c>$filter</c>.</summary>
public class SigningTodayListOptions
{
    /// <summary>Items per request (<c>$top</c>); default from <see cref="SigningTodayClientOptions.DefaultPageSize"/>. A page size hint given to <c>AsPages</c> wins.</summary>
    public int? PageSize { get; set; }

    /// <summary>Ask the server for the total count (<c>$count=true</c>); it is exposed as <c>Page.TotalCount</c> and stops paging at the end.</summary>
    public bool IncludeCount { get; set; }

    /// <summary>The raw <c>$orderBy</c> value, e.g. <c>updatedAt,desc</c> (see <see cref="SigningTodayOrder"/>).</summary>
    public string? OrderBy { get; set; }

    /// <summary>The raw <c>$filter</c> value, e.g. <c>title==Sample Template</c> (see <see cref="SigningTodayFilter"/>).</summary>
    public string? Filter { get; set; }
}

/// <summary>Options of lists scoped to a user (devices, DSTs instantiated by file).</summary>
public class SigningTodayUserListOptions : SigningTodayListOptions
{
    /// <summary>The user whose objects to list (<c>userId</c>); the authenticated user when not set.</summary>
    public string? UserId { get; set; }
}

/// <summary>Options of <see cref="IDstOperations.ListAsync"/>.</summary>
public sealed class DstListOptions : SigningTodayUserListOptions
{
    /// <summary><see langword="true"/> lists templates, <see langword="false"/> instances; not sent when <see langword="null"/>.</summary>
    public bool? Template { get; set; }
}

/// <summary>
/// Builds <c>$filter</c> expressions the way the doc's reference writes them: <c>name == "Milk" or surname == "Bread"</c>
/// (string values in double quotes, numbers and booleans bare), combined with <c>and</c>/<c>or</c>. The quick start's
/// unquoted form (<c>title==Sample Template</c>) can still be given as raw text in <see cref="SigningTodayListOptions.Filter"/>.
/// </summary>
public static class SigningTodayFilter
{
    /// <summary>A <c>field == "value"</c> filter (the value in double quotes, as in the doc).</summary>
    /// <param name="field">The field name, e.g. <c>title</c>.</param>
    /// <param name="value">The value. The doc does not say how a double quote inside a value is escaped, so one is refused.</param>
    /// <returns>The filter text.</returns>
    /// <exception cref="ArgumentException">The field is empty or not a plain name, or the value contains a double quote.</exception>
    public static string Equal(string field, string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (value.IndexOf('"') >= 0)
        {
            throw new ArgumentException("The value contains a double quote; the doc does not define how to escape it inside a $filter string. Write the filter as raw text if the server accepts a form.", nameof(value));
        }

        return Field(field) + " == \"" + value + "\"";
    }

    /// <summary>A <c>field == number</c> filter (the number bare).</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The filter text.</returns>
    public static string Equal(string field, long value) => Field(field) + " == " + value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A <c>field == true|false</c> filter (the boolean bare, lower case).</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The filter text.</returns>
    public static string Equal(string field, bool value) => Field(field) + (value ? " == true" : " == false");

    /// <summary>Combines filters with <c>and</c>.</summary>
    /// <param name="left">Left filter.</param>
    /// <param name="right">Right filter.</param>
    /// <returns>The filter text.</returns>
    public static string And(string left, string right) => Combine(left, "and", right);

    /// <summary>Combines filters with <c>or</c>.</summary>
    /// <param name="left">Left filter.</param>
    /// <param name="right">Right filter.</param>
    /// <returns>The filter text.</returns>
    public static string Or(string left, string right) => Combine(left, "or", right);

    private static string Field(string field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            throw new ArgumentException("The field name is required.", nameof(field));
        }

        foreach (char c in field)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.'))
            {
                throw new ArgumentException("The field name must be a plain member name such as title or createdAt.", nameof(field));
            }
        }

        return field;
    }

    private static string Combine(string left, string op, string right)
    {
        if (string.IsNullOrWhiteSpace(left))
        {
            throw new ArgumentException("The filter is required.", nameof(left));
        }

        if (string.IsNullOrWhiteSpace(right))
        {
            throw new ArgumentException("The filter is required.", nameof(right));
        }

        return string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}", left, op, right);
    }
}

/// <summary>Builds <c>$orderBy</c> values (<c>field,asc</c> / <c>field,desc</c>).</summary>
public static class SigningTodayOrder
{
    /// <summary>Ascending order on <paramref name="field"/>.</summary>
    /// <param name="field">The field, e.g. <c>createdAt</c>.</param>
    /// <returns>The order text.</returns>
    public static string Ascending(string field) => Build(field, "asc");

    /// <summary>Descending order on <paramref name="field"/>.</summary>
    /// <param name="field">The field, e.g. <c>updatedAt</c>.</param>
    /// <returns>The order text.</returns>
    public static string Descending(string field) => Build(field, "desc");

    private static string Build(string field, string direction)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            throw new ArgumentException("The field name is required.", nameof(field));
        }

        return field + "," + direction;
    }
}
