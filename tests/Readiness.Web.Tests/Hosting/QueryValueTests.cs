using System.Reflection;
using Microsoft.AspNetCore.Components;
using Readiness.Web.Hosting;

namespace Readiness.Web.Tests.Hosting;

public sealed class QueryValueTests
{
    [Theory]
    [InlineData("30", 30)]
    [InlineData(" 30 ", 30)]
    [InlineData("15s", 15)]
    [InlineData("", 15)]
    [InlineData(null, 15)]
    [InlineData("abc", 15)]
    [InlineData("1e3", 15)]
    [InlineData("３０", 15)]
    [InlineData("0", 5)]
    [InlineData("-7", 5)]
    [InlineData("301", 300)]
    [InlineData("99999999999", 300)]
    [InlineData("99999999999999999999999999", 300)]
    [InlineData("-99999999999999999999999999", 5)]
    public void Any_text_gives_a_number_in_range(string? text, int expected) =>
        Assert.Equal(expected, QueryValue.Clamped(text, 15, 5, 300));

    [Fact]
    public void Every_query_parameter_of_every_page_is_bound_as_text()
    {
        // A typed query parameter (int, bool, DateOnly...) makes the framework answer 500 to a value that does not
        // parse; pages take text and parse it with QueryValue.
        var typed = typeof(QueryValue).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is not null && p.PropertyType != typeof(string))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {p.PropertyType.Name}")
            .ToList();

        Assert.Empty(typed);
        Assert.Contains(typeof(QueryValue).Assembly.GetTypes(), t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is not null));
    }
}
