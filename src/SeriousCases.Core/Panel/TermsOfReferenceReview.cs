namespace SeriousCases.Core.Panel;

public enum ReviewKind
{
    /// <summary>The Panel's first year: the Terms of Reference are under ongoing review until it ends.</summary>
    OngoingFirstYear = 1,
    /// <summary>After the first year: reviewed every year from each approval.</summary>
    Annual = 2,
}

public enum ReviewState
{
    /// <summary>A later version replaced this one: its review is done.</summary>
    Superseded = 1,
    /// <summary>The review is more than <see cref="TermsOfReferenceReview.DueSoonDays"/> away.</summary>
    NotDue = 2,
    /// <summary>The review is due within <see cref="TermsOfReferenceReview.DueSoonDays"/>.</summary>
    DueSoon = 3,
    /// <summary>The review date has passed with no new version approved.</summary>
    Overdue = 4,
}

public sealed record ReviewSchedule(ReviewKind Kind, DateOnly DueOn);

/// <summary>When the Terms of Reference are next reviewed (seed 000: "subject to ongoing review in the first year of the
/// Panel ... and thereafter on an annual basis"; seed 001: "reviewed annually"). The first year runs from the approval
/// of the first version: any version approved in it is reviewed when the year ends; after it, each version is reviewed
/// a year after its own approval.</summary>
public static class TermsOfReferenceReview
{
    /// <summary>The Panel meets quarterly, so a review due within about a quarter must go on the next meeting's agenda.</summary>
    public const int DueSoonDays = 90;

    /// <param name="approvedOn">The version's approval.</param>
    /// <param name="firstApprovedOn">The approval of the first version of all (null when this is the first).</param>
    public static ReviewSchedule For(DateOnly approvedOn, DateOnly? firstApprovedOn)
    {
        var first = firstApprovedOn is { } f && f < approvedOn ? f : approvedOn;
        var firstYearEnds = first.AddYears(1);
        return approvedOn < firstYearEnds
            ? new ReviewSchedule(ReviewKind.OngoingFirstYear, firstYearEnds)
            : new ReviewSchedule(ReviewKind.Annual, approvedOn.AddYears(1));
    }

    /// <summary>Where the review of a version stands on <paramref name="today"/>. Only the version in force has a review
    /// to do: one that a later version replaced is superseded.</summary>
    public static ReviewState State(DateOnly? reviewDueOn, bool isCurrent, DateOnly today) => (isCurrent, reviewDueOn) switch
    {
        (false, _) => ReviewState.Superseded,
        (true, null) => ReviewState.NotDue,
        (true, { } due) when today > due => ReviewState.Overdue,
        (true, { } due) when today >= due.AddDays(-DueSoonDays) => ReviewState.DueSoon,
        _ => ReviewState.NotDue,
    };
}
