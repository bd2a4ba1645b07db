using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Publication;
using SeriousCases.Core.Publication.Identifiability;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Publication;

/// <summary>Editions from draft to published on the database under test: a detail planted in a case's finding is caught
/// and blocks approval until decided; the checker is a second person; a published edition never changes and a
/// correction is a new version. "Analyst" and "Secretariat" act as the two people.</summary>
public sealed class EditionWorkflowTests
{
    private const string Analyst = "analyst@demo.test";
    private const string Secretariat = "secretariat@demo.test";

    private static EditionService Service(SeriousCasesDbContext db) => new(db, new PublicationBuilder(db), TimeProvider.System);

    private static async Task<T> AsAsync<T>(TestDatabase database, string who, Func<EditionService, Task<T>> work)
    {
        await using var db = database.CreateContext(new SystemActor(who));
        return await work(Service(db));
    }

    /// <summary>Plants <paramref name="plant"/> (given the case's customer) in the first finding of the first UC customer's case.</summary>
    private static async Task<Guid> PlantAsync(TestDatabase database, Func<Core.Referrals.Customer, string> plant)
    {
        await using var db = database.CreateContext();
        var content = await new PublicationBuilder(db).BuildAsync(2022);
        var investigationId = content.Sections.Single(s => s.Code == "UC").Customers[0].InvestigationId;
        var investigation = await db.Investigations.Include(i => i.Customer).Include(i => i.Findings).SingleAsync(i => i.Id == investigationId);
        var finding = investigation.Findings.OrderBy(f => f.Order).First();
        finding.Text = $"{finding.Text} {plant(investigation.Customer!)}";
        await db.SaveChangesAsync();
        return investigationId;
    }

    public static TheoryData<string, IdentifierKind> Plants => new()
    {
        { "name", IdentifierKind.Name },
        { "ni", IdentifierKind.NationalInsuranceNumber },
        { "dob", IdentifierKind.DateOfBirth },
        { "postcode", IdentifierKind.Postcode },
    };

    private static string Plant(string what, Core.Referrals.Customer c) => what switch
    {
        "name" => $"The letter was addressed to {c.FullName}.",
        "ni" => $"The claim was linked to {c.NationalInsuranceNumber}.",
        "dob" => $"The customer was born on {UkTime.Format(c.DateOfBirth!.Value)}.",
        _ => "Post was sent to LS1 4AP.",
    };

    [Theory]
    [MemberData(nameof(Plants))]
    public async Task A_planted_identifier_is_caught_in_context_and_blocks_approval_until_decided(string what, IdentifierKind kind)
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        var investigationId = await PlantAsync(database, c => Plant(what, c));
        var edition = await AsAsync(database, Analyst, s => s.BuildDraftAsync("2022-23", null, default));

        var review = await AsAsync(database, Analyst, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        var planted = review.Identifiers.First(i => i.Location == "s/uc/c/1/learning/1" && i.Key.StartsWith(kind + ":", StringComparison.Ordinal));
        Assert.False(planted.Resolved);
        Assert.Contains(planted.Matched!, planted.Context, StringComparison.OrdinalIgnoreCase);

        // Decide everything else, so that only the planted hit stands in the way.
        foreach (var item in review.All.Where(i => !(i.Location == planted.Location && i.Kind == EditionDecisionKind.Identifier) && !i.Resolved))
        {
            await AsAsync(database, Analyst, async s =>
                await s.DecideAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, item.Kind, item.Location, item.Key, "Reviewed: not identifying.", default));
        }

        await AsAsync(database, Secretariat, async s => await s.CheckAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            AsAsync(database, Secretariat, async s => await s.ApproveAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default)));
        Assert.Contains("not decided", refused.Message, StringComparison.Ordinal);
        Assert.Equal("edition", refused.Field);

        // Back to draft, the editor rewrites the text without the detail; then it can be approved.
        await AsAsync(database, Secretariat, async s => await s.ReturnToDraftAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));
        await AsAsync(database, Analyst, async s => await s.RewriteAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, planted.Location,
            "The customer's needs and vulnerability details were provided, but opportunities to support them were missed.", default));
        await AsAsync(database, Secretariat, async s => await s.CheckAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));
        var approved = await AsAsync(database, Secretariat, async s => await s.ApproveAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));
        Assert.Equal(EditionStatus.Approved, approved.Status);

        // The case record keeps its own text: only the edition was rewritten.
        await using var db = database.CreateContext();
        var recorded = await db.Findings.Where(f => f.InvestigationId == investigationId).OrderBy(f => f.Order).Select(f => f.Text).FirstAsync();
        Assert.Contains(planted.Matched!, recorded, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Names someone in the case's records (a fictional name) in the way <paramref name="where"/> says.</summary>
    private static async Task NameInRecordsAsync(TestDatabase database, Guid investigationId, string where, string name)
    {
        await using var db = database.CreateContext();
        switch (where)
        {
            case "family contact":
                db.FamilyContacts.Add(new Core.Investigations.FamilyContact
                {
                    InvestigationId = investigationId,
                    On = new DateOnly(2022, 9, 1),
                    Kind = Core.Investigations.FamilyContactKind.Meeting,
                    DwpAttendee = name,
                    Level = Core.Investigations.AttendeeLevel.DeputyDirector,
                    ApologyGiven = true,
                    Notes = "Met the family.",
                });
                break;
            case "discussion":
                db.FactFindingDiscussions.Add(new Core.Investigations.FactFindingDiscussion
                {
                    InvestigationId = investigationId,
                    HeldOn = new DateOnly(2022, 8, 1),
                    WithWhom = name,
                    Role = "Work coach",
                    Notes = "Talked through the contacts.",
                });
                break;
            default:
                var investigation = await db.Investigations.Include(i => i.Referral).SingleAsync(i => i.Id == investigationId);
                investigation.Referral!.ReferrerName = name;
                break;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Decides every undecided item except those at <paramref name="location"/>, so only they can block approval.</summary>
    private static async Task DecideAllButAsync(TestDatabase database, Guid editionId, string location)
    {
        var review = await AsAsync(database, Analyst, async s => await s.ReviewAsync(await s.GetAsync(editionId, default), default));
        foreach (var item in review.All.Where(i => i.Location != location && !i.Resolved))
        {
            await AsAsync(database, Analyst, async s =>
                await s.DecideAsync(editionId, (await s.GetAsync(editionId, default)).Version, item.Kind, item.Location, item.Key, "Reviewed: not identifying.", default));
        }
    }

    [Theory]
    [InlineData("family contact")]
    [InlineData("discussion")]
    [InlineData("referral")]
    public async Task A_name_from_the_case_records_planted_in_a_text_is_caught_and_blocks_approval(string where)
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        var investigationId = await PlantAsync(database, _ => "The family met Tamsin Quarrie-Holt to explain what went wrong.");
        await NameInRecordsAsync(database, investigationId, where, "Tamsin Quarrie-Holt");
        var edition = await AsAsync(database, Analyst, s => s.BuildDraftAsync("2022-23", null, default));

        var review = await AsAsync(database, Analyst, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        var planted = review.Identifiers.Single(i => i.Location == "s/uc/c/1/learning/1" && i.Key == "Name:TAMSINQUARRIEHOLT");
        Assert.Contains("Tamsin Quarrie-Holt", planted.Context, StringComparison.Ordinal);
        Assert.Contains("case's records", planted.What, StringComparison.Ordinal);

        await DecideAllButAsync(database, edition.Id, planted.Location);
        await AsAsync(database, Secretariat, async s => await s.CheckAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            AsAsync(database, Secretariat, async s => await s.ApproveAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default)));
        Assert.Contains("not decided", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_reads_stored_findings_a_rewrite_rescans_its_text_and_check_and_approval_rescan_against_the_records_now()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        var investigationId = await PlantAsync(database, _ => "The family met Tamsin Quarrie-Holt to explain what went wrong.");
        var edition = await AsAsync(database, Analyst, s => s.BuildDraftAsync("2022-23", null, default));
        const string planted = "s/uc/c/1/learning/1";
        var built = await AsAsync(database, Analyst, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        Assert.DoesNotContain(built.Identifiers, i => i.Location == planted);
        var scannedAtBuild = await AsAsync(database, Analyst, s => s.ScannedAtAsync(edition.Id, default));
        Assert.NotNull(scannedAtBuild);
        await DecideAllButAsync(database, edition.Id, planted);

        // The name reaches the case's records after the draft was built: the stored findings do not know it yet.
        await NameInRecordsAsync(database, investigationId, "family contact", "Tamsin Quarrie-Holt");
        var stale = await AsAsync(database, Analyst, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        Assert.DoesNotContain(stale.Identifiers, i => i.Location == planted);

        // A rewrite checks only the rewritten text: a name planted there is found, the other text is not rescanned.
        var other = EditionChecks.Texts((await AsAsync(database, Analyst, s => s.GetAsync(edition.Id, default))).ReadContent())
            .First(t => t.InvestigationId == investigationId && t.Location != planted).Location;
        await AsAsync(database, Analyst, async s => await s.RewriteAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, other,
            "Quarrie-Holt was not told about the change.", default));
        var rewritten = await AsAsync(database, Analyst, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        var found = Assert.Single(rewritten.Identifiers, i => i.Location == other);
        Assert.Equal("Quarrie-Holt", found.Matched);
        Assert.DoesNotContain(rewritten.Identifiers, i => i.Location == planted);
        await AsAsync(database, Analyst, async s =>
            await s.DecideAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, found.Kind, found.Location, found.Key, "Reviewed.", default));

        // Checking rescans every text against the records as they are now; approval is refused until it is decided.
        await AsAsync(database, Secretariat, async s => await s.CheckAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));
        var checkedReview = await AsAsync(database, Secretariat, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        Assert.Contains(checkedReview.Identifiers, i => i.Location == planted && i.Key == "Name:TAMSINQUARRIEHOLT" && !i.Resolved);
        var version = (await AsAsync(database, Secretariat, s => s.GetAsync(edition.Id, default))).Version;
        await Assert.ThrowsAsync<DomainValidationException>(() => AsAsync(database, Secretariat, s => s.ApproveAsync(edition.Id, version, default)));

        // The refusal did not move the edition's version: the approver's form is still current.
        Assert.Equal(version, (await AsAsync(database, Secretariat, s => s.GetAsync(edition.Id, default))).Version);
    }

    [Fact]
    public async Task Approval_rescans_so_a_name_added_to_the_records_after_checking_still_blocks_it()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        var investigationId = await PlantAsync(database, _ => "The family met Tamsin Quarrie-Holt to explain what went wrong.");
        var edition = await AsAsync(database, Analyst, s => s.BuildDraftAsync("2022-23", null, default));
        await DecideAllButAsync(database, edition.Id, "none");
        await AsAsync(database, Secretariat, async s => await s.CheckAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));

        await NameInRecordsAsync(database, investigationId, "discussion", "Tamsin Quarrie-Holt");
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            AsAsync(database, Secretariat, async s => await s.ApproveAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default)));
        Assert.Contains("not decided", refused.Message, StringComparison.Ordinal);

        // The page now shows what blocked it: the name held in the records, and nothing else undecided.
        var review = await AsAsync(database, Secretariat, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        Assert.All(review.All.Where(i => !i.Resolved), i => Assert.Equal(("s/uc/c/1/learning/1", EditionDecisionKind.Identifier), (i.Location, i.Kind)));
        Assert.Contains(review.Identifiers, i => i.Key == "Name:TAMSINQUARRIEHOLT" && !i.Resolved);
    }

    [Fact]
    public async Task A_hit_accepted_with_a_reason_no_longer_blocks_and_the_decision_says_who_and_why()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        await PlantAsync(database, c => Plant("ni", c));
        var edition = await AsAsync(database, Analyst, s => s.BuildDraftAsync("2022/23", null, default));
        var review = await AsAsync(database, Analyst, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        var hit = review.Identifiers.First(i => !i.Resolved);

        var blank = await Assert.ThrowsAsync<DomainValidationException>(() => AsAsync(database, Analyst, async s =>
            await s.DecideAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, hit.Kind, hit.Location, hit.Key, "  ", default)));
        Assert.Equal("reason", blank.Field);

        await AsAsync(database, Analyst, async s =>
            await s.DecideAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, hit.Kind, hit.Location, hit.Key, "A reference number, not a person's.", default));
        var after = await AsAsync(database, Analyst, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        var decided = after.Identifiers.Single(i => i.Location == hit.Location && i.Key == hit.Key);
        Assert.Equal((Analyst, "A reference number, not a person's."), (decided.Decision!.DecidedBy, decided.Decision.Reason));
    }

    [Fact]
    public async Task The_checker_must_not_be_the_drafter_and_a_stale_version_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        var edition = await AsAsync(database, Analyst, s => s.BuildDraftAsync("2022-23", null, default));
        var own = await Assert.ThrowsAsync<DomainValidationException>(() => AsAsync(database, Analyst, s => s.CheckAsync(edition.Id, edition.Version, default)));
        Assert.Contains("second person", own.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AsAsync(database, Secretariat, s => s.CheckAsync(edition.Id, edition.Version - 1, default)));
        var second = await Assert.ThrowsAsync<DomainValidationException>(() => AsAsync(database, Secretariat, s => s.BuildDraftAsync("2022-23", null, default)));
        Assert.Contains("in progress", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_edition_never_changes_and_a_correction_is_a_new_version_with_its_note()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        var first = await PublishAsync(database, null);
        Assert.Equal(EditionStatus.Published, first.Status);
        var changed = await Assert.ThrowsAsync<DomainValidationException>(() => AsAsync(database, Analyst, s =>
            s.RewriteAsync(first.Id, first.Version, "s/uc/c/1/learning/1", "Changed after publication.", default)));
        Assert.Contains("published and cannot be changed", changed.Message, StringComparison.Ordinal);

        var noNote = await Assert.ThrowsAsync<DomainValidationException>(() => AsAsync(database, Analyst, s => s.BuildDraftAsync("2022-23", null, default)));
        Assert.Equal("correctionNote", noNote.Field);
        var second = await PublishAsync(database, "Customer 3 in the UC section: a learning outcome reworded.");
        Assert.Equal(2, second.EditionNumber);

        var published = await AsAsync(database, Analyst, s => s.ListPublishedAsync(default));
        var only = Assert.Single(published);
        Assert.Equal((2, "Customer 3 in the UC section: a learning outcome reworded."), (only.EditionNumber, only.CorrectionNote));
        var all = await AsAsync(database, Analyst, s => s.ListAsync(default));
        Assert.True(all.Single(e => e.EditionNumber == 1).Superseded);

        // Each step is in the audit trail, with who did it.
        await using var db = database.CreateContext();
        var steps = await db.AuditEntries.Where(a => a.EntityType == nameof(PublicationEdition) && a.EntityId == first.Id.ToString()).Select(a => a.ActorEmail).ToListAsync();
        Assert.Contains(Analyst, steps);
        Assert.Contains(Secretariat, steps);
    }

    private static async Task<PublicationEdition> PublishAsync(TestDatabase database, string? note)
    {
        var edition = await AsAsync(database, Analyst, s => s.BuildDraftAsync("2022-23", note, default));
        var review = await AsAsync(database, Analyst, async s => await s.ReviewAsync(await s.GetAsync(edition.Id, default), default));
        foreach (var item in review.All.Where(i => !i.Resolved && i.Kind != EditionDecisionKind.SmallNumber))
        {
            await AsAsync(database, Analyst, async s =>
                await s.DecideAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, item.Kind, item.Location, item.Key, "Reviewed: not identifying.", default));
        }

        await AsAsync(database, Analyst, async s => await s.DecideSmallNumbersAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, "Counts of reviews, not people.", default));
        await AsAsync(database, Secretariat, async s => await s.CheckAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));
        await AsAsync(database, Secretariat, async s => await s.ApproveAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));
        return await AsAsync(database, Secretariat, async s => await s.PublishAsync(edition.Id, (await s.GetAsync(edition.Id, default)).Version, default));
    }
}
