using SeriousCases.Core.Panel;

namespace SeriousCases.Tests.Panel;

/// <summary>The secretariat's promises (papers a week ahead, minutes agreed and circulated within a fortnight,
/// published within a month) and the warning a week before each.</summary>
public sealed class PanelDeadlinesTests
{
    private static readonly DateOnly Meeting = new(2020, 7, 2);

    [Fact]
    public void The_deadlines_fall_a_week_before_a_fortnight_after_and_a_month_after_the_meeting()
    {
        Assert.Equal(new DateOnly(2020, 6, 25), PanelDeadlines.PapersDueOn(Meeting));
        Assert.Equal(new DateOnly(2020, 7, 16), PanelDeadlines.MinutesCirculationDueOn(Meeting));
        Assert.Equal(new DateOnly(2020, 8, 2), PanelDeadlines.MinutesPublicationDueOn(Meeting));
        // A month from 31 January is the end of February, not 3 March.
        Assert.Equal(new DateOnly(2021, 2, 28), PanelDeadlines.MinutesPublicationDueOn(new DateOnly(2021, 1, 31)));
    }

    [Theory]
    [InlineData("2020-06-25", "2020-07-20", DeadlineState.Met)] // done on the day
    [InlineData("2020-06-26", "2020-07-20", DeadlineState.MetLate)]
    [InlineData(null, "2020-06-17", DeadlineState.Pending)] // eight days before: no warning yet
    [InlineData(null, "2020-06-18", DeadlineState.DueSoon)] // a week before: warned
    [InlineData(null, "2020-06-25", DeadlineState.DueSoon)] // on the day, still not late
    [InlineData(null, "2020-06-26", DeadlineState.Overdue)]
    public void A_deadline_is_met_late_due_soon_or_overdue(string? doneOn, string today, DeadlineState expected)
    {
        var done = doneOn is { } d ? DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        Assert.Equal(expected, PanelDeadlines.State(new DateOnly(2020, 6, 25), done, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_paper_circulated_less_than_a_week_before_or_not_yet_after_the_deadline_is_late()
    {
        var today = new DateOnly(2020, 6, 30);
        Assert.False(PanelDeadlines.PaperIsLate(Meeting, new DateOnly(2020, 6, 25), today));
        Assert.True(PanelDeadlines.PaperIsLate(Meeting, new DateOnly(2020, 6, 26), today));
        Assert.True(PanelDeadlines.PaperIsLate(Meeting, null, today));
        Assert.False(PanelDeadlines.PaperIsLate(Meeting, null, new DateOnly(2020, 6, 20)));
    }

    [Fact]
    public void A_meetings_deadlines_are_kept_only_when_every_paper_and_both_minutes_dates_are_in_time()
    {
        var meeting = new PanelMeeting
        {
            MeetingOn = Meeting,
            Papers =
            [
                new PanelPaper { Number = 1, Title = "Actions Update", CirculatedOn = new DateOnly(2020, 6, 24) },
                new PanelPaper { Number = 2, Title = "Customer Dissatisfaction", CirculatedOn = new DateOnly(2020, 6, 29) },
            ],
            MinutesAgreedOn = new DateOnly(2020, 7, 10),
            MinutesCirculatedOn = new DateOnly(2020, 7, 20),
        };

        var deadlines = PanelDeadlines.For(meeting, new DateOnly(2020, 7, 28));

        Assert.Equal(["Papers circulated", "Minutes agreed and circulated", "Minutes published"], deadlines.Select(d => d.What));
        Assert.Equal(DeadlineState.MetLate, deadlines[0].State); // Paper 2 went out three days before
        Assert.Equal(new DateOnly(2020, 6, 29), deadlines[0].DoneOn);
        Assert.Equal(DeadlineState.MetLate, deadlines[1].State); // circulated after the fortnight
        Assert.Equal(DeadlineState.DueSoon, deadlines[2].State); // five days to publish

        meeting.Papers[1].CirculatedOn = null;
        Assert.Equal(DeadlineState.Overdue, PanelDeadlines.For(meeting, new DateOnly(2020, 7, 28))[0].State);
    }
}
