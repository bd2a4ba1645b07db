using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>IPRG review sessions: scheduling, the agenda of cases with the group, and what may not go on it.</summary>
public sealed class IprgSessionTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private Task<Guid> CaseAsync(string reference, InvestigationStage stage) =>
        app.WithDbAsync(async db =>
        {
            var ipr = new Investigation { Reference = reference, Stage = stage, SentToIprgOn = stage == InvestigationStage.WithIprg ? new DateOnly(2026, 11, 20) : null };
            db.Investigations.Add(ipr);
            await db.SaveChangesAsync();
            return ipr.Id;
        });

    private static string InDays(int days) => UkTime.Today(TimeProvider.System).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_session_is_scheduled_and_cases_with_the_group_go_on_its_agenda()
    {
        var ready = await CaseAsync("IPR-2026-9101", InvestigationStage.WithIprg);
        var drafting = await CaseAsync("IPR-2026-9102", InvestigationStage.Drafting);
        var iprg = await app.SignInAsync("iprg@demo.test");

        var bad = await (await iprg.PostAsJsonAsync("/api/v1/iprg/sessions", new { notes = new string('x', 4001) })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter the date of the session", bad.GetProperty("errors").GetProperty("heldOn")[0].GetString());
        Assert.Contains("4,000 characters or fewer", bad.GetProperty("errors").GetProperty("notes")[0].GetString(), StringComparison.Ordinal);

        var session = await (await iprg.PostAsJsonAsync("/api/v1/iprg/sessions", new { heldOn = InDays(14), notes = "Room 2" })).ReadJsonAsync(HttpStatusCode.Created);
        var id = session.GetProperty("id").GetGuid();
        var twice = await (await iprg.PostAsJsonAsync("/api/v1/iprg/sessions", new { heldOn = InDays(14) })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already a session on", twice.GetProperty("errors").GetProperty("heldOn")[0].GetString(), StringComparison.Ordinal);

        var notReady = await (await iprg.PostAsJsonAsync($"/api/v1/iprg/sessions/{id}/cases", new { investigationId = drafting })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("only a case with the IPRG can go on a session", notReady.GetProperty("errors").GetProperty("investigationId")[0].GetString(), StringComparison.Ordinal);

        var agenda = await (await iprg.PostAsJsonAsync($"/api/v1/iprg/sessions/{id}/cases", new { investigationId = ready })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("IPR-2026-9101", agenda.GetProperty("cases")[0].GetProperty("reference").GetString());
        await (await iprg.PostAsJsonAsync($"/api/v1/iprg/sessions/{id}/cases", new { investigationId = ready })).ReadJsonAsync(HttpStatusCode.BadRequest);

        // The cases list says when each case will be heard.
        var list = await iprg.GetDocumentAsync("/iprg");
        var row = list.QuerySelector($"a[href='/iprg/{ready}']")!.Closest("tr")!;
        Assert.Contains(UkTime.Format(DateOnly.Parse(InDays(14))), row.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "IprgSessionCase" && a.Action == Core.Audit.AuditAction.Create)));
    }

    [Fact]
    public async Task The_session_pages_keep_what_was_typed_and_take_a_case_off_until_it_is_reviewed()
    {
        var ready = await CaseAsync("IPR-2026-9201", InvestigationStage.WithIprg);
        var iprg = await app.SignInAsync("iprg@demo.test");
        var form = await iprg.GetFormAsync("/iprg/sessions/new");
        var page = await (await iprg.PostAsync("/iprg/sessions/new", form.With("heldOn.day", "31").With("heldOn.month", "2").With("heldOn.year", "2027").With("notes", "Video call").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#heldOn-day']"));
        Assert.Equal("Video call", page.QuerySelector("#notes")!.TextContent);
        Assert.Equal("31", page.QuerySelector("#heldOn-day")!.GetAttribute("value"));

        var date = DateOnly.Parse(InDays(21));
        var created = await iprg.PostAsync("/iprg/sessions/new", form.With("heldOn.day", date.Day.ToString()).With("heldOn.month", date.Month.ToString()).With("heldOn.year", date.Year.ToString()).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;

        var add = await iprg.GetFormAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, (await iprg.PostAsync(url, add.ToContent())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await iprg.PostAsync(url, add.With("investigationId", ready.ToString()).ToContent())).StatusCode);
        var session = await iprg.GetDocumentAsync(url);
        Assert.NotNull(session.QuerySelector($"a[href='/iprg/{ready}']"));

        // Once the group has reviewed the case it stays on the session's record.
        await app.WithDbAsync(async db =>
        {
            var ipr = await db.Investigations.SingleAsync(i => i.Id == ready);
            ipr.IprgReviewedOn = new DateOnly(2026, 11, 30);
            return await db.SaveChangesAsync();
        });
        var remove = await iprg.GetFormAsync(url);
        var refused = await (await iprg.PostAsync($"{url}?handler=Remove", remove.With("investigationId", ready.ToString()).ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("stays on the session's record", refused.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("investigator@demo.test")]
    [InlineData("panel@demo.test")]
    public async Task Only_the_group_works_its_sessions(string email)
    {
        var other = await app.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/iprg/sessions", new { heldOn = InDays(7) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v1/iprg/sessions")).StatusCode);
    }
}
