using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Insight;

/// <summary>Text search of insight summaries. PostgreSQL: full-text search (English stemming, web-search
/// syntax: words, "quoted phrases", -excluded) served by the GIN expression index. SQLite, the embedded
/// default: every word must appear in the summary (case-insensitive for ASCII letters).</summary>
public static class InsightTextSearch
{
    public static IQueryable<InsightItem> Apply(SeriousCasesDbContext db, IQueryable<InsightItem> items, string text)
    {
        if (db is PostgresSeriousCasesDbContext)
        {
            return items.Where(i => EF.Functions.ToTsVector(PostgresSeriousCasesDbContext.TextSearchConfig, i.Summary)
                .Matches(EF.Functions.WebSearchToTsQuery(PostgresSeriousCasesDbContext.TextSearchConfig, text)));
        }

        foreach (var word in Words(text))
        {
            var pattern = $"%{Escape(word)}%";
            items = items.Where(i => EF.Functions.Like(i.Summary, pattern, "\\"));
        }

        return items;
    }

    public static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Trim('"', '\'', ',', '.', ';', ':', '(', ')'))
            .Where(w => w.Length > 0 && w[0] != '-')
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private static string Escape(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
