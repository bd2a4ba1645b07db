using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Panel;

/// <summary>A version of the Serious Case Panel's Terms of Reference.</summary>
public sealed class TermsOfReferenceVersion : Entity
{
    public required string Title { get; set; }
    public DateOnly ApprovedOn { get; set; }
    /// <summary>When the next review is due (ongoing in the first year, annually after).</summary>
    public DateOnly? ReviewDueOn { get; set; }
    /// <summary>The full text, one paragraph or "- " bullet per line; headings start with "## ".</summary>
    public required string Text { get; set; }
}

public enum PanelRole
{
    Chair = 1,
    PermanentSecretary = 2,
    DirectorGeneral = 3,
    IndependentCaseExaminer = 4,
    LegalAdviser = 5,
    ChiefMedicalAdviser = 6,
}

/// <summary>A person's membership of the Panel in a role, between two dates.</summary>
public sealed class PanelMembership : Entity
{
    public PanelRole Role { get; set; }
    public required string PersonName { get; set; }
    public required string JobTitle { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

public enum MeetingFormat
{
    InPerson = 1,
    Virtual = 2,
    Hybrid = 3,
}

public enum MeetingStatus
{
    Planned = 1,
    Held = 2,
    MinutesAgreed = 3,
    MinutesPublished = 4,
}

/// <summary>A quarterly meeting of the Serious Case Panel.</summary>
public sealed class PanelMeeting : Entity
{
    public DateOnly MeetingOn { get; set; }
    public MeetingFormat Format { get; set; }
    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;
    public string? FormatNote { get; set; }
    public string? ChairName { get; set; }
    /// <summary>Set when a member chaired on behalf of the Chair (as on 19 March 2020).</summary>
    public string? ChairOnBehalfOf { get; set; }
    /// <summary>The minutes as the secretariat edits them: generated from the meeting record, then edited.
    /// Same line format as the Terms of Reference ("## " headings, "- " bullets, "**Decision 1:**" bold).</summary>
    public string? MinutesText { get; set; }
    public DateOnly? MinutesAgreedOn { get; set; }
    public DateOnly? MinutesCirculatedOn { get; set; }
    /// <summary>Further words or names the secretariat chose to redact, one per line (attendees are chosen on their
    /// attendance record).</summary>
    public string? ExtraRedactions { get; set; }
    /// <summary>The published text, redactions applied, frozen when published (the public page shows this).</summary>
    public string? PublishedMinutesText { get; set; }
    public DateOnly? MinutesPublishedOn { get; set; }
    public List<AgendaItem> AgendaItems { get; set; } = [];
    public List<PanelPaper> Papers { get; set; } = [];
    public List<MeetingAttendance> Attendance { get; set; } = [];
    public List<PanelDecision> Decisions { get; set; } = [];
}

public enum AgendaItemKind
{
    Welcome = 1,
    ActionsUpdate = 2,
    ThemeDiscussion = 3,
    AnyOtherBusiness = 4,
    Other = 5,
}

public sealed class AgendaItem : Entity
{
    public Guid PanelMeetingId { get; set; }
    public int Number { get; set; }
    public AgendaItemKind Kind { get; set; } = AgendaItemKind.Other;
    public required string Title { get; set; }
    /// <summary>For a group discussion of a theme: the theme record it links to.</summary>
    public Guid? ThemeId { get; set; }
    public Theme? Theme { get; set; }
    /// <summary>The minuted discussion for the item.</summary>
    public string? Minute { get; set; }
}

public sealed class PanelPaper : Entity
{
    public Guid PanelMeetingId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Presenter { get; set; }
    public Guid? ThemeId { get; set; }
    public Theme? Theme { get; set; }
    public DateOnly? CirculatedOn { get; set; }
}

public enum AttendanceKind
{
    Member = 1,
    Deputy = 2,
    Presenter = 3,
    AdditionalAttendee = 4,
    Secretariat = 5,
    Apologies = 6,
}

public sealed class MeetingAttendance : Entity
{
    public Guid PanelMeetingId { get; set; }
    public AttendanceKind Kind { get; set; }
    /// <summary>Order within its kind, as the minutes list people.</summary>
    public int Order { get; set; }
    public required string PersonName { get; set; }
    public string? JobTitle { get; set; }
    /// <summary>For a deputy: the member they attended on behalf of (with the Chair's agreement).</summary>
    public string? OnBehalfOf { get; set; }
    public bool ChairAgreedDeputy { get; set; }
    /// <summary>Below senior level names may be redacted when minutes are published.</summary>
    public bool Redacted { get; set; }
}

/// <summary>A numbered decision of a meeting (Decision 1, 2 ...).</summary>
public sealed class PanelDecision : Entity
{
    public Guid PanelMeetingId { get; set; }
    public int Number { get; set; }
    public int? AgendaItemNumber { get; set; }
    public required string Text { get; set; }
}
