using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Themes;
using SeriousCases.Tests.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Themes;

/// <summary>The rule that dates a finding for the themes feature, on its own.</summary>
public sealed class FindingMonthRuleTests
{
    [Fact]
    public void A_finding_takes_the_month_of_its_IPRs_latest_dated_step()
    {
        var ipr = new Investigation { Reference = "IPR-1", NotifiedOn = new DateOnly(2025, 12, 30), AcceptedOn = new DateOnly(2026, 1, 2) };
        Assert.Equal(202601, FindingMonth.KeyOf(ipr));
        ipr.LaunchedOn = new DateOnly(2026, 2, 1);
        Assert.Equal(202602, FindingMonth.KeyOf(ipr));
        ipr.SentToIprgOn = new DateOnly(2026, 5, 31);
        Assert.Equal(202605, FindingMonth.KeyOf(ipr));
        ipr.IprgReviewedOn = new DateOnly(2026, 6, 1);
        Assert.Equal(202606, FindingMonth.KeyOf(ipr));
        ipr.ConcludedOn = new DateOnly(2026, 7, 15);
        Assert.Equal(new DateOnly(2026, 7, 15), FindingMonth.DatedOn(ipr));
        Assert.Equal(202607, FindingMonth.KeyOf(ipr));

        // Sent back by the group: its review no longer dates the finding.
        ipr.ConcludedOn = null;
        ipr.IprgReviewedOn = null;
        Assert.Equal(202605, FindingMonth.KeyOf(ipr));
    }

    [Fact]
    public void An_IPR_without_a_date_leaves_its_findings_undated()
    {
        Assert.Null(FindingMonth.KeyOf(new Investigation { Reference = "IPR-2" }));
        Assert.Null(FindingMonth.DatedOn(new Investigation { Reference = "IPR-2" }));
    }
}

/// <summary>The stored month key on the database under test: set when a finding is written, moved whenever the IPR's
/// dating dates change (through the service and through any save), back-filled by the migration's SQL, and what the
/// overview and the series count.</summary>
public sealed class FindingMonthKeyTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static Task<int?> KeyAsync(ServiceFactory app, Guid findingId) =>
        app.WithDbAsync(db => db.Findings.Where(f => f.Id == findingId).Select(f => f.MonthKey).SingleAsync());

    [Fact]
    public async Task The_key_follows_the_IPR_through_its_stages_in_the_service()
    {
        var (id, _) = await CaseBuilder.LaunchedAsync(app, stage: InvestigationStage.FactFinding);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var added = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/findings",
            new { text = "The fictional customer's call back was not made.", serviceLine = "UC", themes = new[] { "PAYSAFE" } })).Content.ReadAsStringAsync();
        var findingId = await app.WithDbAsync(db => db.Findings.Where(f => f.InvestigationId == id).Select(f => f.Id).SingleAsync());
        Assert.True(await KeyAsync(app, findingId) == 202601, added);

        var today = UkTime.Today(TimeProvider.System);
        foreach (var stage in new[] { "Drafting", "WithIprg" })
        {
            await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage })).ReadJsonAsync(HttpStatusCode.OK);
        }

        Assert.Equal(Periods.MonthKey(today), await KeyAsync(app, findingId));
        // The key moved with the stage, but nobody edited the finding: its version stays (anything holding the finding's
        // version is not told it changed), and the move of the key is in the audit trail all the same.
        Assert.Equal(1, await app.WithDbAsync(db => db.Findings.Where(f => f.Id == findingId).Select(f => f.Version).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Finding" && a.EntityId == findingId.ToString()
            && a.Action == Core.Audit.AuditAction.Update && a.Changes!.Contains("MonthKey"))));

        // The group's review and then the case sent back: the key goes with the dates, whoever saves them.
        await app.WithDbAsync(async db =>
        {
            var ipr = await db.Investigations.SingleAsync(i => i.Id == id);
            ipr.SentToIprgOn = new DateOnly(2026, 3, 2);
            ipr.IprgReviewedOn = new DateOnly(2026, 4, 20);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(202604, await KeyAsync(app, findingId));
        await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage = "Drafting" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(202603, await KeyAsync(app, findingId));
    }

    [Fact]
    public async Task The_migration_back_fills_the_key_from_the_IPRs_dates()
    {
        var lastMonth = Periods.FirstDay(ThemeRecords.LastCompleteMonth);
        var (themeId, findingId) = await app.WithDbAsync(async db =>
        {
            var theme = await ThemeRecords.ThemeAsync(db, "TBACKFILL", "Back-fill test theme");
            var (_, _, finding) = await ThemeRecords.FindingAsync(db, theme, new DateOnly(2024, 2, 29), lastMonth, "The fictional customer's letters were not read.");
            return (theme, finding);
        });
        var undated = await CaseBuilder.LaunchedAsync(app);
        var undatedFinding = await app.WithDbAsync(async db =>
        {
            var ipr = await db.Investigations.SingleAsync(i => i.Id == undated.Id);
            ipr.NotifiedOn = ipr.AcceptedOn = ipr.LaunchedOn = null;
            var f = new Finding { InvestigationId = ipr.Id, Order = 1, Text = "Nothing dated.", ServiceLineId = await db.ServiceLines.Select(l => l.Id).FirstAsync() };
            db.Findings.Add(f);
            await db.SaveChangesAsync();
            return f.Id;
        });
        Assert.Null(await KeyAsync(app, undatedFinding));

        await app.WithDbAsync(async db =>
        {
            // As it was before the column: nothing stored.
            await db.Findings.Where(f => f.Id == findingId).ExecuteUpdateAsync(s => s.SetProperty(f => f.MonthKey, (int?)null));
            var migration = db.Database.IsNpgsql()
                ? (Microsoft.EntityFrameworkCore.Migrations.Migration)new Core.Data.Migrations.Postgres.FindingMonthKey()
                : new Core.Data.Migrations.Sqlite.FindingMonthKey();
            migration.ActiveProvider = db.Database.ProviderName!;
            var backFill = Assert.Single(migration.UpOperations.OfType<SqlOperation>());
            return await db.Database.ExecuteSqlRawAsync(backFill.Sql);
        });
        Assert.Equal(202402, await KeyAsync(app, findingId));
        Assert.Null(await KeyAsync(app, undatedFinding));
        Assert.NotEqual(Guid.Empty, themeId);
    }

    [Fact]
    public async Task The_overview_and_the_series_count_a_finding_in_its_stored_month_and_move_it_with_the_IPR()
    {
        var last = ThemeRecords.LastCompleteMonth;
        var earlier = Periods.AddMonths(last, -5);
        var (themeId, investigationId) = await app.WithDbAsync(async db =>
        {
            var theme = await ThemeRecords.ThemeAsync(db, "TMONTHKEY", "Month key test theme");
            var (ipr, _, _) = await ThemeRecords.FindingAsync(db, theme, Periods.FirstDay(earlier).AddDays(10), Periods.FirstDay(last), "The fictional customer's award was not checked.");
            return (theme, ipr);
        });
        var analyst = await app.SignInAsync("analyst@demo.test");

        async Task<Dictionary<string, int>> FindingsSeriesAsync()
        {
            var series = await (await analyst.GetAsync($"/api/v1/themes/{themeId}/series?source=FINDINGS&from={Periods.Label(Periods.AddMonths(last, -11), SeriesPeriod.Month)}"))
                .ReadJsonAsync(HttpStatusCode.OK);
            return series.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("period").GetString()!, p => p.GetProperty("value").GetInt32());
        }

        async Task<int[]> OverviewMonthlyAsync() => await app.WithDbAsync(async db =>
        {
            var overview = await new ThemeInsightService(db, TimeProvider.System).OverviewAsync(12, CancellationToken.None);
            return overview.Themes.Single(t => t.Id == themeId).Monthly.ToArray();
        });

        var before = await FindingsSeriesAsync();
        Assert.Equal(1, before[Periods.Label(earlier, SeriesPeriod.Month)]);
        Assert.Equal(1, before.Values.Sum());
        var monthly = await OverviewMonthlyAsync();
        Assert.Equal(1, monthly[6]);
        Assert.Equal(1, monthly.Sum());

        // The conclusion corrected to the last complete month: the finding moves with it.
        await app.WithDbAsync(async db =>
        {
            var ipr = await db.Investigations.SingleAsync(i => i.Id == investigationId);
            ipr.ConcludedOn = Periods.FirstDay(last).AddDays(2);
            return await db.SaveChangesAsync();
        });
        var after = await FindingsSeriesAsync();
        Assert.Equal(0, after[Periods.Label(earlier, SeriesPeriod.Month)]);
        Assert.Equal(1, after[Periods.Label(last, SeriesPeriod.Month)]);
        monthly = await OverviewMonthlyAsync();
        Assert.Equal(1, monthly[11]);
        Assert.Equal(1, monthly.Sum());
    }
}
