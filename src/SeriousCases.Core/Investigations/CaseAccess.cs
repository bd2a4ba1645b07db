using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Investigations;

/// <summary>The record-level rule of the investigation workspace, in one place: an IPR is worked by the
/// investigator assigned to it and by Triage (who assign). Anyone else is told it was not found, so a
/// case's existence is not revealed, and the attempt is written to the audit trail.</summary>
public static class CaseAccess
{
    public static bool MayWork(this Requester by, Investigation ipr) => by.IsTriage || ipr.InvestigatorUserId == by.UserId;

    /// <summary>The IPR, tracked for a change, if <paramref name="by"/> works it; otherwise
    /// <see cref="RecordNotFoundException"/> after auditing the refusal.</summary>
    public static async Task<Investigation> CaseForWorkAsync(this SeriousCasesDbContext db, Guid id, Requester by, CancellationToken ct)
    {
        var ipr = await db.Investigations.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (ipr is null || !by.MayWork(ipr))
        {
            if (ipr is not null)
            {
                await db.RefuseAsync(id, ct);
            }

            throw new RecordNotFoundException("The IPR");
        }

        return ipr;
    }

    /// <summary>Audits a refused request for an IPR at once (the caller then answers "not found").</summary>
    public static async Task RefuseAsync(this SeriousCasesDbContext db, Guid id, CancellationToken ct)
    {
        db.RecordEvent(AuditAction.AccessRefused, nameof(Investigation), id.ToString(), "Not assigned to the requester");
        await db.SaveAuditEventsAsync(ct);
    }
}
