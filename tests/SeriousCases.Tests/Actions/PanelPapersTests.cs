using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Actions;

/// <summary>Two Panel meetings of our own (one held 100 days ago, one planned in 10 days) and the Panel items and
/// activities the papers must place: open, overdue and re-planned, flagged by the ladder, completed since the last
/// meeting, completed long ago, closed, agreed at the planned meeting itself, and IPRG activities flagged or not.
/// References are unique to the prefix, so the demo data and other tests never disturb the assertions.</summary>
internal sealed record PaperCase(Guid Held, Guid Planned, string Prefix, string Dg, string MinistersDg)
{
    public const string OpenUpdate = "Baselining guidance on safeguarding is under way.";
    public const string ReplanReason = "Covid-19 easements paused the work.";
    public const string Evidence = "The plan was agreed with the Target Operating Model board.";
    public const string Outcome = "Short, medium and long-term options are now scheduled.";

    public string Ref(string suffix) => $"{Prefix}-{suffix}";

    public static async Task<PaperCase> CreateAsync(SeriousCasesDbContext db, string prefix, string act, MeetingStatus plannedStatus = MeetingStatus.Planned)
    {
        var today = UkTime.Today(TimeProvider.System);
        var dg = $"Director General for Service Excellence {prefix}";
        var ministersDg = $"Director General for Change {prefix}";
        var cxd = await db.OwnerTeams.SingleAsync(t => t.ShortName == "CXD");
        var uc = await db.OwnerTeams.SingleAsync(t => t.ShortName == "UC");
        var panelStep = await db.EscalationSteps.SingleAsync(s => s.Code == "PANEL");
        var ministersStep = await db.EscalationSteps.SingleAsync(s => s.Code == "MINISTERS");
        var decision = new PanelDecision { Number = 3, AgendaItemNumber = 3, Text = "The Panel agreed to explore transformation opportunities." };
        var held = new PanelMeeting { MeetingOn = today.AddDays(-100), Format = MeetingFormat.Virtual, Status = MeetingStatus.Held, Decisions = [decision] };
        var planned = new PanelMeeting { MeetingOn = today.AddDays(10), Format = MeetingFormat.InPerson, Status = plannedStatus };
        db.PanelMeetings.AddRange(held, planned);

        AgreedActivity Panel(string suffix, ActivityOrigin origin, int? number, string text) => new()
        {
            Reference = $"{prefix}-{suffix}",
            Origin = origin,
            Number = number,
            Order = number ?? 0,
            Text = text,
            PanelMeeting = held,
            OwnerTeamId = cxd.Id,
            AccountableDirectorGeneral = dg,
            Priority = ActivityPriority.High,
        };

        var open = Panel("AP1", ActivityOrigin.PanelActionPoint, 1, "Share examples of how insight flows through the governance.");
        open.ResponsiblePerson = "Customer Experience Deputy Director";
        open.Status = ActivityStatus.InProgress;
        open.FirstDueOn = open.DueOn = today.AddDays(30);

        var overdue = Panel("AP2", ActivityOrigin.PanelActionPoint, 2, "Lead a cross-cutting assessment of stopping payments.");
        overdue.Status = ActivityStatus.InProgress;
        overdue.FirstDueOn = today.AddDays(-90);
        overdue.DueOn = today.AddDays(-60);

        var assured = Panel("D3", ActivityOrigin.PanelDecisionWork, null, "Produce a plan of short, medium and long-term improvement options.");
        assured.PanelDecision = decision;
        assured.Status = ActivityStatus.Complete;
        assured.Assurance = AssuranceGrade.Assured;
        assured.CompletedOn = assured.ReportedCompleteOn = today.AddDays(-8);
        assured.AssuredOn = today.AddDays(-5);
        assured.EvidenceOfCompletion = Evidence;
        assured.LearningOutcome = Outcome;

        var reported = Panel("AP4", ActivityOrigin.PanelActionPoint, 4, "Start a cross-government dialogue on adult safeguarding.");
        reported.Status = ActivityStatus.Complete;
        reported.CompletedOn = reported.ReportedCompleteOn = today.AddDays(-3);
        reported.EvidenceOfCompletion = "Terms agreed with the Department of Health and Social Care.";

        var longAgo = Panel("AP5", ActivityOrigin.PanelActionPoint, 5, "Set timescales for the work in light of Covid-19.");
        longAgo.Status = ActivityStatus.Complete;
        longAgo.Assurance = AssuranceGrade.Assured;
        longAgo.CompletedOn = longAgo.ReportedCompleteOn = longAgo.AssuredOn = today.AddDays(-150);

        var closed = Panel("AP6", ActivityOrigin.PanelActionPoint, 6, "Develop best practice guidance on customer consent.");
        closed.Status = ActivityStatus.ClosedWithoutCompletion;
        closed.ClosedReason = "Superseded by new guidance.";

        var atPlanned = Panel("AP7", ActivityOrigin.PanelActionPoint, 7, "An action point of the planned meeting itself.");
        atPlanned.PanelMeeting = planned;

        var stalled = Panel("R1", ActivityOrigin.PanelRecommendation, 1, "Join up support for vulnerable customers across benefits.");
        stalled.AccountableDirectorGeneral = ministersDg;
        stalled.Status = ActivityStatus.NotStarted;
        stalled.FirstDueOn = stalled.DueOn = today.AddDays(-130);

        var iprgFlagged = new AgreedActivity
        {
            Reference = $"{act}1",
            Origin = ActivityOrigin.IprgAgreedActivity,
            Text = "UC to assure IPRG that call backs are made when requested.",
            OwnerTeamId = uc.Id,
            Status = ActivityStatus.InProgress,
            FirstDueOn = today.AddDays(-70),
            DueOn = today.AddDays(-70),
        };
        var iprgQuiet = new AgreedActivity
        {
            Reference = $"{act}2",
            Origin = ActivityOrigin.IprgAgreedActivity,
            Text = "UC to assure IPRG they will remind colleagues of the journal.",
            OwnerTeamId = uc.Id,
            Status = ActivityStatus.InProgress,
            FirstDueOn = today.AddDays(-20),
            DueOn = today.AddDays(-20),
        };
        db.AgreedActivities.AddRange(open, overdue, assured, reported, longAgo, closed, atPlanned, stalled, iprgFlagged, iprgQuiet);
        await db.SaveChangesAsync();

        var at = TimeProvider.System.GetUtcNow().UtcDateTime;
        db.ActivityUpdates.Add(new ActivityUpdate { AgreedActivityId = open.Id, Kind = ActivityEventKind.Progress, At = at.AddDays(-2), ByName = "Sam Secretariat", Note = OpenUpdate });
        db.ActivityUpdates.Add(new ActivityUpdate { AgreedActivityId = open.Id, Kind = ActivityEventKind.Progress, At = at.AddDays(-20), ByName = "Sam Secretariat", Note = "An older update." });
        db.ActivityUpdates.Add(new ActivityUpdate { AgreedActivityId = overdue.Id, Kind = ActivityEventKind.Progress, At = at.AddDays(-95), ByName = "Sam Secretariat", Note = "Started the assessment." });
        db.DueDateChanges.Add(new DueDateChange { AgreedActivityId = overdue.Id, FromDueOn = today.AddDays(-90), ToDueOn = today.AddDays(-60), Reason = ReplanReason, At = at.AddDays(-91), ByName = "Sam Secretariat" });
        db.ActivityEscalations.AddRange(
            new ActivityEscalation { AgreedActivityId = overdue.Id, EscalationStepId = panelStep.Id, DueOn = today.AddDays(-60), RaisedOn = today.AddDays(-4) },
            // Raised for the first due date: the re-plan started the ladder again, so it no longer counts.
            new ActivityEscalation { AgreedActivityId = overdue.Id, EscalationStepId = ministersStep.Id, DueOn = today.AddDays(-90), RaisedOn = today.AddDays(-80) },
            new ActivityEscalation { AgreedActivityId = iprgFlagged.Id, EscalationStepId = panelStep.Id, DueOn = today.AddDays(-70), RaisedOn = today.AddDays(-14) },
            new ActivityEscalation { AgreedActivityId = stalled.Id, EscalationStepId = panelStep.Id, DueOn = today.AddDays(-130), RaisedOn = today.AddDays(-74) },
            new ActivityEscalation { AgreedActivityId = stalled.Id, EscalationStepId = ministersStep.Id, DueOn = today.AddDays(-130), RaisedOn = today.AddDays(-18) });
        await db.SaveChangesAsync();
        return new PaperCase(held.Id, planned.Id, prefix, dg, ministersDg);
    }
}

/// <summary>The actions update and the ministers' update: contents, pages, Word documents and who may see them.</summary>
public sealed class PanelPapersTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private async Task<T> WithPapersAsync<T>(Func<PanelPapersService, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PanelPapersService>());
    }

    [Fact]
    public async Task The_actions_update_places_every_item_in_progress_overdue_or_completed_since_the_last_meeting()
    {
        var c = await app.WithDbAsync(db => PaperCase.CreateAsync(db, "SCP-9501", "ACT-2026-950"));
        var today = UkTime.Today(TimeProvider.System);
        var paper = await WithPapersAsync(p => p.ActionsUpdateAsync(c.Planned, CancellationToken.None));

        // Other tests' held meetings may share the date: the previous meeting is known by its date.
        Assert.Equal(today.AddDays(-100), paper.Since!.MeetingOn);
        Assert.Equal(today, paper.AsAt);
        var progress = paper.Progress.Where(i => i.Reference.StartsWith(c.Prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([c.Ref("AP1"), c.Ref("AP2"), c.Ref("R1")], progress.Select(i => i.Reference).Order(StringComparer.Ordinal));
        // The minutes' order: recommendations, then action points by number.
        Assert.Equal([c.Ref("R1"), c.Ref("AP1"), c.Ref("AP2")], progress.Select(i => i.Reference));

        var open = progress.Single(i => i.Reference == c.Ref("AP1"));
        Assert.Equal($"AP1, {UkTime.Format(today.AddDays(-100))}", open.Label);
        Assert.Equal("CXD", open.Owner);
        Assert.Equal("Customer Experience Deputy Director", open.ResponsiblePerson);
        Assert.Equal(c.Dg, open.DirectorGeneral);
        Assert.Equal("In progress", open.StateText);
        Assert.Equal(PaperCase.OpenUpdate, open.LatestUpdate!.Text);
        Assert.False(open.Replanned);

        var late = progress.Single(i => i.Reference == c.Ref("AP2"));
        Assert.True(late.Replanned);
        Assert.Equal(today.AddDays(-90), late.FirstDueOn);
        Assert.Equal(today.AddDays(-60), late.DueOn);
        Assert.Equal(PaperCase.ReplanReason, late.Replan!.Text);
        Assert.Contains("re-planned because: " + PaperCase.ReplanReason, PanelPapersDocx.DueText(late), StringComparison.Ordinal);
        Assert.Contains($"first due {UkTime.Format(today.AddDays(-90))}", PanelPapersDocx.DueText(late), StringComparison.Ordinal);

        // Overdue and why: Panel items and the IPRG activity the ladder's PANEL step flagged; not the unflagged one.
        var overdue = paper.Overdue.Where(o => o.Item.Reference.StartsWith(c.Prefix, StringComparison.Ordinal) || o.Item.Reference.StartsWith("ACT-2026-950", StringComparison.Ordinal)).ToList();
        Assert.Equal([c.Ref("R1"), "ACT-2026-9501", c.Ref("AP2")], overdue.Select(o => o.Item.Reference));
        var ap2 = overdue.Single(o => o.Item.Reference == c.Ref("AP2"));
        Assert.Equal(60, ap2.DaysOverdue);
        Assert.Equal($"Re-planned on {UkTime.Format(DateOnly.FromDateTime(UkTime.ToUk(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-91))))}: {PaperCase.ReplanReason}", ap2.Why);
        Assert.Equal(today.AddDays(-4), ap2.FlaggedOn);
        var iprg = overdue.Single(o => o.Item.Reference == "ACT-2026-9501");
        Assert.True(iprg.Flagged);
        Assert.Equal(70, iprg.DaysOverdue);
        Assert.Equal("No update or reason recorded", iprg.Why);
        Assert.DoesNotContain(paper.Progress, i => i.Reference == "ACT-2026-9501");
        Assert.DoesNotContain(paper.Overdue, o => o.Item.Reference == "ACT-2026-9502");

        // Completed since the last meeting: the assured decision's work and the reported action point; not AP5
        // (assured before the last meeting), not the closed AP6, not AP7 (agreed at this meeting).
        var completed = paper.Completed.Where(i => i.Item.Reference.StartsWith(c.Prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([c.Ref("D3"), c.Ref("AP4")], completed.Select(x => x.Item.Reference));
        var d3 = completed[0];
        Assert.True(d3.Assured);
        Assert.Equal(today.AddDays(-5), d3.On);
        Assert.Equal(PaperCase.Evidence, d3.Evidence);
        Assert.Equal(PaperCase.Outcome, d3.Outcome);
        Assert.Equal($"Decision 3, {UkTime.Format(today.AddDays(-100))}", d3.Item.Label);
        Assert.Equal("Reported complete, awaiting assurance", completed[1].HowText);
        foreach (var suffix in new[] { "AP5", "AP6", "AP7" })
        {
            Assert.DoesNotContain(paper.Progress, i => i.Reference == c.Ref(suffix));
            Assert.DoesNotContain(paper.Completed, i => i.Item.Reference == c.Ref(suffix));
        }

        // The planned meeting is the default; for the held meeting nothing of ours was agreed earlier.
        Assert.Equal(c.Planned, (await WithPapersAsync(p => p.DefaultMeetingAsync(CancellationToken.None)))!.Id);
        var earlier = await WithPapersAsync(p => p.ActionsUpdateAsync(c.Held, CancellationToken.None));
        Assert.DoesNotContain(earlier.Progress, i => i.Reference.StartsWith(c.Prefix, StringComparison.Ordinal));
        Assert.DoesNotContain(earlier.Completed, i => i.Item.Reference.StartsWith(c.Prefix, StringComparison.Ordinal));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => WithPapersAsync(p => p.ActionsUpdateAsync(Guid.NewGuid(), CancellationToken.None)));

        // The demo minutes: AP2 of 19 March 2020 was completed on 2 July 2020, the meeting that took Paper 1.
        var july = await app.WithDbAsync(db => db.PanelMeetings.Where(m => m.MeetingOn == new DateOnly(2020, 7, 2)).Select(m => m.Id).SingleAsync());
        var paper1 = await WithPapersAsync(p => p.ActionsUpdateAsync(july, CancellationToken.None));
        Assert.Contains(paper1.Completed, x => x.Item.Reference == "SCP-20200319-AP2");
        Assert.Contains(paper1.Progress, i => i.Reference == "SCP-20200319-AP3" && i.Label == "AP3, 19 March 2020");
    }

    [Fact]
    public async Task The_ministers_update_counts_by_director_general_and_only_assured_counts_as_complete()
    {
        var c = await app.WithDbAsync(db => PaperCase.CreateAsync(db, "SCP-9502", "ACT-2026-951", MeetingStatus.Held));
        var update = await WithPapersAsync(p => p.MinistersUpdateAsync(CancellationToken.None));

        // AP1 on track; AP2 overdue; D3 complete; AP4 awaiting assurance; AP5 complete; AP6 closed; AP7 on track (no date).
        Assert.Equal(new DirectorGeneralLine(c.Dg, 7, 2, 1, 1, 2, 1), update.Lines.Single(l => l.DirectorGeneral == c.Dg));
        Assert.Equal(new DirectorGeneralLine(c.MinistersDg, 1, 0, 1, 0, 0, 0), update.Lines.Single(l => l.DirectorGeneral == c.MinistersDg));
        Assert.Equal(update.Lines.Sum(l => l.Agreed), update.Totals.Agreed);
        Assert.Equal(update.Lines.Sum(l => l.Completed), update.Totals.Completed);
        Assert.All(update.Lines, l => Assert.Equal(l.Agreed, l.OnTrack + l.Overdue + l.AwaitingAssurance + l.Completed + l.Closed));
        var panelItems = await app.WithDbAsync(db => db.AgreedActivities.CountAsync(a =>
            a.Origin == ActivityOrigin.PanelRecommendation || a.Origin == ActivityOrigin.PanelActionPoint || a.Origin == ActivityOrigin.PanelDecisionWork));
        Assert.Equal(panelItems, update.Totals.Agreed);
        Assert.Equal(MinistersUpdate.NoDirectorGeneral, update.Lines[^1].DirectorGeneral);

        // Flagged by the MINISTERS step for the current due date only: R1, not AP2 (flagged for its first date).
        var flagged = update.Flagged.Where(f => f.Item.Reference.StartsWith(c.Prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([c.Ref("R1")], flagged.Select(f => f.Item.Reference));
        Assert.Equal(130, flagged[0].Item.DaysOverdue);
        Assert.Equal(c.MinistersDg, flagged[0].Item.DirectorGeneral);
    }

    [Fact]
    public async Task The_papers_are_pages_and_word_documents_marked_official_sensitive_for_the_right_people()
    {
        var c = await app.WithDbAsync(db => PaperCase.CreateAsync(db, "SCP-9503", "ACT-2026-952", MeetingStatus.Held));
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var page = await secretariat.GetDocumentAsync($"/actions/papers/actions-update?meeting={c.Planned}");
        Assert.Equal("Security marking: OFFICIAL-SENSITIVE", page.QuerySelector("#marking-top")!.TextContent.Trim());
        Assert.Equal("Security marking: OFFICIAL-SENSITIVE", page.QuerySelector("#marking-bottom")!.TextContent.Trim());
        Assert.Equal(c.Planned.ToString(), page.QuerySelector("#meeting option[selected]")!.GetAttribute("value"));
        Assert.Contains(PaperCase.OpenUpdate, page.GetElementById($"progress-{c.Ref("AP1")}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Yes, on", page.GetElementById($"overdue-{c.Ref("AP2")}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(PaperCase.Evidence, page.GetElementById($"completed-{c.Ref("D3")}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/actions/papers/actions-update.docx?meeting={c.Planned}", page.QuerySelector("a[href*='actions-update.docx']")!.GetAttribute("href"));

        var response = await secretariat.GetAsync($"/actions/papers/actions-update.docx?meeting={c.Planned}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PanelPapersDocx.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var today = UkTime.Today(TimeProvider.System);
        Assert.Equal($"actions-update-{today.AddDays(10):yyyy-MM-dd}.docx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false))
        {
            var invalid = new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} at {e.Path?.XPath}").ToList();
            Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid));
            var main = document.MainDocumentPart!;
            Assert.Contains("OFFICIAL-SENSITIVE", main.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
            Assert.Contains("OFFICIAL-SENSITIVE", main.FooterParts.Single().Footer!.InnerText, StringComparison.Ordinal);
            var body = main.Document!.Body!;
            Assert.Equal(["1. Progress on recommendations, action points and decisions", "2. Overdue and why", "3. Completed since the last meeting"],
                body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText));
            Assert.Contains(PaperCase.OpenUpdate, body.InnerText, StringComparison.Ordinal);
            Assert.Contains(PaperCase.ReplanReason, body.InnerText, StringComparison.Ordinal);
            Assert.Contains(PaperCase.Outcome, body.InnerText, StringComparison.Ordinal);
            Assert.All(body.Elements<Table>(), t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()));
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Export && a.EntityId == c.Planned.ToString())));

        // Panel members read the aggregate ministers' update, never the actions update.
        var panel = await app.SignInAsync("panel@demo.test");
        var refused = await panel.GetAsync("/actions/papers/actions-update");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden
            || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("/access-denied", StringComparison.Ordinal)),
            $"{(int)refused.StatusCode} {refused.Headers.Location}");
        var ministers = await panel.GetDocumentAsync("/actions/papers/ministers-update");
        Assert.Equal("Security marking: OFFICIAL-SENSITIVE", ministers.QuerySelector("#marking-top")!.TextContent.Trim());
        Assert.Contains(c.Ref("R1"), ministers.GetElementById($"flagged-{c.Ref("R1")}")!.TextContent, StringComparison.Ordinal);
        Assert.Null(ministers.QuerySelector("a[href='/actions/papers/actions-update']"));
        var docx = await panel.GetAsync("/actions/papers/ministers-update.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            Assert.Contains("OFFICIAL-SENSITIVE", document.MainDocumentPart!.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
            Assert.Contains(c.MinistersDg, document.MainDocumentPart.Document!.Body!.InnerText, StringComparison.Ordinal);
        }
    }
}
