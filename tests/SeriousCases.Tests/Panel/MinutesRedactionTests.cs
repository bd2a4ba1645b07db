using SeriousCases.Core.Panel;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Tests.Panel;

/// <summary>Redaction of the published minutes: whole names and phrases, any case, never part of another word.
/// "Morgan Tilbury" and "Ann Crane" are invented.</summary>
public sealed class MinutesRedactionTests
{
    private static MeetingAttendance Person(AttendanceKind kind, string name, bool redacted = false) =>
        new() { Kind = kind, PersonName = name, Redacted = redacted };

    private static readonly MeetingAttendance[] Attendance =
    [
        Person(AttendanceKind.Member, "Hayley Tatum"),
        Person(AttendanceKind.Deputy, "Laura Squire"),
        Person(AttendanceKind.Presenter, "Fiona Jones"),
        Person(AttendanceKind.AdditionalAttendee, "Clare Talbot"),
        Person(AttendanceKind.Secretariat, "Morgan Tilbury", redacted: true),
        Person(AttendanceKind.Apologies, "Nick Joicey"),
    ];

    [Fact]
    public void The_secretariat_is_redacted_wherever_named_and_whatever_the_case()
    {
        var text = "**Secretariat:** Morgan Tilbury\nMORGAN TILBURY drew the Panel's attention to Paper 1.\nMorgan  Tilbury's note.";

        var published = MinutesRedaction.Apply(text, Attendance, null);

        Assert.Equal("**Secretariat:** [REDACTED]\n[REDACTED] drew the Panel's attention to Paper 1.\n[REDACTED]'s note.", published);
        Assert.Equal(3, MinutesRedaction.Spans(text, MinutesRedaction.Terms(Attendance, null)).Count);
    }

    [Fact]
    public void A_name_inside_another_word_is_not_redacted()
    {
        var text = "The Annual review: Ann Crane and Anne attended; ann spoke. Annex 2.";

        Assert.Equal("The Annual review: [REDACTED] Crane and Anne attended; [REDACTED] spoke. Annex 2.", MinutesRedaction.Apply(text, ["Ann"]));
        // The longer phrase is taken whole before its part.
        Assert.Equal("The Annual review: [REDACTED] and Anne attended; [REDACTED] spoke. Annex 2.", MinutesRedaction.Apply(text, ["Ann", "Ann Crane"]));
    }

    [Fact]
    public void Extra_lines_are_redacted_too_and_blank_lines_ignored()
    {
        var text = "Project Falcon was discussed with the Tilbury team. project falcon again.";
        var extra = "Project Falcon\n\n   \nTilbury team\r\n";

        Assert.Equal(["Project Falcon", "Tilbury team"], MinutesRedaction.ExtraLines(extra));
        Assert.Equal("[REDACTED] was discussed with the [REDACTED]. [REDACTED] again.", MinutesRedaction.Apply(text, [], extra));
        Assert.Equal(text, MinutesRedaction.Apply(text, [], null));
    }

    [Fact]
    public void The_threshold_selects_the_names_below_it()
    {
        string[] Selected(RedactionThreshold t) => [.. MinutesRedaction.Preselect(Attendance, t).Select(a => a.PersonName)];

        Assert.Equal(RedactionThreshold.AdditionalAttendees, MinutesRedaction.DefaultThreshold);
        Assert.Equal(["Morgan Tilbury"], Selected(RedactionThreshold.AdditionalAttendees));
        Assert.Equal(["Clare Talbot", "Morgan Tilbury"], Selected(RedactionThreshold.Presenters));
        Assert.Equal(["Fiona Jones", "Clare Talbot", "Morgan Tilbury"], Selected(RedactionThreshold.MembersAndDeputies));
        Assert.Empty(Selected(RedactionThreshold.Everyone));
    }

    [Fact]
    public void The_preview_marks_each_span_with_hidden_text_for_screen_readers()
    {
        var pattern = MinutesRedaction.Pattern(["Morgan Tilbury"]);

        var html = MinutesText.ToHtml("**Secretariat:** Morgan Tilbury <b>", pattern);

        Assert.Contains("<strong>Secretariat:</strong> <mark class=\"app-redaction\">Morgan Tilbury<span class=\"govuk-visually-hidden\"> (to be redacted)</span></mark> &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Null(MinutesRedaction.Pattern([" ", ""]));
    }
}
