namespace SeriousCases.Core.Panel;

/// <summary>How pages and papers name the Panel's meeting values.</summary>
public static class PanelWording
{
    public static string Describe(MeetingFormat format) => format switch
    {
        MeetingFormat.InPerson => "In person",
        MeetingFormat.Virtual => "Virtual",
        _ => "Hybrid",
    };

    public static string Describe(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Planned",
        MeetingStatus.Held => "Held",
        MeetingStatus.MinutesAgreed => "Minutes agreed",
        _ => "Minutes published",
    };

    public static string Describe(AgendaItemKind kind) => kind switch
    {
        AgendaItemKind.Welcome => "Welcome and introductions",
        AgendaItemKind.ActionsUpdate => "Update on actions and decisions",
        AgendaItemKind.ThemeDiscussion => "Group discussion of a theme",
        AgendaItemKind.AnyOtherBusiness => "Any other business",
        _ => "Other item",
    };

    /// <summary>The attendance groups in the order the minutes list them.</summary>
    public static string Heading(AttendanceKind kind) => kind switch
    {
        AttendanceKind.Member => "Members present",
        AttendanceKind.Deputy => "On behalf of",
        AttendanceKind.Presenter => "Presenters",
        AttendanceKind.AdditionalAttendee => "Additional attendees",
        AttendanceKind.Secretariat => "Secretariat",
        _ => "Apologies",
    };

    public static string Describe(DeadlineState state) => state switch
    {
        DeadlineState.Met => "Met",
        DeadlineState.MetLate => "Late",
        DeadlineState.Pending => "Not yet due",
        DeadlineState.DueSoon => "Due soon",
        _ => "Overdue",
    };

    /// <summary>The GOV.UK tag colour for a deadline's state.</summary>
    public static string TagClass(DeadlineState state) => state switch
    {
        DeadlineState.Met => "govuk-tag--green",
        DeadlineState.MetLate => "govuk-tag--orange",
        DeadlineState.Pending => "govuk-tag--grey",
        DeadlineState.DueSoon => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };

    public static string TagClass(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "govuk-tag--blue",
        MeetingStatus.Held => "govuk-tag--light-blue",
        MeetingStatus.MinutesAgreed => "govuk-tag--turquoise",
        _ => "govuk-tag--green",
    };
}
