using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Retention;

/// <summary>Places and lifts legal holds, with who and why. A hold names a case by its IPR or referral reference and
/// holds both the IPR and its referral.</summary>
public sealed class LegalHoldService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int ReasonMax = 2000;

    public async Task<IReadOnlyList<LegalHold>> ListAsync(CancellationToken ct) =>
        (await db.Set<LegalHold>().AsNoTracking().ToListAsync(ct))
            .OrderBy(h => h.IsActive ? 0 : 1).ThenByDescending(h => h.LiftedAt ?? h.PlacedAt).ToList();

    public async Task<LegalHold> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<LegalHold>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new RecordNotFoundException("The legal hold");

    public async Task<LegalHold> PlaceAsync(string? caseReference, string? reason, Requester by, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var reference = caseReference?.Trim().ToUpperInvariant();
        Guid? investigationId = null;
        Guid? referralId = null;
        if (string.IsNullOrEmpty(reference))
        {
            errors.Add("caseReference", "Enter the reference of the IPR or referral, for example IPR-2019-0004");
        }
        else
        {
            var ipr = await db.Investigations.AsNoTracking().Where(i => i.Reference == reference)
                .Select(i => new { i.Id, i.ReferralId }).SingleOrDefaultAsync(ct);
            if (ipr is not null)
            {
                (investigationId, referralId) = (ipr.Id, ipr.ReferralId);
            }
            else if (await db.Referrals.AsNoTracking().Where(r => r.Reference == reference).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct) is { } rid)
            {
                referralId = rid;
                investigationId = await db.Investigations.AsNoTracking().Where(i => i.ReferralId == rid).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            }
            else
            {
                errors.Add("caseReference", $"There is no IPR or referral with the reference {Truncate(reference)}. Check the reference, for example IPR-2019-0004");
            }
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            errors.Add("reason", "Enter why the case must be kept, for example an inquest is pending");
        }
        else if (why.Length > ReasonMax)
        {
            errors.Add("reason", $"The reason must be {ReasonMax:N0} characters or fewer");
        }

        if (!errors.Has("caseReference") && reference is not null)
        {
            var existing = await db.Set<LegalHold>().AsNoTracking()
                .Where(h => h.LiftedAt == null && ((investigationId != null && h.InvestigationId == investigationId) || (referralId != null && h.ReferralId == referralId)))
                .FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                errors.Add("caseReference", $"{reference} is already on hold (placed by {existing.PlacedBy} on {UkTime.Format(existing.PlacedAt)}). Lift that hold first to place a new one");
            }
        }

        errors.ThrowIfAny();
        var hold = new LegalHold
        {
            CaseReference = reference!,
            InvestigationId = investigationId,
            ReferralId = referralId,
            Reason = why!,
            PlacedByUserId = by.UserId,
            PlacedBy = by.Name,
            PlacedAt = AuditHasher.ToMicroseconds(clock.GetUtcNow().UtcDateTime),
        };
        db.Add(hold);
        await db.SaveChangesAsync(ct);
        return hold;
    }

    /// <summary>Lifts a hold, against the version the user read (a hold lifted by someone else in between is refused).</summary>
    public async Task<LegalHold> LiftAsync(Guid id, int version, string? reason, Requester by, CancellationToken ct)
    {
        var hold = await db.Set<LegalHold>().SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw new RecordNotFoundException("The legal hold");
        var errors = new ValidationErrors();
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            errors.Add("reason", "Enter why the hold can be lifted, for example the inquest has concluded");
        }
        else if (why.Length > ReasonMax)
        {
            errors.Add("reason", $"The reason must be {ReasonMax:N0} characters or fewer");
        }

        if (!hold.IsActive)
        {
            throw new ConcurrencyConflictException($"The legal hold on {hold.CaseReference}");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(hold, version);
        hold.LiftedReason = why;
        hold.LiftedByUserId = by.UserId;
        hold.LiftedBy = by.Name;
        hold.LiftedAt = AuditHasher.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return hold;
    }

    private static string Truncate(string s) => s.Length > 30 ? s[..30] + "…" : s;
}
