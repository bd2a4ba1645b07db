using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Panel;

/// <summary>What the secretariat gives for a new version. Names are the form's and the API's.</summary>
public sealed record NewTermsOfReference(string? Title, DateOnly? ApprovedOn, string? Text);

/// <summary>A version as the pages and the API show it: whether it is the one in force and where its review stands.</summary>
public sealed record TermsOfReferenceView(TermsOfReferenceVersion Version, bool IsCurrent, ReviewKind ReviewKind, DateOnly ReviewDueOn, ReviewState ReviewState)
{
    public Guid Id => Version.Id;
    public string Title => Version.Title;
    public DateOnly ApprovedOn => Version.ApprovedOn;
    public string Text => Version.Text;
}

/// <summary>Checks on a new version, in GOV.UK wording.</summary>
public static class TermsOfReferenceRules
{
    public const int TitleMax = 200;
    public const int TextMax = 50_000;

    public static ValidationErrors Validate(NewTermsOfReference input, DateOnly today)
    {
        var errors = new ValidationErrors();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", "Enter a title for the version, for example \"Terms of Reference (January 2024)\"");
        }
        else if (title.Length > TitleMax)
        {
            errors.Add("title", $"The title must be {TitleMax} characters or fewer");
        }

        if (input.ApprovedOn is null)
        {
            errors.Add("approvedOn", "Enter the date the Panel approved the version");
        }
        else if (input.ApprovedOn > today)
        {
            errors.Add("approvedOn", "The approval date must be today or in the past: add a version once the Panel has approved it");
        }

        var text = TermsOfReferenceText.Normalise(input.Text);
        if (text.Length == 0)
        {
            errors.Add("text", "Enter the text of the Terms of Reference");
        }
        else if (text.Length > TextMax)
        {
            errors.Add("text", $"The text must be {TextMax:N0} characters or fewer");
        }

        return errors;
    }
}

/// <summary>The versions of the Serious Case Panel's Terms of Reference. A version is never changed once added: a
/// change the Panel approves is a new version, so every past version stays readable as it was approved.</summary>
public sealed class TermsOfReferenceService(SeriousCasesDbContext db, TimeProvider clock)
{
    /// <summary>Every version, newest approval first.</summary>
    public async Task<IReadOnlyList<TermsOfReferenceView>> ListAsync(CancellationToken ct = default)
    {
        var versions = await db.TermsOfReferenceVersions.AsNoTracking().ToListAsync(ct);
        return Describe(versions, UkTime.Today(clock));
    }

    public async Task<TermsOfReferenceView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var all = await ListAsync(ct);
        return all.FirstOrDefault(v => v.Id == id) ?? throw new RecordNotFoundException("The version of the Terms of Reference");
    }

    /// <summary>The version in force on <paramref name="date"/>: the latest approved on or before it (none before the first).</summary>
    public async Task<TermsOfReferenceVersion?> OnAsync(DateOnly date, CancellationToken ct = default)
    {
        // Few rows; ordered in memory so SQLite and PostgreSQL agree on the tie-break.
        var versions = await db.TermsOfReferenceVersions.AsNoTracking().Where(v => v.ApprovedOn <= date).ToListAsync(ct);
        return Newest(versions).FirstOrDefault();
    }

    /// <summary>The current Terms of Reference on <paramref name="today"/> (the public minutes page shows them).</summary>
    public Task<TermsOfReferenceVersion?> CurrentAsync(DateOnly today, CancellationToken ct = default) => OnAsync(today, ct);

    /// <summary>Adds a version the Panel approved; its review date follows <see cref="TermsOfReferenceReview"/>.</summary>
    public async Task<TermsOfReferenceVersion> AddAsync(NewTermsOfReference input, CancellationToken ct = default)
    {
        var today = UkTime.Today(clock);
        var errors = TermsOfReferenceRules.Validate(input, today);
        var existing = await db.TermsOfReferenceVersions.AsNoTracking().Select(v => new { v.Title, v.ApprovedOn }).ToListAsync(ct);
        if (input.ApprovedOn is { } approved && !errors.Has("approvedOn") && existing.FirstOrDefault(v => v.ApprovedOn == approved) is { } same)
        {
            errors.Add("approvedOn", $"'{same.Title}' was approved on {UkTime.Format(approved)}. Enter the date this version was approved");
        }

        errors.ThrowIfAny();
        DateOnly? first = existing.Count == 0 ? null : existing.Min(v => v.ApprovedOn);
        var version = new TermsOfReferenceVersion
        {
            Title = input.Title!.Trim(),
            ApprovedOn = input.ApprovedOn!.Value,
            ReviewDueOn = TermsOfReferenceReview.For(input.ApprovedOn.Value, first).DueOn,
            Text = TermsOfReferenceText.Normalise(input.Text),
        };
        db.TermsOfReferenceVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }

    private static IEnumerable<TermsOfReferenceVersion> Newest(IEnumerable<TermsOfReferenceVersion> versions) =>
        versions.OrderByDescending(v => v.ApprovedOn).ThenByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id);

    private static List<TermsOfReferenceView> Describe(IReadOnlyCollection<TermsOfReferenceVersion> versions, DateOnly today)
    {
        if (versions.Count == 0)
        {
            return [];
        }

        var first = versions.Min(v => v.ApprovedOn);
        var current = Newest(versions.Where(v => v.ApprovedOn <= today)).FirstOrDefault();
        return [.. Newest(versions).Select(v =>
        {
            var rule = TermsOfReferenceReview.For(v.ApprovedOn, first);
            // The date recorded with the version wins (the demo's first version records the end of the Panel's first
            // year, March 2021, as its Terms of Reference say); the rule gives it when none was recorded.
            var due = v.ReviewDueOn ?? rule.DueOn;
            var isCurrent = v.Id == current?.Id;
            return new TermsOfReferenceView(v, isCurrent, rule.Kind, due, TermsOfReferenceReview.State(due, isCurrent, today));
        })];
    }
}
