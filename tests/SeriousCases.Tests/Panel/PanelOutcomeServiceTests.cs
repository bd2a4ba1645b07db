using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>Decisions, action points and recommendations of a meeting on the database under test: the service numbers
/// them per meeting, two secretariat colleagues adding at the same moment both succeed with consecutive numbers, and
/// the register's rules (an accountable Director General for a recommendation) hold.</summary>
public sealed class PanelOutcomeServiceTests : IAsyncLifetime
{
    private static readonly DateOnly March2020 = new(2020, 3, 19);
    private static readonly RegisterUser Secretariat = new(Guid.Empty, "Sam Secretariat", RegisterRoles.Secretariat);
    private static readonly DateOnly Today = UkTime.Today(TimeProvider.System);
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static PanelOutcomeService Service(SeriousCasesDbContext db) => new(db, new ActionRegisterService(db, TimeProvider.System));

    private async Task<Guid> MeetingAsync(DateOnly on)
    {
        await using var db = database.CreateContext();
        var meeting = new PanelMeeting
        {
            MeetingOn = on,
            Format = MeetingFormat.Virtual,
            AgendaItems = [new AgendaItem { Number = 1, Title = "Welcome" }, new AgendaItem { Number = 2, Title = "Update on actions" }],
        };
        db.PanelMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private async Task<Guid> DemoMeetingAsync(DateOnly on)
    {
        await using var db = database.CreateContext();
        return await db.PanelMeetings.Where(m => m.MeetingOn == on).Select(m => m.Id).SingleAsync();
    }

    private static NewActionPointInput ActionPoint(string text) =>
        new() { Text = text, Owner = "CXD", ResponsiblePerson = "Deputy Director, Customer Experience", Timescale = "By the next meeting" };

    [Fact]
    public async Task Decisions_and_action_points_are_numbered_per_meeting_and_the_demo_march_meeting_continues_at_AP8()
    {
        var march = await DemoMeetingAsync(March2020);
        var first = await MeetingAsync(new DateOnly(2026, 9, 10));
        var second = await MeetingAsync(new DateOnly(2026, 12, 10));
        await using var db = database.CreateContext();
        var service = Service(db);

        var ap8 = await service.AddActionPointAsync(march, ActionPoint("Share the insight flow with the Panel."), Secretariat, default);
        Assert.Equal(8, ap8.Number);
        Assert.Equal("SCP-20200319-AP8", ap8.Reference);
        Assert.Equal(ActivityOrigin.PanelActionPoint, ap8.Origin);
        Assert.Equal("By the next meeting", ap8.Timescale);

        Assert.Equal(1, (await service.AddDecisionAsync(first, new NewDecisionInput { Text = "Agreed the plan.", AgendaItem = 2 }, Secretariat, default)).Decision.Number);
        Assert.Equal(2, (await service.AddDecisionAsync(first, new NewDecisionInput { Text = "Agreed the next theme." }, Secretariat, default)).Decision.Number);
        Assert.Equal(1, (await service.AddDecisionAsync(second, new NewDecisionInput { Text = "Agreed the minutes." }, Secretariat, default)).Decision.Number);

        Assert.Equal(1, (await service.AddActionPointAsync(first, ActionPoint("One."), Secretariat, default)).Number);
        Assert.Equal(2, (await service.AddActionPointAsync(first, ActionPoint("Two."), Secretariat, default)).Number);
        var otherMeeting = await service.AddActionPointAsync(second, ActionPoint("Other meeting."), Secretariat, default);
        Assert.Equal(1, otherMeeting.Number);
        Assert.Equal("SCP-20261210-AP1", otherMeeting.Reference);

        var outcomes = await service.GetAsync(first, default);
        Assert.Equal([1, 2], outcomes.Decisions.Select(d => d.Number));
        Assert.Equal("Update on actions", outcomes.Decisions[0].AgendaItemTitle);
        Assert.Equal([1, 2], outcomes.ActionPoints.Select(a => a.Number));
        Assert.All(outcomes.ActionPoints, a => Assert.Equal(ActivityState.NotStarted, a.Status));

        // Every write is in the audit trail.
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(PanelDecision) && e.Action == AuditAction.Create));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(AgreedActivity) && e.EntityId == ap8.Id.ToString()));
    }

    [Fact]
    public async Task An_action_point_needs_an_owner_team_and_a_timescale_or_date_and_an_agenda_item_must_exist()
    {
        var meeting = await MeetingAsync(new DateOnly(2026, 9, 17));
        await using var db = database.CreateContext();
        var service = Service(db);

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => service.AddActionPointAsync(meeting, new NewActionPointInput(), Secretariat, default));
        Assert.Equal(["text", "owner", "dueOn"], ex.Errors.Select(e => e.Field));
        Assert.Equal("Enter the date the action point is due, or its timescale", ex.Errors[2].Message);

        var dated = await service.AddActionPointAsync(meeting, new NewActionPointInput { Text = "Dated.", Owner = "UC", DueOn = Today.AddDays(30) }, Secretariat, default);
        Assert.Equal(Today.AddDays(30), dated.DueOn);

        var noItem = await Assert.ThrowsAsync<DomainValidationException>(() =>
            service.AddDecisionAsync(meeting, new NewDecisionInput { Text = "Agreed.", AgendaItem = 9 }, Secretariat, default));
        Assert.Equal("The meeting has no agenda item 9. Choose one of items 1, 2", noItem.Errors.Single().Message);

        await Assert.ThrowsAsync<RecordNotFoundException>(() => service.AddActionPointAsync(Guid.NewGuid(), ActionPoint("x"), Secretariat, default));
        await Assert.ThrowsAsync<ForbiddenChangeException>(() =>
            service.AddActionPointAsync(meeting, ActionPoint("x"), new RegisterUser(Guid.Empty, "Pat", RegisterRoles.PanelMember), default));
    }

    [Fact]
    public async Task A_recommendation_needs_its_accountable_director_general_and_is_numbered_R_per_meeting()
    {
        var july = await DemoMeetingAsync(new DateOnly(2020, 7, 2));
        await using var db = database.CreateContext();
        var service = Service(db);
        var input = new NewRecommendationInput
        {
            Text = "Review how deductions are explained to customers across benefits.",
            Owner = "UC",
            Contributors = ["CMG", "PIP"],
            DueOn = Today.AddDays(90),
        };

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => service.AddRecommendationAsync(july, input, Secretariat, default));
        Assert.Equal("directorGeneral", refused.Errors.Single().Field);
        Assert.Equal("Enter the Director General or committee accountable for the recommendation", refused.Errors.Single().Message);

        var r = await service.AddRecommendationAsync(july, input with { DirectorGeneral = "Director General, Universal Credit" }, Secretariat, default);
        Assert.Equal(3, r.Number); // the demo's July meeting has R1 and R2
        Assert.Equal("SCP-20200702-R3", r.Reference);
        Assert.Equal(ActivityOrigin.PanelRecommendation, r.Origin);
        var view = (await service.GetAsync(july, default)).Recommendations.Single(x => x.Id == r.Id);
        Assert.Equal(["CMG", "PIP"], view.Contributors);
        Assert.Equal("Director General, Universal Credit", view.DirectorGeneral);
    }

    [Fact]
    public async Task A_decision_that_commissions_work_puts_the_work_in_the_register_linked_to_the_decision()
    {
        var meeting = await MeetingAsync(new DateOnly(2026, 10, 1));
        await using var db = database.CreateContext();
        var service = Service(db);

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            service.AddDecisionAsync(meeting, new NewDecisionInput { Text = "Commissioned a review.", CommissionsWork = true }, Secretariat, default));
        Assert.Equal(["directorGeneral", "owner", "dueOn"], refused.Errors.Select(e => e.Field));
        Assert.Empty(await db.PanelDecisions.Where(d => d.PanelMeetingId == meeting).ToListAsync());

        var added = await service.AddDecisionAsync(meeting, new NewDecisionInput
        {
            Text = "The Panel commissioned a review of safeguarding leads.",
            CommissionsWork = true,
            Owner = "CXD",
            DirectorGeneral = "Director General, Service Excellence",
            DueOn = Today.AddDays(60),
        }, Secretariat, default);
        var work = Assert.IsType<AgreedActivity>(added.Work);
        Assert.Equal(ActivityOrigin.PanelDecisionWork, work.Origin);
        Assert.Equal(added.Decision.Id, work.PanelDecisionId);
        Assert.Equal("SCP-20261001-D1", work.Reference);
        Assert.Equal("The Panel commissioned a review of safeguarding leads.", work.Text);
        Assert.Equal("SCP-20261001-D1", (await service.GetAsync(meeting, default)).Decisions.Single().WorkReference);
    }

    [Fact]
    public async Task A_stale_edit_of_a_decision_is_refused()
    {
        var meeting = await MeetingAsync(new DateOnly(2026, 10, 8));
        Guid id;
        int version;
        await using (var db = database.CreateContext())
        {
            var d = (await Service(db).AddDecisionAsync(meeting, new NewDecisionInput { Text = "Agreed." }, Secretariat, default)).Decision;
            (id, version) = (d.Id, d.Version);
        }

        await using (var db = database.CreateContext())
        {
            var edited = await Service(db).EditDecisionAsync(meeting, id, version, "Agreed the plan.", Secretariat, default);
            Assert.Equal(version + 1, edited.Version);
        }

        await using (var db = database.CreateContext())
        {
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Service(db).EditDecisionAsync(meeting, id, version, "Agreed something else.", Secretariat, default));
            Assert.Equal("Agreed the plan.", (await db.PanelDecisions.AsNoTracking().SingleAsync(d => d.Id == id)).Text);
        }
    }

    [Fact]
    public async Task Two_colleagues_adding_action_points_at_once_both_succeed_with_consecutive_numbers()
    {
        var march = await DemoMeetingAsync(March2020);
        var barrier = new Rendezvous(2);
        PauseAfterFirstMax[] pauses = [new(barrier, "AgreedActivities"), new(barrier, "AgreedActivities")];
        await using var one = Context(pauses[0]);
        await using var two = Context(pauses[1]);

        var added = await Task.WhenAll(
            Task.Run(() => Service(one).AddActionPointAsync(march, ActionPoint("From the first colleague."), Secretariat, default)),
            Task.Run(() => Service(two).AddActionPointAsync(march, ActionPoint("From the second colleague."), Secretariat, default)));

        Assert.True(barrier.BothArrived, "Both colleagues read the highest number before either saved.");
        Assert.Equal(1, pauses.Sum(p => p.FailedInserts)); // one save met the unique index and took the next number
        Assert.Equal([8, 9], added.Select(a => a.Number!.Value).Order());
        Assert.Equal(["SCP-20200319-AP8", "SCP-20200319-AP9"], added.Select(a => a.Reference).Order(StringComparer.Ordinal));
        await using var db = database.CreateContext();
        Assert.Equal(Enumerable.Range(1, 9), await db.AgreedActivities.Where(a => a.PanelMeetingId == march && a.Origin == ActivityOrigin.PanelActionPoint)
            .OrderBy(a => a.Number).Select(a => a.Number!.Value).ToListAsync());
    }

    [Fact]
    public async Task Two_colleagues_adding_decisions_at_once_both_succeed_with_consecutive_numbers()
    {
        var meeting = await MeetingAsync(new DateOnly(2026, 10, 15));
        var barrier = new Rendezvous(2);
        PauseAfterFirstMax[] pauses = [new(barrier, "PanelDecisions"), new(barrier, "PanelDecisions")];
        await using var one = Context(pauses[0]);
        await using var two = Context(pauses[1]);

        var added = await Task.WhenAll(
            Task.Run(() => Service(one).AddDecisionAsync(meeting, new NewDecisionInput { Text = "First." }, Secretariat, default)),
            Task.Run(() => Service(two).AddDecisionAsync(meeting, new NewDecisionInput { Text = "Second." }, Secretariat, default)));

        Assert.True(barrier.BothArrived);
        Assert.Equal(1, pauses.Sum(p => p.FailedInserts));
        Assert.Equal([1, 2], added.Select(a => a.Decision.Number).Order());
    }

    [Theory]
    [InlineData("2020-21", 2020)]
    [InlineData("2019-2020", 2019)]
    [InlineData("1999-00", 1999)]
    public void A_business_year_is_april_to_march(string text, int start)
    {
        var year = PanelYear.Parse(text)!;
        Assert.Equal(new DateOnly(start, 4, 1), year.From);
        Assert.Equal(new DateOnly(start + 1, 3, 31), year.To);
        Assert.Equal(new PanelYear(2019), PanelYear.Of(March2020));
        Assert.Equal("2020-21", PanelYear.Of(new DateOnly(2020, 7, 2)).ToString());
    }

    [Theory]
    [InlineData("2020-22")]
    [InlineData("2020")]
    [InlineData("20-21")]
    [InlineData("")]
    public void A_year_written_otherwise_is_not_read(string text) => Assert.Null(PanelYear.Parse(text));

    private SeriousCasesDbContext Context(IInterceptor interceptor)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteSeriousCasesDbContext>();
            DatabaseSetup.ConfigureSqlite(options, database.ConnectionString);
            options.AddInterceptors(interceptor);
            return new SqliteSeriousCasesDbContext(options.Options, new SystemActor("system:test"), TimeProvider.System);
        }

        var pg = new DbContextOptionsBuilder<PostgresSeriousCasesDbContext>();
        DatabaseSetup.ConfigurePostgres(pg, database.ConnectionString);
        pg.AddInterceptors(interceptor);
        return new PostgresSeriousCasesDbContext(pg.Options, new SystemActor("system:test"), TimeProvider.System);
    }

    /// <summary>Lets <paramref name="parties"/> tasks through only once all have arrived (or after 10 seconds, so a
    /// provider that serialises the reads fails the assertion instead of hanging).</summary>
    private sealed class Rendezvous(int parties)
    {
        private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public bool BothArrived => all.Task.IsCompletedSuccessfully;

        public async Task ArriveAsync()
        {
            if (Interlocked.Increment(ref arrived) == parties)
            {
                all.SetResult();
            }

            try
            {
                await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                // Reported by BothArrived.
            }
        }
    }

    /// <summary>Holds the context's first query for the highest number of <paramref name="table"/>, once it has run, until
    /// the other colleague's has run too, so both choose the same number and one save meets the unique index.</summary>
    private sealed class PauseAfterFirstMax(Rendezvous barrier, string table) : DbCommandInterceptor
    {
        private int paused;

        private Task PauseAsync(DbCommand command) =>
            command.CommandText.Contains("MAX(", StringComparison.OrdinalIgnoreCase) && command.CommandText.Contains($"\"{table}\"", StringComparison.Ordinal)
                && Interlocked.Exchange(ref paused, 1) == 0
                ? barrier.ArriveAsync()
                : Task.CompletedTask;

        private int failedInserts;

        /// <summary>Saves this context tried that the database refused (the unique index), before taking the next number.</summary>
        public int FailedInserts => failedInserts;

        // After the query ran: both colleagues have read the same highest number before either saves.
        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            await PauseAsync(command);
            return result;
        }

        public override async ValueTask<object?> ScalarExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            await PauseAsync(command);
            return result;
        }

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref failedInserts);
            }

            return Task.CompletedTask;
        }
    }
}
