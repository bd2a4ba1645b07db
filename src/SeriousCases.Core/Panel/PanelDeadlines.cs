namespace SeriousCases.Core.Panel;

public enum DeadlineState
{
    /// <summary>Done on or before the deadline.</summary>
    Met = 1,
    /// <summary>Done after the deadline.</summary>
    MetLate = 2,
    /// <summary>Not done yet; the deadline is more than <see cref="PanelDeadlines.WarningDays"/> away.</summary>
    Pending = 3,
    /// <summary>Not done yet and the deadline is within <see cref="PanelDeadlines.WarningDays"/>: warn before it is late.</summary>
    DueSoon = 4,
    /// <summary>Not done and the deadline has passed.</summary>
    Overdue = 5,
}

public sealed record Deadline(string What, DateOnly DueOn, DateOnly? DoneOn, DeadlineState State);

/// <summary>The secretariat's promises in the Terms of Reference (seed 000): papers circulated a week before the
/// meeting, minutes agreed and circulated within a fortnight after it, and (this service's rule) the published,
/// redacted minutes within a month of it.</summary>
public static class PanelDeadlines
{
    public const int PapersDaysBefore = 7;
    public const int MinutesCirculatedWithinDays = 14;
    public const int MinutesPublishedWithinMonths = 1;
    /// <summary>How early the secretariat's home page warns of a deadline that has not been met.</summary>
    public const int WarningDays = 7;

    public static DateOnly PapersDueOn(DateOnly meetingOn) => meetingOn.AddDays(-PapersDaysBefore);

    public static DateOnly MinutesCirculationDueOn(DateOnly meetingOn) => meetingOn.AddDays(MinutesCirculatedWithinDays);

    public static DateOnly MinutesPublicationDueOn(DateOnly meetingOn) => meetingOn.AddMonths(MinutesPublishedWithinMonths);

    /// <summary>A paper circulated later than a week before the meeting (or still not circulated then) is late.</summary>
    public static bool PaperIsLate(DateOnly meetingOn, DateOnly? circulatedOn, DateOnly today) =>
        State(PapersDueOn(meetingOn), circulatedOn, today) is DeadlineState.MetLate or DeadlineState.Overdue;

    public static DeadlineState State(DateOnly dueOn, DateOnly? doneOn, DateOnly today) => doneOn switch
    {
        { } done when done <= dueOn => DeadlineState.Met,
        not null => DeadlineState.MetLate,
        null when today > dueOn => DeadlineState.Overdue,
        null when today >= dueOn.AddDays(-WarningDays) => DeadlineState.DueSoon,
        _ => DeadlineState.Pending,
    };

    /// <summary>Every deadline of one meeting, in the order they fall. A paper counts as circulated on its own date;
    /// the papers deadline is met when every paper was circulated on time.</summary>
    public static IReadOnlyList<Deadline> For(PanelMeeting meeting, DateOnly today)
    {
        var papersDue = PapersDueOn(meeting.MeetingOn);
        DateOnly? papersDone = meeting.Papers.Count == 0 || meeting.Papers.Any(p => p.CirculatedOn is null)
            ? null
            : meeting.Papers.Max(p => p.CirculatedOn);
        var circulationDue = MinutesCirculationDueOn(meeting.MeetingOn);
        // Agreed and circulated is one promise: it is kept on the later of the two dates.
        DateOnly? circulated = meeting.MinutesAgreedOn is { } agreed && meeting.MinutesCirculatedOn is { } sent
            ? (agreed > sent ? agreed : sent)
            : null;
        var publicationDue = MinutesPublicationDueOn(meeting.MeetingOn);
        return
        [
            new("Papers circulated", papersDue, papersDone, State(papersDue, papersDone, today)),
            new("Minutes agreed and circulated", circulationDue, circulated, State(circulationDue, circulated, today)),
            new("Minutes published", publicationDue, meeting.MinutesPublishedOn, State(publicationDue, meeting.MinutesPublishedOn, today)),
        ];
    }
}
