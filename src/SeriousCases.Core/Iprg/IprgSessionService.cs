using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Core.Iprg;

public sealed record SessionRow(Guid Id, DateOnly HeldOn, int Cases, int Reviewed);

/// <summary>A case on a session's agenda, with where it stands.</summary>
public sealed record SessionCase(Guid InvestigationId, string Reference, InvestigationStage Stage, DateOnly? SentToIprgOn, DateOnly? IprgReviewedOn, int Findings, int Activities);

public sealed record SessionView(IprgSession Session, IReadOnlyList<SessionCase> Cases, IReadOnlyList<ReviewCase> Addable);

/// <summary>The IPRG's review sessions: dated meetings with the cases put before each. A case is put on a
/// session while it is with the group; the review itself is recorded per case (<see cref="IprgService"/>).</summary>
public sealed class IprgSessionService(SeriousCasesDbContext db, TimeProvider clock, IprgService iprg)
{
    public const int NotesMax = 4000;

    /// <summary>Sessions from a year ago onwards, soonest first, with how many of their cases are reviewed.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(CancellationToken ct)
    {
        var from = UkTime.Today(clock).AddYears(-1);
        return await db.IprgSessions.AsNoTracking()
            .Where(s => s.HeldOn >= from)
            .OrderBy(s => s.HeldOn)
            .Select(s => new SessionRow(s.Id, s.HeldOn, s.Cases.Count,
                s.Cases.Count(c => db.Investigations.Any(i => i.Id == c.InvestigationId && i.IprgReviewedOn != null))))
            .ToListAsync(ct);
    }

    /// <summary>For each case with the group, the date of the next session it is on (today or later), if any.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateOnly>> NextSessionByCaseAsync(CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var rows = await db.IprgSessionCases.AsNoTracking()
            .Join(db.IprgSessions.Where(s => s.HeldOn >= today), c => c.IprgSessionId, s => s.Id, (c, s) => new { c.InvestigationId, s.HeldOn })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.InvestigationId).ToDictionary(g => g.Key, g => g.Min(r => r.HeldOn));
    }

    public async Task<IprgSession> ScheduleAsync(DateOnly? heldOn, string? notes, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var today = UkTime.Today(clock);
        if (heldOn is null)
        {
            errors.Add("heldOn", "Enter the date of the session");
        }
        else if (heldOn < today.AddDays(-90))
        {
            errors.Add("heldOn", "The date must be within the last 90 days or in the future");
        }
        else if (heldOn > today.AddYears(2))
        {
            errors.Add("heldOn", "The date must be within the next 2 years");
        }
        else if (await db.IprgSessions.AnyAsync(s => s.HeldOn == heldOn, ct))
        {
            errors.Add("heldOn", $"There is already a session on {UkTime.Format(heldOn.Value)}");
        }

        notes = notes?.Trim();
        if (notes?.Length > NotesMax)
        {
            errors.Add("notes", $"Notes must be {NotesMax:N0} characters or fewer");
        }

        errors.ThrowIfAny();
        var session = new IprgSession { HeldOn = heldOn!.Value, Notes = string.IsNullOrEmpty(notes) ? null : notes };
        db.IprgSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    public async Task<SessionView> GetAsync(Guid id, CancellationToken ct)
    {
        var session = await db.IprgSessions.AsNoTracking().Include(s => s.Cases).SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new RecordNotFoundException("The IPRG session");
        var ids = session.Cases.Select(c => c.InvestigationId).ToList();
        var cases = await db.Investigations.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new SessionCase(i.Id, i.Reference, i.Stage, i.SentToIprgOn, i.IprgReviewedOn,
                db.Findings.Count(f => f.InvestigationId == i.Id),
                db.AgreedActivities.Count(a => a.InvestigationId == i.Id)))
            .ToListAsync(ct);
        var order = session.Cases.ToDictionary(c => c.InvestigationId, c => c.Order);
        var addable = (await iprg.ReadyForReviewAsync(ct)).Where(c => !order.ContainsKey(c.Id)).ToList();
        return new SessionView(session, [.. cases.OrderBy(c => order[c.InvestigationId])], addable);
    }

    /// <summary>Puts a case with the group on the session's agenda, after those already on it.</summary>
    public async Task<IprgSessionCase> AddCaseAsync(Guid sessionId, Guid? investigationId, CancellationToken ct)
    {
        var session = await db.IprgSessions.Include(s => s.Cases).SingleOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new RecordNotFoundException("The IPRG session");
        if (investigationId is null)
        {
            throw new DomainValidationException("investigationId", "Select a case to put on the session");
        }

        var ipr = await db.Investigations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == investigationId, ct);
        if (ipr is null || ipr.Stage != InvestigationStage.WithIprg)
        {
            throw new DomainValidationException("investigationId", ipr is null
                ? "Select a case that is with the IPRG"
                : $"IPR {ipr.Reference} is {InvestigationStages.Describe(ipr.Stage).ToLowerInvariant()}: only a case with the IPRG can go on a session");
        }

        if (session.Cases.Any(c => c.InvestigationId == ipr.Id))
        {
            throw new DomainValidationException("investigationId", $"IPR {ipr.Reference} is already on this session");
        }

        var entry = new IprgSessionCase { IprgSessionId = session.Id, InvestigationId = ipr.Id, Order = session.Cases.Select(c => c.Order).DefaultIfEmpty().Max() + 1 };
        db.IprgSessionCases.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Takes a case off a session (for example to hold it over to the next one), unless the group already reviewed it.</summary>
    public async Task RemoveCaseAsync(Guid sessionId, Guid investigationId, CancellationToken ct)
    {
        var entry = await db.IprgSessionCases.SingleOrDefaultAsync(c => c.IprgSessionId == sessionId && c.InvestigationId == investigationId, ct)
            ?? throw new RecordNotFoundException("The case on this session");
        var ipr = await db.Investigations.AsNoTracking().SingleAsync(i => i.Id == investigationId, ct);
        if (ipr.IprgReviewedOn is not null)
        {
            throw new DomainValidationException("investigationId", $"The group has reviewed IPR {ipr.Reference}: it stays on the session's record");
        }

        db.IprgSessionCases.Remove(entry);
        await db.SaveChangesAsync(ct);
    }
}
