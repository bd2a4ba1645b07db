using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Insight;

public enum InsightSort
{
    NewestFirst = 0,
    OldestFirst = 1,
    ResponseDue = 2,
}

/// <summary>A search of the register. Text matches whole words in the summary and the external reference
/// (full-text search on PostgreSQL; every word must appear on SQLite).</summary>
public sealed record InsightQuery
{
    public string? Source { get; init; }
    public string? ServiceLine { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Text { get; init; }
    public InsightStatus? Status { get; init; }
    public InsightSort Sort { get; init; }
    /// <summary>Where the previous page ended (<see cref="InsightPage.NextAfter"/>); null for the first page.
    /// Keyset paging: a deep page costs what the first does, however large the register.</summary>
    public string? After { get; init; }
    public int PageSize { get; init; } = 25;
}

public sealed record InsightRow(Guid Id, string SourceName, string ExternalReference, DateOnly ReceivedOn, string Summary,
    DateOnly? ResponseDueOn, InsightStatus Status, int Version);

/// <summary>A keyset cursor: the sort date and id of the last row shown, as "yyyyMMdd~id".</summary>
public static class InsightCursor
{
    public static string Of(DateOnly date, Guid id) => $"{date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}~{id:N}";

    public static (DateOnly Date, Guid Id) Parse(string cursor)
    {
        var parts = cursor.Split('~');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            && Guid.TryParseExact(parts[1], "N", out var id))
        {
            return (date, id);
        }

        throw new DomainValidationException("after", "The link to the next page is not valid. Start again from the first page");
    }
}

/// <summary>One page of results, the total matching, and the cursor of the next page (null on the last).</summary>
public sealed record InsightPage(IReadOnlyList<InsightRow> Items, int Total, int PageSize, string? NextAfter);

/// <summary>The insight register for pages and the API: add one item, read, search, record a response.</summary>
public sealed class InsightService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<InsightReference> ReferenceAsync(CancellationToken ct) =>
        new(await db.InsightSources.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct),
            await db.ServiceLines.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct));

    /// <summary>The active sources and service lines, in their display order, for the pages' choices.</summary>
    public async Task<(IReadOnlyList<ReferenceData.InsightSource> Sources, IReadOnlyList<ReferenceData.ServiceLine> Lines)> ChoicesAsync(CancellationToken ct) =>
        (await db.InsightSources.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(ct),
         await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.SortOrder).ToListAsync(ct));

    public async Task<InsightItem> CreateAsync(InsightInput input, string? referralReference, string? investigationReference, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var valid = InsightRules.Validate(input, await ReferenceAsync(ct), UkTime.Today(clock), errors);
        Guid? referralId = null, investigationId = null;
        if (!string.IsNullOrWhiteSpace(referralReference))
        {
            referralId = await db.Referrals.Where(r => r.Reference == referralReference.Trim().ToUpperInvariant()).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (referralId is null)
            {
                errors.Add("referralReference", $"There is no referral {referralReference.Trim()}. Enter a reference such as REF-2026-0001, or leave it blank");
            }
        }

        if (!string.IsNullOrWhiteSpace(investigationReference))
        {
            investigationId = await db.Investigations.Where(i => i.Reference == investigationReference.Trim().ToUpperInvariant()).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            if (investigationId is null)
            {
                errors.Add("investigationReference", $"There is no IPR {investigationReference.Trim()}. Enter a reference such as IPR-2026-0001, or leave it blank");
            }
        }

        if (valid is not null && await db.InsightItems.AnyAsync(i => i.SourceId == valid.Source.Id && i.ExternalReference == valid.ExternalReference, ct))
        {
            errors.Add("externalReference", $"{valid.Source.Name} already has an item with reference {valid.ExternalReference}");
        }

        var themes = await ThemesAsync(input.Themes, errors, ct);
        errors.ThrowIfAny();
        var item = ToItem(valid!);
        item.ReferralId = referralId;
        item.InvestigationId = investigationId;
        item.Themes = [.. themes.Select(t => new InsightItemTheme { ThemeId = t.Id })];
        // Stored on the item so its Create entry in the audit trail says what was done with the suggestion.
        item.ThemeSuggestion = SeriousCases.Core.Themes.ThemeSuggestionRules.Use(input.SuggestedThemes, [.. themes.Select(t => t.Code)]);
        db.InsightItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>The active themes chosen (by code or name), each once; an unknown one is an error. Coding is optional.</summary>
    private async Task<List<ReferenceData.Theme>> ThemesAsync(IReadOnlyList<string> wanted, ValidationErrors errors, CancellationToken ct)
    {
        var chosen = new List<ReferenceData.Theme>();
        if (wanted.All(string.IsNullOrWhiteSpace))
        {
            return chosen;
        }

        var known = await db.Themes.AsNoTracking().Where(t => t.IsActive).ToListAsync(ct);
        foreach (var w in wanted.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()))
        {
            var theme = known.FirstOrDefault(t => string.Equals(t.Code, w, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Name, w, StringComparison.OrdinalIgnoreCase));
            if (theme is null)
            {
                errors.Add("themes", $"'{w}' is not a theme. Choose themes from the list, or ask an Administrator to add one");
            }
            else if (!chosen.Contains(theme))
            {
                chosen.Add(theme);
            }
        }

        return chosen;
    }

    /// <summary>The active themes, by name, for the form's choices.</summary>
    public async Task<IReadOnlyList<ReferenceData.Theme>> ThemeChoicesAsync(CancellationToken ct) =>
        await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).ToListAsync(ct);

    public static InsightItem ToItem(ValidInsight v) => new()
    {
        SourceId = v.Source.Id,
        ExternalReference = v.ExternalReference,
        ReceivedOn = v.ReceivedOn,
        MonthKey = InsightItem.MonthKeyOf(v.ReceivedOn),
        Summary = v.Summary,
        Severity = v.Severity,
        ResponseDueOn = v.ResponseDueOn,
        ServiceLines = [.. v.ServiceLineIds.Select(id => new InsightItemServiceLine { ServiceLineId = id })],
    };

    public async Task<InsightItem> GetAsync(Guid id, CancellationToken ct) =>
        await db.InsightItems.AsNoTracking()
            .Include(i => i.Source)
            .Include(i => i.ServiceLines).ThenInclude(l => l.ServiceLine)
            .Include(i => i.Themes).ThenInclude(t => t.Theme)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new RecordNotFoundException("The insight item");

    /// <summary>Records that the department responded (or closes the item); the response date cannot be in the future.</summary>
    public async Task<InsightItem> RecordStatusAsync(Guid id, int expectedVersion, InsightStatus status, DateOnly? respondedOn, CancellationToken ct)
    {
        var item = await db.InsightItems.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new RecordNotFoundException("The insight item");
        var errors = new ValidationErrors();
        if (status == InsightStatus.Responded && respondedOn is null)
        {
            errors.Add("respondedOn", "Enter the date the department responded");
        }
        else if (respondedOn > UkTime.Today(clock))
        {
            errors.Add("respondedOn", "The date the department responded must be today or in the past");
        }
        else if (respondedOn < item.ReceivedOn)
        {
            errors.Add("respondedOn", "The date the department responded must be on or after the date the item was received");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(item, expectedVersion);
        item.Status = status;
        item.RespondedOn = status == InsightStatus.Open ? null : respondedOn ?? item.RespondedOn;
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<InsightPage> SearchAsync(InsightQuery q, CancellationToken ct)
    {
        var pageSize = Math.Clamp(q.PageSize, 1, MaxPageSize);
        var items = Filter(db.InsightItems.AsNoTracking(), q);
        var total = await items.CountAsync(ct);
        if (q.After is { } after)
        {
            var (d, id) = InsightCursor.Parse(after);
            items = q.Sort switch
            {
                InsightSort.OldestFirst => items.Where(i => i.ReceivedOn > d || (i.ReceivedOn == d && i.Id > id)),
                InsightSort.ResponseDue => items.Where(i => i.ResponseDueOn > d || (i.ResponseDueOn == d && i.Id > id)),
                _ => items.Where(i => i.ReceivedOn < d || (i.ReceivedOn == d && i.Id < id)),
            };
        }

        items = q.Sort switch
        {
            InsightSort.OldestFirst => items.OrderBy(i => i.ReceivedOn).ThenBy(i => i.Id),
            InsightSort.ResponseDue => items.OrderBy(i => i.ResponseDueOn).ThenBy(i => i.Id),
            _ => items.OrderByDescending(i => i.ReceivedOn).ThenByDescending(i => i.Id),
        };
        var rows = await items.Take(pageSize + 1)
            .Select(i => new InsightRow(i.Id, i.Source!.Name, i.ExternalReference, i.ReceivedOn, i.Summary, i.ResponseDueOn, i.Status, i.Version))
            .ToListAsync(ct);
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var last = rows[^1];
            next = InsightCursor.Of(q.Sort == InsightSort.ResponseDue ? last.ResponseDueOn!.Value : last.ReceivedOn, last.Id);
        }

        return new InsightPage(rows, total, pageSize, next);
    }

    private IQueryable<InsightItem> Filter(IQueryable<InsightItem> items, InsightQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Source))
        {
            var code = q.Source.Trim();
            items = items.Where(i => i.Source!.Code == code);
        }

        if (!string.IsNullOrWhiteSpace(q.ServiceLine))
        {
            var line = q.ServiceLine.Trim();
            items = items.Where(i => i.ServiceLines.Any(l => l.ServiceLine!.Code == line));
        }

        if (q.From is { } from)
        {
            items = items.Where(i => i.ReceivedOn >= from);
        }

        if (q.To is { } to)
        {
            items = items.Where(i => i.ReceivedOn <= to);
        }

        if (q.Sort == InsightSort.ResponseDue)
        {
            // Sorting by deadline lists the items that have one.
            items = items.Where(i => i.ResponseDueOn != null);
        }

        if (q.Status is { } status)
        {
            items = items.Where(i => i.Status == status);
        }

        var text = q.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            items = InsightTextSearch.Apply(db, items, text);
        }

        return items;
    }
}
