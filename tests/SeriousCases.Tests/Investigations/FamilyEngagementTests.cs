using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>Contacts and meetings with a customer's family: recorded and read only by those who work the case,
/// counted for management information without personal data, on the database of the run.</summary>
public sealed class FamilyEngagementTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static int nextReference = 7000;

    /// <summary>An IPR at <paramref name="stage"/>, assigned to the demo investigator.</summary>
    private async Task<Guid> CaseAsync(InvestigationStage stage = InvestigationStage.FactFinding) =>
        await app.WithDbAsync(async db =>
        {
            var investigatorId = await db.Users.Where(u => u.Email == "investigator@demo.test").Select(u => u.Id).SingleAsync();
            var ipr = new Investigation
            {
                Reference = $"IPR-2026-{Interlocked.Increment(ref nextReference)}",
                Stage = stage,
                InvestigatorUserId = investigatorId,
                NotifiedOn = new DateOnly(2026, 1, 5),
                AcceptedOn = new DateOnly(2026, 1, 12),
                ConcludedOn = stage == InvestigationStage.Concluded ? new DateOnly(2026, 6, 1) : null,
            };
            db.Investigations.Add(ipr);
            await db.SaveChangesAsync();
            return ipr.Id;
        });

    [Fact]
    public async Task The_investigator_records_a_meeting_through_the_page_with_mistakes_shown_and_values_kept()
    {
        var id = await CaseAsync(InvestigationStage.Concluded);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var empty = await investigator.GetDocumentAsync(CaseNavigationHref(id));
        Assert.Contains("No contact with the family has been recorded.", empty.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("page", empty.QuerySelector("a[href$='/family'][aria-current]")?.GetAttribute("aria-current"));

        var form = await investigator.GetFormAsync($"/investigations/{id}/family/new");
        var blank = await (await investigator.PostAsync($"/investigations/{id}/family/new", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        var summary = blank.QuerySelector(".govuk-error-summary")!;
        Assert.Equal(
            ["#kind-Meeting", "#on-day", "#dwpAttendee", "#level-DirectorGeneral", "#apologyGiven-yes"],
            summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Enter the name of the DWP colleague who contacted or met the family", summary.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error:", blank.Title, StringComparison.Ordinal);

        form.With("kind", "Meeting").With("on.day", "31").With("on.month", "2").With("on.year", "2026")
            .With("dwpAttendee", "Gwen Director").With("level", "DirectorGeneral").With("apologyGiven", "true")
            .With("notes", "Explained what the review found and what DWP will change.");
        var wrongDate = await (await investigator.PostAsync($"/investigations/{id}/family/new", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The date must be a real date", wrongDate.QuerySelector("#on-error")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal("31", wrongDate.QuerySelector("#on-day")!.GetAttribute("value"));
        Assert.Equal("Gwen Director", wrongDate.QuerySelector("#dwpAttendee")!.GetAttribute("value"));
        Assert.NotNull(wrongDate.QuerySelector("#kind-Meeting[checked]"));
        Assert.NotNull(wrongDate.QuerySelector("#level-DirectorGeneral[checked]"));
        Assert.NotNull(wrongDate.QuerySelector("#apologyGiven-yes[checked]"));
        Assert.Contains("Explained what the review found", wrongDate.QuerySelector("#notes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.FamilyContacts.CountAsync(c => c.InvestigationId == id)));

        var future = await (await investigator.PostAsync($"/investigations/{id}/family/new", form.With("on.day", "1").With("on.year", "2099").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("The date must be today or in the past", future.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var saved = await investigator.PostAsync($"/investigations/{id}/family/new", form.With("on.day", "28").With("on.year", "2026").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/investigations/{id}/family", saved.Headers.Location!.OriginalString);

        var list = await investigator.GetDocumentAsync($"/investigations/{id}/family");
        var main = list.QuerySelector("main")!.TextContent;
        Assert.Contains("Meeting with the family on 28 February 2026 recorded", main, StringComparison.Ordinal);
        Assert.Contains("1 meeting, 0 other contacts, 1 apology given", main, StringComparison.Ordinal);
        var row = list.QuerySelector("tbody tr")!.TextContent;
        Assert.Contains("Gwen Director", row, StringComparison.Ordinal);
        Assert.Contains("Director General", row, StringComparison.Ordinal);

        var contact = await app.WithDbAsync(db => db.FamilyContacts.SingleAsync(c => c.InvestigationId == id));
        Assert.Equal((FamilyContactKind.Meeting, new DateOnly(2026, 2, 28), AttendeeLevel.DirectorGeneral, true), (contact.Kind, contact.On, contact.Level, contact.ApologyGiven));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.View && a.EntityType == nameof(FamilyContact) && a.EntityId == contact.Id.ToString())));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Create && a.EntityType == nameof(FamilyContact) && a.EntityId == contact.Id.ToString())));
    }

    private static string CaseNavigationHref(Guid id) => $"/investigations/{id}/family";

    [Fact]
    public async Task Contacts_are_added_and_listed_through_the_api_with_errors_named_by_field()
    {
        var id = await CaseAsync();
        var investigator = await app.SignInAsync("investigator@demo.test");

        var bad = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/family-contacts", new
        {
            on = "2099-01-01",
            dwpAttendee = new string('x', 201),
            notes = new string('n', 4001),
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Equal("Select whether it was a contact or a meeting", errors.GetProperty("kind")[0].GetString());
        Assert.Equal("The date must be today or in the past", errors.GetProperty("on")[0].GetString());
        Assert.Equal("The name must be 200 characters or fewer", errors.GetProperty("dwpAttendee")[0].GetString());
        Assert.Equal("Select the DWP colleague's level", errors.GetProperty("level")[0].GetString());
        Assert.Equal("Select yes if DWP apologised to the family", errors.GetProperty("apologyGiven")[0].GetString());
        Assert.Equal("Notes must be 4,000 characters or fewer", errors.GetProperty("notes")[0].GetString());

        var wrongType = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/family-contacts", new { level = "Minister" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(wrongType.GetProperty("errors").TryGetProperty("level", out _));

        var created = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/family-contacts", new
        {
            kind = "Contact",
            on = "2026-03-02",
            dwpAttendee = "  Dev Deputy  ",
            level = "DeputyDirector",
            apologyGiven = false,
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Dev Deputy", created.GetProperty("dwpAttendee").GetString());
        Assert.Equal("DeputyDirector", created.GetProperty("level").GetString());

        // Triage works every case.
        var triage = await app.SignInAsync("triage@demo.test");
        await (await triage.PostAsJsonAsync($"/api/v1/investigations/{id}/family-contacts", new
        {
            kind = "Meeting",
            on = "2026-03-20",
            dwpAttendee = "Dana Director",
            level = "Director",
            apologyGiven = true,
            notes = "Met the customer's sister.",
        })).ReadJsonAsync(HttpStatusCode.Created);

        var list = await (await investigator.GetAsync($"/api/v1/investigations/{id}/family-contacts")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["2026-03-20", "2026-03-02"], list.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("on").GetString()));
        var counts = list.GetProperty("counts");
        Assert.Equal((1, 1, 1), (counts.GetProperty("contacts").GetInt32(), counts.GetProperty("meetings").GetInt32(), counts.GetProperty("apologiesGiven").GetInt32()));
    }

    [Fact]
    public async Task Another_investigator_is_told_the_case_does_not_exist_and_the_attempt_is_audited()
    {
        var id = await CaseAsync();
        await app.WithDbAsync(async db =>
        {
            var other = new AppUser { Email = "ffion.investigator@demo.test", DisplayName = "Ffion Evans", IsDemo = true };
            other.Roles.Add(new UserRole { UserId = other.Id, Role = Roles.Investigator });
            db.Users.Add(other);
            return await db.SaveChangesAsync();
        });
        var other = await app.SignInAsync("ffion.investigator@demo.test");

        await other.GetDocumentAsync($"/investigations/{id}/family", HttpStatusCode.NotFound);
        await other.GetDocumentAsync($"/investigations/{id}/family/new", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/investigations/{id}/family-contacts")).StatusCode);
        var post = await other.PostAsJsonAsync($"/api/v1/investigations/{id}/family-contacts", new
        {
            kind = "Meeting",
            on = "2026-03-20",
            dwpAttendee = "Dana Director",
            level = "Director",
            apologyGiven = true,
        });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.FamilyContacts.CountAsync(c => c.InvestigationId == id)));
        Assert.Equal(4, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessRefused && a.EntityId == id.ToString())));
    }

    [Fact]
    public async Task Panel_members_and_referrers_reach_neither_the_figures_nor_a_cases_family_page()
    {
        var id = await CaseAsync();
        foreach (var email in new[] { "panel@demo.test", "referrer@demo.test" })
        {
            var client = await app.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/family-engagement/figures")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/investigations/{id}/family-contacts")).StatusCode);
            foreach (var url in new[] { "/management/family-engagement", "/management/family-engagement?format=csv", $"/investigations/{id}/family" })
            {
                var page = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
                Assert.Contains("/access-denied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }

        // Analysts see the figures but never a case.
        var analyst = await app.SignInAsync("analyst@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/family-engagement/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/v1/investigations/{id}/family-contacts")).StatusCode);
    }

    [Fact]
    public async Task The_figures_for_a_period_count_exactly_what_was_recorded_in_it()
    {
        // A reporting year long past, so nothing else in the database falls in it.
        var (a, b, c) = (await CaseAsync(InvestigationStage.Concluded), await CaseAsync(InvestigationStage.Concluded), await CaseAsync());
        await app.WithDbAsync(async db =>
        {
            FamilyContact Contact(Guid ipr, string on, FamilyContactKind kind, AttendeeLevel level, bool apology) => new()
            {
                InvestigationId = ipr,
                On = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture),
                Kind = kind,
                DwpAttendee = "A fictional colleague",
                Level = level,
                ApologyGiven = apology,
            };
            db.FamilyContacts.AddRange(
                Contact(a, "2014-04-01", FamilyContactKind.Meeting, AttendeeLevel.DirectorGeneral, true),
                Contact(a, "2014-05-10", FamilyContactKind.Contact, AttendeeLevel.Other, false),
                Contact(a, "2014-09-01", FamilyContactKind.Meeting, AttendeeLevel.Director, true),
                Contact(b, "2015-03-31", FamilyContactKind.Meeting, AttendeeLevel.DeputyDirector, false),
                Contact(b, "2014-12-24", FamilyContactKind.Contact, AttendeeLevel.Director, false),
                // Outside the period, either side.
                Contact(c, "2014-03-31", FamilyContactKind.Meeting, AttendeeLevel.DirectorGeneral, true),
                Contact(c, "2015-04-01", FamilyContactKind.Meeting, AttendeeLevel.DirectorGeneral, true));
            return await db.SaveChangesAsync();
        });

        var analyst = await app.SignInAsync("analyst@demo.test");
        var f = await (await analyst.GetAsync("/api/v1/family-engagement/figures?from=2014-04-01&to=2015-03-31")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2014-04-01", f.GetProperty("from").GetString());
        Assert.Equal(2, f.GetProperty("casesWithContact").GetInt32());
        Assert.Equal(2, f.GetProperty("contacts").GetInt32());
        Assert.Equal(3, f.GetProperty("meetings").GetInt32());
        Assert.Equal(5, f.GetProperty("total").GetInt32());
        Assert.Equal(2, f.GetProperty("apologiesGiven").GetInt32());
        Assert.Equal(1, f.GetProperty("casesWithApology").GetInt32());
        var levels = f.GetProperty("byLevel").EnumerateArray()
            .ToDictionary(l => l.GetProperty("level").GetString()!, l => (l.GetProperty("contacts").GetInt32(), l.GetProperty("meetings").GetInt32(), l.GetProperty("cases").GetInt32()));
        Assert.Equal((0, 1, 1), levels["DirectorGeneral"]);
        Assert.Equal((1, 1, 2), levels["Director"]);
        Assert.Equal((0, 1, 1), levels["DeputyDirector"]);
        Assert.Equal((1, 0, 1), levels["Other"]);
        Assert.DoesNotContain("fictional", f.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var wrong = await (await analyst.GetAsync("/api/v1/family-engagement/figures?from=2015-03-31&to=2014-04-01")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("to", out _));
        var unreadable = await (await analyst.GetAsync("/api/v1/family-engagement/figures?from=1%2F4%2F2014")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("YYYY-MM-DD", unreadable.GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);

        // The same figures on the page and in its CSV file, for the Panel secretariat too.
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        const string Query = "from.day=1&from.month=4&from.year=2014&to.day=31&to.month=3&to.year=2015";
        var page = await secretariat.GetDocumentAsync($"/management/family-engagement?{Query}");
        string Cell(string measure) => page.QuerySelectorAll("tbody tr").First(r => r.QuerySelector("th")!.TextContent == measure).QuerySelector("td")!.TextContent;
        Assert.Equal("2", Cell("IPRs with a contact or meeting"));
        Assert.Equal("3", Cell("Meetings"));
        Assert.Equal("2", Cell("Apologies given"));
        Assert.Equal("1", Cell("IPRs where an apology was given"));
        Assert.Contains("1 April 2014 to 31 March 2015", page.QuerySelector("main h2")!.TextContent, StringComparison.Ordinal);
        var csvHref = page.QuerySelector("a[download]")!.GetAttribute("href")!;
        var csv = await secretariat.GetAsync(csvHref);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("From,To,Measure,Count", lines[0]);
        Assert.Contains("2014-04-01,2015-03-31,Meetings,3", lines);
        Assert.Contains("2014-04-01,2015-03-31,Meetings with a Director General,1", lines);
        Assert.Contains("2014-04-01,2015-03-31,IPRs where an apology was given,1", lines);

        var backwards = await secretariat.GetDocumentAsync("/management/family-engagement?from.day=1&from.month=4&from.year=2015&to.day=31&to.month=3&to.year=2014", HttpStatusCode.BadRequest);
        Assert.Equal("#to-day", backwards.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Null(backwards.QuerySelector("table"));
    }

    [Fact]
    public void The_figures_count_contacts_meetings_levels_and_apologies_from_known_facts()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        var f = FamilyEngagementService.Figures(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31),
        [
            new FamilyContactFact(a, FamilyContactKind.Meeting, AttendeeLevel.DirectorGeneral, true),
            new FamilyContactFact(a, FamilyContactKind.Meeting, AttendeeLevel.DirectorGeneral, true),
            new FamilyContactFact(b, FamilyContactKind.Contact, AttendeeLevel.DeputyDirector, false),
        ]);
        Assert.Equal((2, 1, 2, 3, 2, 1), (f.CasesWithContact, f.Contacts, f.Meetings, f.Total, f.ApologiesGiven, f.CasesWithApology));
        Assert.Equal([AttendeeLevel.DirectorGeneral, AttendeeLevel.Director, AttendeeLevel.DeputyDirector, AttendeeLevel.Other], f.ByLevel.Select(l => l.Level));
        Assert.Equal(new LevelFigures(AttendeeLevel.DirectorGeneral, 0, 2, 1), f.ByLevel[0]);
        Assert.Equal(new LevelFigures(AttendeeLevel.Director, 0, 0, 0), f.ByLevel[1]);

        var none = FamilyEngagementService.Figures(new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), []);
        Assert.Equal(0, none.Total);
    }
}
