using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Actions;

/// <summary>What a dated entry in an activity's history records.</summary>
public enum ActivityEventKind
{
    Progress = 1,
    CompletionReported = 2,
    AssuranceRecorded = 3,
    Replanned = 4,
    OwnerMoved = 5,
    Closed = 6,
    Reopened = 7,
    Created = 8,
}

/// <summary>One dated entry in an activity's history: a progress update, a reported completion, an
/// assurance decision, a re-plan, a move to a successor team. Never changed once written.</summary>
public sealed class ActivityUpdate : Entity
{
    public Guid AgreedActivityId { get; set; }
    public ActivityEventKind Kind { get; set; }
    public DateTime At { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public required string Note { get; set; }
}

/// <summary>A re-planned due date. The first commitment stays on the activity (FirstDueOn), so
/// "delivered on time" can be measured against it and against the latest date.</summary>
public sealed class DueDateChange : Entity
{
    public Guid AgreedActivityId { get; set; }
    public DateOnly? FromDueOn { get; set; }
    public DateOnly ToDueOn { get; set; }
    public required string Reason { get; set; }
    public DateTime At { get; set; }
    public required string ByName { get; set; }
}

/// <summary>A team contributing to a recommendation that cuts across several areas (one sponsoring DG,
/// one lead owner team on the activity, these contributors beside it).</summary>
public sealed class ActivityContributor
{
    public Guid AgreedActivityId { get; set; }
    public Guid OwnerTeamId { get; set; }
    public OwnerTeam? OwnerTeam { get; set; }
}

/// <summary>A user who works for an owner team: they see and update the team's activities and receive
/// its reminders.</summary>
public sealed class OwnerTeamMember
{
    public Guid OwnerTeamId { get; set; }
    public Guid UserId { get; set; }
}

/// <summary>When an Administrator moved a reorganised or abolished team's open activities to its successor.</summary>
public sealed class OwnerTransfer : Entity
{
    public Guid FromTeamId { get; set; }
    public Guid ToTeamId { get; set; }
    public int ActivitiesMoved { get; set; }
    public DateTime At { get; set; }
    public required string ByName { get; set; }
    public required string Reason { get; set; }
}

/// <summary>Who a step of the escalation ladder reaches.</summary>
public enum EscalationRecipient
{
    /// <summary>The owner team's members (a reminder before the due date).</summary>
    Owner = 1,
    /// <summary>The accountable Director General, through the Panel secretariat who hold their contact.</summary>
    AccountableDirectorGeneral = 2,
    /// <summary>Flagged for the next Serious Case Panel's actions update.</summary>
    PanelActionsUpdate = 3,
    /// <summary>Flagged for the Secretary of State and ministers' update.</summary>
    MinistersUpdate = 4,
}

/// <summary>A rung of the escalation ladder (reference data): how many days after the due date
/// (negative: before it) an open activity reaches whom.</summary>
public sealed class EscalationStep : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int DaysAfterDue { get; set; }
    public EscalationRecipient Recipient { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>That an activity reached a rung of the ladder for a given due date. Unique per activity,
/// step and due date: a re-plan starts the ladder again, a re-run raises nothing twice.</summary>
public sealed class ActivityEscalation : Entity
{
    public Guid AgreedActivityId { get; set; }
    public Guid EscalationStepId { get; set; }
    public EscalationStep? EscalationStep { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly RaisedOn { get; set; }
}

/// <summary>A named set of register filters a user keeps, e.g. "My overdue UC activities".</summary>
public sealed class SavedView : Entity
{
    public Guid UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The register's query string, e.g. "status=InProgress&amp;overdue=true".</summary>
    public required string Query { get; set; }
}
