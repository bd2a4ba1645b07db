using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Themes;
using SeriousCases.Tests.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Themes;

/// <summary>Coding help and repeat learning where findings and insight items are written: "Suggest themes" re-renders the
/// form with every value kept, the suggested themes tagged and ticked, and (for a finding) earlier findings that say the
/// same thing; the save records whether the suggestion was accepted as is, changed or not asked for. The model is stored
/// in the database, so another copy of the service serves the same suggestions.</summary>
public sealed class ThemeSuggestionFormTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Earlier = "Quillback sanction letters were sent to the wrong address and the customer never saw them.";
    private const string Written = "Quillback sanction letters went to the wrong address, so the customer never saw them.";

    [Fact]
    public async Task The_finding_form_suggests_themes_shows_earlier_findings_and_records_what_was_done_with_the_suggestion()
    {
        var today = Core.Common.UkTime.Today(TimeProvider.System);
        var (earlierIpr, earlierReference, _) = await app.WithDbAsync(async db =>
        {
            var theme = await ThemeRecords.ThemeAsync(db, "TQUILL", "Quillback letters");
            return await ThemeRecords.FindingAsync(db, theme, today.AddDays(-400), today.AddDays(-300), Earlier);
        });
        var (id, _) = await CaseBuilder.LaunchedAsync(app);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var url = $"/investigations/{id}/findings/new";

        // Before any model is trained (another test of this class may have trained one), the form says so plainly.
        await app.WithDbAsync(async db =>
        {
            db.ThemeModels.RemoveRange(await db.ThemeModels.ToListAsync());
            return await db.SaveChangesAsync();
        });
        var untrained = await SuggestAsync(investigator, url, Written, "UC");
        Assert.Contains("No themes can be suggested yet", untrained.QuerySelector("#themes-suggestion")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(untrained.QuerySelectorAll(".app-suggested"));

        await TrainAsync();
        var suggested = await SuggestAsync(investigator, url, Written, "UC");
        // Every value kept.
        Assert.Contains("Quillback sanction letters went", suggested.QuerySelector("#text")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(suggested.QuerySelector("#serviceLine option[value='UC'][selected]"));
        // The suggested themes are tagged with their confidence in words and ticked; the hint names the coded items and accuracy.
        var tags = suggested.QuerySelectorAll(".app-suggested");
        Assert.NotEmpty(tags);
        Assert.All(tags, t => Assert.Contains("Suggested", t.TextContent, StringComparison.Ordinal));
        Assert.Contains(tags, t => new[] { "very likely", "likely", "possible", "unlikely" }.Any(w => t.TextContent.Contains(w, StringComparison.Ordinal)));
        var hint = suggested.QuerySelector("#themes-suggestion")!.TextContent;
        Assert.Contains("coded findings and insight items", hint, StringComparison.Ordinal);
        Assert.Contains("held out from training", hint, StringComparison.Ordinal);
        var ticked = Ticked(suggested);
        Assert.NotEmpty(ticked);
        Assert.Equal(string.Join(',', ticked), suggested.QuerySelector("input[name=suggested]")!.GetAttribute("value"));

        // The earlier finding that says the same thing, with its theme, activities and status, and the recurrence warning.
        var similar = suggested.QuerySelector("#similar-findings")!;
        var item = Assert.Single(similar.QuerySelectorAll(".app-similar-finding"), e => e.TextContent.Contains("Quillback sanction letters were sent", StringComparison.Ordinal));
        Assert.Contains("Quillback letters", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("% alike", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("In progress", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Recurs after completed activity", item.QuerySelector(".app-recurs")!.TextContent, StringComparison.Ordinal);
        // The earlier IPR is not the investigator's: no link and no reference (case details stay with those working it).
        Assert.Null(item.QuerySelector($"a[href='/investigations/{earlierIpr}']"));
        Assert.DoesNotContain(earlierReference, item.TextContent, StringComparison.Ordinal);

        // A save with a mistake keeps the suggestion and the person's ticks.
        var noLine = await (await investigator.PostAsync(url, Content(suggested, Written, "", ticked))).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Select the service line", noLine.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ticked, Ticked(noLine));
        Assert.NotEmpty(noLine.QuerySelectorAll(".app-suggested"));
        Assert.NotNull(noLine.QuerySelector("#similar-findings"));

        // Accepted as is.
        var accepted = await investigator.PostAsync(url, Content(noLine, Written, "UC", ticked));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var first = await app.WithDbAsync(db => db.Findings.Where(f => f.InvestigationId == id).OrderBy(f => f.Order).Select(f => new { f.Id, f.ThemeSuggestion }).FirstAsync());
        Assert.Equal(ThemeSuggestionUse.AcceptedAsIs, first.ThemeSuggestion);
        Assert.Contains("\"ThemeSuggestion\":\"AcceptedAsIs\"", await CreateEntryAsync("Finding", first.Id), StringComparison.Ordinal);

        // Changed: the person unticks the suggestion and codes it differently.
        var again = await SuggestAsync(investigator, url, "Quillback sanction letters were lost in the post.", "UC");
        var other = again.QuerySelectorAll("input[name=themes]").Select(e => e.GetAttribute("value")!).First(v => !Ticked(again).Contains(v));
        Assert.Equal(HttpStatusCode.Redirect, (await investigator.PostAsync(url, Content(again, "Quillback sanction letters were lost in the post.", "UC", [other]))).StatusCode);
        var second = await app.WithDbAsync(db => db.Findings.Where(f => f.InvestigationId == id && f.Order == 2).Select(f => new { f.Id, f.ThemeSuggestion }).SingleAsync());
        Assert.Equal(ThemeSuggestionUse.Changed, second.ThemeSuggestion);
        Assert.Contains("\"ThemeSuggestion\":\"Changed\"", await CreateEntryAsync("Finding", second.Id), StringComparison.Ordinal);

        // Not asked for.
        var plain = await investigator.GetDocumentAsync(url);
        Assert.Null(plain.QuerySelector("#themes-suggestion"));
        Assert.Equal(HttpStatusCode.Redirect, (await investigator.PostAsync(url, Content(plain, "Letters about appointments were not sent.", "UC", [other]))).StatusCode);
        var third = await app.WithDbAsync(db => db.Findings.Where(f => f.InvestigationId == id && f.Order == 3).Select(f => new { f.Id, f.ThemeSuggestion }).SingleAsync());
        Assert.Equal(ThemeSuggestionUse.NotAsked, third.ThemeSuggestion);
        Assert.Contains("\"ThemeSuggestion\":\"NotAsked\"", await CreateEntryAsync("Finding", third.Id), StringComparison.Ordinal);

        // Triage may work every case: the earlier IPR is linked for them.
        var triage = await app.SignInAsync("triage@demo.test");
        var forTriage = await SuggestAsync(triage, url, Written, "UC");
        Assert.NotNull(forTriage.QuerySelector($"#similar-findings a[href='/investigations/{earlierIpr}']"));

        // Asking with no text is an error on the text, nothing lost.
        var empty = await (await investigator.PostAsync($"{url}?handler=Suggest", Content(plain, "", "UC", [other]))).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal("#text", empty.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal([other], Ticked(empty));
    }

    [Fact]
    public async Task The_insight_form_suggests_themes_and_records_the_choice()
    {
        await TrainAsync();
        var analyst = await app.SignInAsync("analyst@demo.test");
        var form = await analyst.GetDocumentAsync("/insight/new");
        const string Summary = "A customer's payment was stopped without a safeguarding check after a missed appointment.";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Token(form)), new("source", "PFD"), new("externalReference", "PFD-SUGGEST-1"), new("summary", Summary),
            new("serviceLines", "Universal Credit"), new("receivedOn.day", "3"), new("receivedOn.month", "3"), new("receivedOn.year", "2026"),
        };
        var suggested = await (await analyst.PostAsync("/insight/new?handler=Suggest", new FormUrlEncodedContent(fields))).ReadDocumentAsync();
        Assert.Equal("PFD-SUGGEST-1", suggested.QuerySelector("#externalReference")!.GetAttribute("value"));
        Assert.Equal("3", suggested.QuerySelector("#receivedOn-day")!.GetAttribute("value"));
        Assert.NotNull(suggested.QuerySelector("input[name=serviceLines][value='Universal Credit'][checked]"));
        Assert.NotEmpty(suggested.QuerySelectorAll(".app-suggested"));
        Assert.Null(suggested.QuerySelector("#similar-findings"));
        var ticked = Ticked(suggested);
        Assert.NotEmpty(ticked);

        fields[0] = new("__RequestVerificationToken", Token(suggested));
        fields.AddRange(ticked.Select(t => new KeyValuePair<string, string>("themes", t)));
        fields.Add(new("suggested", suggested.QuerySelector("input[name=suggested]")!.GetAttribute("value")!));
        fields.Add(new("asked", "true"));
        var saved = await analyst.PostAsync("/insight/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var item = await app.WithDbAsync(db => db.InsightItems.Where(i => i.ExternalReference == "PFD-SUGGEST-1")
            .Select(i => new { i.Id, i.ThemeSuggestion, Codes = i.Themes.Select(t => t.Theme!.Code).ToList() }).SingleAsync());
        Assert.Equal(ThemeSuggestionUse.AcceptedAsIs, item.ThemeSuggestion);
        Assert.Equal(ticked.Order(), item.Codes.Order());
        Assert.Contains("\"ThemeSuggestion\":\"AcceptedAsIs\"", await CreateEntryAsync("InsightItem", item.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_copy_of_the_service_serves_the_stored_model_and_retraining_replaces_it_audited()
    {
        var report = await TrainAsync();
        var stored = await app.WithDbAsync(db => db.ThemeModels.AsNoTracking().Select(m => new { m.Id, m.TrainedOn, m.HeldOut, Size = m.Model.Length }).SingleAsync());
        Assert.Equal(report.TrainedOn, stored.TrainedOn);
        Assert.True(stored.Size > 1000, $"{stored.Size} bytes");

        // A second copy (a fresh classifier, as after a restart or on another server) loads the stored model on first use.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SeriousCasesDbContext>();
            var fresh = new ThemeClassifier();
            var service = new ThemeClassifierService(db, fresh);
            var suggestions = await service.SuggestAsync("The customer's payment was stopped without a safeguarding check.", CancellationToken.None);
            Assert.Equal(stored.Id, fresh.ModelId);
            Assert.Equal(report.HeldOut, suggestions.Report!.HeldOut);
            Assert.Equal(report.Accuracy, suggestions.Report.Accuracy, 6);
            Assert.Equal(3, suggestions.Themes.Count);
        }

        // Retraining replaces the model (one at a time) and is audited, the bytes recorded by their size only.
        await TrainAsync();
        var after = await app.WithDbAsync(db => db.ThemeModels.AsNoTracking().Select(m => m.Id).ToListAsync());
        Assert.NotEqual(stored.Id, Assert.Single(after));
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "ThemeModel").ToListAsync());
        Assert.Contains(entries, e => e.Action == AuditAction.Delete && e.EntityId == stored.Id.ToString());
        var created = Assert.Single(entries, e => e.Action == AuditAction.Create && e.EntityId == after[0].ToString());
        Assert.Contains("bytes)", created.Changes!, StringComparison.Ordinal);
        Assert.Contains("HeldOut", created.Changes!, StringComparison.Ordinal);
        Assert.True(created.Changes!.Length < 2000, $"{created.Changes.Length} characters");
    }

    [Fact]
    public async Task The_cached_index_scores_as_the_plain_calculation_and_reads_only_what_changed()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SeriousCasesDbContext>();
        var index = new FindingTextIndex();
        const string Text = "The customer's request for a call back was not met and payments stopped.";
        var found = await index.MostSimilarAsync(db, Text, null, 5, 0.05, CancellationToken.None);
        Assert.NotEmpty(found);
        var all = await db.Findings.AsNoTracking().Select(f => new { f.Id, f.Text }).ToListAsync();
        var plain = new TextSimilarity(all.Select(f => (f.Id, f.Text))).MostSimilar(Text, 5, 0.05);
        Assert.Equal(plain.Select(p => p.Id), found.Select(f => f.Id));
        Assert.All(found.Zip(plain), x => Assert.Equal(x.Second.Score, x.First.Score, 9));
        Assert.Equal(1, index.FullReads);

        // A finding added since is found without reading everything again.
        var (_, _, added) = await ThemeRecords.FindingAsync(db, await ThemeRecords.ThemeAsync(db, "TINDEX", "Index test"), Core.Common.UkTime.Today(TimeProvider.System), Core.Common.UkTime.Today(TimeProvider.System),
            "Vorpal callback requests were not met and payments stopped.");
        var again = await index.MostSimilarAsync(db, "Vorpal callback requests", null, 5, 0.05, CancellationToken.None);
        Assert.Equal(added, again[0].Id);
        Assert.Equal(1, index.FullReads);
    }

    private async Task<ClassifierReport> TrainAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ThemeClassifierService>().TrainAsync(CancellationToken.None);
    }

    private static async Task<IHtmlDocument> SuggestAsync(HttpClient client, string url, string text, string line)
    {
        var form = await client.GetDocumentAsync(url);
        return await (await client.PostAsync($"{url}?handler=Suggest", Content(form, text, line, []))).ReadDocumentAsync();
    }

    /// <summary>The form as the browser would post it from <paramref name="page"/>: its token and hidden fields, the text,
    /// the service line and each ticked theme.</summary>
    private static FormUrlEncodedContent Content(IHtmlDocument page, string text, string line, IEnumerable<string> themes)
    {
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Token(page)), new("text", text), new("serviceLine", line) };
        fields.AddRange(page.QuerySelectorAll("main form input[type=hidden]")
            .Where(h => h.GetAttribute("name") is "suggested" or "asked")
            .Select(h => new KeyValuePair<string, string>(h.GetAttribute("name")!, h.GetAttribute("value") ?? "")));
        fields.AddRange(themes.Select(t => new KeyValuePair<string, string>("themes", t)));
        return new FormUrlEncodedContent(fields);
    }

    private static string Token(IHtmlDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static List<string> Ticked(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("input[name=themes][checked]").Select(e => e.GetAttribute("value")!)];

    private Task<string> CreateEntryAsync(string type, Guid id) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == type && a.EntityId == id.ToString() && a.Action == AuditAction.Create)
            .Select(a => a.Changes!).SingleAsync());
}
