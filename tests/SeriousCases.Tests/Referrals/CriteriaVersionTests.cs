using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Referrals.Criteria;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Referrals;

/// <summary>An Administrator adds a version of the criteria without a code change; referrals received from
/// its date are judged by it and earlier ones keep the version they were judged by.</summary>
public sealed class CriteriaVersionTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public void The_rules_name_each_missing_part_of_a_version()
    {
        var errors = CriteriaVersionService.Validate(new CriteriaDefinition
        {
            Version = "no spaces allowed",
            InForceFrom = new DateOnly(2026, 1, 1),
            Routes = [new CriteriaRoute { Name = "Two Words", Description = "" }, new CriteriaRoute { Name = "Same", Description = "x", RequiresAllegation = true },
                new CriteriaRoute { Name = "same", Description = "y", Events = [SeriousEvent.Died] }],
        }).All;
        Assert.Contains(errors, e => e.Field == "version");
        Assert.Contains(errors, e => e.Field == "routes[0].name" && e.Message.Contains("one word", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "routes[0].description");
        Assert.Contains(errors, e => e.Field == "routes[0].conditions");
        Assert.Contains(errors, e => e.Field == "routes[2].name" && e.Message.Contains("Two routes are named", StringComparison.Ordinal));
        Assert.Empty(CriteriaVersionService.Validate(IprCriteria.Version2022).All);
    }

    [Fact]
    public async Task An_administrator_adds_a_version_and_later_referrals_are_judged_by_it()
    {
        var admin = await app.SignInAsync("admin@demo.test");
        var form = await admin.GetFormAsync("/admin/reference-data/criteria/new");
        form.With("version", "2026-06").With("inForceFrom.day", "1").With("inForceFrom.month", "6").With("inForceFrom.year", "2026")
            .With("routes[0].name", "Allegation").With("routes[0].description", "An allegation that DWP contributed to a death.")
            .With("routes[0].allegation", "true").With("routes[0].events", "Died")
            .With("routes[1].name", "Second route");
        var wrong = await (await admin.PostAsync("/admin/reference-data/criteria/new", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        var summary = wrong.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("The name of route 2 must be one word", summary, StringComparison.Ordinal);
        Assert.Contains("Choose at least one condition for route 2", summary, StringComparison.Ordinal);
        Assert.Equal("An allegation that DWP contributed to a death.", wrong.QuerySelector("#routes-0-description")!.TextContent);

        var saved = await admin.PostAsync("/admin/reference-data/criteria/new", form.With("routes[1].name", "").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await admin.GetDocumentAsync("/admin/reference-data/criteria");
        Assert.Contains("Version 2026-06, in force from 1 June 2026", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var again = await (await admin.PostAsync("/admin/reference-data/criteria/new", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("There is already a version 2026-06", again.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        // Serious harm with an allegation met the 2022 criteria; under the new version only a death does.
        var referrer = await app.SignInAsync("referrer@demo.test");
        async Task<JsonElement> ReferAsync(string receivedOn)
        {
            var response = await referrer.PostAsJsonAsync("/api/v1/referrals", new
            {
                receivedOn,
                nation = "England",
                serviceLines = new[] { "Universal Credit" },
                @event = "SeriousHarm",
                allegation = true,
                allegationDetail = "The customer says a payment was stopped.",
                customer = new { name = "Nia Hughes" },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assessment");
        }

        var before = await ReferAsync("2026-05-31");
        Assert.Equal("2022-04", before.GetProperty("criteriaVersion").GetString());
        Assert.True(before.GetProperty("criteriaMet").GetBoolean());
        var after = await ReferAsync("2026-06-01");
        Assert.Equal("2026-06", after.GetProperty("criteriaVersion").GetString());
        Assert.False(after.GetProperty("criteriaMet").GetBoolean());
    }
}
