using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Investigations;

/// <summary>How the report is being read: on screen (or as JSON), or downloaded as a document.</summary>
public enum ReportUse
{
    View,
    Export,
}

/// <summary>A case's agreed activities and learning outcomes, for its overview page.</summary>
public sealed record CaseLearning(IReadOnlyList<ReportActivity> Activities, IReadOnlyList<string> Outcomes);

/// <summary>The IPR report and the case summary written for it. Only those who work the case (CaseAccess) read
/// or change them; each read is audited (a download as an export).</summary>
public sealed class IprReportService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int SummaryMax = 8000;

    public async Task<IprReport> BuildAsync(Guid id, Requester by, ReportUse use, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        if (use == ReportUse.Export)
        {
            db.RecordEvent(AuditAction.Export, nameof(Investigation), id.ToString(), "IPR report (Word document)");
        }
        else
        {
            db.RecordView(nameof(Investigation), id, "IPR report");
        }

        await db.SaveAuditEventsAsync(ct);

        var lines = await db.Investigations.AsNoTracking().Where(i => i.Id == id)
            .SelectMany(i => i.ServiceLines.Select(l => l.ServiceLine!.Name)).ToListAsync(ct);
        var journey = await db.JourneyContacts.AsNoTracking().Include(c => c.ServiceLine)
            .Where(c => c.InvestigationId == id)
            .OrderBy(c => c.OccurredOn).ThenBy(c => c.CreatedAt)
            .ToListAsync(ct);
        var discussions = await db.FactFindingDiscussions.AsNoTracking()
            .Where(d => d.InvestigationId == id)
            .OrderBy(d => d.HeldOn).ThenBy(d => d.CreatedAt)
            .Select(d => new ReportDiscussion(d.HeldOn, d.Role))
            .ToListAsync(ct);
        var (findings, others) = await LearningAsync(db, id, ct);
        var outcomes = await OutcomesAsync(id, ct);
        var scrutiny = await db.ExternalScrutinyEntries.AsNoTracking().Where(e => e.InvestigationId == id).OrderBy(e => e.On).ToListAsync(ct);

        return new IprReport(
            ipr.Id, ipr.Reference, ipr.Stage, InvestigationStages.Describe(ipr.Stage), ipr.Outcome,
            ipr.Outcome is { } o ? IprReport.DescribeOutcome(o) : null,
            ipr.NotifiedOn, ipr.AcceptedOn, ipr.LaunchedOn, ipr.SentToIprgOn, ipr.IprgReviewedOn, ipr.ConcludedOn,
            [.. lines.Order(StringComparer.Ordinal)],
            ipr.Summary,
            [.. journey.Select(c => new ReportContact(c.OccurredOn, c.ServiceLine?.Name ?? "", c.Channel, IprReport.DescribeChannel(c.Channel), c.WhatHappened, c.Source))],
            discussions,
            findings,
            others,
            outcomes,
            ipr.ExternalScrutiny,
            ipr.ExternalScrutinyDetails,
            [.. scrutiny.Select(e => new ReportScrutiny(e.Kind, ExternalScrutinyEntry.Describe(e.Kind), e.On, e.Notes))],
            UkTime.Today(clock));
    }

    /// <summary>The activities and learning outcomes of a case the caller has already been allowed to see.</summary>
    public async Task<CaseLearning> CaseLearningAsync(Guid id, CancellationToken ct)
    {
        var activities = await ActivitiesAsync(db, id, ct);
        return new CaseLearning(activities, await OutcomesAsync(id, ct));
    }

    /// <summary>Saves the investigator's summary of the case, against the version they read. Not after the case concluded.</summary>
    public async Task<Investigation> SaveSummaryAsync(Guid id, int expectedVersion, string? summary, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        var errors = new ValidationErrors();
        summary = summary?.Trim();
        if (ipr.Stage == InvestigationStage.Concluded)
        {
            errors.Add("summary", $"IPR {ipr.Reference} is concluded: its summary can no longer be changed");
        }
        else if (string.IsNullOrEmpty(summary))
        {
            errors.Add("summary", "Enter a summary of the case");
        }
        else if (summary.Length > SummaryMax)
        {
            errors.Add("summary", "The summary must be 8,000 characters or fewer");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(ipr, expectedVersion);
        ipr.Summary = summary;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Forget the refused change, so the caller can read the case again (and audit that read) in this scope.
            db.Entry(ipr).State = EntityState.Detached;
            throw;
        }

        return ipr;
    }

    private async Task<IReadOnlyList<string>> OutcomesAsync(Guid id, CancellationToken ct) =>
        await db.LearningOutcomes.AsNoTracking().Where(o => o.InvestigationId == id).OrderBy(o => o.Order).Select(o => o.Text).ToListAsync(ct);

    internal static async Task<IReadOnlyList<ReportActivity>> ActivitiesAsync(SeriousCasesDbContext db, Guid id, CancellationToken ct)
    {
        var activities = await db.AgreedActivities.AsNoTracking().Include(a => a.OwnerTeam).Include(a => a.ServiceLine)
            .Where(a => a.InvestigationId == id)
            .OrderBy(a => a.Order).ThenBy(a => a.Reference)
            .ToListAsync(ct);
        return [.. activities.Select(ReportActivity.From)];
    }

    /// <summary>The case's findings in order, each with the activities agreed for it, and any activities not tied
    /// to one finding (cases loaded from the publication record activities per case).</summary>
    internal static async Task<(IReadOnlyList<ReportFinding> Findings, IReadOnlyList<ReportActivity> Others)> LearningAsync(SeriousCasesDbContext db, Guid id, CancellationToken ct)
    {
        var findings = await db.Findings.AsNoTracking()
            .Include(f => f.ServiceLine)
            .Include(f => f.Themes).ThenInclude(t => t.Theme)
            .Where(f => f.InvestigationId == id)
            .OrderBy(f => f.Order)
            .AsSplitQuery()
            .ToListAsync(ct);
        var activities = await ActivitiesAsync(db, id, ct);
        var ids = findings.Select(f => f.Id).ToHashSet();
        return (
            [.. findings.Select(f => new ReportFinding(f.Id, f.Order, f.Text, f.ServiceLine?.Name ?? "",
                [.. f.Themes.Select(t => t.Theme!.Name).Order(StringComparer.Ordinal)],
                [.. activities.Where(a => a.FindingId == f.Id)]))],
            [.. activities.Where(a => a.FindingId is not { } fid || !ids.Contains(fid))]);
    }
}
