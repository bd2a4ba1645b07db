using AngleSharp.Html.Dom;
using SeriousCases.Web.Infrastructure.Security;

namespace SeriousCases.Tests.Resilience;

/// <summary>Hostile values and the checks that they came out inert, shared by the hostile input and fuzz tests, and
/// the tally of hostile inputs the run tried (printed by each test and summed in the report).</summary>
public static class Hostile
{
    /// <summary>Script, markup, attribute breaking and a spreadsheet formula in one value.</summary>
    public const string Markup = "=HYPERLINK(\"http://evil.example\")<script>alert('scl')</script><img src=x onerror=alert(1)>\"'&<b>bold</b>";

    public static readonly string[] Sql =
    [
        "' OR '1'='1",
        "'; DROP TABLE \"InsightItems\"; --",
        "\" OR \"\"=\"",
        "1) OR (1=1",
        "%' OR 1=1 --",
        "'); DELETE FROM \"AgreedActivities\"; --",
        "$$; SELECT pg_sleep(5); $$",
        "\\'; SELECT 1; --",
        "UNION SELECT \"Email\" FROM \"Users\" --",
        "_%_%",
        "[a-z]*",
        "' || (SELECT version()) || '",
    ];

    /// <summary>Other awkward text: control characters, a lone surrogate, right-to-left override, a NUL, very long.</summary>
    public static readonly string[] Awkward =
    [
        "\u0000nul", "tab\tand\r\nnewline", "\u202Eevil\u202C", "emoji 🙂 and 中文", "\uFEFFbom", new string('x', 5000),
        "+SUM(1+1)", "-2+3", "@SUM(A1)", "=1+1", "\u00A0\u2028\u2029",
    ];

    private static long tried;

    public static long Tried => Interlocked.Read(ref tried);

    public static void Count(long n = 1) => Interlocked.Add(ref tried, n);

    /// <summary>Writes the running total; the last test to finish leaves the run's total in the figures file.</summary>
    public static void Report(Xunit.Abstractions.ITestOutputHelper? output)
    {
        var text = $"{Tried} hostile inputs tried (forged posts, markup, SQL metacharacters, oversized and malformed requests, generated API requests and CSV files)";
        output?.WriteLine(text);
        Figures.Record("hostile-inputs", text);
    }

    /// <summary>The page shows <paramref name="value"/> as text: no script or handler came from it.</summary>
    public static void AssertShownAsText(IHtmlDocument page, string html, string value, string where)
    {
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("script"), s =>
            Assert.True(s.HasAttribute("src") || s.TextContent == SecurityHeaders.GovUkBodySnippet, $"{where}: an inline script appeared"));
        Assert.Empty(page.QuerySelectorAll("[onerror]"));
        Assert.True(page.Body!.TextContent.Contains(value, StringComparison.Ordinal), $"{where}: the value is not shown as text");
    }
}
