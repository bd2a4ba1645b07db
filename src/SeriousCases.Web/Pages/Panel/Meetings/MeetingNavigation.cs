using SeriousCases.Web.Pages.Shared;

namespace SeriousCases.Web.Pages.Panel.Meetings;

public enum MeetingSection
{
    Overview,
    AgendaAndPapers,
    Attendance,
    DecisionsAndActions,
    Minutes,
}

/// <summary>The sections of one Panel meeting's pages, for <c>_MeetingNavigation</c>. Typed links, so a moved page is a
/// compile error.</summary>
public sealed record MeetingNavigation(Guid Id, string Title, MeetingSection Current)
{
    public static string Href(Guid id, MeetingSection section) => section switch
    {
        MeetingSection.Overview => $"/panel/meetings/{id}",
        MeetingSection.AgendaAndPapers => $"/panel/meetings/{id}/agenda",
        MeetingSection.Attendance => $"/panel/meetings/{id}/attendance",
        MeetingSection.DecisionsAndActions => $"/panel/meetings/{id}/decisions",
        MeetingSection.Minutes => $"/panel/meetings/{id}/minutes",
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    public IEnumerable<(MeetingSection Section, string Text, string Href)> Links() =>
    [
        (MeetingSection.Overview, "Overview", Href(Id, MeetingSection.Overview)),
        (MeetingSection.AgendaAndPapers, "Agenda and papers", Href(Id, MeetingSection.AgendaAndPapers)),
        (MeetingSection.Attendance, "Attendance", Href(Id, MeetingSection.Attendance)),
        (MeetingSection.DecisionsAndActions, "Decisions and actions", Href(Id, MeetingSection.DecisionsAndActions)),
        (MeetingSection.Minutes, "Minutes", Href(Id, MeetingSection.Minutes)),
    ];

    public SubNavigation Menu => new($"Sections of the meeting of {Title}", [.. Links().Select(l => new SubNavigationLink(l.Text, l.Href, l.Section == Current))]);
}
