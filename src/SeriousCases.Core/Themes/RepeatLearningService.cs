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
public sealed class RepeatLearningService(SeriousCasesDbContext db)
{
    /// <summary>The least similarity for a finding to be shown as "says the same thing".</summary>
    public const double SimilarMinimum = 0.2;

    /// <summary>The least similarity for learning to count as recurring.</summary>
    public const double RecurrenceMinimum = 0.3;

    public async Task<FindingWithSimilar> SimilarAsync(Guid findingId, int take, CancellationToken ct)
    {
        var all = await FindingsAsync(ct);
        var target = all.SingleOrDefault(f => f.Id == findingId) ?? throw new RecordNotFoundException("The finding");
        var byId = all.ToDictionary(f => f.Id);
        var index = new TextSimilarity(all.Select(f => (f.Id, f.Text)));
        var similar = index.MostSimilar(target.Text, Math.Clamp(take, 1, 50), SimilarMinimum, id =>
            byId[id] is var f && f.InvestigationId != target.InvestigationId && (target.On is null || f.On is null || f.On <= target.On));
        return new FindingWithSimilar(target, [.. similar.Select(s => new SimilarFinding(byId[s.Id], Math.Round(s.Score, 3)))]);
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

    private async Task<List<FindingSummary>> FindingsAsync(CancellationToken ct)
    {
        var rows = await (
            from f in db.Findings.AsNoTracking()
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
        var themes = (await (
                from t in db.Set<Investigations.FindingTheme>()
                join th in db.Themes on t.ThemeId equals th.Id
                select new { t.FindingId, th.Name }).ToListAsync(ct))
            .ToLookup(x => x.FindingId, x => x.Name);
        var activities = (await db.AgreedActivities.AsNoTracking().Where(a => a.FindingId != null)
                .Select(a => new { a.FindingId, a.Id, a.Reference, a.Text, a.Status, a.DueOn, a.CompletedOn }).ToListAsync(ct))
            .ToLookup(a => a.FindingId!.Value, a => new FindingActivity(a.Id, a.Reference, a.Text, a.Status, a.DueOn, a.CompletedOn));
        return [.. rows.Select(r => new FindingSummary(
            r.Id, r.Text, r.Line, r.On, r.InvestigationId, r.Reference, [.. themes[r.Id].Order(StringComparer.Ordinal)],
            [.. activities[r.Id].OrderBy(a => a.Reference, StringComparer.Ordinal)]))];
    }
}
