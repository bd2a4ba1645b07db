using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The versions of the Terms of Reference on the database of the run, with the demo's two versions (July 2020
/// and January 2024) and a clock set by each test.</summary>
public sealed class TermsOfReferenceServiceTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private TermsOfReferenceService Service(DateOnly today, out Core.Data.SeriousCasesDbContext db)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        db = app.Database.CreateContext(clock: clock);
        return new TermsOfReferenceService(db, clock);
    }

    [Fact]
    public async Task The_versions_come_newest_first_with_the_one_in_force_on_each_date()
    {
        var terms = Service(new DateOnly(2024, 12, 1), out var db);
        await using var _ = db;

        // Only the demo's versions (another test adds one in 2031).
        var versions = (await terms.ListAsync()).Where(v => v.ApprovedOn.Year < 2030).ToList();
        Assert.Equal(["Terms of Reference (January 2024)", "Terms of Reference (2 July 2020)"], versions.Select(v => v.Title));
        Assert.Equal([true, false], versions.Select(v => v.IsCurrent));
        Assert.Equal([ReviewState.DueSoon, ReviewState.Superseded], versions.Select(v => v.ReviewState));
        Assert.Equal(ReviewKind.OngoingFirstYear, versions[1].ReviewKind);
        Assert.Equal(ReviewKind.Annual, versions[0].ReviewKind);
        Assert.Equal(new DateOnly(2025, 1, 1), versions[0].ReviewDueOn);

        Assert.Null(await terms.OnAsync(new DateOnly(2020, 7, 1)));
        Assert.Equal("Terms of Reference (2 July 2020)", (await terms.OnAsync(new DateOnly(2020, 7, 2)))!.Title);
        Assert.Equal("Terms of Reference (2 July 2020)", (await terms.OnAsync(new DateOnly(2023, 12, 31)))!.Title);
        Assert.Equal("Terms of Reference (January 2024)", (await terms.CurrentAsync(new DateOnly(2024, 1, 1)))!.Title);

        var overdue = Service(new DateOnly(2025, 1, 2), out var later);
        await using var __ = later;
        Assert.Equal(ReviewState.Overdue, (await overdue.ListAsync())[0].ReviewState);
    }

    [Fact]
    public async Task A_new_version_gets_its_review_date_from_the_rule_and_its_adding_is_audited()
    {
        var terms = Service(new DateOnly(2031, 6, 1), out var db);
        await using var _ = db;

        var added = await terms.AddAsync(new NewTermsOfReference("  Terms of Reference (May 2031)  ", new DateOnly(2031, 5, 20), "## Purpose\r\n\r\nThe Panel will meet quarterly.  \r\n- coroners' reports\r\n"));

        Assert.Equal("Terms of Reference (May 2031)", added.Title);
        Assert.Equal(new DateOnly(2032, 5, 20), added.ReviewDueOn);
        Assert.Equal("## Purpose\nThe Panel will meet quarterly.\n- coroners' reports", added.Text);
        var view = (await terms.ListAsync())[0];
        Assert.Equal((added.Id, true, ReviewKind.Annual, ReviewState.NotDue), (view.Id, view.IsCurrent, view.ReviewKind, view.ReviewState));
        Assert.Equal(added.Id, (await terms.CurrentAsync(new DateOnly(2031, 6, 1)))!.Id);

        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == added.Id.ToString()).ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Equal(nameof(TermsOfReferenceVersion), entry.EntityType);
        Assert.Contains("May 2031", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_is_refused_without_a_title_date_or_text_in_the_future_or_on_a_date_already_taken()
    {
        var terms = Service(new DateOnly(2026, 12, 1), out var db);
        await using var _ = db;
        var before = await db.TermsOfReferenceVersions.CountAsync();

        var missing = await Assert.ThrowsAsync<DomainValidationException>(() => terms.AddAsync(new NewTermsOfReference(" ", null, "\n \n")));
        Assert.Equal(["title", "approvedOn", "text"], missing.Errors.Select(e => e.Field));
        Assert.Equal("Enter the text of the Terms of Reference", missing.Errors[2].Message);

        var future = await Assert.ThrowsAsync<DomainValidationException>(() => terms.AddAsync(new NewTermsOfReference("Next", new DateOnly(2026, 12, 2), "Text")));
        Assert.StartsWith("The approval date must be today or in the past", future.Errors.Single().Message, StringComparison.Ordinal);

        var taken = await Assert.ThrowsAsync<DomainValidationException>(() => terms.AddAsync(new NewTermsOfReference("Again", new DateOnly(2024, 1, 1), "Text")));
        Assert.Equal("'Terms of Reference (January 2024)' was approved on 1 January 2024. Enter the date this version was approved", taken.Errors.Single().Message);

        var tooLong = await Assert.ThrowsAsync<DomainValidationException>(() => terms.AddAsync(new NewTermsOfReference(new string('T', 201), new DateOnly(2025, 1, 1), new string('x', TermsOfReferenceRules.TextMax + 1))));
        Assert.Equal(["title", "text"], tooLong.Errors.Select(e => e.Field));
        Assert.Equal(before, await db.TermsOfReferenceVersions.CountAsync());
    }
}
