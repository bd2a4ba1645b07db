using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Tests.Support;
using Xunit.Abstractions;

namespace SeriousCases.Tests.Actions;

/// <summary>The escalation ladder on a real database (SQLite and PostgreSQL), with a clock the test moves: a reminder
/// 14 days before the due date, the DG the day after, the Panel at 8 weeks, ministers at 16; nothing twice; a re-plan
/// starts the ladder again; closed and complete activities never escalate.</summary>
public sealed class EscalationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateOnly Due = new(2027, 3, 1);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(withDemoData: true);

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static FakeTimeProvider ClockOn(DateOnly day) => new(new DateTimeOffset(UkTime.StartOfDayUtc(day).AddHours(7), TimeSpan.Zero));

    private async Task<EscalationRun> RunAsync(FakeTimeProvider clock)
    {
        await using var db = database.CreateContext(clock: clock);
        return await new EscalationService(db, clock, new OutputLogger(output)).RunAsync(CancellationToken.None);
    }

    /// <summary>Moves every demo activity out of the way so counts are about the test's own activity.</summary>
    private async Task<Guid> AddActivityAsync(ActivityStatus status = ActivityStatus.NotStarted, string reference = "ACT-2027-9001")
    {
        await using var db = database.CreateContext();
        await db.AgreedActivities.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.ClosedWithoutCompletion));
        var team = await db.OwnerTeams.Where(t => t.ShortName == "UC").Select(t => t.Id).SingleAsync();
        var activity = new AgreedActivity
        {
            Reference = reference,
            Origin = ActivityOrigin.PanelRecommendation,
            Text = "Review how Universal Credit journal messages about deaths are routed",
            OwnerTeamId = team,
            AccountableDirectorGeneral = "DG Universal Credit",
            FirstDueOn = Due,
            DueOn = Due,
            Status = status,
        };
        db.AgreedActivities.Add(activity);
        await db.SaveChangesAsync();
        return activity.Id;
    }

    private async Task<List<string>> StepsAsync(Guid id)
    {
        await using var db = database.CreateContext();
        return await db.ActivityEscalations.Where(e => e.AgreedActivityId == id).OrderBy(e => e.EscalationStep!.DaysAfterDue)
            .Select(e => e.EscalationStep!.Code).ToListAsync();
    }

    private async Task<List<(string Subject, string Body, string Email)>> NotificationsAsync(Guid id)
    {
        await using var db = database.CreateContext();
        var rows = await db.Notifications.Where(n => n.RelatedId == id)
            .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => new { n.Subject, n.Body, u.Email, n.CreatedAt })
            .OrderBy(n => n.CreatedAt).ToListAsync();
        return [.. rows.Select(r => (r.Subject, r.Body, r.Email))];
    }

    [Fact]
    public void The_ladder_rule_gives_the_rungs_reached_lowest_first_and_none_for_a_closed_activity()
    {
        var ladder = Core.Demo.ReferenceDataSeeder.EscalationLadder
            .Select(s => new EscalationStep { Code = s.Code, Name = s.Name, DaysAfterDue = s.DaysAfterDue, Recipient = s.Recipient }).ToList();
        var a = new AgreedActivity { Reference = "ACT-1", Text = "x", DueOn = Due, Status = ActivityStatus.InProgress };
        Assert.Empty(ActivityRules.StepsReached(a, Due.AddDays(-15), ladder));
        Assert.Equal(["REMIND"], ActivityRules.StepsReached(a, Due.AddDays(-14), ladder).Select(s => s.Code));
        Assert.Equal(["REMIND"], ActivityRules.StepsReached(a, Due, ladder).Select(s => s.Code));
        Assert.Equal(["REMIND", "DG"], ActivityRules.StepsReached(a, Due.AddDays(1), ladder).Select(s => s.Code));
        Assert.Equal(["REMIND", "DG", "PANEL", "MINISTERS"], ActivityRules.StepsReached(a, Due.AddDays(112), ladder).Select(s => s.Code));
        ladder[2].IsActive = false;
        Assert.Equal(["REMIND", "DG", "MINISTERS"], ActivityRules.StepsReached(a, Due.AddDays(200), ladder).Select(s => s.Code));
        a.Status = ActivityStatus.Complete;
        Assert.Empty(ActivityRules.StepsReached(a, Due.AddDays(200), ladder));

        // Several rungs raised at once: only the highest is notified.
        Assert.Equal("MINISTERS", ActivityRules.StepToNotify([ladder[0], ladder[1], ladder[3]])!.Code);
        Assert.Equal("REMIND", ActivityRules.StepToNotify([ladder[0]])!.Code);
        Assert.Null(ActivityRules.StepToNotify([]));
    }

    [Fact]
    public async Task An_activity_found_long_overdue_records_every_rung_but_notifies_only_the_highest()
    {
        var id = await AddActivityAsync();
        var run = await RunAsync(ClockOn(Due.AddDays(120)));
        Assert.Equal(4, run.EscalationsRaised);
        Assert.Equal(["REMIND", "DG", "PANEL", "MINISTERS"], await StepsAsync(id));
        var only = Assert.Single(await NotificationsAsync(id));
        Assert.Equal("secretariat@demo.test", only.Email);
        Assert.Contains("ministers' update", only.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_name_the_activity_by_reference_and_text_and_the_DG_for_their_attention()
    {
        var step = new EscalationStep { Code = "DG", Name = "Overdue", Recipient = EscalationRecipient.AccountableDirectorGeneral };
        var (subject, body) = EscalationRules.Message(step, "ACT-2027-0001", "Fix the letters", "DG Health", Due);
        Assert.Equal("ACT-2027-0001 is overdue: for the attention of DG Health", subject);
        Assert.Contains("Fix the letters", body, StringComparison.Ordinal);
        Assert.Contains("1 March 2027", body, StringComparison.Ordinal);
        Assert.Contains("the accountable Director General", EscalationRules.Message(step, "ACT-1", "x", null, Due).Subject, StringComparison.Ordinal);
        Assert.True(EscalationRules.Message(step, new string('A', 300), "x", null, Due).Subject.Length <= EscalationRules.SubjectMax);
    }

    [Fact]
    public async Task Each_rung_is_raised_on_its_day_once_and_reaches_the_right_people()
    {
        var id = await AddActivityAsync();

        await RunAsync(ClockOn(Due.AddDays(-15)));
        Assert.Empty(await StepsAsync(id));

        // 14 days before: the owner team's members are reminded.
        var run = await RunAsync(ClockOn(Due.AddDays(-14)));
        Assert.Equal(1, run.EscalationsRaised);
        Assert.Equal(["REMIND"], await StepsAsync(id));
        var reminder = Assert.Single(await NotificationsAsync(id));
        Assert.Equal("owner@demo.test", reminder.Email);
        Assert.Equal("ACT-2027-9001 is due on 1 March 2027", reminder.Subject);
        Assert.Contains("journal messages about deaths", reminder.Body, StringComparison.Ordinal);

        // Run again the same day and on the due date: nothing new.
        Assert.Equal(0, (await RunAsync(ClockOn(Due.AddDays(-14)))).EscalationsRaised);
        Assert.Equal(0, (await RunAsync(ClockOn(Due))).EscalationsRaised);

        // The day after: for the attention of the DG, through the Panel secretariat.
        await RunAsync(ClockOn(Due.AddDays(1)));
        Assert.Equal(["REMIND", "DG"], await StepsAsync(id));
        var dg = (await NotificationsAsync(id))[1];
        Assert.Equal("secretariat@demo.test", dg.Email);
        Assert.Contains("for the attention of DG Universal Credit", dg.Subject, StringComparison.Ordinal);

        await RunAsync(ClockOn(Due.AddDays(55)));
        Assert.Equal(2, (await StepsAsync(id)).Count);
        await RunAsync(ClockOn(Due.AddDays(56)));
        Assert.Equal(["REMIND", "DG", "PANEL"], await StepsAsync(id));
        await RunAsync(ClockOn(Due.AddDays(111)));
        Assert.Equal(3, (await StepsAsync(id)).Count);
        await RunAsync(ClockOn(Due.AddDays(112)));
        await RunAsync(ClockOn(Due.AddDays(113)));
        Assert.Equal(["REMIND", "DG", "PANEL", "MINISTERS"], await StepsAsync(id));
        var all = await NotificationsAsync(id);
        Assert.Equal(4, all.Count);
        Assert.Contains("next Panel's actions update", all[2].Subject, StringComparison.Ordinal);
        Assert.Contains("ministers' update", all[3].Subject, StringComparison.Ordinal);
        Assert.All(all, n => Assert.DoesNotContain("QQ", n.Body, StringComparison.Ordinal));

        // The run is audited once, not row by row.
        await using var db = database.CreateContext();
        Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType == "EscalationRun") >= 4);
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ActivityEscalation)));
    }

    [Fact]
    public async Task A_replan_starts_the_ladder_again_for_the_new_date()
    {
        var id = await AddActivityAsync(ActivityStatus.InProgress);
        await RunAsync(ClockOn(Due.AddDays(60)));
        Assert.Equal(["REMIND", "DG", "PANEL"], await StepsAsync(id));

        var newDue = Due.AddDays(90);
        var clock = ClockOn(Due.AddDays(60));
        await using (var db = database.CreateContext(clock: clock))
        {
            var version = await db.AgreedActivities.Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
            await new ActionRegisterService(db, clock).ReplanAsync(id, version, newDue, "Waiting for the new system release",
                new RegisterUser(Guid.Empty, "Panel secretariat", RegisterRoles.Secretariat), CancellationToken.None);
        }

        Assert.Equal(0, (await RunAsync(ClockOn(Due.AddDays(61)))).EscalationsRaised);
        await RunAsync(ClockOn(newDue.AddDays(-14)));
        await RunAsync(ClockOn(newDue.AddDays(1)));
        await using var check = database.CreateContext();
        var raised = await check.ActivityEscalations.Where(e => e.AgreedActivityId == id)
            .Select(e => new { e.EscalationStep!.Code, e.DueOn }).ToListAsync();
        Assert.Equal(5, raised.Count);
        Assert.Equal(["DG", "REMIND"], raised.Where(r => r.DueOn == newDue).Select(r => r.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(ActivityStatus.Complete)]
    [InlineData(ActivityStatus.ClosedWithoutCompletion)]
    public async Task Closed_and_complete_activities_never_escalate(ActivityStatus status)
    {
        var id = await AddActivityAsync(status);
        var run = await RunAsync(ClockOn(Due.AddDays(200)));
        Assert.Equal(0, run.EscalationsRaised);
        Assert.Empty(await StepsAsync(id));
        Assert.Empty(await NotificationsAsync(id));
    }

    private sealed class OutputLogger(ITestOutputHelper output) : ILogger<EscalationService>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            output.WriteLine(formatter(state, exception));
    }

    private async Task<int> CountEscalationsAsync()
    {
        await using var db = database.CreateContext();
        return await db.ActivityEscalations.CountAsync(e => db.AgreedActivities.Any(a => a.Id == e.AgreedActivityId && a.Reference.StartsWith("ACT-B-")));
    }

    [Fact]
    public async Task Over_a_decade_of_activities_the_backlog_and_the_daily_run_raise_each_rung_once_on_PostgreSQL()
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return; // the set-based path with binary COPY is PostgreSQL's; the SQLite pass proves the same rules above
        }

        await using (var db = database.CreateContext())
        {
            await db.AgreedActivities.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.ClosedWithoutCompletion));
            var team = await db.OwnerTeams.Where(t => t.ShortName == "UC").Select(t => t.Id).SingleAsync();
            // Ten years of activities: most complete, the rest open with due dates spread over the decade.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AgreedActivities" ("Id", "Reference", "Origin", "Text", "Order", "OwnerTeamId", "FirstDueOn", "DueOn", "Priority", "Status", "Version", "CreatedAt", "UpdatedAt")
                SELECT gen_random_uuid(), 'ACT-B-' || g, 'IprgAgreedActivity', 'Improve the handling of complex needs, item ' || g, 1, {team},
                       DATE '2017-01-01' + (g % 3650), DATE '2017-01-01' + (g % 3650), 'Medium',
                       CASE WHEN g % 7 < 5 THEN 'Complete' WHEN g % 7 = 5 THEN 'InProgress' ELSE 'NotStarted' END, 1, now(), now()
                FROM generate_series(1, 30000) AS g
                """);
        }

        // The first run over a decade's backlog raises every rung at once (its speed at department scale is
        // measured by bench/run.sh, not here).
        var backlog = await RunAsync(ClockOn(new DateOnly(2027, 1, 4)));
        Assert.True(backlog.EscalationsRaised > 20_000, $"{backlog.EscalationsRaised} raised");
        Assert.Equal(backlog.EscalationsRaised, await CountEscalationsAsync());

        // Every day after: 30,000 activities, about 8,600 open, a few reaching a rung.
        var daily = await RunAsync(ClockOn(new DateOnly(2027, 1, 5)));
        Assert.InRange(daily.EscalationsRaised, 1, 50);
        Assert.InRange(daily.OpenActivitiesChecked, 8_000, 9_000);

        // Run again the same day: nothing twice.
        Assert.Equal(0, (await RunAsync(ClockOn(new DateOnly(2027, 1, 5)))).EscalationsRaised);
    }
}
