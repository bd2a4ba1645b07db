using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Themes;

public sealed record FindingActivity(Guid Id, string Reference, string Text, ActivityStatus Status, DateOnly? DueOn, DateOnly? CompletedOn);

/// <summary>A finding with what repeat learning needs: its anonymised text, service line, date (its IPR's), IPR reference
/// (shown only to those allowed case references), themes and the activities agreed for it.</summary>
public sealed record FindingSummary(
    Guid Id, string Text, string ServiceLine, DateOnly? On, Guid InvestigationId, string InvestigationReference, IReadOnlyList<string> Themes,
    IReadOnlyList<FindingActivity> Activities);

public sealed record SimilarFinding(FindingSummary Finding, double Score);

public sealed record FindingWithSimilar(FindingSummary Finding, IReadOnlyList<SimilarFinding> Similar);

/// <summary>Learning that recurred: <see cref="Later"/> says what <see cref="Earlier"/> said, and was identified after
/// <see cref="CompletedActivity"/>, meant to address the earlier finding, was completed.</summary>
public sealed record Recurrence(FindingSummary Earlier, FindingActivity CompletedActivity, FindingSummary Later, double Score);

/// <summary>Repeat learning: earlier findings that say the same thing as a finding (TF-IDF cosine similarity, within and
/// across themes), and learning that recurs after an activity meant to address it was completed.</summary>
public sealed class RepeatLearningService(SeriousCasesDbContext db, FindingTextIndex index)
{
    /// <summary>The least similarity for a finding to be shown as "says the same thing".</summary>
    public const double SimilarMinimum = 0.2;

    /// <summary>The least similarity for learning to count as recurring.</summary>
    public const double RecurrenceMinimum = 0.3;

    /// <summary>Candidates read per lookup before the date rule is applied: enough that the rule rarely leaves fewer than
    /// asked for, few enough that reading their details stays one small query.</summary>
    private const int Candidates = 200;

    public async Task<FindingWithSimilar> SimilarAsync(Guid findingId, int take, CancellationToken ct)
    {
        var target = (await SummariesAsync([findingId], ct)).SingleOrDefault() ?? throw new RecordNotFoundException("The finding");
        var found = await index.MostSimilarAsync(db, target.Text, target.InvestigationId, Candidates, SimilarMinimum, ct);
        var byId = (await SummariesAsync([.. found.Select(f => f.Id)], ct)).ToDictionary(f => f.Id);
        return new FindingWithSimilar(target, [.. found
            .Where(s => byId.ContainsKey(s.Id) && (target.On is null || byId[s.Id].On is null || byId[s.Id].On <= target.On))
            .Take(Math.Clamp(take, 1, 50))
            .Select(s => new SimilarFinding(byId[s.Id], Math.Round(s.Score, 3)))]);
    }

    /// <summary>Earlier findings that say the same thing as a text being written (not yet saved) for an IPR: findings of
    /// other IPRs, best first, with their themes and the activities that followed them.</summary>
    public async Task<IReadOnlyList<SimilarFinding>> SimilarToTextAsync(string text, Guid? investigationId, int take, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = await index.MostSimilarAsync(db, text, investigationId, Math.Clamp(take, 1, 50), SimilarMinimum, ct);
        var byId = (await SummariesAsync([.. found.Select(f => f.Id)], ct)).ToDictionary(f => f.Id);
        return [.. found.Where(s => byId.ContainsKey(s.Id)).Select(s => new SimilarFinding(byId[s.Id], Math.Round(s.Score, 3)))];
    }

    /// <summary>The completed activity a similar finding's learning recurs after: learning written today that says what an
    /// earlier finding said (at least <see cref="RecurrenceMinimum"/> alike) after an activity meant to address it was
    /// completed. Null when it does not recur.</summary>
    public static FindingActivity? RecursAfter(SimilarFinding similar, DateOnly today) =>
        similar.Score < RecurrenceMinimum ? null
            : similar.Finding.Activities.Where(a => a.Status == ActivityStatus.Complete && a.CompletedOn is { } done && done <= today)
                .OrderByDescending(a => a.CompletedOn).FirstOrDefault();

    /// <summary>Of <paramref name="investigationIds"/>, those the requester works (Triage, or the assigned investigator):
    /// only those are linked; case details stay with those working the case.</summary>
    public async Task<IReadOnlySet<Guid>> WorkedByAsync(IReadOnlyCollection<Guid> investigationIds, Referrals.Requester by, CancellationToken ct)
    {
        if (investigationIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = investigationIds.Distinct().ToList();
        var userId = by.UserId;
        var isTriage = by.IsTriage;
        return (await db.Investigations.AsNoTracking().Where(i => ids.Contains(i.Id) && (isTriage || i.InvestigatorUserId == userId))
            .Select(i => i.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Every recurrence, latest first: for each finding with a completed activity, later findings of other IPRs
    /// dated after that completion that say the same thing.</summary>
    public async Task<IReadOnlyList<Recurrence>> RecurrencesAsync(CancellationToken ct)
    {
        var all = await FindingsAsync(ct);
        var index = new TextSimilarity(all.Select(f => (f.Id, f.Text)));
        var byId = all.ToDictionary(f => f.Id);
        var addressed = all.Where(f => f.Activities.Any(a => a.Status == ActivityStatus.Complete && a.CompletedOn is not null)).ToList();
        var result = new List<Recurrence>();
        foreach (var earlier in addressed)
        {
            var firstCompleted = earlier.Activities.Where(a => a.Status == ActivityStatus.Complete && a.CompletedOn is not null).Min(a => a.CompletedOn!.Value);
            foreach (var (id, score) in index.MostSimilar(earlier.Text, 20, RecurrenceMinimum, id =>
                byId[id] is var later && later.InvestigationId != earlier.InvestigationId && later.On > firstCompleted))
            {
                var later = byId[id];
                var completed = earlier.Activities
                    .Where(a => a.Status == ActivityStatus.Complete && a.CompletedOn < later.On)
                    .OrderByDescending(a => a.CompletedOn).First();
                result.Add(new Recurrence(earlier, completed, later, Math.Round(score, 3)));
            }
        }

        return [.. result.OrderByDescending(r => r.Later.On).ThenByDescending(r => r.Score)];
    }

    private Task<List<FindingSummary>> FindingsAsync(CancellationToken ct) => SummariesAsync(null, ct);

    /// <summary>The findings with these ids (all when null), with their themes and activities.</summary>
    private async Task<List<FindingSummary>> SummariesAsync(IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (ids is { Count: 0 })
        {
            return [];
        }

        var findings = ids is null ? db.Findings.AsNoTracking() : db.Findings.AsNoTracking().Where(f => ids.Contains(f.Id));
        var rows = await (
            from f in findings
            join inv in db.Investigations on f.InvestigationId equals inv.Id
            join l in db.ServiceLines on f.ServiceLineId equals l.Id
            select new
            {
                f.Id,
                f.Text,
                Line = l.Name,
                On = inv.ConcludedOn ?? inv.IprgReviewedOn ?? inv.SentToIprgOn ?? inv.LaunchedOn ?? inv.AcceptedOn ?? inv.NotifiedOn,
                InvestigationId = inv.Id,
                inv.Reference,
            }).ToListAsync(ct);
        var links = ids is null ? db.Set<Investigations.FindingTheme>() : db.Set<Investigations.FindingTheme>().Where(t => ids.Contains(t.FindingId));
        var themes = (await (
                from t in links
                join th in db.Themes on t.ThemeId equals th.Id
                select new { t.FindingId, th.Name }).ToListAsync(ct))
            .ToLookup(x => x.FindingId, x => x.Name);
        var agreed = ids is null ? db.AgreedActivities.AsNoTracking().Where(a => a.FindingId != null)
            : db.AgreedActivities.AsNoTracking().Where(a => a.FindingId != null && ids.Contains(a.FindingId.Value));
        var activities = (await agreed
                .Select(a => new { a.FindingId, a.Id, a.Reference, a.Text, a.Status, a.DueOn, a.CompletedOn }).ToListAsync(ct))
            .ToLookup(a => a.FindingId!.Value, a => new FindingActivity(a.Id, a.Reference, a.Text, a.Status, a.DueOn, a.CompletedOn));
        return [.. rows.Select(r => new FindingSummary(
            r.Id, r.Text, r.Line, r.On, r.InvestigationId, r.Reference, [.. themes[r.Id].Order(StringComparer.Ordinal)],
            [.. activities[r.Id].OrderBy(a => a.Reference, StringComparer.Ordinal)]))];
    }
}
