using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>A case with a summary, a journey, a discussion, a finding with two activities (one complete and
/// assured, one in progress) and a learning outcome: what the report and the overview show. Written straight to
/// the database: the journey and discussion pages are built elsewhere.</summary>
internal static class ReportCase
{
    public const string Finding = "A request for a call back about a missed payment was not met.";
    public const string CompleteActivity = "UC to assure IPRG that call backs are made when requested.";
    public const string CompleteOutcome = "Call back requests are now tracked on a daily dashboard.";
    public const string OpenActivity = "UC to assure IPRG they will remind colleagues of the call back process.";
    public const string OpenOutcome = "Draft outcome not yet assured.";
    public const string CaseOutcome = "Colleagues were reminded to make call backs the same day.";
    public const string DiscussionNotes = "Notes that stay in the evidence log.";
    public const string DiscussionWith = "Morgan Example";

    public static async Task<Guid> CreateAsync(SeriousCasesDbContext db, string reference, InvestigationStage stage, string? investigatorEmail = "investigator@demo.test")
    {
        var investigatorId = investigatorEmail is null ? (Guid?)null : await db.Users.Where(u => u.Email == investigatorEmail).Select(u => u.Id).SingleAsync();
        var uc = await db.ServiceLines.SingleAsync(l => l.Code == "UC");
        var pip = await db.ServiceLines.SingleAsync(l => l.Code == "PIP");
        var theme = await db.Themes.SingleAsync(t => t.Code == "CALLBACK");
        var team = await db.OwnerTeams.SingleAsync(t => t.ShortName == "UC");
        var finding = new Finding { Order = 1, Text = Finding, ServiceLineId = uc.Id, Themes = [new FindingTheme { ThemeId = theme.Id }] };
        var ipr = new Investigation
        {
            Reference = reference,
            Stage = stage,
            InvestigatorUserId = investigatorId,
            NotifiedOn = new DateOnly(2026, 1, 5),
            AcceptedOn = new DateOnly(2026, 1, 12),
            LaunchedOn = new DateOnly(2026, 1, 20),
            SentToIprgOn = stage >= InvestigationStage.WithIprg ? new DateOnly(2026, 3, 2) : null,
            IprgReviewedOn = stage == InvestigationStage.Concluded ? new DateOnly(2026, 3, 20) : null,
            ConcludedOn = stage == InvestigationStage.Concluded ? new DateOnly(2026, 3, 27) : null,
            Outcome = stage == InvestigationStage.Concluded ? InvestigationOutcome.LearningIdentified : null,
            Summary = "The customer asked for a call back three times.\n\nThe review covered Universal Credit and PIP from April to June.",
            ServiceLines = [new InvestigationServiceLine { ServiceLineId = uc.Id }, new InvestigationServiceLine { ServiceLineId = pip.Id }],
            Findings = [finding],
            LearningOutcomes = [new LearningOutcome { Order = 1, Text = CaseOutcome }],
        };
        db.Investigations.Add(ipr);
        db.JourneyContacts.AddRange(
            new JourneyContact { InvestigationId = ipr.Id, OccurredOn = new DateOnly(2025, 6, 3), ServiceLineId = pip.Id, Channel = ContactChannel.Letter, WhatHappened = "A PIP award letter was sent.", Source = "PIP case notes" },
            new JourneyContact { InvestigationId = ipr.Id, OccurredOn = new DateOnly(2025, 4, 14), ServiceLineId = uc.Id, Channel = ContactChannel.Journal, WhatHappened = "The customer asked for a call back in their journal.", Source = "UC journal" });
        db.FactFindingDiscussions.Add(new FactFindingDiscussion { InvestigationId = ipr.Id, HeldOn = new DateOnly(2026, 2, 10), WithWhom = DiscussionWith, Role = "UC work coach", Notes = DiscussionNotes });
        db.AgreedActivities.AddRange(
            new AgreedActivity
            {
                Reference = reference.Replace("IPR", "ACT", StringComparison.Ordinal) + "1",
                Origin = ActivityOrigin.IprgAgreedActivity,
                Text = CompleteActivity,
                Order = 1,
                InvestigationId = ipr.Id,
                FindingId = finding.Id,
                OwnerTeamId = team.Id,
                ServiceLineId = uc.Id,
                DueOn = new DateOnly(2026, 6, 30),
                Status = ActivityStatus.Complete,
                Assurance = AssuranceGrade.Assured,
                LearningOutcome = CompleteOutcome,
            },
            new AgreedActivity
            {
                Reference = reference.Replace("IPR", "ACT", StringComparison.Ordinal) + "2",
                Origin = ActivityOrigin.IprgAgreedActivity,
                Text = OpenActivity,
                Order = 2,
                InvestigationId = ipr.Id,
                FindingId = finding.Id,
                OwnerTeamId = team.Id,
                ServiceLineId = uc.Id,
                DueOn = new DateOnly(2026, 9, 30),
                Status = ActivityStatus.InProgress,
                LearningOutcome = OpenOutcome,
            });
        await db.SaveChangesAsync();
        return ipr.Id;
    }
}

/// <summary>The IPR report (page, Word document, API), the case summary and the overview's activities, on the
/// database of the run.</summary>
public sealed class IprReportTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_report_page_is_marked_and_shows_summary_journey_findings_activities_and_outcomes()
    {
        var id = await app.WithDbAsync(db => ReportCase.CreateAsync(db, "IPR-2026-7001", InvestigationStage.Drafting));
        var investigator = await app.SignInAsync("investigator@demo.test");
        var page = await investigator.GetDocumentAsync($"/investigations/{id}/report");
        var main = page.QuerySelector("main")!.TextContent;

        Assert.Equal("Security marking: OFFICIAL-SENSITIVE", page.QuerySelector("#marking-top")!.TextContent.Trim());
        Assert.Equal("Security marking: OFFICIAL-SENSITIVE", page.QuerySelector("#marking-bottom")!.TextContent.Trim());
        Assert.Equal(7, page.QuerySelectorAll("nav[aria-labelledby=contents-title] a").Length);
        foreach (var link in page.QuerySelectorAll("nav[aria-labelledby=contents-title] a"))
        {
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")!.TrimStart('#')));
        }

        Assert.Equal($"/investigations/{id}/report.docx", page.QuerySelector("a[href$='report.docx']")!.GetAttribute("href"));
        Assert.Equal("page", page.QuerySelector(".moj-sub-navigation a[aria-current=page]")!.GetAttribute("aria-current"));
        Assert.Equal(2, page.QuerySelectorAll("#summary ~ p.govuk-body").Count(p => p.TextContent.Contains("call back three times", StringComparison.Ordinal) || p.TextContent.Contains("April to June", StringComparison.Ordinal)));

        // The journey in date order, with its line, channel and source.
        var journey = page.QuerySelector("#journey + table")!.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, journey.Count);
        Assert.Contains("14 April 2025", journey[0], StringComparison.Ordinal);
        Assert.Contains("UC journal", journey[0], StringComparison.Ordinal);
        Assert.Contains("Journal", journey[0], StringComparison.Ordinal);
        Assert.Contains("Personal Independence Payment", journey[1], StringComparison.Ordinal);

        // Discussions: how many, when and with what role; never the notes or the person's name.
        Assert.Contains("1 fact-finding discussion was held.", main, StringComparison.Ordinal);
        Assert.Contains("UC work coach", main, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportCase.DiscussionNotes, main, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportCase.DiscussionWith, main, StringComparison.Ordinal);

        Assert.Contains(ReportCase.Finding, main, StringComparison.Ordinal);
        Assert.Contains("Call-backs", main, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#learning ~ table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(ReportCase.CompleteActivity, StringComparison.Ordinal) && r.Contains("Complete", StringComparison.Ordinal) && r.Contains(ReportCase.CompleteOutcome, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(ReportCase.OpenActivity, StringComparison.Ordinal) && r.Contains("In progress", StringComparison.Ordinal));
        Assert.DoesNotContain(ReportCase.OpenOutcome, main, StringComparison.Ordinal);
        Assert.Contains(ReportCase.CaseOutcome, main, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.View && a.EntityId == id.ToString() && a.Changes != null && a.Changes.Contains("IPR report"))));

        var json = await (await investigator.GetAsync($"/api/v1/investigations/{id}/report")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("IPR-2026-7001", json.GetProperty("reference").GetString());
        Assert.Equal(2, json.GetProperty("journey").GetArrayLength());
        Assert.Equal("2025-04-14", json.GetProperty("journey")[0].GetProperty("occurredOn").GetString());
        Assert.Equal(1, json.GetProperty("discussionCount").GetInt32());
        Assert.False(json.GetProperty("discussions")[0].TryGetProperty("notes", out _));
        var activities = json.GetProperty("findings")[0].GetProperty("activities");
        Assert.Equal("Complete", activities[0].GetProperty("status").GetString());
        Assert.Equal(ReportCase.CompleteOutcome, activities[0].GetProperty("learningOutcome").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, activities[1].GetProperty("learningOutcome").ValueKind);
        Assert.Equal([ReportCase.CaseOutcome], json.GetProperty("learningOutcomes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_word_document_is_marked_in_header_and_footer_and_holds_the_findings()
    {
        var id = await app.WithDbAsync(db => ReportCase.CreateAsync(db, "IPR-2026-7002", InvestigationStage.Concluded));
        var investigator = await app.SignInAsync("investigator@demo.test");
        var response = await investigator.GetAsync($"/investigations/{id}/report.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(IprReportDocx.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("IPR-2026-7002-report.docx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.True(response.Headers.CacheControl!.NoStore);

        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = document.MainDocumentPart!;
        Assert.Contains("OFFICIAL-SENSITIVE", main.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
        Assert.Contains("OFFICIAL-SENSITIVE", main.FooterParts.Single().Footer!.InnerText, StringComparison.Ordinal);
        var body = main.Document!.Body!;
        Assert.Contains(ReportCase.Finding, body.InnerText, StringComparison.Ordinal);
        Assert.Contains(ReportCase.CompleteOutcome, body.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportCase.DiscussionNotes, body.InnerText, StringComparison.Ordinal);
        Assert.Equal("IPR-2026-7002-report.docx", new IprReport(id, "IPR-2026-7002", InvestigationStage.Concluded, "", null, null, null, null, null, null, null, null, [], null, [], [], [], [], [], false, null, [], default).FileName);
        var invalid = new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}").ToList();
        Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Export && a.EntityId == id.ToString())));
    }

    [Fact]
    public void The_word_document_uses_heading_styles_header_rows_and_arial_and_survives_any_text()
    {
        var contact = new ReportContact(new DateOnly(2025, 4, 1), "Universal Credit", ContactChannel.Telephone, "Telephone", "Called \u0001 about <b>&</b> \ud83d\ude00 a payment\u0000.", "Call recording");
        var activity = new ReportActivity(Guid.NewGuid(), "ACT-2026-0001", null, "UC to assure IPRG that \u000b call backs are made.", "UC", "Universal Credit", new DateOnly(2026, 6, 30), ActivityStatus.Complete, "Complete", "Tracked \ud800 daily.");
        var report = new IprReport(Guid.NewGuid(), "IPR-2026-0001", InvestigationStage.Concluded, "Concluded", InvestigationOutcome.LearningIdentified, "Learning identified",
            new DateOnly(2026, 1, 5), null, null, null, null, new DateOnly(2026, 3, 27), ["Universal Credit"], "First paragraph.\r\n\r\nSecond paragraph.",
            [contact], [new ReportDiscussion(new DateOnly(2026, 2, 1), "Work coach")],
            [new ReportFinding(Guid.NewGuid(), 1, "A call back was not made.", "Universal Credit", ["Contact"], [activity])], [], ["Reminders were sent."],
            true, null, [new ReportScrutiny(ScrutinyKind.SafeguardingAdultsReview, "Safeguarding Adults Review", new DateOnly(2026, 2, 2), null)], new DateOnly(2026, 4, 1));

        using var document = WordprocessingDocument.Open(new MemoryStream(IprReportDocx.Write(report)), false);
        var invalid = new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}").ToList();
        Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid));
        var main = document.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!;
        var heading1 = styles.Elements<Style>().Single(s => s.StyleId == "Heading1");
        Assert.Equal("heading 1", heading1.StyleName!.Val!.Value);
        Assert.Equal("heading 2", styles.Elements<Style>().Single(s => s.StyleId == "Heading2").StyleName!.Val!.Value);
        Assert.Equal("Arial", styles.DocDefaults!.Descendants<RunFonts>().Single().Ascii!.Value);

        var body = main.Document!.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["1. Case details", "2. Summary", "3. Customer journey", "4. Fact-finding discussions", "5. Learning identified and agreed activities", "6. Learning outcomes", "7. External scrutiny"], headings);
        Assert.Contains(body.Elements<Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2" && p.InnerText == "Finding 1 (Universal Credit)");
        Assert.All(body.Elements<Table>(), t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.Contains("Called  about <b>&</b> \ud83d\ude00 a payment.", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("Second paragraph.", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("Tracked  daily.", body.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_not_working_the_case_is_told_it_was_not_found_and_the_attempt_is_audited()
    {
        var id = await app.WithDbAsync(db => ReportCase.CreateAsync(db, "IPR-2026-7003", InvestigationStage.Drafting, investigatorEmail: null));
        var investigator = await app.SignInAsync("investigator@demo.test");
        await investigator.GetDocumentAsync($"/investigations/{id}/report", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.GetAsync($"/investigations/{id}/report.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.GetAsync($"/api/v1/investigations/{id}/report")).StatusCode);
        await investigator.GetDocumentAsync($"/investigations/{id}/summary", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.PutAsJsonAsync($"/api/v1/investigations/{id}/summary", new { summary = "Overwritten." })).StatusCode);
        Assert.Equal(5, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessRefused && a.EntityId == id.ToString())));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => (a.Action == AuditAction.View || a.Action == AuditAction.Export) && a.EntityId == id.ToString())));
        Assert.StartsWith("The customer asked", await app.WithDbAsync(db => db.Investigations.Where(i => i.Id == id).Select(i => i.Summary).SingleAsync()), StringComparison.Ordinal);

        // Triage works every case.
        var triage = await app.SignInAsync("triage@demo.test");
        await triage.GetDocumentAsync($"/investigations/{id}/report");
        Assert.Equal(HttpStatusCode.OK, (await triage.GetAsync($"/investigations/{id}/report.docx")).StatusCode);
    }

    [Fact]
    public async Task A_summary_saved_against_an_old_version_is_refused_on_the_page_and_in_the_api()
    {
        var id = await app.WithDbAsync(db => ReportCase.CreateAsync(db, "IPR-2026-7004", InvestigationStage.Drafting));
        var investigator = await app.SignInAsync("investigator@demo.test");
        var form = await investigator.GetFormAsync($"/investigations/{id}/summary");
        var stale = new Dictionary<string, string>(form.Fields);

        var saved = await investigator.PostAsync($"/investigations/{id}/summary", form.With("summary", "First version of the summary.").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var overview = await investigator.GetDocumentAsync($"/investigations/{id}");
        Assert.Contains("Case summary of IPR IPR-2026-7004 saved", overview.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("First version of the summary.", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector($"a[href='/investigations/{id}/summary']"));

        // A second edit made against the version read before the first was saved.
        var conflict = await (await investigator.PostAsync($"/investigations/{id}/summary",
            new FormValues(stale).With("summary", "Second version, written from an old copy.").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Someone else changed this IPR", conflict.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Second version, written from an old copy.", conflict.QuerySelector("#summary")!.TextContent);
        Assert.Contains("First version of the summary.", conflict.QuerySelector(".govuk-details")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("First version of the summary.", await app.WithDbAsync(db => db.Investigations.Where(i => i.Id == id).Select(i => i.Summary).SingleAsync()));

        var tooLong = await (await investigator.PostAsync($"/investigations/{id}/summary",
            (await investigator.GetFormAsync($"/investigations/{id}/summary")).With("summary", new string('a', 8001)).ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("8,000 characters or fewer", tooLong.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#summary", tooLong.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(8001, tooLong.QuerySelector("#summary")!.TextContent.Length);

        // The API: If-Match with the version read; a stale one answers 412 and changes nothing.
        var read = await investigator.GetAsync($"/api/v1/investigations/{id}");
        var etag = read.Headers.ETag!.Tag;
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/investigations/{id}/summary") { Content = JsonContent.Create(new { summary = "Third version, from the API." }) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var ok = await investigator.SendAsync(put);
        var body = await ok.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Third version, from the API.", body.GetProperty("summary").GetString());
        Assert.NotEqual(etag, ok.Headers.ETag!.Tag);

        var again = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/investigations/{id}/summary") { Content = JsonContent.Create(new { summary = "Fourth version, from an old copy." }) };
        again.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var refused = await (await investigator.SendAsync(again)).ReadJsonAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("changed by someone else", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var garbage = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/investigations/{id}/summary") { Content = JsonContent.Create(new { summary = "Fifth." }) };
        garbage.Headers.TryAddWithoutValidation("If-Match", "\"not-a-version\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await investigator.SendAsync(garbage)).StatusCode);
        Assert.Equal("Third version, from the API.", await app.WithDbAsync(db => db.Investigations.Where(i => i.Id == id).Select(i => i.Summary).SingleAsync()));

        var empty = await (await investigator.PutAsJsonAsync($"/api/v1/investigations/{id}/summary", new { summary = "  " })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter a summary of the case", empty.GetProperty("errors").GetProperty("summary")[0].GetString());

        // Not after the case concluded.
        var concluded = await app.WithDbAsync(db => ReportCase.CreateAsync(db, "IPR-2026-7005", InvestigationStage.Concluded));
        var late = await (await investigator.PutAsJsonAsync($"/api/v1/investigations/{concluded}/summary", new { summary = "Too late." })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("is concluded", late.GetProperty("errors").GetProperty("summary")[0].GetString(), StringComparison.Ordinal);
        var readOnly = await investigator.GetDocumentAsync($"/investigations/{concluded}/summary");
        Assert.Null(readOnly.QuerySelector("main form"));
        Assert.Null((await investigator.GetDocumentAsync($"/investigations/{concluded}")).QuerySelector($"a[href='/investigations/{concluded}/summary']"));
    }

    [Fact]
    public async Task The_overview_shows_each_findings_activities_with_their_status_and_the_learning_outcomes()
    {
        var id = await app.WithDbAsync(db => ReportCase.CreateAsync(db, "IPR-2026-7006", InvestigationStage.WithIprg));
        var investigator = await app.SignInAsync("investigator@demo.test");
        var page = await investigator.GetDocumentAsync($"/investigations/{id}");
        var card = page.QuerySelectorAll(".govuk-summary-card").Single(c => c.TextContent.Contains(ReportCase.Finding, StringComparison.Ordinal));
        var items = card.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains("ACT-2026-70061", items[0], StringComparison.Ordinal);
        Assert.Contains("Complete", items[0], StringComparison.Ordinal);
        Assert.Contains("Owner: UC. Counted under: Universal Credit. Due: 30 June 2026.", items[0], StringComparison.Ordinal);
        Assert.Contains(ReportCase.CompleteOutcome, items[0], StringComparison.Ordinal);
        Assert.Contains("In progress", items[1], StringComparison.Ordinal);
        Assert.DoesNotContain(ReportCase.OpenOutcome, items[1], StringComparison.Ordinal);
        Assert.Equal(["Complete", "In progress"], card.QuerySelectorAll(".govuk-tag").Select(t => t.TextContent));
        Assert.Contains(ReportCase.CaseOutcome, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The customer asked for a call back three times.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Change the case summary", page.QuerySelector($"a[href='/investigations/{id}/summary']")!.TextContent);

        // A concluded case from the publication: its activities shown under its findings, all complete.
        var demo = await app.WithDbAsync(db => db.Investigations.Where(i => i.Outcome == InvestigationOutcome.LearningIdentified && i.Stage == InvestigationStage.Concluded && i.ReferralId != null)
            .OrderBy(i => i.Reference).Select(i => i.Id).FirstAsync());
        var concluded = await investigator.GetDocumentAsync($"/investigations/{demo}");
        var tags = concluded.QuerySelectorAll(".govuk-summary-card").Where(c => c.TextContent.Contains("Agreed activities", StringComparison.Ordinal))
            .SelectMany(c => c.QuerySelectorAll(".govuk-tag")).ToList();
        Assert.NotEmpty(tags);
        Assert.All(tags, t => Assert.Equal("Complete", t.TextContent));
        var outcomes = await app.WithDbAsync(db => db.LearningOutcomes.Where(o => o.InvestigationId == demo).Select(o => o.Text).ToListAsync());
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.Contains(o, concluded.QuerySelector("main")!.TextContent, StringComparison.Ordinal));
    }
}
