using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Investigations;

public sealed record CaseloadRow(Guid Id, string Reference, InvestigationStage Stage, DateOnly? NotifiedOn, DateOnly? AcceptedOn,
    Guid? InvestigatorUserId, string? InvestigatorName);

public sealed record InvestigatorChoice(Guid UserId, string Name);

/// <summary>An IPR with what its page and the API show.</summary>
public sealed record InvestigationView(Investigation Investigation, string? InvestigatorName, int Findings, IReadOnlyList<StageChange> History);

/// <summary>The investigation workspace for pages and the API. Record-level rule: an investigator sees only
/// the IPRs assigned to them; Triage (who assigns) sees all. Any other request is answered as not found,
/// so a case's existence is not revealed, and the refusal is written to the audit trail.</summary>
public sealed class InvestigationService(SeriousCasesDbContext db, TimeProvider clock)
{
    /// <summary>Open IPRs: an investigator's own, or all of them for Triage; longest open first.</summary>
    public async Task<IReadOnlyList<CaseloadRow>> CaseloadAsync(Requester by, CancellationToken ct)
    {
        var open = db.Investigations.AsNoTracking().Where(i => i.Stage != InvestigationStage.Concluded);
        if (!by.IsTriage)
        {
            open = open.Where(i => i.InvestigatorUserId == by.UserId);
        }

        return await open
            .OrderBy(i => i.AcceptedOn).ThenBy(i => i.Reference)
            .Take(500)
            .Select(i => new CaseloadRow(i.Id, i.Reference, i.Stage, i.NotifiedOn, i.AcceptedOn, i.InvestigatorUserId,
                db.Users.Where(u => u.Id == i.InvestigatorUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public async Task<InvestigationView> GetAsync(Guid id, Requester by, CancellationToken ct)
    {
        var ipr = await db.Investigations.AsNoTracking()
            .Include(i => i.Customer)
            .Include(i => i.ServiceLines).ThenInclude(l => l.ServiceLine)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, ct);
        if (ipr is null || !(by.IsTriage || ipr.InvestigatorUserId == by.UserId))
        {
            if (ipr is not null)
            {
                db.RecordEvent(AuditAction.AccessRefused, nameof(Investigation), id.ToString(), "Not assigned to the requester");
                await db.SaveAuditEventsAsync(ct);
            }

            throw new RecordNotFoundException("The IPR");
        }

        db.RecordView(nameof(Investigation), ipr.Id);
        await db.SaveAuditEventsAsync(ct);
        var name = ipr.InvestigatorUserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var findings = await db.Findings.CountAsync(f => f.InvestigationId == id, ct);
        var history = await db.StageChanges.AsNoTracking().Where(s => s.InvestigationId == id).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return new InvestigationView(ipr, name, findings, history);
    }

    public async Task<IReadOnlyList<InvestigatorChoice>> InvestigatorsAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Roles.Any(r => r.Role == Roles.Investigator))
            .OrderBy(u => u.DisplayName)
            .Select(u => new InvestigatorChoice(u.Id, u.DisplayName))
            .ToListAsync(ct);

    /// <summary>Triage assigns or reassigns the investigator; the audit trail keeps who had it before.</summary>
    public async Task<Investigation> AssignAsync(Guid id, int expectedVersion, Guid? investigatorUserId, CancellationToken ct)
    {
        var ipr = await db.Investigations.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new RecordNotFoundException("The IPR");
        if (investigatorUserId is null || !await db.Users.AnyAsync(u => u.Id == investigatorUserId && u.IsActive && u.Roles.Any(r => r.Role == Roles.Investigator), ct))
        {
            throw new DomainValidationException("investigator", "Select an investigator");
        }

        if (ipr.Stage == InvestigationStage.Concluded)
        {
            throw new DomainValidationException("investigator", $"IPR {ipr.Reference} is concluded: it cannot be reassigned");
        }

        db.ExpectVersion(ipr, expectedVersion);
        ipr.InvestigatorUserId = investigatorUserId;
        await db.SaveChangesAsync(ct);
        return ipr;
    }

    /// <summary>Moves the case to another stage under <see cref="InvestigationStages"/>, dating the move and recording it.</summary>
    public async Task<Investigation> MoveStageAsync(Guid id, int expectedVersion, InvestigationStage? to, InvestigationOutcome? outcome, Requester by, CancellationToken ct)
    {
        var ipr = await db.Investigations.SingleOrDefaultAsync(i => i.Id == id && (by.IsTriage || i.InvestigatorUserId == by.UserId), ct)
            ?? throw new RecordNotFoundException("The IPR");
        if (to is null)
        {
            throw new DomainValidationException("stage", "Select the stage to move the IPR to");
        }

        var findings = await db.Findings.CountAsync(f => f.InvestigationId == id, ct);
        InvestigationStages.Check(ipr, findings, to.Value, outcome).ThrowIfAny();
        db.ExpectVersion(ipr, expectedVersion);
        var today = UkTime.Today(clock);
        db.StageChanges.Add(new StageChange { InvestigationId = ipr.Id, From = ipr.Stage, To = to.Value, On = today, ByUserId = by.UserId });
        ipr.Stage = to.Value;
        switch (to.Value)
        {
            case InvestigationStage.Launched:
                ipr.LaunchedOn = today;
                break;
            case InvestigationStage.WithIprg:
                ipr.SentToIprgOn = today;
                break;
            case InvestigationStage.Concluded:
                ipr.ConcludedOn = today;
                ipr.Outcome = outcome;
                break;
        }

        await db.SaveChangesAsync(ct);
        return ipr;
    }
}
