using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Core.Themes;

/// <summary>The month the themes feature counts a finding in: that of its IPR's conclusion, else the IPRG's review, the
/// day it was sent to the IPRG, its launch, its acceptance or the day DWP was notified (an open IPR's learning counts from
/// the latest step it has reached). Stored on each finding as <see cref="Finding.MonthKey"/>, so monthly series group on
/// one indexed column on both databases (on SQLite, Year and Month of a date cost two strftime calls a row).</summary>
public static class FindingMonth
{
    /// <summary>The IPR dates the rule reads, latest step first.</summary>
    public static readonly string[] DatingProperties =
    [
        nameof(Investigation.ConcludedOn), nameof(Investigation.IprgReviewedOn), nameof(Investigation.SentToIprgOn),
        nameof(Investigation.LaunchedOn), nameof(Investigation.AcceptedOn), nameof(Investigation.NotifiedOn),
    ];

    public static DateOnly? DatedOn(Investigation ipr) =>
        ipr.ConcludedOn ?? ipr.IprgReviewedOn ?? ipr.SentToIprgOn ?? ipr.LaunchedOn ?? ipr.AcceptedOn ?? ipr.NotifiedOn;

    /// <summary>Year × 100 + month of <see cref="DatedOn"/>; null while the IPR has no date at all.</summary>
    public static int? KeyOf(Investigation ipr) => DatedOn(ipr) is { } on ? Periods.MonthKey(on) : null;

    /// <summary>Called by the DbContext before every save, so no writer can forget it: findings added, and every finding
    /// of an IPR whose dating dates changed (a stage move, the IPRG's review, a case sent back), get the month of the rule.
    /// Findings of such an IPR that are not yet tracked are loaded first (an IPR has a handful).</summary>
    internal static async Task StampAsync(SeriousCasesDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var redated = tracker.Entries<Investigation>()
            .Where(e => e.State == EntityState.Modified && DatingProperties.Any(p => e.Property(p).IsModified))
            .Select(e => e.Entity.Id).ToList();
        if (redated.Count > 0)
        {
            await db.Findings.Where(f => redated.Contains(f.InvestigationId)).LoadAsync(ct);
        }

        var findings = tracker.Entries<Finding>()
            .Where(e => e.State == EntityState.Added || (e.State != EntityState.Deleted && redated.Contains(e.Entity.InvestigationId))
                || (e.State == EntityState.Modified && e.Property(f => f.InvestigationId).IsModified))
            .ToList();
        if (findings.Count == 0)
        {
            return;
        }

        var tracked = tracker.Entries<Investigation>().Where(e => e.State != EntityState.Deleted).ToDictionary(e => e.Entity.Id, e => KeyOf(e.Entity));
        var missing = findings.Select(f => f.Entity.InvestigationId).Where(id => !tracked.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var stored = await db.Investigations.AsNoTracking().Where(i => missing.Contains(i.Id))
                .Select(i => new Investigation
                {
                    Id = i.Id,
                    Reference = "",
                    ConcludedOn = i.ConcludedOn,
                    IprgReviewedOn = i.IprgReviewedOn,
                    SentToIprgOn = i.SentToIprgOn,
                    LaunchedOn = i.LaunchedOn,
                    AcceptedOn = i.AcceptedOn,
                    NotifiedOn = i.NotifiedOn,
                }).ToListAsync(ct);
            foreach (var ipr in stored)
            {
                tracked[ipr.Id] = KeyOf(ipr);
            }
        }

        foreach (var entry in findings)
        {
            var key = tracked.GetValueOrDefault(entry.Entity.InvestigationId);
            if (entry.Entity.MonthKey != key)
            {
                entry.Property(f => f.MonthKey).CurrentValue = key;
            }
        }
    }
}
