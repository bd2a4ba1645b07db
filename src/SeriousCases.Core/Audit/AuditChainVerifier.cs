using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Audit;

public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>Walks the whole audit chain in order and reports the first entry that does not match.</summary>
public sealed class AuditChainVerifier(SeriousCasesDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var previousHash = AuditHasher.GenesisHash;
        long expectedSequence = 1;
        long checkedCount = 0;
        const int batch = 5000;
        while (true)
        {
            var from = expectedSequence;
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(batch)
                .ToListAsync(ct);
            if (entries.Count == 0)
            {
                return new AuditVerification(true, checkedCount, null, null);
            }

            foreach (var entry in entries)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return new AuditVerification(false, checkedCount, expectedSequence,
                        $"Entry {expectedSequence} is missing (next entry found is {entry.Sequence}).");
                }

                if (entry.PreviousHash != previousHash)
                {
                    return new AuditVerification(false, checkedCount, entry.Sequence,
                        $"Entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: the previous hash differs.");
                }

                if (AuditHasher.Compute(entry) != entry.Hash)
                {
                    return new AuditVerification(false, checkedCount, entry.Sequence,
                        $"Entry {entry.Sequence} was altered: its content no longer matches its hash.");
                }

                previousHash = entry.Hash;
                expectedSequence++;
                checkedCount++;
            }
        }
    }
}
