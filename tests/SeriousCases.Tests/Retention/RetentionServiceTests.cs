using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Retention;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Retention;

/// <summary>The retention run on the database of the run (SQLite or PostgreSQL), over the demo data and a fictional old
/// case with every kind of material: a dry run changes nothing; a run removes the personal data for good and keeps
/// every count; a legal hold keeps a case until it is lifted; the audit chain still verifies.</summary>
public sealed class RetentionServiceTests : IAsyncLifetime
{
    /// <summary>Well after every published demo IPR (concluded in 2022/23) has reached six years.</summary>
    private static readonly DateTimeOffset Later = new(2030, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Later);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private SeriousCasesDbContext Context(string actor = "system:retention") => database.CreateContext(new SystemActor(actor), clock);

    private RetentionService Service(SeriousCasesDbContext db) => new(db, clock, NullLogger<RetentionService>.Instance);

    private sealed record OldCase(Guid InvestigationId, Guid ReferralId, Guid CustomerId, Guid NotMetReferralId, Guid NotMetCustomerId);

    /// <summary>IPR-2020-9001 (concluded on 29 February 2020) with a fictional customer and every kind of material, and a
    /// not met referral REF-2020-9002 closed on 10 January 2020.</summary>
    private async Task<OldCase> OldCaseAsync()
    {
        await using var db = Context("system:test");
        var line = await db.ServiceLines.Where(l => l.Code == "UC").Select(l => l.Id).SingleAsync();
        var user = await db.Users.Where(u => u.Email == "investigator@demo.test").Select(u => u.Id).SingleAsync();
        var customer = new Customer { FullName = "Zebedee Fictional", DateOfBirth = new DateOnly(1970, 4, 1), NationalInsuranceNumber = "QQ123456A", DateOfDeath = new DateOnly(2019, 6, 1), Nation = Core.Common.Nation.Wales };
        var referral = new Referral { Reference = "REF-2019-9001", Status = ReferralStatus.Accepted, ReferrerName = "Sam Referrer", AllegationDetails = "Details of what happened", Customer = customer, ReceivedOn = new DateOnly(2019, 7, 1) };
        var ipr = new Investigation
        {
            Reference = "IPR-2020-9001",
            Referral = referral,
            Customer = customer,
            Stage = InvestigationStage.Concluded,
            Outcome = InvestigationOutcome.LearningIdentified,
            ConcludedOn = new DateOnly(2020, 2, 29),
            Summary = "What happened to Zebedee",
            InvestigatorUserId = user,
        };
        ipr.Findings.Add(new Finding { Text = "Safeguarding checks were not made", ServiceLineId = line, Order = 1 });
        db.Investigations.Add(ipr);
        var document = new EvidenceDocument { InvestigationId = ipr.Id, FileName = "zebedee-notes.txt", ContentType = "text/plain", SizeBytes = 5, Sha256 = new string('a', 64), UploadedByUserId = user };
        db.EvidenceDocuments.Add(document);
        db.EvidenceFiles.Add(new EvidenceFile { EvidenceDocumentId = document.Id, Content = "notes"u8.ToArray() });
        db.JourneyContacts.Add(new JourneyContact { InvestigationId = ipr.Id, OccurredOn = new DateOnly(2019, 3, 1), ServiceLineId = line, Channel = ContactChannel.Telephone, WhatHappened = "Zebedee called about a payment", Source = "UC journal", RecordedByUserId = user });
        db.FactFindingDiscussions.Add(new FactFindingDiscussion { InvestigationId = ipr.Id, HeldOn = new DateOnly(2019, 8, 1), WithWhom = "Kit Colleague", Role = "Work coach", Notes = "Zebedee seemed unwell", RecordedByUserId = user });
        db.FamilyContacts.Add(new FamilyContact { InvestigationId = ipr.Id, On = new DateOnly(2019, 9, 1), Kind = FamilyContactKind.Meeting, DwpAttendee = "Dana Director", Level = AttendeeLevel.Director, ApologyGiven = true, Notes = "Met Zebedee's sister", RecordedByUserId = user });
        var notMetCustomer = new Customer { FullName = "Jo Fictional", NationalInsuranceNumber = "QQ654321B" };
        var notMet = new Referral { Reference = "REF-2020-9002", Status = ReferralStatus.NotMet, ReferrerName = "Lee Referrer", Customer = notMetCustomer, ClosedAt = new DateTime(2020, 1, 10, 12, 0, 0, DateTimeKind.Utc) };
        db.Referrals.Add(notMet);
        await db.SaveChangesAsync();
        return new OldCase(ipr.Id, referral.Id, customer.Id, notMet.Id, notMetCustomer.Id);
    }

    private sealed record Counts(int Concluded, int WithLearning, int Findings, int FindingThemes, int Activities, int Outcomes, int StageChanges, int Customers, int Referrals, int FamilyTotal, int FamilyApologies, int FamilyCases);

    private async Task<Counts> CountsAsync()
    {
        await using var db = Context("system:test");
        var family = await new FamilyEngagementService(db, clock).FiguresAsync(new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 31));
        return new Counts(
            await db.Investigations.CountAsync(i => i.Stage == InvestigationStage.Concluded),
            await db.Investigations.CountAsync(i => i.Outcome == InvestigationOutcome.LearningIdentified),
            await db.Findings.CountAsync(),
            await db.Set<FindingTheme>().CountAsync(),
            await db.AgreedActivities.CountAsync(),
            await db.LearningOutcomes.CountAsync(),
            await db.StageChanges.CountAsync(),
            await db.Customers.CountAsync(),
            await db.Referrals.CountAsync(),
            family.Total,
            family.ApologiesGiven,
            family.CasesWithContact);
    }

    [Fact]
    public async Task A_dry_run_lists_what_is_due_with_the_rule_and_why_and_changes_nothing()
    {
        await OldCaseAsync();
        await using var db = Context();
        var auditBefore = await db.AuditEntries.CountAsync();
        var countsBefore = await CountsAsync();

        var preview = await Service(db).DryRunAsync(default);

        var ours = preview.Decisions.Where(d => d.Case.Reference == "IPR-2020-9001").ToList();
        Assert.Equal(
            [RetentionCategory.CustomerIdentity, RetentionCategory.CaseSummary, RetentionCategory.Journey, RetentionCategory.EvidenceFiles,
             RetentionCategory.FactFindingNotes, RetentionCategory.FamilyEngagementDetails, RetentionCategory.ReferralPersonalDetails],
            ours.Select(d => d.Category));
        Assert.All(ours, d => Assert.Equal(RetentionVerdict.Dispose, d.Verdict));
        Assert.Contains("due on 1 March 2026", ours[0].Why, StringComparison.Ordinal);
        Assert.Equal(
            [RetentionCategory.CustomerIdentity, RetentionCategory.ReferralPersonalDetails],
            preview.Decisions.Where(d => d.Case.Reference == "REF-2020-9002").Select(d => d.Category));
        // Every published demo IPR (concluded 2022/23) is due by June 2030.
        Assert.True(preview.CasesToDispose >= 47 + 2, $"{preview.CasesToDispose} cases due");

        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
        Assert.Equal(countsBefore, await CountsAsync());
        Assert.Equal(1, await db.JourneyContacts.CountAsync(c => c.InvestigationId == ours[0].Case.InvestigationId));
        Assert.Equal(0, await db.DisposalRecords.CountAsync());
        Assert.Equal("Zebedee Fictional", (await db.Customers.SingleAsync(c => c.NationalInsuranceNumber == "QQ123456A")).FullName);
    }

    [Fact]
    public async Task A_run_removes_the_personal_data_for_good_keeps_every_count_and_the_audit_chain_verifies()
    {
        var old = await OldCaseAsync();
        var before = await CountsAsync();
        int filesBefore;
        await using (var db = Context("system:test"))
        {
            filesBefore = await db.EvidenceFiles.CountAsync();
        }

        await using (var db = Context())
        {
            var (run, _) = await Service(db).RunAsync(default);
            Assert.True(run.CasesDisposed >= 49, $"{run.CasesDisposed} cases disposed of");
            Assert.NotNull(run.FinishedAt);
        }

        await using var check = Context("system:test");
        var customer = await check.Customers.SingleAsync(c => c.Id == old.CustomerId);
        Assert.Equal((null, null, null, null), (customer.FullName, customer.DateOfBirth, customer.NationalInsuranceNumber, customer.DateOfDeath));
        Assert.Equal(Core.Common.Nation.Wales, customer.Nation);
        Assert.NotNull(customer.IdentityDisposedAt);
        var ipr = await check.Investigations.SingleAsync(i => i.Id == old.InvestigationId);
        Assert.Null(ipr.Summary);
        Assert.Equal((InvestigationStage.Concluded, InvestigationOutcome.LearningIdentified), (ipr.Stage, ipr.Outcome));
        Assert.Equal(0, await check.JourneyContacts.CountAsync(c => c.InvestigationId == old.InvestigationId));
        Assert.Equal(0, await check.EvidenceDocuments.CountAsync(c => c.InvestigationId == old.InvestigationId));
        // Ours went; the demo's open cases keep theirs.
        Assert.Equal(filesBefore - 1, await check.EvidenceFiles.CountAsync());
        Assert.Equal(0, await check.FactFindingDiscussions.CountAsync(c => c.InvestigationId == old.InvestigationId));
        var family = await check.FamilyContacts.SingleAsync(c => c.InvestigationId == old.InvestigationId);
        Assert.Equal((null, null, AttendeeLevel.Director, true), (family.DwpAttendee, family.Notes, family.Level, family.ApologyGiven));
        var referral = await check.Referrals.SingleAsync(r => r.Id == old.ReferralId);
        Assert.Equal((null, null), (referral.ReferrerName, referral.AllegationDetails));
        var notMet = await check.Referrals.Include(r => r.Customer).SingleAsync(r => r.Id == old.NotMetReferralId);
        Assert.Equal((null, null, null), (notMet.ReferrerName, notMet.Customer!.FullName, notMet.Customer.NationalInsuranceNumber));
        Assert.Equal("Safeguarding checks were not made", (await check.Findings.SingleAsync(f => f.InvestigationId == old.InvestigationId)).Text);

        // Nothing personal is left in any published case either.
        Assert.False(await check.Investigations.AnyAsync(i => i.Stage == InvestigationStage.Concluded && i.Customer != null && i.Customer.FullName != null));
        Assert.Equal(before, await CountsAsync());

        var records = await check.DisposalRecords.Where(r => r.CaseReference == "IPR-2020-9001").OrderBy(r => r.Category).ToListAsync();
        Assert.Equal(7, records.Count);
        Assert.All(records, r => Assert.Equal((new DateOnly(2020, 2, 29), new DateOnly(2026, 3, 1), 6), (r.EventOn, r.DueOn, r.PeriodYears)));
        Assert.Equal("IPR-JOURNEY", records.Single(r => r.Category == RetentionCategory.Journey).RuleCode);
        var recordIds = records.Select(r => r.Id.ToString()).ToList();
        var trail = await check.AuditEntries.Where(a => a.EntityType == nameof(DisposalRecord) && recordIds.Contains(a.EntityId)).ToListAsync();
        Assert.Equal(7, trail.Count);
        Assert.All(trail, a => Assert.Equal(("system:retention", AuditAction.Create), (a.ActorEmail, a.Action)));
        Assert.Contains("IPR-2020-9001", trail[0].Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Zebedee", string.Join("", await check.AuditEntries.Where(a => a.Changes != null).Select(a => a.Changes).ToListAsync()), StringComparison.Ordinal);
        Assert.True((await new AuditChainVerifier(check).VerifyAsync()).IsIntact);

        // A second run finds nothing left to do.
        await using var again = Context();
        var (second, preview) = await Service(again).RunAsync(default);
        Assert.Equal((0, 0), (second.CasesDisposed, preview.Decisions.Count(d => d.Verdict == RetentionVerdict.Dispose)));
    }

    [Fact]
    public async Task A_held_case_is_kept_until_the_hold_is_lifted()
    {
        var old = await OldCaseAsync();
        var admin = new Requester(Guid.NewGuid(), "Ada Administrator", false);
        LegalHold hold;
        await using (var db = Context("admin@demo.test"))
        {
            var holds = new LegalHoldService(db, clock);
            var errors = await Assert.ThrowsAsync<Core.Common.DomainValidationException>(() => holds.PlaceAsync("IPR-1999-0000", "", admin, default));
            Assert.Equal(
                [("caseReference", "There is no IPR or referral with the reference IPR-1999-0000. Check the reference, for example IPR-2019-0004"), ("reason", "Enter why the case must be kept, for example an inquest is pending")],
                errors.Errors.Select(e => (e.Field, e.Message)));
            // A hold on the referral holds its IPR too.
            hold = await holds.PlaceAsync(" ref-2019-9001 ", "Inquest pending", admin, default);
            Assert.Equal((old.InvestigationId, old.ReferralId), (hold.InvestigationId!.Value, hold.ReferralId!.Value));
            var twice = await Assert.ThrowsAsync<Core.Common.DomainValidationException>(() => holds.PlaceAsync("IPR-2020-9001", "Litigation", admin, default));
            Assert.StartsWith("IPR-2020-9001 is already on hold (placed by Ada Administrator", twice.Message, StringComparison.Ordinal);
        }

        await using (var db = Context())
        {
            var (run, preview) = await Service(db).RunAsync(default);
            Assert.All(preview.Decisions.Where(d => d.Case.Reference == "IPR-2020-9001"), d => Assert.Equal(RetentionVerdict.Held, d.Verdict));
            Assert.True(run.CasesHeld >= 1);
        }

        await using (var db = Context("system:test"))
        {
            Assert.Equal("Zebedee Fictional", (await db.Customers.SingleAsync(c => c.Id == old.CustomerId)).FullName);
            Assert.Equal(1, await db.JourneyContacts.CountAsync(c => c.InvestigationId == old.InvestigationId));
            Assert.Equal(0, await db.DisposalRecords.CountAsync(r => r.CaseReference == "IPR-2020-9001"));
            // The other cases went.
            Assert.Null((await db.Customers.SingleAsync(c => c.Id == old.NotMetCustomerId)).FullName);
        }

        await using (var db = Context("admin@demo.test"))
        {
            var holds = new LegalHoldService(db, clock);
            var blank = await Assert.ThrowsAsync<Core.Common.DomainValidationException>(() => holds.LiftAsync(hold.Id, hold.Version, " ", admin, default));
            Assert.Equal("Enter why the hold can be lifted, for example the inquest has concluded", blank.Message);
            var lifted = await holds.LiftAsync(hold.Id, hold.Version, "Inquest concluded", admin, default);
            Assert.Equal(("Ada Administrator", "Inquest concluded"), (lifted.LiftedBy, lifted.LiftedReason));
            await Assert.ThrowsAsync<Core.Common.ConcurrencyConflictException>(() => holds.LiftAsync(hold.Id, hold.Version, "Again", admin, default));
        }

        await using (var db = Context())
        {
            await Service(db).RunAsync(default);
        }

        await using var check = Context("system:test");
        Assert.Null((await check.Customers.SingleAsync(c => c.Id == old.CustomerId)).FullName);
        Assert.Equal(0, await check.JourneyContacts.CountAsync(c => c.InvestigationId == old.InvestigationId));
        Assert.Equal(7, await check.DisposalRecords.CountAsync(r => r.CaseReference == "IPR-2020-9001"));
        Assert.True((await new AuditChainVerifier(check).VerifyAsync()).IsIntact);
    }
}
