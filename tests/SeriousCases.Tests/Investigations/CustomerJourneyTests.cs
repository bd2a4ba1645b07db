using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>The customer journey of an IPR: every contact on every service line, in date order, through the API and the pages.</summary>
public sealed class CustomerJourneyTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private static object Contact(string occurredOn, string serviceLine, string what, string channel = "Telephone", string source = "UC journal") =>
        new { occurredOn, serviceLine, channel, whatHappened = what, source };

    [Fact]
    public async Task Contacts_are_added_through_the_api_and_listed_in_date_order_with_a_count_per_line()
    {
        var (id, _) = await CaseBuilder.LaunchedAsync(app, ["UC"]);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var url = $"/api/v1/investigations/{id}/journey";

        var empty = (await (await investigator.PostAsJsonAsync(url, new { })).ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("Enter the date of the contact", empty.GetProperty("occurredOn")[0].GetString());
        Assert.Equal("Select the service line of the contact", empty.GetProperty("serviceLine")[0].GetString());
        Assert.Equal("Select how the contact happened", empty.GetProperty("channel")[0].GetString());
        Assert.Equal("Enter what happened", empty.GetProperty("whatHappened")[0].GetString());
        Assert.StartsWith("Enter where the contact was found", empty.GetProperty("source")[0].GetString(), StringComparison.Ordinal);

        var future = await (await investigator.PostAsJsonAsync(url, Contact(Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "UC", "A call."))).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The date of the contact must be today or in the past", future.GetProperty("errors").GetProperty("occurredOn")[0].GetString());
        var ancient = await (await investigator.PostAsJsonAsync(url, Contact("1948-07-04", "Winter Fuel", new string('x', 4001)))).ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = ancient.GetProperty("errors");
        Assert.Equal("The date of the contact must be on or after 5 July 1948", errors.GetProperty("occurredOn")[0].GetString());
        Assert.Equal("'Winter Fuel' is not a service line", errors.GetProperty("serviceLine")[0].GetString());
        Assert.Equal("What happened must be 4,000 characters or fewer", errors.GetProperty("whatHappened")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.JourneyContacts.CountAsync(c => c.InvestigationId == id)));

        // Entered out of order, and on a line the referral did not give (the review found the customer also had PIP).
        var later = await (await investigator.PostAsJsonAsync(url, Contact("2025-06-03", "Universal Credit", "Journal message about a sanction was not answered.", "Journal"))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Universal Credit", later.GetProperty("serviceLine").GetString());
        Assert.Equal("Journal", later.GetProperty("channel").GetString());
        await (await investigator.PostAsJsonAsync(url, Contact("2025-02-11", "PIP", "Assessment held at home.", "Assessment", "PIP case notes"))).ReadJsonAsync(HttpStatusCode.Created);
        await (await investigator.PostAsJsonAsync(url, Contact(Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "uc", "  Called about a missed payment.  "))).ReadJsonAsync(HttpStatusCode.Created);

        var journey = await (await investigator.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["2025-02-11", "2025-06-03", Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], journey.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("occurredOn").GetString()));
        Assert.Equal("Called about a missed payment.", journey.GetProperty("contacts")[2].GetProperty("whatHappened").GetString());
        var lines = journey.GetProperty("serviceLines").EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!);
        Assert.Equal(2, lines["UC"].GetProperty("contacts").GetInt32());
        Assert.True(lines["UC"].GetProperty("givenAtReferral").GetBoolean());
        Assert.Equal(1, lines["PIP"].GetProperty("contacts").GetInt32());
        Assert.False(lines["PIP"].GetProperty("givenAtReferral").GetBoolean());

        var pip = await (await investigator.GetAsync(url + "?serviceLine=Personal%20Independence%20Payment")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Assessment held at home."], pip.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("whatHappened").GetString()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.View && a.EntityType == nameof(Investigation) && a.EntityId == id.ToString())));
        // What happened may describe the customer's health: the audit trail masks it.
        var created = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Create && a.EntityType == nameof(JourneyContact)).Select(a => a.Changes).ToListAsync());
        Assert.DoesNotContain(created, c => c != null && c.Contains("Assessment held at home", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_keeps_what_was_typed_when_something_is_wrong_then_shows_the_contact_on_the_timeline()
    {
        var (id, reference) = await CaseBuilder.LaunchedAsync(app, ["UC", "ESA"]);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var page = await investigator.GetDocumentAsync($"/investigations/{id}/journey");
        Assert.Equal("No contacts recorded yet.", page.QuerySelector(".govuk-grid-column-two-thirds p")!.TextContent.Trim());
        Assert.Equal($"/investigations/{id}/journey", page.QuerySelector(".moj-sub-navigation a[aria-current=page]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"a[href='/investigations/{id}/journey/new']"));

        var form = await investigator.GetFormAsync($"/investigations/{id}/journey/new");
        var wrong = await (await investigator.PostAsync($"/investigations/{id}/journey/new", form
            .With("occurredOn.day", "30").With("occurredOn.month", "2").With("occurredOn.year", "2025")
            .With("serviceLine", "ESA").With("channel", "HomeVisit")
            .With("whatHappened", "Visit arranged after the customer said they could not leave home.")
            .ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", wrong.Title, StringComparison.Ordinal);
        var summary = wrong.QuerySelector(".govuk-error-summary")!;
        Assert.Contains("The date of the contact must be a real date", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter where the contact was found", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(["#occurredOn-day", "#source"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("30", wrong.QuerySelector("#occurredOn-day")!.GetAttribute("value"));
        Assert.Equal("2025", wrong.QuerySelector("#occurredOn-year")!.GetAttribute("value"));
        Assert.NotNull(wrong.QuerySelector("#serviceLine option[value=ESA][selected]"));
        Assert.NotNull(wrong.QuerySelector("#channel-HomeVisit[checked]"));
        Assert.Equal("Visit arranged after the customer said they could not leave home.", wrong.QuerySelector("#whatHappened")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.JourneyContacts.CountAsync(c => c.InvestigationId == id)));

        // Corrected; and a contact from before 2000 (an old Incapacity Benefit claim), which the date boxes accept here.
        var done = await investigator.PostAsync($"/investigations/{id}/journey/new", form.With("occurredOn.day", "28").With("source", "ESA case notes").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/investigations/{id}/journey", done.Headers.Location!.OriginalString);
        form = await investigator.GetFormAsync($"/investigations/{id}/journey/new");
        Assert.Equal(HttpStatusCode.Redirect, (await investigator.PostAsync($"/investigations/{id}/journey/new", form
            .With("occurredOn.day", "3").With("occurredOn.month", "3").With("occurredOn.year", "1995")
            .With("serviceLine", "IB").With("channel", "Letter").With("whatHappened", "Award letter sent.").With("source", "Archived IB file")
            .ToContent())).StatusCode);

        var timeline = await investigator.GetDocumentAsync($"/investigations/{id}/journey");
        Assert.Contains("Contact of 3 March 1995 added", timeline.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var items = timeline.QuerySelectorAll(".moj-timeline__item");
        Assert.Equal(2, items.Length);
        Assert.Equal("1995-03-03", items[0].QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("Incapacity Benefit: Letter", items[0].QuerySelector(".moj-timeline__title")!.TextContent);
        Assert.Equal("Employment and Support Allowance: Home visit", items[1].QuerySelector(".moj-timeline__title")!.TextContent);
        Assert.Contains("found in ESA case notes", items[1].TextContent, StringComparison.Ordinal);
        var counts = timeline.QuerySelector("#journey-lines")!.TextContent;
        Assert.Contains("All service lines (2)", counts, StringComparison.Ordinal);
        Assert.Contains("Universal Credit (0)", counts, StringComparison.Ordinal);
        Assert.Contains("Incapacity Benefit (1)", counts, StringComparison.Ordinal);
        Assert.Contains("Found by the review", timeline.QuerySelector("#journey-lines a[href$='line=IB']")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var esa = await investigator.GetDocumentAsync($"/investigations/{id}/journey?line=ESA");
        Assert.Equal(["Employment and Support Allowance: Home visit"], esa.QuerySelectorAll(".moj-timeline__title").Select(t => t.TextContent));
        Assert.Contains($"IPR {reference}", esa.QuerySelector(".govuk-caption-l")!.TextContent, StringComparison.Ordinal);
        var unknown = await investigator.GetDocumentAsync($"/investigations/{id}/journey?line=Nonsense");
        Assert.Empty(unknown.QuerySelectorAll(".moj-timeline__item"));
    }

    [Fact]
    public async Task Someone_elses_case_is_not_found_and_the_attempt_is_audited()
    {
        var (id, _) = await CaseBuilder.LaunchedAsync(app, ["UC"], assignedToSomeoneElse: true);
        var investigator = await app.SignInAsync("investigator@demo.test");
        Task<int> Refusals() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessRefused && a.EntityId == id.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, (await investigator.GetAsync($"/api/v1/investigations/{id}/journey")).StatusCode);
        Assert.Equal(1, await Refusals());
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/journey", Contact("2025-01-01", "UC", "A call."))).StatusCode);
        await investigator.GetDocumentAsync($"/investigations/{id}/journey", HttpStatusCode.NotFound);
        await investigator.GetDocumentAsync($"/investigations/{id}/journey/new", HttpStatusCode.NotFound);
        Assert.Equal(4, await Refusals());
        Assert.Equal(0, await app.WithDbAsync(db => db.JourneyContacts.CountAsync(c => c.InvestigationId == id)));

        // Triage works every case.
        var triage = await app.SignInAsync("triage@demo.test");
        await (await triage.PostAsJsonAsync($"/api/v1/investigations/{id}/journey", Contact("2025-01-01", "UC", "A call."))).ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_concluded_case_keeps_its_journey_as_it_was()
    {
        var (id, reference) = await CaseBuilder.LaunchedAsync(app, ["UC"], stage: InvestigationStage.Concluded);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var refused = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/journey", Contact("2025-01-01", "UC", "A call."))).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"IPR {reference} is concluded: its customer journey can no longer change", refused.GetProperty("errors").GetProperty("whatHappened")[0].GetString());
        var page = await investigator.GetDocumentAsync($"/investigations/{id}/journey");
        Assert.Null(page.QuerySelector($"a[href='/investigations/{id}/journey/new']"));
        Assert.Null((await investigator.GetDocumentAsync($"/investigations/{id}/journey/new")).QuerySelector("main form"));
    }
}
