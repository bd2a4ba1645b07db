using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Actions;

/// <summary>A team about to be reorganised (short name <c>{prefix}A</c>), its successor (<c>{prefix}B</c>), an abolished
/// team (<c>{prefix}X</c>), and activities in every state, as lead owner and as contributor.</summary>
internal sealed record TransferCase(Guid From, Guid To, Guid Abolished, string Prefix, string Act)
{
    public string FromName => Prefix + "A";
    public string ToName => Prefix + "B";
    public string AbolishedName => Prefix + "X";

    public static async Task<TransferCase> CreateAsync(SeriousCasesDbContext db, string prefix, string act)
    {
        var from = new OwnerTeam { ShortName = prefix + "A", Name = $"Team {prefix} A (before the reorganisation)" };
        var to = new OwnerTeam { ShortName = prefix + "B", Name = $"Team {prefix} B (successor)" };
        var gone = new OwnerTeam { ShortName = prefix + "X", Name = $"Team {prefix} X (abolished)", IsActive = false };
        db.OwnerTeams.AddRange(from, to, gone);
        var uc = await db.OwnerTeams.SingleAsync(t => t.ShortName == "UC");

        AgreedActivity Activity(int n, ActivityStatus status, AssuranceGrade? assurance = null, Guid? lead = null) => new()
        {
            Reference = $"{act}{n}",
            Origin = ActivityOrigin.IprgAgreedActivity,
            Text = $"Activity {n} to assure IPRG that the process is followed.",
            OwnerTeamId = lead ?? from.Id,
            Status = status,
            Assurance = assurance,
            DueOn = new DateOnly(2027, 3, 31),
        };

        var contributing = Activity(7, ActivityStatus.InProgress, lead: uc.Id);
        contributing.Contributors.Add(new ActivityContributor { OwnerTeamId = from.Id });
        var both = Activity(8, ActivityStatus.NotStarted);
        both.Contributors.Add(new ActivityContributor { OwnerTeamId = to.Id });
        var assuredContribution = Activity(9, ActivityStatus.Complete, AssuranceGrade.Assured, uc.Id);
        assuredContribution.Contributors.Add(new ActivityContributor { OwnerTeamId = from.Id });
        db.AgreedActivities.AddRange(
            Activity(1, ActivityStatus.NotStarted),
            Activity(2, ActivityStatus.InProgress),
            Activity(3, ActivityStatus.Complete),
            Activity(4, ActivityStatus.Complete, AssuranceGrade.PartlyAssured),
            Activity(5, ActivityStatus.Complete, AssuranceGrade.Assured),
            Activity(6, ActivityStatus.ClosedWithoutCompletion),
            contributing,
            both,
            assuredContribution);
        await db.SaveChangesAsync();
        return new TransferCase(from.Id, to.Id, gone.Id, prefix, act);
    }
}

/// <summary>Team reorganisation: open activities move to the successor in one step with their history kept;
/// completed and closed ones stay; bad input is refused with nothing changed.</summary>
public sealed class OwnerTransferTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Reason = "the team merged into the new Universal Credit service team in April";

    [Fact]
    public async Task The_api_moves_open_activities_as_lead_and_contributor_and_keeps_the_history()
    {
        var c = await app.WithDbAsync(db => TransferCase.CreateAsync(db, "T951", "ACT-2026-953"));
        var admin = await app.SignInAsync("admin@demo.test");
        var json = await (await admin.PostAsJsonAsync($"/api/v1/owner-teams/{c.From}/transfer", new { successor = c.ToName, reason = Reason, abolished = true }))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(6, json.GetProperty("activitiesMoved").GetInt32());
        Assert.Equal(c.FromName, json.GetProperty("from").GetString());
        Assert.Equal(c.ToName, json.GetProperty("to").GetString());

        await app.WithDbAsync(async db =>
        {
            var activities = await db.AgreedActivities.Include(a => a.Contributors).Include(a => a.Updates)
                .Where(a => a.Reference.StartsWith(c.Act)).ToDictionaryAsync(a => a.Reference[^1] - '0');
            foreach (var n in new[] { 1, 2, 3, 4, 8 })
            {
                Assert.Equal(c.To, activities[n].OwnerTeamId);
                var moved = Assert.Single(activities[n].Updates, u => u.Kind == ActivityEventKind.OwnerMoved);
                Assert.Equal($"Moved from {c.FromName} to {c.ToName} because {Reason}", moved.Note);
                Assert.Equal("Adi Administrator", moved.ByName);
                Assert.True(activities[n].Version > 1);
            }

            // Completed (assured) and closed activities stay with the team that had them.
            Assert.Equal(c.From, activities[5].OwnerTeamId);
            Assert.Equal(c.From, activities[6].OwnerTeamId);
            Assert.Empty(activities[5].Updates);
            Assert.Equal([c.From], activities[9].Contributors.Select(x => x.OwnerTeamId));

            // As a contributor: the successor contributes instead; as lead with the successor contributing: one lead, no duplicate.
            Assert.Equal([c.To], activities[7].Contributors.Select(x => x.OwnerTeamId));
            Assert.Equal($"Moved from {c.FromName} to {c.ToName} as a contributing team because {Reason}", activities[7].Updates.Single().Note);
            Assert.Empty(activities[8].Contributors);

            var transfer = await db.OwnerTransfers.SingleAsync(t => t.FromTeamId == c.From);
            Assert.Equal((c.To, 6, Reason, "Adi Administrator"), (transfer.ToTeamId, transfer.ActivitiesMoved, transfer.Reason, transfer.ByName));
            var team = await db.OwnerTeams.SingleAsync(t => t.Id == c.From);
            Assert.False(team.IsActive);
            Assert.Equal(c.To, team.SuccessorTeamId);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(OwnerTransfer) && a.EntityId == transfer.Id.ToString()));
            return 0;
        });

        // The list shows the abolished team with its successor and nothing open left.
        var list = await admin.GetDocumentAsync("/admin/reference-data/owner-teams");
        var row = list.GetElementById($"team-{c.From}")!.TextContent;
        Assert.Contains("Abolished", row, StringComparison.Ordinal);
        Assert.Contains($"Succeeded by {c.ToName}", row, StringComparison.Ordinal);
        Assert.Equal(["0", "0"], list.GetElementById($"team-{c.From}")!.QuerySelectorAll("td.govuk-table__cell--numeric").Select(td => td.TextContent.Trim()));
        Assert.Equal(["5", "1"], list.GetElementById($"team-{c.To}")!.QuerySelectorAll("td.govuk-table__cell--numeric").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_moves()
    {
        var c = await app.WithDbAsync(db => TransferCase.CreateAsync(db, "T952", "ACT-2026-954"));
        var admin = await app.SignInAsync("admin@demo.test");
        async Task RefusedAsync(object body, string field, string message)
        {
            var problem = await (await admin.PostAsJsonAsync($"/api/v1/owner-teams/{c.From}/transfer", body)).ReadJsonAsync(HttpStatusCode.BadRequest);
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var messages), problem.ToString());
            Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
        }

        await RefusedAsync(new { reason = Reason, abolished = false }, "successor", "Select the team that takes over the activities");
        await RefusedAsync(new { successor = "NO-SUCH-TEAM", reason = Reason, abolished = false }, "successor", "There is no owner team called NO-SUCH-TEAM");
        await RefusedAsync(new { successor = c.FromName, reason = Reason, abolished = false }, "successor", "cannot take over its own activities");
        await RefusedAsync(new { successor = c.AbolishedName, reason = Reason, abolished = false }, "successor", "is no longer in use");
        await RefusedAsync(new { successor = c.ToName, reason = "  ", abolished = false }, "reason", "Enter why the activities are moving");
        await RefusedAsync(new { successor = c.ToName, reason = new string('x', 2001), abolished = false }, "reason", "2,000 characters or fewer");
        await RefusedAsync(new { successor = c.ToName, reason = Reason }, "abolished", $"Select whether {c.FromName} was abolished");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/v1/owner-teams/{Guid.NewGuid()}/transfer", new { successor = c.ToName, reason = Reason, abolished = false })).StatusCode);
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.PostAsJsonAsync($"/api/v1/owner-teams/{c.From}/transfer", new { successor = c.ToName, reason = Reason, abolished = false })).StatusCode);

        await app.WithDbAsync(async db =>
        {
            Assert.False(await db.OwnerTransfers.AnyAsync(t => t.FromTeamId == c.From));
            Assert.Equal(7, await db.AgreedActivities.CountAsync(a => a.Reference.StartsWith(c.Act) && a.OwnerTeamId == c.From));
            Assert.False(await db.ActivityUpdates.AnyAsync(u => u.Kind == ActivityEventKind.OwnerMoved && u.Note.Contains(c.FromName)));
            Assert.True((await db.OwnerTeams.SingleAsync(t => t.Id == c.From)).IsActive);
            return 0;
        });

        // A stale If-Match (another admin moved the team first) answers 412 and moves nothing.
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/owner-teams/{c.From}/transfer") { Content = JsonContent.Create(new { successor = c.ToName, reason = Reason, abolished = false }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"99\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(request)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.OwnerTransfers.AnyAsync(t => t.FromTeamId == c.From)));
    }

    [Fact]
    public async Task The_move_page_confirms_the_count_shows_errors_with_values_kept_and_moves_in_one_step()
    {
        var c = await app.WithDbAsync(db => TransferCase.CreateAsync(db, "T953", "ACT-2026-955"));
        var admin = await app.SignInAsync("admin@demo.test");
        var url = $"/admin/reference-data/owner-teams/{c.From}/move";
        var page = await admin.GetDocumentAsync(url);
        Assert.Contains("6 open activities will move: 5 led by T953A and 1 it contributes to.", page.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#successor option[value='{c.FromName}']"));
        Assert.Null(page.QuerySelector($"#successor option[value='{c.AbolishedName}']"));
        Assert.NotNull(page.QuerySelector($"#successor option[value='{c.ToName}']"));

        var form = await admin.GetFormAsync(url);
        var response = await admin.PostAsync(url, form.With("successor", "").With("reason", "Kept <typed> text").ToContent());
        var error = await response.ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", error.Title, StringComparison.Ordinal);
        Assert.Equal(["#successor", "#abolished"], error.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Kept <typed> text", error.QuerySelector("#reason")!.TextContent);
        Assert.NotNull(error.QuerySelector("#successor-error"));
        Assert.NotNull(error.QuerySelector("#abolished-error"));

        form = await admin.GetFormAsync(url);
        response = await admin.PostAsync(url, form.With("successor", c.ToName).With("reason", Reason).With("abolished", "false").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"6 open activities moved from {c.FromName} to {c.ToName}", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("In use", list.GetElementById($"team-{c.From}")!.TextContent, StringComparison.Ordinal);

        // The same form again, with the version read before the move: a conflict, not a second transfer.
        response = await admin.PostAsync(url, form.With("successor", c.ToName).With("reason", Reason).With("abolished", "false").ToContent());
        var conflict = await response.ReadDocumentAsync(HttpStatusCode.Conflict);
        Assert.Contains("Someone else changed this team", conflict.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Reason, conflict.QuerySelector("#reason")!.TextContent);
        Assert.Equal(1, await app.WithDbAsync(db => db.OwnerTransfers.CountAsync(t => t.FromTeamId == c.From)));
    }
}
