using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Themes;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Themes;

/// <summary>The themes overview is counted once per window and shared until a record changes, on the database of the run.</summary>
public sealed class ThemeOverviewCacheTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_overview_is_counted_again_only_when_a_record_changes()
    {
        var cache = app.Services.GetRequiredService<ThemeOverviewCache>();
        var themeId = await app.WithDbAsync(db => ThemeRecords.ThemeAsync(db, "TCACHE", "Cache test theme"));

        var first = await cache.OverviewAsync(12);
        var counted = cache.Computations;
        Assert.Same(first, await cache.OverviewAsync(12));
        Assert.Equal(counted, cache.Computations);
        Assert.Equal(0, first.Themes.Single(t => t.Id == themeId).InsightItems);

        // Three complaints in the last three complete months: the next request sees them.
        await app.WithDbAsync(async db =>
        {
            await ThemeRecords.InsightAsync(db, themeId, "COMPLAINT", [1, 1, 1]);
            return 0;
        });
        var after = await cache.OverviewAsync(12);

        Assert.Equal(counted + 1, cache.Computations);
        Assert.Equal(3, after.Themes.Single(t => t.Id == themeId).InsightItems);
        // The theme list of the API is made from the same overview.
        var analyst = await app.SignInAsync("analyst@demo.test");
        var list = await (await analyst.GetAsync("/api/v1/themes")).ReadJsonAsync(System.Net.HttpStatusCode.OK);
        Assert.Equal(3, list.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "TCACHE").GetProperty("insightItems").GetInt32());
    }
}
