using SeriousCases.Core.Common;

namespace SeriousCases.Core.Actions;

/// <summary>Where an activity stands, as people read it. "Awaiting assurance" and "partly assured" are
/// reported completions that do not yet count as complete.</summary>
public enum ActivityState
{
    NotStarted,
    InProgress,
    AwaitingAssurance,
    PartlyAssured,
    Complete,
    ClosedWithoutCompletion,
}

/// <summary>The rules of the action register, in one place for pages, API, escalation and figures.</summary>
public static class ActivityRules
{
    public const int TextMax = 4000;
    public const int NoteMax = 4000;
    public const int ReasonMax = 2000;
    public const int PersonMax = 200;
    public const int TimescaleMax = 500;
    /// <summary>An open activity due within this many days is "due soon".</summary>
    public const int DueSoonDays = 14;

    public static ActivityState StateOf(AgreedActivity a) => a.Status switch
    {
        ActivityStatus.NotStarted => ActivityState.NotStarted,
        ActivityStatus.InProgress => ActivityState.InProgress,
        ActivityStatus.ClosedWithoutCompletion => ActivityState.ClosedWithoutCompletion,
        _ => a.Assurance switch
        {
            AssuranceGrade.Assured => ActivityState.Complete,
            AssuranceGrade.PartlyAssured => ActivityState.PartlyAssured,
            _ => ActivityState.AwaitingAssurance,
        },
    };

    public static string Describe(ActivityState state) => state switch
    {
        ActivityState.NotStarted => "Not started",
        ActivityState.InProgress => "In progress",
        ActivityState.AwaitingAssurance => "Awaiting assurance",
        ActivityState.PartlyAssured => "Partly assured",
        ActivityState.Complete => "Complete",
        _ => "Closed without completion",
    };

    public static string Describe(ActivityOrigin origin) => origin switch
    {
        ActivityOrigin.IprgAgreedActivity => "IPRG agreed activity",
        ActivityOrigin.PanelRecommendation => "Panel recommendation",
        ActivityOrigin.PanelActionPoint => "Panel action point",
        ActivityOrigin.PanelDecisionWork => "Work commissioned by a Panel decision",
        ActivityOrigin.AcsSeniorLeaderLearning => "Learning captured by an ACS Senior Leader",
        _ => "Commitment to Parliament or the NAO",
    };

    public static string Describe(AssuranceGrade grade) => grade switch
    {
        AssuranceGrade.Assured => "Assured",
        AssuranceGrade.PartlyAssured => "Partly assured",
        AssuranceGrade.NotAssuredReopened => "Not assured: reopened",
        _ => "Superseded by another activity",
    };

    /// <summary>Only an assured activity counts as complete, in figures and in the publication.</summary>
    public static bool CountsAsComplete(AgreedActivity a) => StateOf(a) == ActivityState.Complete;

    /// <summary>Still to be delivered: not started or in progress. A reported completion waits on assurance, not on the owner.</summary>
    public static bool IsOpen(AgreedActivity a) => a.Status is ActivityStatus.NotStarted or ActivityStatus.InProgress;

    public static bool IsOverdue(AgreedActivity a, DateOnly today) => IsOpen(a) && a.DueOn is { } due && due < today;

    public static bool IsDueSoon(AgreedActivity a, DateOnly today) =>
        IsOpen(a) && a.DueOn is { } due && due >= today && due <= today.AddDays(DueSoonDays);

    /// <summary>Days past the latest due date (0 when not overdue).</summary>
    public static int DaysOverdue(AgreedActivity a, DateOnly today) =>
        IsOverdue(a, today) ? today.DayNumber - a.DueOn!.Value.DayNumber : 0;

    /// <summary>Delivered by the first commitment; null while not delivered or when no date was ever set.</summary>
    public static bool? OnTimeAgainstFirstDate(AgreedActivity a) =>
        a.CompletedOn is { } done && a.FirstDueOn is { } first ? done <= first : null;

    /// <summary>Delivered by the latest (re-planned) date.</summary>
    public static bool? OnTimeAgainstLatestDate(AgreedActivity a) =>
        a.CompletedOn is { } done && a.DueOn is { } due ? done <= due : null;

    /// <summary>Who is accountable is required for a Panel recommendation: one sponsoring DG or committee.</summary>
    public static bool NeedsAccountableDirectorGeneral(ActivityOrigin origin) => origin == ActivityOrigin.PanelRecommendation;

    public static void CheckNote(string? note, ValidationErrors errors, string field = "note")
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            errors.Add(field, "Enter the progress update");
        }
        else if (note.Length > NoteMax)
        {
            errors.Add(field, $"The progress update must be {NoteMax:N0} characters or fewer");
        }
    }

    /// <summary>A re-plan needs a new date that is not in the past and differs from the current one, and a reason.</summary>
    public static void CheckReplan(AgreedActivity a, DateOnly? dueOn, string? reason, DateOnly today, ValidationErrors errors)
    {
        if (dueOn is not { } due)
        {
            errors.Add("dueOn", "Enter the new due date");
        }
        else if (due < today)
        {
            errors.Add("dueOn", "The new due date must be today or in the future");
        }
        else if (due == a.DueOn)
        {
            errors.Add("dueOn", "The new due date must be different from the current due date");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Enter why the due date is changing");
        }
        else if (reason.Length > ReasonMax)
        {
            errors.Add("reason", $"The reason must be {ReasonMax:N0} characters or fewer");
        }
    }

    /// <summary>Reporting completion needs the evidence and the learning outcome the publication will print.</summary>
    public static void CheckCompletion(string? evidence, string? outcome, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(evidence))
        {
            errors.Add("evidence", "Enter the evidence that the activity is complete");
        }
        else if (evidence.Length > TextMax)
        {
            errors.Add("evidence", $"The evidence must be {TextMax:N0} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            errors.Add("outcome", "Enter the learning outcome: what changed because of the activity");
        }
        else if (outcome.Length > TextMax)
        {
            errors.Add("outcome", $"The learning outcome must be {TextMax:N0} characters or fewer");
        }
    }

    /// <summary>The rungs of the ladder an open activity has reached today, lowest first.</summary>
    public static IReadOnlyList<EscalationStep> StepsReached(AgreedActivity a, DateOnly today, IEnumerable<EscalationStep> ladder)
    {
        if (!IsOpen(a) || a.DueOn is not { } due)
        {
            return [];
        }

        var daysAfterDue = today.DayNumber - due.DayNumber;
        return [.. ladder.Where(s => s.IsActive && s.DaysAfterDue <= daysAfterDue).OrderBy(s => s.DaysAfterDue)];
    }

    /// <summary>Of the rungs one run raises for an activity, the one to notify: the highest. On a normal day that is
    /// the only one; when several are raised at once (an activity recorded already overdue, a backlog, a rung put
    /// back into use) the lower ones are recorded without a message, so nobody is reminded of a due date weeks past
    /// in the same hour as the Director General is told it was missed.</summary>
    public static EscalationStep? StepToNotify(IReadOnlyList<EscalationStep> newlyReached) =>
        newlyReached.Count == 0 ? null : newlyReached.MaxBy(s => s.DaysAfterDue);
}
