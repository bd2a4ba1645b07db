using System.Net;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The minutes over HTTP on the database of the run: the public pages without signing in (the demo's two 2020
/// meetings), the secretariat taking a meeting's minutes from draft to published, publishing refused before the
/// minutes are agreed, a stale edit, and the home page's deadline warning. Each test adds its own meeting, dated
/// far from the demo's; "Morgan Tilbury" and "Robin Ashgrove" are invented.</summary>
public sealed class MinutesPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Secretariat = "secretariat@demo.test";
    private const string SecretariatName = "Morgan Tilbury";

    private static string ErrorSummary(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    private static DateOnly Today => UkTime.Today(TimeProvider.System);

    private Task<Guid> AddMeetingAsync(int daysFromToday, MeetingStatus status = MeetingStatus.Held, string? minutesText = null) =>
        app.WithDbAsync(async db =>
        {
            var meeting = new PanelMeeting
            {
                MeetingOn = Today.AddDays(daysFromToday),
                Format = MeetingFormat.Hybrid,
                Status = status,
                ChairName = "Hayley Tatum",
                MinutesText = minutesText,
                AgendaItems =
                [
                    new AgendaItem { Number = 1, Kind = AgendaItemKind.Welcome, Title = "Welcome and introductions", Minute = "The Chair welcomed the Panel." },
                    new AgendaItem { Number = 2, Kind = AgendaItemKind.ThemeDiscussion, Title = "Group Discussion – Themes", Minute = "Robin Ashgrove presented the theme; Morgan Tilbury took a note." },
                ],
                Attendance =
                [
                    new MeetingAttendance { Kind = AttendanceKind.Member, Order = 1, PersonName = "Hayley Tatum", JobTitle = "Non-Executive Director (Chair)" },
                    new MeetingAttendance { Kind = AttendanceKind.Member, Order = 2, PersonName = "Peter Schofield", JobTitle = "Permanent Secretary" },
                    new MeetingAttendance { Kind = AttendanceKind.Presenter, Order = 3, PersonName = "Robin Ashgrove", JobTitle = "Customer Insight Deputy Director" },
                    new MeetingAttendance { Kind = AttendanceKind.Secretariat, Order = 4, PersonName = SecretariatName },
                ],
                Decisions = [new PanelDecision { Number = 1, AgendaItemNumber = 2, Text = "The Panel agreed to look again at the theme in a year." }],
            };
            db.PanelMeetings.Add(meeting);
            var cxd = await db.OwnerTeams.SingleAsync(t => t.ShortName == "CXD");
            db.AgreedActivities.Add(new AgreedActivity
            {
                Reference = $"SCP-T{Math.Abs(daysFromToday)}-AP1",
                Origin = ActivityOrigin.PanelActionPoint,
                Number = 1,
                Order = 1,
                Text = "The Customer Experience Directorate to report on the theme.",
                PanelMeeting = meeting,
                OwnerTeamId = cxd.Id,
                Timescale = "Next meeting",
            });
            await db.SaveChangesAsync();
            return meeting.Id;
        });

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Anyone_can_list_the_published_minutes_and_read_the_terms_of_reference_without_signing_in()
    {
        var visitor = app.CreateBrowserlessClient();

        var page = await visitor.GetDocumentAsync("/minutes");

        var links = page.QuerySelectorAll("#published-minutes a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/minutes/2020-07-02", links);
        Assert.Contains("/minutes/2020-03-19", links);
        Assert.True(links.IndexOf("/minutes/2020-07-02") < links.IndexOf("/minutes/2020-03-19"));
        Assert.Contains("Purpose", page.QuerySelector("#terms-of-reference")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#navigation"));
        Assert.DoesNotContain("Sign out", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_minutes_of_2_July_2020_redact_the_secretariat_and_show_no_draft()
    {
        var visitor = app.CreateBrowserlessClient();
        var (secretariat, draft, published) = await app.WithDbAsync(async db =>
        {
            var m = await db.PanelMeetings.Include(x => x.Attendance).SingleAsync(x => x.MeetingOn == new DateOnly(2020, 7, 2));
            return (m.Attendance.Single(a => a.Kind == AttendanceKind.Secretariat).PersonName, m.MinutesText, m.PublishedMinutesText);
        });

        var page = await visitor.GetDocumentAsync("/minutes/2020-07-02");

        var text = page.QuerySelector("#minutes-text")!.TextContent;
        Assert.Contains("[REDACTED]", text, StringComparison.Ordinal);
        Assert.Contains("Chair: Hayley Tatum, Non-Executive Director", text, StringComparison.Ordinal);
        Assert.Contains("Decision 4 – The Panel asked that in addition to Decision 3", text, StringComparison.Ordinal);
        Assert.Contains(secretariat, draft, StringComparison.Ordinal);
        Assert.DoesNotContain(secretariat, published, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secretariat, page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/minutes/2020-07-02.docx", page.QuerySelector("a[href$='.docx']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Unknown_dates_and_unpublished_minutes_are_not_found()
    {
        var planned = Today.AddDays(731);
        await AddMeetingAsync(731, MeetingStatus.Planned, "A draft nobody outside may read.");
        var visitor = app.CreateBrowserlessClient();

        foreach (var url in new[] { "/minutes/2099-01-01", "/minutes/not-a-date", $"/minutes/{Date(planned)}", $"/minutes/{Date(planned)}.docx", $"/minutes/{Date(planned)}.html", "/minutes/2099-01-01.docx" })
        {
            var response = await visitor.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("A draft nobody", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_word_and_html_downloads_hold_the_published_text()
    {
        var visitor = app.CreateBrowserlessClient();

        var docx = await visitor.GetAsync("/minutes/2020-07-02.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using (var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync()))
        using (var document = WordprocessingDocument.Open(stream, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var body = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("MINUTES OF THE SERIOUS CASE PANEL", body, StringComparison.Ordinal);
            Assert.Contains("[REDACTED]", body, StringComparison.Ordinal);
            Assert.Contains("Chair: Hayley Tatum, Non-Executive Director", body, StringComparison.Ordinal);
            Assert.Contains("Decision 1 – The Panel agreed the latest version of the terms of reference.", body, StringComparison.Ordinal);
            Assert.Contains("OFFICIAL", document.MainDocumentPart.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
        }

        var html = await visitor.GetAsync("/minutes/2020-07-02.html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var content = await html.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", content, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", content, StringComparison.Ordinal);
        Assert.Contains("<strong>Decision 1</strong> – The Panel agreed the latest version of the terms of reference.", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", content, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_secretariat_takes_the_minutes_from_draft_to_published_and_cannot_publish_before_they_are_agreed()
    {
        var id = await AddMeetingAsync(-3);
        var meetingOn = Today.AddDays(-3);
        var secretariat = await app.SignInAsync(Secretariat);
        var member = await app.SignInAsync("panel@demo.test");
        var minutes = $"/panel/meetings/{id}/minutes";

        // Generate the draft from the meeting record.
        var form = await secretariat.GetFormAsync($"{minutes}/edit");
        var generated = await secretariat.PostAsync($"{minutes}/edit?handler=Generate", form.ToContent());
        Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
        var edit = await secretariat.GetDocumentAsync($"{minutes}/edit");
        var draft = edit.QuerySelector("textarea#minutesText")!.TextContent;
        Assert.Contains("**Chair:** Hayley Tatum, Non-Executive Director", draft, StringComparison.Ordinal);
        Assert.Contains("**Secretariat:** Morgan Tilbury", draft, StringComparison.Ordinal);
        Assert.Contains("**Decision 1** – The Panel agreed to look again at the theme in a year.", draft, StringComparison.Ordinal);
        Assert.Contains("**AP1:** The Customer Experience Directorate to report on the theme. Timescale: Next meeting.", draft, StringComparison.Ordinal);

        // Generating again asks before replacing the text.
        var again = await secretariat.PostAsync($"{minutes}/edit?handler=Generate", (await secretariat.GetFormAsync($"{minutes}/edit")).ToContent());
        Assert.Contains("A new draft replaces the minutes already written", (await again.ReadDocumentAsync()).QuerySelector(".govuk-warning-text")?.TextContent, StringComparison.Ordinal);

        // A Panel member does not read a draft.
        var memberPage = await member.GetDocumentAsync(minutes);
        Assert.Null(memberPage.QuerySelector("#minutes-text"));
        Assert.Contains("have not been agreed yet", memberPage.Body!.TextContent, StringComparison.Ordinal);

        // Publishing before the minutes are agreed is refused.
        var publishPage = await secretariat.GetDocumentAsync($"{minutes}/publish");
        Assert.Contains("must agree the minutes before they are published", publishPage.Body!.TextContent, StringComparison.Ordinal);
        var refused = await secretariat.PostAsync($"{minutes}/publish", (await secretariat.GetFormAsync($"{minutes}/edit")).ToContent());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The Panel must agree the minutes before they are published", ErrorSummary(await refused.ReadDocumentAsync(HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.PanelMeetings.Where(m => m.Id == id).Select(m => m.PublishedMinutesText).SingleAsync()));

        // A date in the future is refused with the date kept; then agreed today.
        var future = Today.AddDays(2);
        var agreeForm = await secretariat.GetFormAsync($"{minutes}/agree");
        var badDate = await secretariat.PostAsync($"{minutes}/agree", agreeForm
            .With("agreedOn.day", $"{future.Day}").With("agreedOn.month", $"{future.Month}").With("agreedOn.year", $"{future.Year}").ToContent());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var badPage = await badDate.ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("The date the minutes were agreed must be today or in the past", ErrorSummary(badPage), StringComparison.Ordinal);
        Assert.Equal($"{future.Day}", badPage.QuerySelector("#agreedOn-day")?.GetAttribute("value"));
        var agreed = await secretariat.PostAsync($"{minutes}/agree", (await secretariat.GetFormAsync($"{minutes}/agree"))
            .With("agreedOn.day", $"{Today.Day}").With("agreedOn.month", $"{Today.Month}").With("agreedOn.year", $"{Today.Year}").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        Assert.Contains("Agreed minutes", (await member.GetDocumentAsync(minutes)).Body!.TextContent, StringComparison.Ordinal);

        // Redactions: the default level selects the secretariat; an extra line redacts the presenter's name in the text.
        var redact = await secretariat.GetDocumentAsync($"{minutes}/redact?threshold=AdditionalAttendees");
        var ticked = redact.QuerySelectorAll("input[name=redacted][checked]").Select(i => i.GetAttribute("value")).ToList();
        var secretariatId = await app.WithDbAsync(db => db.MeetingAttendances.Where(a => a.PanelMeetingId == id && a.Kind == AttendanceKind.Secretariat).Select(a => a.Id).SingleAsync());
        Assert.Equal([secretariatId.ToString()], ticked);
        Assert.Contains("Morgan Tilbury (to be redacted)", redact.QuerySelector("#redaction-preview mark")?.TextContent, StringComparison.Ordinal);
        var redactForm = await secretariat.GetFormAsync($"{minutes}/redact");
        var saved = await secretariat.PostAsync($"{minutes}/redact", redactForm.With("redacted", secretariatId.ToString()).With("extraRedactions", "Robin Ashgrove presented").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var preview = await secretariat.GetDocumentAsync($"{minutes}/redact");
        Assert.Equal(3, preview.QuerySelectorAll("#redaction-preview mark").Length);

        // The confirmation shows exactly what will be published; then publish.
        publishPage = await secretariat.GetDocumentAsync($"{minutes}/publish");
        var toPublish = publishPage.QuerySelector("#published-text")!.TextContent;
        Assert.Contains("Secretariat: [REDACTED]", toPublish, StringComparison.Ordinal);
        Assert.Contains("[REDACTED] the theme; [REDACTED] took a note.", toPublish, StringComparison.Ordinal);
        Assert.Contains("Robin Ashgrove – Customer Insight Deputy Director", toPublish, StringComparison.Ordinal);
        var published = await secretariat.PostAsync($"{minutes}/publish", (await secretariat.GetFormAsync($"{minutes}/publish")).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var stored = await app.WithDbAsync(db => db.PanelMeetings.SingleAsync(m => m.Id == id));
        Assert.Equal(MeetingStatus.MinutesPublished, stored.Status);
        Assert.Equal(Today, stored.MinutesPublishedOn);
        Assert.Contains(SecretariatName, stored.MinutesText, StringComparison.Ordinal);
        var visitor = app.CreateBrowserlessClient();
        var publicPage = await visitor.GetDocumentAsync($"/minutes/{Date(meetingOn)}");
        Assert.Equal(toPublish.Trim(), publicPage.QuerySelector("#minutes-text")!.TextContent.Trim());
        Assert.DoesNotContain(SecretariatName, publicPage.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"/minutes/{Date(meetingOn)}", (await visitor.GetDocumentAsync("/minutes")).QuerySelectorAll("#published-minutes a").Select(a => a.GetAttribute("href")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PanelMeeting) && a.EntityId == id.ToString() && a.Changes!.Contains("Minutes published"))));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_users_text_kept()
    {
        var id = await AddMeetingAsync(-11, minutesText: "## MINUTES OF THE SERIOUS CASE PANEL\nFirst version.");
        var secretariat = await app.SignInAsync(Secretariat);
        var url = $"/panel/meetings/{id}/minutes/edit";
        var mine = await secretariat.GetFormAsync(url);
        var theirs = await secretariat.GetFormAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostAsync(url, theirs.With("minutesText", "Their correction.").ToContent())).StatusCode);

        var response = await secretariat.PostAsync(url, mine.With("minutesText", "My correction of the minutes.").ToContent());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.ReadDocumentAsync(HttpStatusCode.Conflict);
        Assert.Contains("Someone else changed the minutes", ErrorSummary(page), StringComparison.Ordinal);
        Assert.Equal("My correction of the minutes.", page.QuerySelector("textarea#minutesText")?.TextContent.Trim());
        Assert.Contains("Their correction.", page.QuerySelector("#saved-minutes")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Their correction.\n", await app.WithDbAsync(db => db.PanelMeetings.Where(m => m.Id == id).Select(m => m.MinutesText).SingleAsync()));

        // Saving again goes against the version now shown.
        var retry = await secretariat.PostAsync(url, new FormValues(page.QuerySelectorAll("main form input[type=hidden]")
            .Where(i => i.GetAttribute("name") is "__RequestVerificationToken" or "version")
            .GroupBy(i => i.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? ""))
            .With("minutesText", "My correction of the minutes.").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
    }

    [Fact]
    public async Task The_secretariats_home_page_warns_of_minutes_due_before_they_are_late()
    {
        var id = await AddMeetingAsync(-10);
        var held = Today.AddDays(-10);
        var secretariat = await app.SignInAsync(Secretariat);

        var home = await secretariat.GetDocumentAsync("/");

        var item = home.QuerySelectorAll($"a[href='/panel/meetings/{id}/minutes']").SingleOrDefault();
        Assert.NotNull(item);
        Assert.Equal($"Minutes of the Panel meeting of {UkTime.Format(held)}: agree and circulate, due by {UkTime.Format(held.AddDays(14))}", item!.TextContent.Trim());
        var member = await app.SignInAsync("panel@demo.test");
        Assert.Empty((await member.GetDocumentAsync("/")).QuerySelectorAll($"a[href='/panel/meetings/{id}/minutes']"));
    }
}
