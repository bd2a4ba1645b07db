using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Panel;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>The secretariat chooses what the published minutes redact: a seniority level pre-selects the attendees
/// below it (by default the secretariat, as published in 2020), each name can be ticked or not, and further names or
/// words added one per line. The preview marks every span that publishing will replace.</summary>
public sealed class MinutesRedactModel(MinutesService minutes) : MinutesFormModel(minutes)
{
    [BindProperty(Name = "redacted")] public List<Guid> Redacted { get; set; } = [];
    [BindProperty(Name = "extraRedactions")] public string? Extra { get; set; }

    /// <summary>The level chosen to pre-select names (from the query string), or null to show what is saved.</summary>
    [BindProperty(Name = "threshold", SupportsGet = true)] public RedactionThreshold? Threshold { get; set; }

    protected override string FirstField => "extraRedactions";

    /// <summary>The attendees who can be redacted, most senior first (apologies are members and never named below).</summary>
    public IReadOnlyList<MeetingAttendance> People => [.. View.Meeting.Attendance
        .OrderBy(a => MinutesRedaction.Rank(a.Kind)).ThenBy(a => a.Kind).ThenBy(a => a.Order)];

    public RedactionThreshold ShownThreshold => Threshold ?? MinutesRedaction.DefaultThreshold;

    /// <summary>The pattern of what is chosen on the form (saved or not), for the preview.</summary>
    public Regex? Highlight => MinutesRedaction.Pattern(MinutesRedaction.Terms(
        View.Meeting.Attendance.Select(a => new MeetingAttendance { Kind = a.Kind, PersonName = a.PersonName, Redacted = Redacted.Contains(a.Id) }),
        Extra));

    public int SpanCount => View.Meeting.MinutesText is { } text && Highlight is { } h ? h.Matches(text).Count : 0;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await OpenAsync(id, ct);
        Redacted = Threshold is { } level
            ? [.. MinutesRedaction.Preselect(View.Meeting.Attendance, level).Select(a => a.Id)]
            : [.. View.Meeting.Attendance.Where(a => a.Redacted).Select(a => a.Id)];
        Extra = View.Meeting.ExtraRedactions;
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, async () =>
        {
            var m = await Minutes.ChooseRedactionsAsync(id, Version, Redacted, Extra, ct);
            var names = m.Attendance.Count(a => a.Redacted) + MinutesRedaction.ExtraLines(m.ExtraRedactions).Count;
            return names == 0
                ? "Redactions saved: nothing will be redacted"
                : $"Redactions saved. Check the marked text below before publishing";
        }, ct, $"/panel/meetings/{id}/minutes/redact");

    public static string KindText(AttendanceKind kind) => kind switch
    {
        AttendanceKind.Member => "Member",
        AttendanceKind.Deputy => "Deputy",
        AttendanceKind.Presenter => "Presenter",
        AttendanceKind.AdditionalAttendee => "Additional attendee",
        AttendanceKind.Secretariat => "Secretariat",
        _ => "Apologies",
    };
}
