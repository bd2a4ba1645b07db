using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The Panel's membership on the database of the run: the demo's 2020 Panel, membership on past dates, one Chair
/// and one Permanent Secretary at a time, and ending a membership against the version read. New people are fictional
/// and their dates far from the demo's.</summary>
public sealed class MembershipServiceTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private PanelMembershipService Service(out Core.Data.SeriousCasesDbContext db)
    {
        db = app.Database.CreateContext();
        return new PanelMembershipService(db);
    }

    [Fact]
    public async Task On_19_March_2020_the_demo_Panel_has_11_members_and_none_the_day_before()
    {
        var members = Service(out var db);
        await using var _ = db;

        var on = await members.OnAsync(new DateOnly(2020, 3, 19));
        Assert.Equal(11, on.Count);
        Assert.Equal(("Hayley Tatum", PanelRole.Chair), (on[0].PersonName, on[0].Role));
        Assert.Equal(PanelRole.PermanentSecretary, on[1].Role);
        Assert.Equal(PanelRole.IndependentCaseExaminer, on[^1].Role);
        Assert.Empty(await members.OnAsync(new DateOnly(2020, 3, 18)));

        var groups = await members.ByRoleOnAsync(new DateOnly(2020, 7, 2));
        Assert.Equal(["Chair", "Permanent Secretary", "Directors General", "Independent Case Examiner"], groups.Select(g => g.Heading));
        Assert.Equal(8, groups[2].Members.Count);
    }

    [Fact]
    public async Task A_membership_counts_from_its_first_day_to_its_last()
    {
        var members = Service(out var db);
        await using var _ = db;
        var added = await members.AddAsync(new NewPanelMembership(PanelRole.LegalAdviser, "Morgan Fictional", "Legal adviser (fictional)", new DateOnly(2040, 1, 10), new DateOnly(2040, 3, 31)));

        Assert.DoesNotContain(await members.OnAsync(new DateOnly(2040, 1, 9)), m => m.Id == added.Id);
        Assert.Contains(await members.OnAsync(new DateOnly(2040, 1, 10)), m => m.Id == added.Id);
        Assert.Contains(await members.OnAsync(new DateOnly(2040, 3, 31)), m => m.Id == added.Id);
        Assert.DoesNotContain(await members.OnAsync(new DateOnly(2040, 4, 1)), m => m.Id == added.Id);
        Assert.True(PanelMembershipRules.IsMemberOn(added, new DateOnly(2040, 2, 1)));
    }

    [Fact]
    public async Task Only_one_Chair_at_a_time_and_a_new_Chair_follows_the_old_one()
    {
        var members = Service(out var db);
        await using var _ = db;
        var hayley = await db.PanelMemberships.AsNoTracking().SingleAsync(m => m.Role == PanelRole.Chair && m.PersonName == "Hayley Tatum");

        var overlapping = await Assert.ThrowsAsync<DomainValidationException>(() =>
            members.AddAsync(new NewPanelMembership(PanelRole.Chair, "Jordan Example", "Non-Executive Director (fictional)", new DateOnly(2035, 1, 1), null)));
        var error = Assert.Single(overlapping.Errors);
        Assert.Equal("from", error.Field);
        Assert.Equal("Only one person can be Chair at a time: Hayley Tatum is Chair from 19 March 2020 with no end date. "
            + "End Hayley Tatum's membership first, or choose dates that do not overlap", error.Message);

        // A second Permanent Secretary is refused the same way; other roles have many members.
        await Assert.ThrowsAsync<DomainValidationException>(() =>
            members.AddAsync(new NewPanelMembership(PanelRole.PermanentSecretary, "Casey Example", "Permanent Secretary (fictional)", new DateOnly(2035, 1, 1), new DateOnly(2035, 2, 1))));

        await members.EndAsync(hayley.Id, hayley.Version, new DateOnly(2034, 12, 31));
        var next = await members.AddAsync(new NewPanelMembership(PanelRole.Chair, "Jordan Example", "Non-Executive Director (fictional)", new DateOnly(2035, 1, 1), null));
        Assert.Equal([next.Id], (await members.OnAsync(new DateOnly(2035, 1, 1))).Where(m => m.Role == PanelRole.Chair).Select(m => m.Id));
        Assert.Equal([hayley.Id], (await members.OnAsync(new DateOnly(2034, 12, 31))).Where(m => m.Role == PanelRole.Chair).Select(m => m.Id));

        // A Chair for a few days inside the new Chair's time overlaps it.
        var inside = await Assert.ThrowsAsync<DomainValidationException>(() =>
            members.AddAsync(new NewPanelMembership(PanelRole.Chair, "Alex Example", "Non-Executive Director (fictional)", new DateOnly(2034, 12, 31), new DateOnly(2035, 1, 2))));
        Assert.Contains("Hayley Tatum is Chair from 19 March 2020 to 31 December 2034", inside.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_colleagues_adding_a_Chair_for_the_same_days_at_once_cannot_both_succeed()
    {
        // 2010 is before the Panel existed: no Chair yet, so each add alone would be accepted.
        async Task<Exception?> AddChairAsync(string name)
        {
            var members = Service(out var db);
            await using var _ = db;
            try
            {
                await members.AddAsync(new NewPanelMembership(PanelRole.Chair, name, "Non-Executive Director (fictional)", new DateOnly(2010, 1, 1), new DateOnly(2010, 12, 31)));
                return null;
            }
            catch (DomainValidationException ex)
            {
                return ex;
            }
        }

        var outcomes = await Task.WhenAll(Task.Run(() => AddChairAsync("Riley Example")), Task.Run(() => AddChairAsync("Sasha Example")));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is DomainValidationException);
        var reader = Service(out var check);
        await using var __ = check;
        Assert.Single(await reader.OnAsync(new DateOnly(2010, 6, 1)), m => m.Role == PanelRole.Chair);
    }

    [Fact]
    public async Task A_membership_is_refused_without_its_details_or_ending_before_it_starts()
    {
        var members = Service(out var db);
        await using var _ = db;
        var before = await db.PanelMemberships.CountAsync();

        var missing = await Assert.ThrowsAsync<DomainValidationException>(() => members.AddAsync(new NewPanelMembership(null, " ", null, null, null)));
        Assert.Equal(["role", "personName", "jobTitle", "from"], missing.Errors.Select(e => e.Field));

        var backwards = await Assert.ThrowsAsync<DomainValidationException>(() =>
            members.AddAsync(new NewPanelMembership(PanelRole.ChiefMedicalAdviser, "Robin Example", "Chief Medical Adviser (fictional)", new DateOnly(2041, 5, 1), new DateOnly(2041, 4, 30))));
        Assert.Equal(("to", "The end date must be the same as or after the start date, 1 May 2041"), (backwards.Errors.Single().Field, backwards.Errors.Single().Message));
        Assert.Equal(before, await db.PanelMemberships.CountAsync());
    }

    [Fact]
    public async Task Ending_a_membership_takes_the_version_read_and_a_date_not_before_it_started()
    {
        var members = Service(out var db);
        await using var _ = db;
        var added = await members.AddAsync(new NewPanelMembership(PanelRole.DirectorGeneral, "Sam Example", "Director General (fictional)", new DateOnly(2042, 1, 1), null));

        var early = await Assert.ThrowsAsync<DomainValidationException>(() => members.EndAsync(added.Id, added.Version, new DateOnly(2041, 12, 31)));
        Assert.Equal("The end date must be the same as or after the start of the membership, 1 January 2042", early.Errors.Single().Message);
        await Assert.ThrowsAsync<DomainValidationException>(() => members.EndAsync(added.Id, added.Version, null));

        // Someone else ends it first: the second, stale, end is refused rather than overwriting theirs.
        var other = Service(out var otherDb);
        await using var __ = otherDb;
        await other.EndAsync(added.Id, added.Version, new DateOnly(2042, 6, 30));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => members.EndAsync(added.Id, added.Version, new DateOnly(2042, 3, 31)));
        var stored = await members.GetAsync(added.Id);
        Assert.Equal(new DateOnly(2042, 6, 30), stored.To);

        // Opened again, with their end in view: it has ended already.
        var fresh = Service(out var freshDb);
        await using var ___ = freshDb;
        var again = await Assert.ThrowsAsync<DomainValidationException>(() => fresh.EndAsync(added.Id, stored.Version, new DateOnly(2042, 3, 31)));
        Assert.Equal("Sam Example's membership already ended on 30 June 2042", again.Errors.Single().Message);
    }
}
