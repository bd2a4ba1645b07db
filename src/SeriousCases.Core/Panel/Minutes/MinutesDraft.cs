using System.Text;
using System.Text.RegularExpressions;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;

namespace SeriousCases.Core.Panel.Minutes;

/// <summary>Writes the first draft of the minutes from the meeting record, in the layout of the published minutes of
/// 2020 (seed 000): the heading and date, the format, the Chair (on behalf of the Chair when a member chaired),
/// members with deputies "on behalf of" the member, presenters, additional attendees, secretariat and apologies, then
/// the numbered agenda items with their minute, the papers presented under them, the decisions taken under them
/// ("**Decision 1** – ...") and the action points ("**AP1:** ..."). The secretariat edits the draft afterwards.</summary>
public static partial class MinutesDraft
{
    public const string Heading = "MINUTES OF THE SERIOUS CASE PANEL";

    /// <param name="actionPoints">The meeting's action points (Origin PanelActionPoint); any order.</param>
    public static string Generate(PanelMeeting meeting, IEnumerable<AgreedActivity> actionPoints)
    {
        var lines = new List<string>
        {
            $"## {Heading}",
            $"**{UkTime.Format(meeting.MeetingOn)}**",
        };
        if (!string.IsNullOrWhiteSpace(meeting.FormatNote))
        {
            lines.Add(meeting.FormatNote.Trim());
        }

        var attendance = meeting.Attendance.OrderBy(a => a.Order).ToList();
        var chair = string.IsNullOrWhiteSpace(meeting.ChairName)
            ? null
            : attendance.FirstOrDefault(a => a.Kind == AttendanceKind.Member && SameName(a.PersonName, meeting.ChairName));
        if (!string.IsNullOrWhiteSpace(meeting.ChairName))
        {
            var chairLine = $"**Chair:** {Person(meeting.ChairName.Trim(), ChairTitle(chair?.JobTitle), ", ")}";
            if (!string.IsNullOrWhiteSpace(meeting.ChairOnBehalfOf))
            {
                chairLine += $" (on behalf of {meeting.ChairOnBehalfOf.Trim()})";
            }

            lines.Add(chairLine);
        }

        var members = attendance.Where(a => a is { Kind: AttendanceKind.Member or AttendanceKind.Deputy } && a != chair).ToList();
        if (members.Count > 0)
        {
            lines.Add("**Members:**");
            lines.AddRange(members.Select(a => Person(a.PersonName, a.JobTitle, ", ")
                + (a.Kind == AttendanceKind.Deputy && !string.IsNullOrWhiteSpace(a.OnBehalfOf) ? $" (on behalf of {a.OnBehalfOf.Trim()})" : "")));
        }

        AddList(lines, "Presenters", attendance.Where(a => a.Kind == AttendanceKind.Presenter), " – ");
        AddList(lines, "Additional attendees", attendance.Where(a => a.Kind == AttendanceKind.AdditionalAttendee), " – ");
        var secretariat = attendance.Where(a => a.Kind == AttendanceKind.Secretariat).Select(a => a.PersonName.Trim()).ToList();
        if (secretariat.Count > 0)
        {
            lines.Add($"**Secretariat:** {string.Join(", ", secretariat)}");
        }

        AddList(lines, "Apologies", attendance.Where(a => a.Kind == AttendanceKind.Apologies), ", ");

        var items = meeting.AgendaItems.OrderBy(i => i.Number).ToList();
        var papers = meeting.Papers.OrderBy(p => p.Number).ToList();
        var decisions = meeting.Decisions.OrderBy(d => d.Number).ToList();
        var points = actionPoints.Where(a => a.Origin == ActivityOrigin.PanelActionPoint).OrderBy(a => a.Number ?? a.Order).ToList();
        // Without an agenda item of their own, decisions and action points go under the last item of substance.
        var fallback = items.LastOrDefault(i => i.Kind == AgendaItemKind.ThemeDiscussion)
            ?? items.LastOrDefault(i => !IsAnyOtherBusiness(i))
            ?? items.LastOrDefault();
        var papersByItem = papers.ToLookup(p => ItemFor(p, items, fallback)?.Number);

        foreach (var item in items)
        {
            lines.Add($"## {item.Number}. {item.Title.Trim()}");
            foreach (var paper in papersByItem[item.Number])
            {
                lines.Add(PaperLine(paper));
            }

            lines.AddRange(Paragraphs(item.Minute));
            foreach (var d in decisions.Where(d => (d.AgendaItemNumber is { } n && items.Any(i => i.Number == n) ? n : fallback?.Number) == item.Number))
            {
                lines.Add($"**Decision {d.Number}** – {d.Text.Trim()}");
            }

            if (item == fallback && points.Count > 0)
            {
                lines.Add("The Panel agreed the following action points:");
                lines.AddRange(points.Select(ActionPointLine));
            }
        }

        if (items.Count == 0)
        {
            // No agenda recorded: still list what the meeting decided and agreed, for the secretariat to place.
            lines.AddRange(papers.Select(PaperLine));
            lines.AddRange(decisions.Select(d => $"**Decision {d.Number}** – {d.Text.Trim()}"));
            lines.AddRange(points.Select(ActionPointLine));
        }

        return string.Join('\n', lines) + "\n";
    }

    public static string PaperLine(PanelPaper p) =>
        $"**Paper {p.Number}: {p.Title.Trim()}**" + (string.IsNullOrWhiteSpace(p.Presenter) ? "" : $", presented by {p.Presenter.Trim()}");

    public static string ActionPointLine(AgreedActivity a)
    {
        var line = $"**AP{a.Number ?? a.Order}:** {a.Text.Trim()}";
        var owner = a.ResponsiblePerson?.Trim();
        // The owner is named unless the text already starts with them ("Victoria Hughes to ...").
        if (!string.IsNullOrEmpty(owner) && !a.Text.Contains(owner, StringComparison.OrdinalIgnoreCase))
        {
            line += $" Owner: {owner}.";
        }

        if (!string.IsNullOrWhiteSpace(a.Timescale))
        {
            line += $" Timescale: {a.Timescale.Trim()}.";
        }
        else if (a.DueOn is { } due)
        {
            line += $" By {UkTime.Format(due)}.";
        }

        return line;
    }

    private static AgendaItem? ItemFor(PanelPaper paper, List<AgendaItem> items, AgendaItem? fallback)
    {
        var mention = new Regex($@"\bPaper\s+{paper.Number}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return items.FirstOrDefault(i => i.Minute is { } m && mention.IsMatch(m))
            ?? items.FirstOrDefault(i => paper.ThemeId is { } t && i.ThemeId == t)
            ?? (paper.ThemeId is null ? items.FirstOrDefault(i => i.Kind == AgendaItemKind.ActionsUpdate) : null)
            ?? items.FirstOrDefault(i => i.Kind == AgendaItemKind.ThemeDiscussion)
            ?? fallback;
    }

    private static bool IsAnyOtherBusiness(AgendaItem i) =>
        i.Kind == AgendaItemKind.AnyOtherBusiness
        || i.Title.TrimStart().StartsWith("AOB", StringComparison.OrdinalIgnoreCase)
        || i.Title.Contains("any other business", StringComparison.OrdinalIgnoreCase);

    private static void AddList(List<string> lines, string label, IEnumerable<MeetingAttendance> people, string separator)
    {
        var list = people.ToList();
        if (list.Count == 0)
        {
            return;
        }

        lines.Add($"**{label}:**");
        lines.AddRange(list.Select(a => Person(a.PersonName, a.JobTitle, separator)));
    }

    private static string Person(string name, string? jobTitle, string separator) =>
        string.IsNullOrWhiteSpace(jobTitle) ? name.Trim() : $"{name.Trim()}{separator}{jobTitle.Trim()}";

    /// <summary>The Chair's job title without the "(Chair ...)" note the attendance list may add to it.</summary>
    private static string? ChairTitle(string? jobTitle) =>
        jobTitle is null ? null : ChairNote().Replace(jobTitle, "").Trim();

    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    [GeneratedRegex(@"\s*\((?:the\s+)?Chair\b[^)]*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChairNote();
}
