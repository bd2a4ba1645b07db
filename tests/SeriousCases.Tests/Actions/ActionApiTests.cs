using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Referrals;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Actions;

/// <summary>The action register's API on the database under test: every origin with its link, who sees what, and the
/// life of an activity (progress, re-plan, completion, graded assurance, closing) with If-Match on every write.</summary>
public sealed class ActionApiTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);

    private static string Day(int days) => Today.AddDays(days).ToString("yyyy-MM-dd");

    /// <summary>An activity written straight to the database, owned by the team with <paramref name="owner"/> as short name.</summary>
    private Task<Guid> ActivityAsync(string reference, string owner, ActivityOrigin origin = ActivityOrigin.IprgAgreedActivity, int dueInDays = 30, string? contributor = null) =>
        app.WithDbAsync(async db =>
        {
            var teams = await db.OwnerTeams.ToDictionaryAsync(t => t.ShortName, t => t.Id);
            var due = Today.AddDays(dueInDays);
            var a = new AgreedActivity
            {
                Reference = reference,
                Origin = origin,
                Text = $"{owner} to assure IPRG that call backs are made when a customer asks.",
                OwnerTeamId = teams[owner],
                FirstDueOn = due,
                DueOn = due,
                Contributors = contributor is null ? [] : [new ActivityContributor { OwnerTeamId = teams[contributor] }],
            };
            db.AgreedActivities.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

    private static async Task<(JsonElement Body, string ETag)> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var etag = response.Headers.ETag?.Tag ?? "";
        return (await response.ReadJsonAsync(expected), etag);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return client.SendAsync(request);
    }

    private static string Error(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task Every_origin_is_added_with_its_link_and_panel_items_are_numbered_by_meeting()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");

        var noDg = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new { origin = "PanelRecommendation", text = "Review how deductions are explained.", owner = "UC", dueOn = Day(90), meetingOn = "2020-07-02" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter the Director General or committee accountable for the recommendation", Error(noDg, "directorGeneral"));

        var recommendation = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new
        {
            origin = "PanelRecommendation",
            text = "Review how deductions are explained to customers across benefits.",
            owner = "UC",
            contributors = new[] { "CMG", "PIP" },
            directorGeneral = "Director General, Universal Credit",
            dueOn = Day(90),
            meetingOn = "2020-07-02",
            priority = "High",
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("SCP-20200702-R", recommendation.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Equal(["CMG", "PIP"], recommendation.GetProperty("contributors").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("2020-07-02", recommendation.GetProperty("panelMeetingOn").GetString());
        Assert.Equal(Day(90), recommendation.GetProperty("firstDueOn").GetString());

        // The 19 March 2020 meeting set AP1 to AP7: the next action point is AP8.
        var actionPoint = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new { origin = "PanelActionPoint", text = "Circulate the revised Terms of Reference.", owner = "CXD", dueOn = Day(14), meetingOn = "2020-03-19" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("SCP-20200319-AP8", actionPoint.GetProperty("reference").GetString());
        Assert.Equal(8, actionPoint.GetProperty("actionPointNumber").GetInt32());

        var noMeeting = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new { origin = "PanelActionPoint", text = "x", owner = "CXD", dueOn = Day(14), meetingOn = "2020-01-01" }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("There is no Panel meeting on 1 January 2020", Error(noMeeting, "meetingOn"));

        var noDecision = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new { origin = "PanelDecisionWork", text = "x", owner = "CXD", dueOn = Day(14), meetingOn = "2020-07-02", decisionNumber = 9 }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The meeting of 2 July 2020 has no decision 9", Error(noDecision, "decisionNumber"));
        var work = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new { origin = "PanelDecisionWork", text = "Bring a paper on safeguarding leads.", owner = "CXD", dueOn = Day(60), meetingOn = "2020-07-02", decisionNumber = 3 }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, work.GetProperty("decisionNumber").GetInt32());
        Assert.StartsWith("SCP-20200702-D3", work.GetProperty("reference").GetString(), StringComparison.Ordinal);

        var noWhere = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new { origin = "ParliamentOrNaoCommitment", text = "Publish the annual report.", owner = "CXD", dueOn = Day(120) }))
            .ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter where the commitment was made", Error(noWhere, "originDescription"), StringComparison.Ordinal);
        var commitment = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new { origin = "ParliamentOrNaoCommitment", text = "Publish the annual report.", owner = "CXD", dueOn = Day(120), originDescription = "Government response to the Work and Pensions Committee" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Government response to the Work and Pensions Committee", commitment.GetProperty("commitmentMadeIn").GetString());
        Assert.StartsWith($"ACT-{Today.Year}-", commitment.GetProperty("reference").GetString(), StringComparison.Ordinal);

        // IPRG agreed activities come only from a finding, through the IPRG.
        var iprg = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new { origin = "IprgAgreedActivity", text = "x", owner = "UC", dueOn = Day(10) })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("added by the IPRG", Error(iprg, "origin"), StringComparison.Ordinal);

        // An ACS Senior Leader records learning captured on a referral that did not meet the criteria.
        var referral = await app.WithDbAsync(db => db.Referrals.OrderBy(r => r.Status == ReferralStatus.NotMet ? 0 : 1).Select(r => r.Reference).FirstAsync());
        var acs = await app.SignInAsync("acssl@demo.test");
        var learning = await (await acs.PostAsJsonAsync("/api/v1/actions", new { origin = "AcsSeniorLeaderLearning", text = "Brief ACS teams on the Six Point Plan.", owner = "ACS", dueOn = Day(30), referralReference = referral }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(referral, learning.GetProperty("referralReference").GetString());
        var notForAcs = await acs.PostAsJsonAsync("/api/v1/actions", new { origin = "ParliamentOrNaoCommitment", text = "x", owner = "CXD", dueOn = Day(10), originDescription = "NAO" });
        Assert.Equal(HttpStatusCode.Forbidden, notForAcs.StatusCode);

        var created = await app.WithDbAsync(db => db.ActivityUpdates.CountAsync(u => u.Kind == ActivityEventKind.Created));
        Assert.True(created >= 5);
    }

    [Fact]
    public async Task Owners_see_their_teams_activities_panel_members_only_panel_items_and_others_get_not_found()
    {
        var uc = await ActivityAsync("ACT-2026-9701", "UC");
        var cmg = await ActivityAsync("ACT-2026-9702", "CMG");
        var shared = await ActivityAsync("ACT-2026-9703", "CMG", ActivityOrigin.PanelRecommendation, contributor: "UC");

        var owner = await app.SignInAsync("owner@demo.test");
        var mine = await (await owner.GetAsync("/api/v1/actions?mine=true&pageSize=200")).ReadJsonAsync(HttpStatusCode.OK);
        var references = mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()).ToList();
        Assert.Contains("ACT-2026-9701", references);
        Assert.Contains("ACT-2026-9703", references);
        Assert.DoesNotContain("ACT-2026-9702", references);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/actions/{cmg}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/actions/{shared}")).StatusCode);

        var panel = await app.SignInAsync("panel@demo.test");
        Assert.Equal(HttpStatusCode.NotFound, (await panel.GetAsync($"/api/v1/actions/{uc}")).StatusCode);
        var panelList = await (await panel.GetAsync("/api/v1/actions?pageSize=200")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.All(panelList.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("Panel", i.GetProperty("origin").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await panel.GetAsync($"/api/v1/actions/{shared}")).StatusCode);

        var referrer = await app.SignInAsync("referrer@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.GetAsync("/api/v1/actions")).StatusCode);

        var bad = await (await owner.GetAsync("/api/v1/actions?owner=Nobody")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("There is no owner team called Nobody", Error(bad, "owner"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_pages_by_due_date_and_filters_overdue_work()
    {
        // A team of its own, so the demo data's activities do not count.
        await app.WithDbAsync(async db =>
        {
            db.OwnerTeams.Add(new Core.ReferenceData.OwnerTeam { ShortName = "Paging team", Name = "Register paging test team" });
            return await db.SaveChangesAsync();
        });
        for (var n = 0; n < 7; n++)
        {
            await ActivityAsync($"ACT-2026-98{n:00}", "Paging team", dueInDays: n % 2 == 0 ? -10 - n : 10 + n);
        }

        // Two with a timescale in words and no date, as older Panel items have: they come after every dated one.
        foreach (var n in new[] { 7, 8 })
        {
            var id = await ActivityAsync($"ACT-2026-98{n:00}", "Paging team");
            await app.WithDbAsync(db => db.AgreedActivities.Where(a => a.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.DueOn, (DateOnly?)null).SetProperty(a => a.FirstDueOn, (DateOnly?)null)));
        }

        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await (await secretariat.GetAsync($"/api/v1/actions?owner=Paging%20team&pageSize=3{(after is null ? "" : $"&after={after}")}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.Equal(9, page.GetProperty("total").GetInt32());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dueOn").GetString() ?? "none"));
            after = page.GetProperty("nextAfter").GetString();
        }
        while (after is not null);

        Assert.Equal(9, seen.Count);
        Assert.Equal(seen.Take(7).Order(StringComparer.Ordinal), seen.Take(7));
        Assert.Equal(["none", "none"], seen.Skip(7));

        var overdue = await (await secretariat.GetAsync("/api/v1/actions?owner=Paging%20team&overdue=true")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, overdue.GetProperty("total").GetInt32());
        Assert.All(overdue.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("daysOverdue").GetInt32() >= 10));

        var badCursor = await (await secretariat.GetAsync("/api/v1/actions?after=nonsense")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("first page", Error(badCursor, "after"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_works_an_activity_to_assured_completion_and_a_stale_write_is_refused()
    {
        var id = await ActivityAsync("ACT-2026-9711", "UC", dueInDays: 20);
        var url = $"/api/v1/actions/{id}";
        var owner = await app.SignInAsync("owner@demo.test");
        var (read, etag) = await ReadAsync(await owner.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal("NotStarted", read.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await PostAsync(owner, url + "/updates", new { note = "Started" }, null)).StatusCode);
        var empty = await (await PostAsync(owner, url + "/updates", new { note = " " }, etag)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter the progress update", Error(empty, "note"));

        var (updated, etag2) = await ReadAsync(await PostAsync(owner, url + "/updates", new { note = "Guidance drafted and sent for review." }, etag), HttpStatusCode.OK);
        Assert.Equal("InProgress", updated.GetProperty("status").GetString());
        Assert.NotEqual(etag, etag2);

        // A second owner working from the page they opened before the first update is told, not allowed to overwrite.
        var stale = await (await PostAsync(owner, url + "/updates", new { note = "Another update from an old page." }, etag)).ReadJsonAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains("changed by someone else", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ActivityUpdates.CountAsync(u => u.AgreedActivityId == id && u.Kind == ActivityEventKind.Progress)));

        var past = await (await PostAsync(owner, url + "/replan", new { dueOn = Day(-1), reason = "" }, etag2)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The new due date must be today or in the future", Error(past, "dueOn"));
        Assert.Equal("Enter why the due date is changing", Error(past, "reason"));
        var (replanned, etag3) = await ReadAsync(await PostAsync(owner, url + "/replan", new { dueOn = Day(80), reason = "Colleagues moved to winter pressures work." }, etag2), HttpStatusCode.OK);
        Assert.Equal(Day(20), replanned.GetProperty("firstDueOn").GetString());
        Assert.Equal(Day(80), replanned.GetProperty("dueOn").GetString());
        Assert.Equal("Colleagues moved to winter pressures work.", replanned.GetProperty("dueDateChanges")[0].GetProperty("reason").GetString());

        var incomplete = await (await PostAsync(owner, url + "/complete", new { outcome = "" }, etag3)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence", "outcome"], incomplete.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var (reported, etag4) = await ReadAsync(await PostAsync(owner, url + "/complete",
            new { evidence = "Guidance published on 1 December; call back checks in the quality framework.", outcome = "Call backs requested in the journal are now made within two working days." }, etag3), HttpStatusCode.OK);
        Assert.Equal("AwaitingAssurance", reported.GetProperty("status").GetString());

        // Only the IPRG grades an IPRG activity's evidence: the owner and the secretariat are refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(owner, url + "/assurance", new { grade = "Assured" }, etag4)).StatusCode);
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(secretariat, url + "/assurance", new { grade = "Assured" }, etag4)).StatusCode);

        var iprg = await app.SignInAsync("iprg@demo.test");
        var noNote = await (await PostAsync(iprg, url + "/assurance", new { grade = "NotAssuredReopened" }, etag4)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter what the owner still needs to show", Error(noNote, "note"));
        var (reopened, etag5) = await ReadAsync(await PostAsync(iprg, url + "/assurance", new { grade = "NotAssuredReopened", note = "Show the quality checks' results for a month." }, etag4), HttpStatusCode.OK);
        Assert.Equal("InProgress", reopened.GetProperty("status").GetString());

        var (again, etag6) = await ReadAsync(await PostAsync(owner, url + "/complete",
            new { evidence = "November quality checks: 97% of call backs made in time.", outcome = "Call backs requested in the journal are now made within two working days." }, etag5), HttpStatusCode.OK);
        Assert.Equal("AwaitingAssurance", again.GetProperty("status").GetString());
        var (assured, _) = await ReadAsync(await PostAsync(iprg, url + "/assurance", new { grade = "Assured", note = "Evidence seen." }, etag6), HttpStatusCode.OK);
        Assert.Equal("Complete", assured.GetProperty("status").GetString());
        Assert.Equal("Assured", assured.GetProperty("assurance").GetString());
        var kinds = assured.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["AssuranceRecorded", "CompletionReported", "Reopened", "CompletionReported", "Replanned", "Progress"], kinds);

        var later = await (await PostAsync(owner, url + "/updates", new { note = "More" }, (await owner.GetAsync(url)).Headers.ETag!.Tag)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("progress can only be added to an activity not started or in progress", Error(later, "note"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_closes_or_supersedes_panel_items_with_a_reason()
    {
        var first = await ActivityAsync("ACT-2026-9721", "CXD", ActivityOrigin.PanelActionPoint);
        var replacement = await ActivityAsync("ACT-2026-9722", "CXD", ActivityOrigin.PanelActionPoint);
        var other = await ActivityAsync("ACT-2026-9723", "CXD", ActivityOrigin.PanelActionPoint);
        var secretariat = await app.SignInAsync("secretariat@demo.test");

        var etag = (await secretariat.GetAsync($"/api/v1/actions/{other}")).Headers.ETag!.Tag;
        var noReason = await (await PostAsync(secretariat, $"/api/v1/actions/{other}/close", new { reason = "" }, etag)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter why the activity is closing without completion", Error(noReason, "reason"));
        var (closed, _) = await ReadAsync(await PostAsync(secretariat, $"/api/v1/actions/{other}/close", new { reason = "The Panel agreed the work is no longer needed." }, etag), HttpStatusCode.OK);
        Assert.Equal("ClosedWithoutCompletion", closed.GetProperty("status").GetString());

        etag = (await secretariat.GetAsync($"/api/v1/actions/{first}")).Headers.ETag!.Tag;
        var (_, etag2) = await ReadAsync(await PostAsync(secretariat, $"/api/v1/actions/{first}/complete", new { evidence = "Paper circulated.", outcome = "Members have the paper." }, etag), HttpStatusCode.OK);
        var noRef = await (await PostAsync(secretariat, $"/api/v1/actions/{first}/assurance", new { grade = "Superseded", supersededBy = "ACT-1999-0001" }, etag2)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("There is no other activity with the reference ACT-1999-0001", Error(noRef, "supersededBy"));
        var (superseded, _) = await ReadAsync(await PostAsync(secretariat, $"/api/v1/actions/{first}/assurance", new { grade = "Superseded", supersededBy = "ACT-2026-9722" }, etag2), HttpStatusCode.OK);
        Assert.Equal("ClosedWithoutCompletion", superseded.GetProperty("status").GetString());
        Assert.Equal("Superseded by ACT-2026-9722", superseded.GetProperty("closedReason").GetString());
        Assert.Equal(replacement, await app.WithDbAsync(db => db.AgreedActivities.Where(a => a.Id == first).Select(a => a.SupersededByActivityId).SingleAsync()));

        // The IPRG does not grade Panel items.
        var iprg = await app.SignInAsync("iprg@demo.test");
        Assert.Equal(HttpStatusCode.NotFound, (await iprg.GetAsync($"/api/v1/actions/{replacement}")).StatusCode);
    }
}
