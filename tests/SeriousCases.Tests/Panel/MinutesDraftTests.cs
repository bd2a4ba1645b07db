using SeriousCases.Core.Actions;
using SeriousCases.Core.Demo;
using SeriousCases.Core.Panel;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Tests.Panel;

/// <summary>The draft generated from the record of the 2020 meetings (panel-2020.json, from seed 000) reads as the
/// published minutes do.</summary>
public sealed class MinutesDraftTests
{
    /// <summary>A meeting as the demo records it, attendance in the order of the source.</summary>
    internal static (PanelMeeting Meeting, List<AgreedActivity> ActionPoints) Meeting(DateOnly on)
    {
        var m = DemoSources.Panel.Meetings.Single(x => x.MeetingOn == on);
        var meeting = new PanelMeeting
        {
            MeetingOn = m.MeetingOn,
            Format = m.Format,
            Status = m.Status,
            FormatNote = m.FormatNote,
            ChairName = m.ChairName,
            ChairOnBehalfOf = m.ChairOnBehalfOf,
            AgendaItems = [.. m.Agenda.Select(a => new AgendaItem { Number = a.Number, Title = a.Title, Minute = a.Minute })],
            Papers = [.. m.Papers.Select(p => new PanelPaper { Number = p.Number, Title = p.Title, Presenter = p.Presenter })],
            Attendance = [.. m.Attendance.Select((a, i) => new MeetingAttendance
            {
                Kind = a.Kind, Order = i, PersonName = a.Name, JobTitle = a.JobTitle, OnBehalfOf = a.OnBehalfOf, Redacted = a.Redacted,
            })],
            Decisions = [.. m.Decisions.Select(d => new PanelDecision { Number = d.Number, AgendaItemNumber = d.AgendaItem, Text = d.Text })],
        };
        var points = m.ActionPoints.Select(ap => new AgreedActivity
        {
            Reference = $"AP{ap.Number}",
            Origin = ActivityOrigin.PanelActionPoint,
            Number = ap.Number,
            Text = ap.Text,
            ResponsiblePerson = ap.Owner,
        }).Reverse().ToList();
        return (meeting, points);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n')];

    [Fact]
    public void The_draft_of_2_July_2020_has_the_layout_of_the_published_minutes()
    {
        var (meeting, points) = Meeting(new DateOnly(2020, 7, 2));
        var lines = Lines(MinutesDraft.Generate(meeting, points));

        Assert.Equal("## MINUTES OF THE SERIOUS CASE PANEL", lines[0]);
        Assert.Equal("**2 July 2020**", lines[1]);
        Assert.Equal("This meeting was held virtually over Skype.", lines[2]);
        Assert.Equal("**Chair:** Hayley Tatum, Non-Executive Director", lines[3]);
        Assert.Equal("**Members:**", lines[4]);
        Assert.Equal("Peter Schofield, Permanent Secretary", lines[5]);
        Assert.DoesNotContain(lines.Skip(4), l => l.StartsWith("Hayley Tatum", StringComparison.Ordinal));
        Assert.Contains("Mary Pattison, Director of State Pensions, Child Maintenance and Devolution (on behalf of Jonathan Mills)", lines);
        Assert.Contains("Laura Squire, Director of Business Strategy (on behalf of Nick Joicey)", lines);
        Assert.Contains("Fiona Jones – Customer Experience Director", lines);
        Assert.Contains("Nicola McDonnell – Disputes Modernisation Programme Manager", lines);

        var secretariat = "**Secretariat:** " + meeting.Attendance.Single(a => a.Kind == AttendanceKind.Secretariat).PersonName;
        int At(string line) => lines.IndexOf(line) is >= 0 and var i ? i : throw new Xunit.Sdk.XunitException($"Missing line: {line}");
        Assert.True(At("**Members:**") < At("**Presenters:**"));
        Assert.True(At("**Presenters:**") < At("**Additional attendees:**"));
        Assert.True(At("**Additional attendees:**") < At(secretariat));
        Assert.True(At(secretariat) < At("**Apologies:**"));
        Assert.Equal("Jonathan Mills, Director General for Policy", lines[At("**Apologies:**") + 1]);

        Assert.True(At("## 1. Welcome and introductions") < At("## 2. Update on actions and decisions"));
        var decision1 = At("**Decision 1** – The Panel agreed the latest version of the terms of reference.");
        Assert.InRange(decision1, At("## 2. Update on actions and decisions"), At("## 3. Group Discussion – Themes"));
        Assert.InRange(At("**Paper 1: Actions Update**, presented by Secretariat"), At("## 2. Update on actions and decisions"), decision1);
        var item3 = At("## 3. Group Discussion – Themes");
        var item4 = At("## 4. AOB and close");
        foreach (var n in new[] { 2, 3, 4 })
        {
            var line = lines.Single(l => l.StartsWith($"**Decision {n}** – ", StringComparison.Ordinal));
            Assert.InRange(lines.IndexOf(line), item3, item4);
        }

        Assert.Contains("**Decision 3** – The Panel agreed with the recommendation to explore transformation opportunities", string.Join('\n', lines), StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("**AP", StringComparison.Ordinal));
    }

    [Fact]
    public void The_draft_of_19_March_2020_names_the_member_who_chaired_and_numbers_the_action_points()
    {
        var (meeting, points) = Meeting(new DateOnly(2020, 3, 19));
        var lines = Lines(MinutesDraft.Generate(meeting, points));

        Assert.Contains("**Chair:** Sara Weller, Non-Executive Director (on behalf of Hayley Tatum)", lines);
        Assert.Contains("Laura Squire, Business Strategy Director (on behalf of Nick Joicey)", lines);
        Assert.Contains("Hayley Tatum, Non-Executive Director and Chair", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("**Additional attendees", StringComparison.Ordinal));

        var aps = lines.Where(l => l.StartsWith("**AP", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, aps.Count);
        Assert.Equal("**AP1:** Victoria Hughes to share some examples of how different sources of customer insight would flow through the governance structures, for example, a customer complaint, an issue raised by frontline staff, a coroner contact etc.", aps[0]);
        Assert.StartsWith("**AP7:** The Panel asked for the timescales", aps[6], StringComparison.Ordinal);
        Assert.True(lines.IndexOf(aps[0]) < lines.IndexOf("## 4. AOB and close"));
        Assert.True(lines.IndexOf("**Paper 2: Stopping payments**, presented by Fiona Jones") > lines.IndexOf("## 3. Group Discussion – Themes"));
        Assert.Contains("**Decision 2** – The proposed governance arrangements – the Panel agreed.", lines);
    }

    [Fact]
    public void The_text_renders_as_escaped_html_with_headings_bullets_and_bold_labels()
    {
        var html = MinutesText.ToHtml("## 1. Welcome\n**Decision 1** – agreed <script>alert(1)</script>\n- one & two\n- three\nAfter");

        Assert.Contains("<h2 class=\"govuk-heading-m\">1. Welcome</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"govuk-body\"><strong>Decision 1</strong> – agreed &lt;script&gt;alert(1)&lt;/script&gt;</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"govuk-list govuk-list--bullet\">\n<li>one &amp; two</li>\n<li>three</li>\n</ul>\n<p class=\"govuk-body\">After</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal([new MinutesRun("a ** b", false)], MinutesText.Runs("a ** b"));
    }
}
