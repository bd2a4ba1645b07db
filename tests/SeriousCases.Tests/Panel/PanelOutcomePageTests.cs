using System.Net;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The meeting's "Decisions and actions" page and the secretariat's forms: numbered lists, errors that say what
/// to fix with nothing entered lost, and the success banner naming the number the service gave.</summary>
public sealed class PanelOutcomePageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private Task<Guid> MeetingAsync(DateOnly on) =>
        app.WithDbAsync(db => db.PanelMeetings.Where(m => m.MeetingOn == on).Select(m => m.Id).SingleAsync());

    private static readonly DateOnly March = new(2020, 3, 19);

    [Fact]
    public async Task The_page_lists_numbered_decisions_and_action_points_with_their_progress_in_the_register()
    {
        var id = await MeetingAsync(March);
        var panel = await app.SignInAsync("panel@demo.test");
        var doc = await panel.GetDocumentAsync($"/panel/meetings/{id}/decisions");

        Assert.Equal("Decisions and actions", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("page", doc.QuerySelector($"a[href='/panel/meetings/{id}/decisions']")!.GetAttribute("aria-current"));
        Assert.StartsWith("Decision 1 – ", doc.QuerySelector("#decision-1 p")!.TextContent.Trim(), StringComparison.Ordinal);
        var ap1 = doc.QuerySelector("#ap-1")!;
        Assert.StartsWith("AP1: ", ap1.QuerySelector("td")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("CXD", ap1.TextContent, StringComparison.Ordinal);
        var apId = await app.WithDbAsync(db => db.AgreedActivities.Where(a => a.Reference == "SCP-20200319-AP1").Select(a => a.Id).SingleAsync());
        Assert.NotNull(ap1.QuerySelector($"a[href='/actions/{apId}']"));
        Assert.Contains("Review how ESA decision makers", doc.Body!.TextContent, StringComparison.Ordinal);
        // Members read; only the secretariat adds.
        Assert.Null(doc.QuerySelector($"a[href='/panel/meetings/{id}/action-points/new']"));
        var denied = await panel.GetAsync($"/panel/meetings/{id}/action-points/new");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/access-denied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await panel.GetAsync($"/panel/meetings/{Guid.NewGuid()}/decisions")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_adds_an_action_point_and_a_mistake_keeps_what_was_entered()
    {
        var id = await MeetingAsync(March);
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var page = await secretariat.GetDocumentAsync($"/panel/meetings/{id}/decisions");
        Assert.NotNull(page.QuerySelector($"a[href='/panel/meetings/{id}/action-points/new']"));

        var form = await secretariat.GetFormAsync($"/panel/meetings/{id}/action-points/new");
        var wrong = await secretariat.PostAsync($"/panel/meetings/{id}/action-points/new", form
            .With("text", "Bring the insight flow examples to the next meeting.").With("timescale", "By the next meeting")
            .With("dueOn.day", "31").With("dueOn.month", "2").With("dueOn.year", "2031").ToContent());
        var doc = await wrong.ReadDocumentAsync(HttpStatusCode.BadRequest);
        var summary = doc.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Select the team that owns the activity", summary, StringComparison.Ordinal);
        Assert.Contains("The due date must be a real date", summary, StringComparison.Ordinal);
        Assert.Equal("Bring the insight flow examples to the next meeting.", doc.QuerySelector("#text")!.TextContent);
        Assert.Equal("By the next meeting", doc.QuerySelector("#timescale")!.GetAttribute("value"));
        Assert.Equal("31", doc.QuerySelector("#dueOn-day")!.GetAttribute("value"));
        // Nothing was added while the date could not be read, even though a timescale alone would do.
        Assert.False(await app.WithDbAsync(db => db.AgreedActivities.AnyAsync(a => a.Text == "Bring the insight flow examples to the next meeting.")));

        form = await secretariat.GetFormAsync($"/panel/meetings/{id}/action-points/new");
        var due = Today.AddDays(40);
        var saved = await secretariat.PostAsync($"/panel/meetings/{id}/action-points/new", form
            .With("text", "Bring the insight flow examples to the next meeting.").With("owner", "CXD").With("timescale", "By the next meeting")
            .With("dueOn.day", due.Day.ToString()).With("dueOn.month", due.Month.ToString()).With("dueOn.year", due.Year.ToString()).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/panel/meetings/{id}/decisions", saved.Headers.Location?.OriginalString);
        var after = await secretariat.GetDocumentAsync($"/panel/meetings/{id}/decisions");
        Assert.Equal("Action point AP8 added", after.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Contains("By the next meeting", after.QuerySelector("#ap-8")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recommendation_without_its_accountable_director_general_is_refused_and_a_decision_can_commission_work()
    {
        var id = await MeetingAsync(new DateOnly(2020, 7, 2));
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var due = Today.AddDays(90);

        var form = await secretariat.GetFormAsync($"/panel/meetings/{id}/recommendations/new");
        var refused = await secretariat.PostAsync($"/panel/meetings/{id}/recommendations/new", form
            .With("text", "Agree one approach to additional needs.").With("owner", "CXD").With("contributors", "UC")
            .With("dueOn.day", due.Day.ToString()).With("dueOn.month", due.Month.ToString()).With("dueOn.year", due.Year.ToString()).ToContent());
        var doc = await refused.ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Error: Enter the Director General or committee accountable for the recommendation", doc.QuerySelector("#directorGeneral-error")!.TextContent.Trim());
        Assert.Equal("#directorGeneral", doc.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("Agree one approach to additional needs.", doc.QuerySelector("#text")!.TextContent);
        Assert.NotNull(doc.QuerySelector("input[name=contributors][value=UC][checked]"));

        form = await secretariat.GetFormAsync($"/panel/meetings/{id}/recommendations/new");
        var saved = await secretariat.PostAsync($"/panel/meetings/{id}/recommendations/new", form
            .With("text", "Agree one approach to additional needs.").With("owner", "CXD").With("directorGeneral", "Director General, Service Excellence")
            .With("dueOn.day", due.Day.ToString()).With("dueOn.month", due.Month.ToString()).With("dueOn.year", due.Year.ToString()).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var banner = (await secretariat.GetDocumentAsync($"/panel/meetings/{id}/decisions")).QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim();
        Assert.Equal("Recommendation R3 added", banner);

        form = await secretariat.GetFormAsync($"/panel/meetings/{id}/decisions/new");
        var noWork = await secretariat.PostAsync($"/panel/meetings/{id}/decisions/new", form
            .With("text", "The Panel commissioned a review of safeguarding leads.").With("agendaItem", "3").With("commissionsWork", "yes").ToContent());
        doc = await noWork.ReadDocumentAsync(HttpStatusCode.BadRequest);
        var summary = doc.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter the Director General or committee accountable for the commissioned work", summary, StringComparison.Ordinal);
        Assert.Contains("Select the team that owns the activity", summary, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#commissionsWork[checked]"));
        Assert.NotNull(doc.QuerySelector("#agendaItem option[value='3'][selected]"));

        form = await secretariat.GetFormAsync($"/panel/meetings/{id}/decisions/new");
        saved = await secretariat.PostAsync($"/panel/meetings/{id}/decisions/new", form
            .With("text", "The Panel commissioned a review of safeguarding leads.").With("agendaItem", "3").With("commissionsWork", "yes")
            .With("owner", "CXD").With("directorGeneral", "Director General, Service Excellence")
            .With("dueOn.day", due.Day.ToString()).With("dueOn.month", due.Month.ToString()).With("dueOn.year", due.Year.ToString()).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await secretariat.GetDocumentAsync($"/panel/meetings/{id}/decisions");
        Assert.Equal("Decision 5 added, and its work to the action register as SCP-20200702-D5", page.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.StartsWith("Decision 5 – The Panel commissioned", page.QuerySelector("#decision-5 p")!.TextContent.Trim(), StringComparison.Ordinal);
        var work = await app.WithDbAsync(db => db.AgreedActivities.Include(a => a.PanelDecision).SingleAsync(a => a.Reference == "SCP-20200702-D5"));
        Assert.Equal(ActivityOrigin.PanelDecisionWork, work.Origin);
        Assert.Equal(5, work.PanelDecision!.Number);
    }
}
