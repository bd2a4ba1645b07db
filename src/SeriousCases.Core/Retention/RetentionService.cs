using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Retention;

/// <summary>The case-by-case outcome of a dry run or a run: every due category, with its verdict and why.</summary>
public sealed record RetentionPreview(DateOnly AsOf, IReadOnlyList<RetentionDecision> Decisions)
{
    public IEnumerable<IGrouping<string, RetentionDecision>> ByCase => Decisions.GroupBy(d => d.Case.Reference);

    public int CasesToDispose => Decisions.Where(d => d.Verdict == RetentionVerdict.Dispose).Select(d => d.Case.Reference).Distinct().Count();

    public int CasesHeld => Decisions.Where(d => d.Verdict == RetentionVerdict.Held).Select(d => d.Case.Reference).Distinct().Count();
}

/// <summary>Applies the retention rules: a dry run says what would be disposed of, under which rule and why, and
/// changes nothing; a run removes the personal data and files for good (rows deleted, fields nulled: never a flag),
/// one transaction per case, and keeps a <see cref="DisposalRecord"/> per category, whose creation is the disposal's
/// audit entry. Findings, agreed activities, learning outcomes, themes, stage history, counted facts and published
/// material are never touched.</summary>
public sealed class RetentionService(SeriousCasesDbContext db, TimeProvider clock, ILogger<RetentionService> log)
{
    /// <summary>Every field marked <c>[PersonalData]</c> in the model and the category that disposes of it. A test fails
    /// when a new personal field is not listed here (and handled in <see cref="DisposeAsync"/>).</summary>
    public static readonly IReadOnlyDictionary<string, RetentionCategory> DisposedFields = new Dictionary<string, RetentionCategory>
    {
        ["Customer.FullName"] = RetentionCategory.CustomerIdentity,
        ["Customer.DateOfBirth"] = RetentionCategory.CustomerIdentity,
        ["Customer.NationalInsuranceNumber"] = RetentionCategory.CustomerIdentity,
        ["Customer.DateOfDeath"] = RetentionCategory.CustomerIdentity,
        ["Investigation.Summary"] = RetentionCategory.CaseSummary,
        ["JourneyContact.WhatHappened"] = RetentionCategory.Journey,
        ["EvidenceDocument.FileName"] = RetentionCategory.EvidenceFiles,
        ["EvidenceDocument.Description"] = RetentionCategory.EvidenceFiles,
        ["EvidenceFile.Content"] = RetentionCategory.EvidenceFiles,
        ["FactFindingDiscussion.WithWhom"] = RetentionCategory.FactFindingNotes,
        ["FactFindingDiscussion.Notes"] = RetentionCategory.FactFindingNotes,
        ["FamilyContact.DwpAttendee"] = RetentionCategory.FamilyEngagementDetails,
        ["FamilyContact.Notes"] = RetentionCategory.FamilyEngagementDetails,
        ["Referral.ReferrerName"] = RetentionCategory.ReferralPersonalDetails,
        ["Referral.AllegationDetails"] = RetentionCategory.ReferralPersonalDetails,
    };

    /// <summary>Fields marked <c>[PersonalData]</c> (masked in the audit trail) that retention keeps on purpose, with why.
    /// Every such field is in this list or in <see cref="DisposedFields"/> (a test checks).</summary>
    public static readonly IReadOnlyDictionary<string, string> KeptFields = new Dictionary<string, string>
    {
        ["PublicationEdition.Content"] = "published material is kept (seed 002, question 10); an edition cannot be approved " +
            "until the identifiability check has cleared every identifying detail from it",
    };

    public async Task<IReadOnlyList<RetentionRule>> RulesAsync(CancellationToken ct) =>
        await db.Set<RetentionRule>().AsNoTracking().OrderBy(r => r.Trigger).ThenBy(r => r.Category).ToListAsync(ct);

    public async Task<IReadOnlyList<RetentionRun>> LastRunsAsync(int count, CancellationToken ct) =>
        await db.Set<RetentionRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(count).ToListAsync(ct);

    public async Task<IReadOnlyList<DisposalRecord>> DisposalsAsync(int count, CancellationToken ct) =>
        (await db.Set<DisposalRecord>().AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(count).ToListAsync(ct));

    /// <summary>What a run today would dispose of, and what it would keep because of a hold. Changes nothing.</summary>
    public async Task<RetentionPreview> DryRunAsync(CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        return new RetentionPreview(today, await DecideAsync(today, ct));
    }

    /// <summary>Disposes of everything due today. Each case is its own transaction: a failure leaves the others done
    /// and that case whole, and the next run takes it up again.</summary>
    public async Task<(RetentionRun Run, RetentionPreview Preview)> RunAsync(CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var run = new RetentionRun
        {
            StartedAt = AuditHasher.ToMicroseconds(clock.GetUtcNow().UtcDateTime),
            StartedBy = db.Actor.Email,
            AsOf = today,
        };
        db.Add(run);
        // A database without the reference data (no demo load) still keeps the promise: the run adds the default rules.
        if (!await db.RetentionRules.AnyAsync(ct))
        {
            db.RetentionRules.AddRange(Demo.ReferenceDataSeeder.RetentionRules.Select(r => new RetentionRule { Code = r.Code, Category = r.Category, Trigger = r.Trigger, PeriodYears = r.Years }));
        }

        await db.SaveChangesAsync(ct);

        var decisions = await DecideAsync(today, ct);
        var disposedCases = 0;
        var disposedCategories = 0;
        foreach (var group in decisions.Where(d => d.Verdict == RetentionVerdict.Dispose).GroupBy(d => d.Case.Reference))
        {
            var done = await DisposeCaseAsync(group.ToList(), run.Id, ct);
            if (done > 0)
            {
                disposedCases++;
                disposedCategories += done;
            }
        }

        db.ChangeTracker.Clear();
        db.Attach(run);
        run.FinishedAt = AuditHasher.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        run.CasesDisposed = disposedCases;
        run.CategoriesDisposed = disposedCategories;
        run.CasesHeld = decisions.Where(d => d.Verdict == RetentionVerdict.Held).Select(d => d.Case.Reference).Distinct().Count();
        await db.SaveChangesAsync(ct);
        log.LogInformation("Retention run {RunId}: {Categories} categories of {Cases} cases disposed of, {Held} cases held",
            run.Id, disposedCategories, disposedCases, run.CasesHeld);
        return (run, new RetentionPreview(today, decisions));
    }

    private async Task<int> DisposeCaseAsync(IReadOnlyList<RetentionDecision> decisions, Guid runId, CancellationToken ct)
    {
        var c = decisions[0].Case;
        db.ChangeTracker.Clear();
        // Holds the audit chain's write lock: a second run (another copy of the service, the command line) waits,
        // then sees this run's disposal records and skips what is done.
        await using var transaction = await db.BeginSerialisedAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Overwrite deleted content in the database file rather than leave it in free pages.
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", ct);
        }

        var done = await db.Set<DisposalRecord>().Where(r => r.CaseReference == c.Reference).Select(r => r.Category).ToListAsync(ct);
        var held = await db.Set<LegalHold>().AnyAsync(h => h.LiftedAt == null
            && ((c.InvestigationId != null && h.InvestigationId == c.InvestigationId) || (c.ReferralId != null && h.ReferralId == c.ReferralId)), ct);
        if (held)
        {
            return 0;
        }

        var now = AuditHasher.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var count = 0;
        foreach (var decision in decisions.Where(d => !done.Contains(d.Category)))
        {
            var records = await DisposeAsync(c, decision.Category, now, ct);
            db.Add(new DisposalRecord
            {
                CaseReference = c.Reference,
                Category = decision.Category,
                RuleCode = decision.Rule.Code,
                Trigger = decision.Rule.Trigger,
                PeriodYears = decision.Rule.PeriodYears,
                EventOn = c.EventOn!.Value,
                DueOn = decision.DueOn,
                DisposedAt = now,
                Records = records,
                RetentionRunId = runId,
            });
            count++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return count;
    }

    /// <summary>Removes one category of a case's material; answers how many records were removed or cleared.</summary>
    private async Task<int> DisposeAsync(RetentionCase c, RetentionCategory category, DateTime now, CancellationToken ct)
    {
        var ipr = c.InvestigationId;
        switch (category)
        {
            case RetentionCategory.CustomerIdentity when c.CustomerId is { } customerId:
                var customer = await db.Customers.SingleAsync(x => x.Id == customerId, ct);
                (customer.FullName, customer.DateOfBirth, customer.NationalInsuranceNumber, customer.DateOfDeath) = (null, null, null, null);
                customer.IdentityDisposedAt ??= now;
                return 1;
            case RetentionCategory.CaseSummary when ipr is not null:
                var investigation = await db.Investigations.SingleAsync(x => x.Id == ipr, ct);
                var had = investigation.Summary is null ? 0 : 1;
                investigation.Summary = null;
                return had;
            case RetentionCategory.Journey when ipr is not null:
                var contacts = await db.JourneyContacts.Where(x => x.InvestigationId == ipr).ToListAsync(ct);
                db.RemoveRange(contacts);
                return contacts.Count;
            case RetentionCategory.EvidenceFiles when ipr is not null:
                var documents = await db.EvidenceDocuments.Where(x => x.InvestigationId == ipr).ToListAsync(ct);
                var ids = documents.Select(d => d.Id).ToList();
                // The content is removed without reading it: a stub of each stored file is enough to delete it.
                var withContent = await db.EvidenceFiles.Where(f => ids.Contains(f.EvidenceDocumentId)).Select(f => f.EvidenceDocumentId).ToListAsync(ct);
                foreach (var id in withContent)
                {
                    db.Remove(new EvidenceFile { EvidenceDocumentId = id, Content = [] });
                }

                db.RemoveRange(documents);
                return documents.Count;
            case RetentionCategory.FactFindingNotes when ipr is not null:
                var discussions = await db.FactFindingDiscussions.Where(x => x.InvestigationId == ipr).ToListAsync(ct);
                db.RemoveRange(discussions);
                return discussions.Count;
            case RetentionCategory.FamilyEngagementDetails when ipr is not null:
                // The rows stay (date, kind, level, apology are counted for management information); who and what go.
                var family = await db.FamilyContacts.Where(x => x.InvestigationId == ipr).ToListAsync(ct);
                foreach (var f in family)
                {
                    (f.DwpAttendee, f.Notes) = (null, null);
                }

                return family.Count;
            case RetentionCategory.ReferralPersonalDetails when c.ReferralId is { } referralId:
                var referral = await db.Referrals.SingleAsync(x => x.Id == referralId, ct);
                (referral.ReferrerName, referral.AllegationDetails) = (null, null);
                return 1;
            default:
                return 0;
        }
    }

    /// <summary>Every case that has reached an event old enough for the shortest rule, with every other case about
    /// the same customers (their identity is shared), the holds and what was disposed of before.</summary>
    private async Task<IReadOnlyList<RetentionDecision>> DecideAsync(DateOnly today, CancellationToken ct)
    {
        var stored = await db.Set<RetentionRule>().AsNoTracking().ToListAsync(ct);
        // No rules stored yet: the defaults, which the first real run adds.
        var rules = stored.Count == 0
            ? Demo.ReferenceDataSeeder.RetentionRules.Select(r => new RetentionRuleInfo(r.Code, r.Category, r.Trigger, r.Years)).ToList()
            : stored.Where(r => r.IsActive).Select(r => new RetentionRuleInfo(r.Code, r.Category, r.Trigger, r.PeriodYears)).ToList();
        if (rules.Count == 0)
        {
            return [];
        }

        // A day's slack for events on 29 February; the schedule decides exactly.
        var cutoff = today.AddYears(-rules.Min(r => r.PeriodYears)).AddDays(1);
        var cutoffUtc = UkTime.StartOfDayUtc(cutoff.AddDays(1));
        var iprs = await db.Investigations.AsNoTracking()
            .Where(i => i.Stage == InvestigationStage.Concluded && i.ConcludedOn != null && i.ConcludedOn <= cutoff)
            .Select(i => new CaseRow(i.Id, i.Reference, i.ReferralId, i.CustomerId ?? (i.Referral != null ? i.Referral.CustomerId : null), i.Stage, i.ConcludedOn))
            .ToListAsync(ct);
        var notMet = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.NotMet && r.ClosedAt != null && r.ClosedAt < cutoffUtc)
            .Select(r => new ReferralRow(r.Id, r.Reference, r.CustomerId, r.Status, r.ClosedAt))
            .ToListAsync(ct);

        // Everything else about the same customers.
        var customers = iprs.Select(i => i.CustomerId).Concat(notMet.Select(r => r.CustomerId)).OfType<Guid>().Distinct().ToList();
        if (customers.Count > 0)
        {
            var known = iprs.Select(i => i.Id).ToHashSet();
            iprs.AddRange((await db.Investigations.AsNoTracking()
                    .Where(i => (i.CustomerId != null && customers.Contains(i.CustomerId.Value))
                        || (i.Referral != null && i.Referral.CustomerId != null && customers.Contains(i.Referral.CustomerId.Value)))
                    .Select(i => new CaseRow(i.Id, i.Reference, i.ReferralId, i.CustomerId ?? (i.Referral != null ? i.Referral.CustomerId : null), i.Stage, i.ConcludedOn))
                    .ToListAsync(ct))
                .Where(i => !known.Contains(i.Id)));
            var knownReferrals = notMet.Select(r => r.Id).ToHashSet();
            notMet.AddRange((await db.Referrals.AsNoTracking()
                    .Where(r => r.CustomerId != null && customers.Contains(r.CustomerId.Value))
                    .Select(r => new ReferralRow(r.Id, r.Reference, r.CustomerId, r.Status, r.ClosedAt))
                    .ToListAsync(ct))
                .Where(r => !knownReferrals.Contains(r.Id)));
        }

        // A referral that led to an IPR is part of that IPR's case.
        var referralIds = notMet.Select(r => r.Id).ToList();
        var withIpr = (await db.Investigations.AsNoTracking()
            .Where(i => i.ReferralId != null && referralIds.Contains(i.ReferralId.Value))
            .Select(i => i.ReferralId!.Value).ToListAsync(ct)).ToHashSet();
        withIpr.UnionWith(iprs.Where(i => i.ReferralId != null).Select(i => i.ReferralId!.Value));

        var holds = await db.Set<LegalHold>().AsNoTracking().Where(h => h.LiftedAt == null).Select(h => new { h.InvestigationId, h.ReferralId }).ToListAsync(ct);
        var heldIprs = holds.Where(h => h.InvestigationId != null).Select(h => h.InvestigationId!.Value).ToHashSet();
        var heldReferrals = holds.Where(h => h.ReferralId != null).Select(h => h.ReferralId!.Value).ToHashSet();

        var references = iprs.Select(i => i.Reference).Concat(notMet.Select(r => r.Reference)).ToList();
        var disposed = (await db.Set<DisposalRecord>().AsNoTracking()
                .Where(r => references.Contains(r.CaseReference))
                .Select(r => new { r.CaseReference, r.Category }).ToListAsync(ct))
            .GroupBy(r => r.CaseReference)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<RetentionCategory>)g.Select(r => r.Category).ToHashSet());
        IReadOnlySet<RetentionCategory> None = new HashSet<RetentionCategory>();

        var cases = new List<RetentionCase>();
        foreach (var i in iprs)
        {
            var concluded = i.Stage == InvestigationStage.Concluded ? i.ConcludedOn : null;
            cases.Add(new RetentionCase(i.Reference, i.Id, i.ReferralId, i.CustomerId,
                concluded is null ? null : RetentionTrigger.IprConcluded, concluded,
                heldIprs.Contains(i.Id) || (i.ReferralId is { } r && heldReferrals.Contains(r)),
                disposed.GetValueOrDefault(i.Reference) ?? None));
        }

        foreach (var r in notMet.Where(r => !withIpr.Contains(r.Id)))
        {
            var closed = r.Status == ReferralStatus.NotMet && r.ClosedAt is { } at ? DateOnly.FromDateTime(UkTime.ToUk(at)) : (DateOnly?)null;
            cases.Add(new RetentionCase(r.Reference, null, r.Id, r.CustomerId,
                closed is null ? null : RetentionTrigger.NotMetReferralClosed, closed,
                heldReferrals.Contains(r.Id), disposed.GetValueOrDefault(r.Reference) ?? None));
        }

        return RetentionSchedule.Decide(cases, rules, today);
    }

    private sealed record CaseRow(Guid Id, string Reference, Guid? ReferralId, Guid? CustomerId, InvestigationStage Stage, DateOnly? ConcludedOn);

    private sealed record ReferralRow(Guid Id, string Reference, Guid? CustomerId, ReferralStatus Status, DateTime? ClosedAt);
}
