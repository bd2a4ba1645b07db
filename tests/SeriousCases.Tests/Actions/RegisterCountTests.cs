using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Data;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Actions;

/// <summary>The register page counts at most ActionRegister:CountUpTo matches (1,000 in service; 20 here, so the demo
/// data is enough) and says "more than" beyond it; the count rides on the page's own query and must agree with an
/// exact count for every part a user plays, on the first page and deeper.</summary>
public sealed class RegisterCountTests(RegisterCountTests.CappedCountFactory app) : IClassFixture<RegisterCountTests.CappedCountFactory>
{
    public sealed class CappedCountFactory : ServiceFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["ActionRegister:CountUpTo"] = "20" };
    }

    private static ActionRegisterService Register(SeriousCasesDbContext db) => new(db, TimeProvider.System);

    private static readonly RegisterUser Secretariat = new(Guid.Empty, "Panel secretariat", RegisterRoles.Secretariat);

    [Fact]
    public async Task A_large_selection_says_more_than_the_limit_on_every_page_and_a_small_one_its_exact_count()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var first = await secretariat.GetDocumentAsync("/actions");
        Assert.StartsWith("More than 20 activities, showing 1 to 50", first.QuerySelector("caption")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Download all these activities (CSV)", first.QuerySelector("a[href^='/actions/export.csv']")!.TextContent, StringComparison.Ordinal);

        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var second = await secretariat.GetDocumentAsync(next);
        Assert.StartsWith("More than 20 activities, showing 51 to", second.QuerySelector("caption")!.TextContent.Trim(), StringComparison.Ordinal);

        // Two activities of the test's own, on a day nothing else is due.
        await app.WithDbAsync(new ActivityBuilder("ACT-2026-9801") { DueInDays = 977 }.CreateAsync);
        await app.WithDbAsync(new ActivityBuilder("ACT-2026-9802") { DueInDays = 977 }.CreateAsync);
        var d = Core.Common.UkTime.Today(TimeProvider.System).AddDays(977);
        var day = $"dueFrom.day={d.Day}&dueFrom.month={d.Month}&dueFrom.year={d.Year}&dueTo.day={d.Day}&dueTo.month={d.Month}&dueTo.year={d.Year}";
        var small = await secretariat.GetDocumentAsync("/actions?" + day);
        Assert.Equal("2 activities, soonest due first", small.QuerySelector("caption")!.TextContent.Trim());
        Assert.Contains("Download these 2 activities (CSV)", small.QuerySelector("a[href^='/actions/export.csv']")!.TextContent, StringComparison.Ordinal);

        // The CSV export still holds every matching activity, not the page's limit.
        var csv = await secretariat.GetStringAsync("/actions/export.csv");
        var all = await app.WithDbAsync(db => db.AgreedActivities.CountAsync());
        Assert.True(all > 20);
        Assert.Equal(all, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public async Task The_count_on_the_page_agrees_with_an_exact_count_for_each_part_a_user_plays_at_any_depth()
    {
        // An activity another team leads and the owner's team (UC) contributes to: the owner's second branch.
        var contributed = await app.WithDbAsync(new ActivityBuilder("ACT-2026-9803") { Owner = "CMG", DueInDays = 978 }.CreateAsync);
        await app.WithDbAsync(async db =>
        {
            var uc = await db.OwnerTeams.Where(t => t.ShortName == "UC").Select(t => t.Id).SingleAsync();
            db.ActivityContributors.Add(new ActivityContributor { AgreedActivityId = contributed, OwnerTeamId = uc });
            return await db.SaveChangesAsync();
        });
        var ownerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "owner@demo.test").Select(u => u.Id).SingleAsync());
        var users = new[]
        {
            Secretariat,
            new RegisterUser(ownerId, "Owen Owner", RegisterRoles.Owner),
            new RegisterUser(ownerId, "Owen Owner", RegisterRoles.Owner | RegisterRoles.PanelMember | RegisterRoles.Iprg),
            new RegisterUser(Guid.NewGuid(), "Pat Panel", RegisterRoles.PanelMember),
        };

        foreach (var user in users)
        {
            foreach (var query in new[] { new ActivityQuery(), new ActivityQuery { Overdue = true }, new ActivityQuery { PageSize = 2 } })
            {
                var exact = await app.WithDbAsync(async db => await (await Register(db).VisibleAsync(user, default)).CountAsync(Matches(query)));
                var uncapped = await app.WithDbAsync(db => Register(db).ListAsync(query, user, default));
                Assert.Equal(exact, uncapped.Total);
                Assert.False(uncapped.MoreThanTotal);

                foreach (var cap in new[] { 0, 1, exact - 1, exact, exact + 1, 1_000 }.Where(c => c >= 0).Distinct())
                {
                    var first = await app.WithDbAsync(db => Register(db).ListAsync(query with { CountUpTo = cap }, user, default));
                    Assert.Equal(uncapped.Rows.Select(r => r.Id), first.Rows.Select(r => r.Id));
                    Assert.Equal(uncapped.NextAfter, first.NextAfter);
                    if (cap == 0)
                    {
                        Assert.Equal(0, first.Total);
                        continue;
                    }

                    Assert.Equal((Math.Min(exact, cap), exact > cap), (first.Total, first.MoreThanTotal));

                    // Deeper in the list (and past its end) the count is of the whole selection, as on the first page.
                    var after = first.NextAfter ?? (first.Rows.Count > 0 ? ActivityCursor.Of(first.Rows[^1].DueOn, first.Rows[^1].Id) : null);
                    if (after is not null)
                    {
                        var deeper = await app.WithDbAsync(db => Register(db).ListAsync(query with { CountUpTo = cap, After = after }, user, default));
                        Assert.Equal((Math.Min(exact, cap), exact > cap), (deeper.Total, deeper.MoreThanTotal));
                    }
                }
            }
        }
    }

    /// <summary>The filters the test uses, written out, for the exact count.</summary>
    private static System.Linq.Expressions.Expression<Func<AgreedActivity, bool>> Matches(ActivityQuery query)
    {
        var today = Core.Common.UkTime.Today(TimeProvider.System);
        return query.Overdue
            ? a => (a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress) && a.DueOn < today
            : a => true;
    }
}
