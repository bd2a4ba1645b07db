using SeriousCases.Core.Actions;

namespace SeriousCases.Core.Investigations;

/// <summary>The IPR report: what the investigation found and what was agreed, in one record for the page,
/// the Word document and the API. Marked OFFICIAL-SENSITIVE wherever it is shown. It holds no customer
/// name: the reference identifies the case to those who work it.</summary>
public sealed record IprReport(
    Guid Id,
    string Reference,
    InvestigationStage Stage,
    string StageText,
    InvestigationOutcome? Outcome,
    string? OutcomeText,
    DateOnly? NotifiedOn,
    DateOnly? AcceptedOn,
    DateOnly? LaunchedOn,
    DateOnly? SentToIprgOn,
    DateOnly? IprgReviewedOn,
    DateOnly? ConcludedOn,
    IReadOnlyList<string> ServiceLines,
    string? Summary,
    IReadOnlyList<ReportContact> Journey,
    IReadOnlyList<ReportDiscussion> Discussions,
    IReadOnlyList<ReportFinding> Findings,
    IReadOnlyList<ReportActivity> OtherActivities,
    IReadOnlyList<string> LearningOutcomes,
    bool ExternalScrutiny,
    string? ExternalScrutinyDetails,
    IReadOnlyList<ReportScrutiny> Scrutiny,
    DateOnly PreparedOn)
{
    /// <summary>The government security classification the report carries, top and bottom, on every page.</summary>
    public const string Marking = "OFFICIAL-SENSITIVE";

    public string FileName => $"{Reference}-report.docx";

    public int DiscussionCount => Discussions.Count;

    public int ActivityCount => Findings.Sum(f => f.Activities.Count) + OtherActivities.Count;

    /// <summary>Text typed with line breaks, as paragraphs (blank lines and surrounding spaces dropped).</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0)];

    public static string DescribeOutcome(InvestigationOutcome outcome) =>
        outcome == InvestigationOutcome.LearningIdentified ? "Learning identified" : "No learning identified";

    public static string DescribeChannel(ContactChannel channel) => channel switch
    {
        ContactChannel.Telephone => "Telephone",
        ContactChannel.Journal => "Journal",
        ContactChannel.FaceToFace => "Face to face",
        ContactChannel.HomeVisit => "Home visit",
        ContactChannel.Letter => "Letter",
        ContactChannel.Email => "Email",
        ContactChannel.Webchat => "Webchat",
        ContactChannel.Assessment => "Assessment",
        _ => "Other",
    };
}

/// <summary>One contact of the customer's journey, in date order.</summary>
public sealed record ReportContact(DateOnly OccurredOn, string ServiceLine, ContactChannel Channel, string ChannelText, string WhatHappened, string Source);

/// <summary>A fact-finding discussion as the report shows it: when, and the role of the person spoken to (never the notes).</summary>
public sealed record ReportDiscussion(DateOnly HeldOn, string Role);

public sealed record ReportFinding(Guid Id, int Order, string Text, string ServiceLine, IReadOnlyList<string> Themes, IReadOnlyList<ReportActivity> Activities);

/// <summary>An activity the IPRG agreed, with its progress in the action register. <see cref="LearningOutcome"/>
/// is shown only once the activity is complete and its assurance (if graded) is "assured".</summary>
public sealed record ReportActivity(
    Guid Id, string Reference, Guid? FindingId, string Text, string? Owner, string? ServiceLine, DateOnly? DueOn,
    ActivityStatus Status, string StatusText, string? LearningOutcome)
{
    public static ReportActivity From(AgreedActivity a) => new(
        a.Id, a.Reference, a.FindingId, a.Text, a.OwnerTeam?.ShortName, a.ServiceLine?.Name, a.DueOn, a.Status,
        ActivityProgress.Describe(a.Status), ActivityProgress.OutcomeShown(a));
}

public sealed record ReportScrutiny(ScrutinyKind Kind, string KindText, DateOnly On, string? Notes);

/// <summary>How an agreed activity's progress reads on the IPR's pages and in its report.</summary>
public static class ActivityProgress
{
    public static string Describe(ActivityStatus status) => status switch
    {
        ActivityStatus.NotStarted => "Not started",
        ActivityStatus.InProgress => "In progress",
        ActivityStatus.Complete => "Complete",
        ActivityStatus.ClosedWithoutCompletion => "Closed without completion",
        _ => status.ToString(),
    };

    /// <summary>The activity's learning outcome, when it is complete and not graded short of assured.</summary>
    public static string? OutcomeShown(AgreedActivity a) =>
        a.Status == ActivityStatus.Complete && (a.Assurance is null or AssuranceGrade.Assured) && !string.IsNullOrWhiteSpace(a.LearningOutcome)
            ? a.LearningOutcome
            : null;

    /// <summary>Whether no more work is expected on the activity (complete, or closed without completion).</summary>
    public static bool IsFinished(ActivityStatus status) => status is ActivityStatus.Complete or ActivityStatus.ClosedWithoutCompletion;
}
