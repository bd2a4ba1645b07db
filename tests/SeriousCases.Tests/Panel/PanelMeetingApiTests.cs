using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The Panel meetings API on the database under test: the list and one meeting with its numbered decisions and
/// action points, adding them (the number is the service's, in the answer), problems naming the field, and who may.</summary>
public sealed class PanelMeetingApiTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private Task<Guid> MeetingIdAsync(DateOnly on) =>
        app.WithDbAsync(db => db.PanelMeetings.Where(m => m.MeetingOn == on).Select(m => m.Id).SingleAsync());

    private Task<Guid> NewMeetingAsync(DateOnly on) =>
        app.WithDbAsync(async db =>
        {
            var meeting = new PanelMeeting { MeetingOn = on, Format = MeetingFormat.Hybrid, AgendaItems = [new AgendaItem { Number = 1, Title = "Welcome" }] };
            db.PanelMeetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

    private static string Error(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task The_meetings_are_listed_by_year_and_a_meeting_has_its_numbered_decisions_and_action_points()
    {
        var panel = await app.SignInAsync("panel@demo.test");

        var all = await (await panel.GetAsync("/api/v1/panel/meetings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(all.EnumerateArray(), m => m.GetProperty("meetingOn").GetString() == "2020-03-19");
        var year = await (await panel.GetAsync("/api/v1/panel/meetings?year=2020-21")).ReadJsonAsync(HttpStatusCode.OK);
        var july = Assert.Single(year.EnumerateArray());
        Assert.Equal("2020-07-02", july.GetProperty("meetingOn").GetString());
        Assert.True(july.TryGetProperty("format", out _) && july.TryGetProperty("status", out _) && july.TryGetProperty("chair", out _));
        var badYear = await (await panel.GetAsync("/api/v1/panel/meetings?year=2020")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter the year as the department writes it, for example 2020-21", Error(badYear, "year"));

        var march = await (await panel.GetAsync($"/api/v1/panel/meetings/{await MeetingIdAsync(new DateOnly(2020, 3, 19))}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Enumerable.Range(1, 7), march.GetProperty("actionPoints").EnumerateArray().Select(a => a.GetProperty("number").GetInt32()).Take(7));
        var ap1 = march.GetProperty("actionPoints")[0];
        Assert.Equal("SCP-20200319-AP1", ap1.GetProperty("reference").GetString());
        Assert.Equal("CXD", ap1.GetProperty("ownerTeam").GetString());
        Assert.True(ap1.TryGetProperty("status", out _) && ap1.TryGetProperty("timescale", out _) && ap1.TryGetProperty("responsiblePerson", out _));
        Assert.Equal([1, 2], march.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("number").GetInt32()).Take(2));
        Assert.True(march.GetProperty("decisions")[0].TryGetProperty("agendaItem", out _));
        Assert.NotEmpty(march.GetProperty("agendaItems").EnumerateArray());
        Assert.NotEmpty(march.GetProperty("papers").EnumerateArray());
        Assert.NotEmpty(march.GetProperty("attendance").EnumerateArray());
        Assert.True(march.TryGetProperty("recommendations", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await panel.GetAsync($"/api/v1/panel/meetings/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_adds_a_decision_and_an_action_point_and_the_service_gives_the_number()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var meeting = await NewMeetingAsync(new DateOnly(2027, 1, 14));
        var cxd = await app.WithDbAsync(db => db.OwnerTeams.Where(t => t.ShortName == "CXD").Select(t => t.Id).SingleAsync());

        var decisionResponse = await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/decisions", new { text = "The Panel agreed its forward look.", agendaItem = 1, number = 99 });
        var decision = await decisionResponse.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, decision.GetProperty("number").GetInt32());
        Assert.Equal($"/api/v1/panel/meetings/{meeting}/decisions/1", decisionResponse.Headers.Location?.OriginalString);
        var again = await (await secretariat.GetAsync(decisionResponse.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("The Panel agreed its forward look.", again.GetProperty("text").GetString());

        var apResponse = await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/action-points", new
        {
            text = "Bring examples of insight flowing through governance.",
            ownerTeamId = cxd,
            responsiblePerson = "Deputy Director, Customer Experience",
            timescale = "By the next meeting",
            dueOn = Today.AddDays(60).ToString("yyyy-MM-dd"),
        });
        var ap = await apResponse.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, ap.GetProperty("number").GetInt32());
        Assert.Equal("SCP-20270114-AP1", ap.GetProperty("reference").GetString());
        Assert.Equal("CXD", ap.GetProperty("ownerTeam").GetString());
        Assert.Equal("NotStarted", ap.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/actions/{ap.GetProperty("id").GetGuid()}", apResponse.Headers.Location?.OriginalString);
        // It is in the action register.
        await (await secretariat.GetAsync(apResponse.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);

        var byCode = await (await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/action-points", new { text = "Second.", ownerTeamCode = "UC", timescale = "Three months" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, byCode.GetProperty("number").GetInt32());
        Assert.Equal("UC", byCode.GetProperty("ownerTeam").GetString());

        // The demo March meeting has AP1 to AP7 already.
        var march = await MeetingIdAsync(new DateOnly(2020, 3, 19));
        var ap8 = await (await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{march}/action-points", new { text = "Follow up.", ownerTeamCode = "CXD", timescale = "By July" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(8, ap8.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Action_points_sent_at_once_get_distinct_consecutive_numbers()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var colleague = await app.SignInAsync("secretariat@demo.test");
        var meeting = await NewMeetingAsync(new DateOnly(2027, 4, 15));
        var responses = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            (i % 2 == 0 ? secretariat : colleague).PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/action-points", new { text = $"Action {i}.", ownerTeamCode = "CXD", timescale = "Soon" })));
        var numbers = new List<int>();
        foreach (var r in responses)
        {
            numbers.Add((await r.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("number").GetInt32());
        }

        Assert.Equal([1, 2, 3, 4], numbers.Order());
    }

    [Fact]
    public async Task Problems_name_the_field_an_unknown_meeting_is_not_found_and_panel_members_cannot_add()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var meeting = await NewMeetingAsync(new DateOnly(2027, 2, 11));

        var noText = await (await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/decisions", new { agendaItem = 1 })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter the decision", Error(noText, "text"));
        var badItem = await (await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/decisions", new { text = "Agreed.", agendaItem = 5 })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The meeting has no agenda item 5. Choose one of items 1", Error(badItem, "agendaItem"));

        var badTeam = await (await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/action-points", new { text = "x", ownerTeamCode = "NOPE", timescale = "Soon" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("'NOPE' is not an active owner team. Choose a team from the list, or ask an Administrator to add it", Error(badTeam, "ownerTeamCode"));
        var badId = await (await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/action-points", new { text = "x", ownerTeamId = Guid.NewGuid(), timescale = "Soon" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(badId.GetProperty("errors").TryGetProperty("ownerTeamId", out _));
        var noTime = await (await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/action-points", new { text = "x", ownerTeamCode = "UC" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter the date the action point is due, or its timescale", Error(noTime, "dueOn"));

        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{Guid.NewGuid()}/decisions", new { text = "Agreed." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{Guid.NewGuid()}/action-points", new { text = "x", ownerTeamCode = "UC", timescale = "Soon" })).StatusCode);

        var panel = await app.SignInAsync("panel@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await panel.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/decisions", new { text = "Agreed." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await panel.PostAsJsonAsync($"/api/v1/panel/meetings/{meeting}/action-points", new { text = "x", ownerTeamCode = "UC", timescale = "Soon" })).StatusCode);
        var owner = await app.SignInAsync("owner@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/v1/panel/meetings")).StatusCode);
        Assert.Empty(await app.WithDbAsync(db => db.PanelDecisions.Where(d => d.PanelMeetingId == meeting).ToListAsync()));
    }
}
