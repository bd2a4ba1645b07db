using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Core.Iprg;

/// <summary>A case as the IPRG records its learning outcomes: its learning and activities, never the customer.</summary>
public sealed record OutcomeCase(
    Guid Id, string Reference, InvestigationStage Stage, DateOnly? ConcludedOn, IReadOnlyList<string> ServiceLines,
    IReadOnlyList<ReportFinding> Findings, IReadOnlyList<ReportActivity> OtherActivities, IReadOnlyList<LearningOutcome> Outcomes)
{
    public bool ActivitiesFinished => Findings.SelectMany(f => f.Activities).Concat(OtherActivities).All(a => ActivityProgress.IsFinished(a.Status));
}

/// <summary>One concluded case with learning, as the IPRG's list of outcomes shows it.</summary>
public sealed record OutcomeRow(Guid Id, string Reference, DateOnly? ConcludedOn, int Activities, int Open, int Outcomes);

public sealed record OutcomePage(IReadOnlyList<OutcomeRow> Rows, int Page, int Total, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Learning outcomes per case: what changed once the agreed activities were delivered, as the annual
/// publication prints them. The IPRG records them for a case with the group, or one that concluded with
/// learning identified.</summary>
public sealed class LearningOutcomeService(SeriousCasesDbContext db)
{
    public const int TextMax = 4000;
    public const int PageSize = 25;
    public const int AwaitingCap = 200;

    private IQueryable<Investigation> Eligible => db.Investigations.Where(i =>
        i.Stage == InvestigationStage.WithIprg
        || (i.Stage == InvestigationStage.Concluded && i.Outcome == InvestigationOutcome.LearningIdentified));

    private IQueryable<Investigation> ConcludedWithLearning => db.Investigations.Where(i =>
        i.Stage == InvestigationStage.Concluded && i.Outcome == InvestigationOutcome.LearningIdentified);

    public async Task<OutcomeCase> GetAsync(Guid id, CancellationToken ct)
    {
        var ipr = await Eligible.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new RecordNotFoundException("The IPR");
        db.RecordView(nameof(Investigation), ipr.Id, "IPRG learning outcomes");
        await db.SaveAuditEventsAsync(ct);
        var lines = await db.Investigations.AsNoTracking().Where(i => i.Id == id)
            .SelectMany(i => i.ServiceLines.Select(l => l.ServiceLine!.Name)).ToListAsync(ct);
        var (findings, others) = await IprReportService.LearningAsync(db, id, ct);
        var outcomes = await db.LearningOutcomes.AsNoTracking().Where(o => o.InvestigationId == id).OrderBy(o => o.Order).ToListAsync(ct);
        return new OutcomeCase(ipr.Id, ipr.Reference, ipr.Stage, ipr.ConcludedOn, [.. lines.Order(StringComparer.Ordinal)], findings, others, outcomes);
    }

    /// <summary>Adds the case's next learning outcome, after the ones already recorded.</summary>
    public async Task<LearningOutcome> AddAsync(Guid id, string? text, CancellationToken ct)
    {
        var ipr = await Eligible.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new RecordNotFoundException("The IPR");
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainValidationException("text", "Enter the learning outcome, as the publication would print it");
        }

        if (text.Length > TextMax)
        {
            throw new DomainValidationException("text", "The learning outcome must be 4,000 characters or fewer");
        }

        var order = await db.LearningOutcomes.Where(o => o.InvestigationId == ipr.Id).Select(o => (int?)o.Order).MaxAsync(ct) ?? 0;
        var outcome = new LearningOutcome { InvestigationId = ipr.Id, Order = order + 1, Text = text };
        db.LearningOutcomes.Add(outcome);
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>Concluded cases with learning whose agreed activities are all finished (complete, or closed
    /// without completion) but that have no learning outcome yet: the IPRG's to-do list. Oldest first, capped.</summary>
    public async Task<IReadOnlyList<OutcomeRow>> AwaitingAsync(CancellationToken ct) =>
        await Rows(ConcludedWithLearning
                .Where(i => !db.LearningOutcomes.Any(o => o.InvestigationId == i.Id)
                    && db.AgreedActivities.Any(a => a.InvestigationId == i.Id)
                    && !db.AgreedActivities.Any(a => a.InvestigationId == i.Id
                        && a.Status != ActivityStatus.Complete && a.Status != ActivityStatus.ClosedWithoutCompletion))
                .OrderBy(i => i.ConcludedOn).ThenBy(i => i.Reference)
                .Take(AwaitingCap))
            .ToListAsync(ct);

    /// <summary>Every concluded case with learning, most recently concluded first, a page at a time.</summary>
    public async Task<OutcomePage> ConcludedAsync(int page, CancellationToken ct)
    {
        var total = await ConcludedWithLearning.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await Rows(ConcludedWithLearning
                .OrderByDescending(i => i.ConcludedOn).ThenByDescending(i => i.Reference)
                .Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(ct);
        return new OutcomePage(rows, page, total, PageSize);
    }

    private IQueryable<OutcomeRow> Rows(IQueryable<Investigation> cases) => cases.Select(i => new OutcomeRow(
        i.Id, i.Reference, i.ConcludedOn,
        db.AgreedActivities.Count(a => a.InvestigationId == i.Id),
        db.AgreedActivities.Count(a => a.InvestigationId == i.Id && a.Status != ActivityStatus.Complete && a.Status != ActivityStatus.ClosedWithoutCompletion),
        db.LearningOutcomes.Count(o => o.InvestigationId == i.Id)));
}
