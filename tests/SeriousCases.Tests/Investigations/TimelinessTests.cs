using SeriousCases.Core.Investigations;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Tests.Investigations;

/// <summary>Each step of an IPR against its target: not started, on track, overdue, met, missed.</summary>
public sealed class TimelinessTests
{
    private static readonly TimelinessTarget[] Targets =
    [
        new() { Code = Timeliness.NotificationToLaunch, Name = "Notification to launch", Days = 28 },
        new() { Code = Timeliness.LaunchToIprg, Name = "Launch to IPRG", Days = 84 },
        new() { Code = Timeliness.IprgToReview, Name = "IPRG to review", Days = 28 },
        new() { Code = TimelinessTarget.TriageDecision, Name = "Not an IPR step", Days = 14 },
    ];

    private static readonly DateOnly Notified = new(2026, 1, 5);

    private static TimelinessCheck Step(Investigation ipr, string code, DateOnly today) =>
        Timeliness.Assess(ipr, Targets, today).Single(c => c.Code == code);

    [Fact]
    public void Only_the_ipr_steps_are_assessed()
    {
        var checks = Timeliness.Assess(new Investigation { Reference = "IPR-1", NotifiedOn = Notified }, Targets, Notified);
        Assert.Equal([Timeliness.NotificationToLaunch, Timeliness.LaunchToIprg, Timeliness.IprgToReview], checks.Select(c => c.Code));
    }

    [Fact]
    public void An_open_step_is_on_track_until_its_due_date_and_overdue_after()
    {
        var ipr = new Investigation { Reference = "IPR-1", NotifiedOn = Notified };
        var due = Notified.AddDays(28);
        Assert.Equal(due, Step(ipr, Timeliness.NotificationToLaunch, due).Due);
        Assert.Equal(TimelinessStatus.OnTrack, Step(ipr, Timeliness.NotificationToLaunch, due).Status);
        Assert.Equal(TimelinessStatus.Overdue, Step(ipr, Timeliness.NotificationToLaunch, due.AddDays(1)).Status);
        Assert.True(Step(ipr, Timeliness.NotificationToLaunch, due.AddDays(1)).IsBreach);
        Assert.Equal(TimelinessStatus.NotStarted, Step(ipr, Timeliness.LaunchToIprg, due.AddDays(1)).Status);
    }

    [Fact]
    public void A_done_step_is_met_on_or_before_its_due_date_and_missed_after()
    {
        var onTime = new Investigation { Reference = "IPR-1", NotifiedOn = Notified, LaunchedOn = Notified.AddDays(28) };
        Assert.Equal(TimelinessStatus.Met, Step(onTime, Timeliness.NotificationToLaunch, Notified.AddDays(200)).Status);
        var late = new Investigation { Reference = "IPR-2", NotifiedOn = Notified, LaunchedOn = Notified.AddDays(29) };
        Assert.Equal(TimelinessStatus.Missed, Step(late, Timeliness.NotificationToLaunch, Notified.AddDays(29)).Status);
        Assert.True(Step(late, Timeliness.NotificationToLaunch, Notified.AddDays(29)).IsBreach);
        Assert.Equal(TimelinessStatus.OnTrack, Step(late, Timeliness.LaunchToIprg, Notified.AddDays(29)).Status);
    }

    [Fact]
    public void A_concluded_case_without_a_steps_date_is_not_recorded_rather_than_overdue()
    {
        var old = new Investigation { Reference = "IPR-3", NotifiedOn = Notified, Stage = InvestigationStage.Concluded, ConcludedOn = Notified.AddDays(100) };
        Assert.Equal(TimelinessStatus.NotRecorded, Step(old, Timeliness.NotificationToLaunch, Notified.AddDays(400)).Status);
        Assert.False(Step(old, Timeliness.NotificationToLaunch, Notified.AddDays(400)).IsBreach);
    }
}
