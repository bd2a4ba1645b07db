using System.Text.RegularExpressions;

namespace SeriousCases.Core.Panel.Minutes;

/// <summary>The most junior attendees whose names the published minutes still show; names below it are redacted.
/// Seed 000 shows members, deputies, presenters and additional attendees, and redacts the secretariat.</summary>
public enum RedactionThreshold
{
    /// <summary>Show members and deputies only: presenters, additional attendees and the secretariat are redacted.</summary>
    MembersAndDeputies = 1,
    /// <summary>Show down to presenters: additional attendees and the secretariat are redacted.</summary>
    Presenters = 2,
    /// <summary>Show down to additional attendees: only the secretariat is redacted (as published in 2020).</summary>
    AdditionalAttendees = 3,
    /// <summary>Show every name.</summary>
    Everyone = 4,
}

/// <summary>A span of the minutes that publishing will replace.</summary>
public sealed record RedactedSpan(int Start, int Length, string Text);

/// <summary>Turns the agreed minutes into the published text: each chosen name or phrase, as a whole word or phrase and
/// whatever its case, becomes "[REDACTED]". The same pattern marks the spans in the preview the secretariat checks
/// before publishing, so what is shown is what will be published.</summary>
public static class MinutesRedaction
{
    public const string Marker = "[REDACTED]";
    public const int ExtraMaxLength = 4000;
    public const RedactionThreshold DefaultThreshold = RedactionThreshold.AdditionalAttendees;

    /// <summary>Seniority rank of an attendance kind: lower is more senior. Apologies are members.</summary>
    public static int Rank(AttendanceKind kind) => kind switch
    {
        AttendanceKind.Member or AttendanceKind.Deputy or AttendanceKind.Apologies => 1,
        AttendanceKind.Presenter => 2,
        AttendanceKind.AdditionalAttendee => 3,
        _ => 4,
    };

    /// <summary>Whether an attendee of this kind is redacted at the threshold.</summary>
    public static bool BelowThreshold(AttendanceKind kind, RedactionThreshold threshold) => Rank(kind) > (int)threshold;

    /// <summary>The attendees the threshold pre-selects for redaction.</summary>
    public static IReadOnlyList<MeetingAttendance> Preselect(IEnumerable<MeetingAttendance> attendance, RedactionThreshold threshold) =>
        [.. attendance.Where(a => BelowThreshold(a.Kind, threshold))];

    /// <summary>The extra lines the secretariat typed: trimmed, blank lines dropped, each once.</summary>
    public static IReadOnlyList<string> ExtraLines(string? extra) =>
        string.IsNullOrWhiteSpace(extra)
            ? []
            : [.. extra.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Every name and phrase to redact: the attendees marked Redacted and the extra lines.</summary>
    public static IReadOnlyList<string> Terms(IEnumerable<MeetingAttendance> attendance, string? extra) =>
        [.. attendance.Where(a => a.Redacted).Select(a => a.PersonName.Trim()).Where(n => n.Length > 0)
            .Concat(ExtraLines(extra))
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The pattern matching any of the terms as a whole word or phrase, case-insensitive; longest first, so a
    /// full name is taken before a part of it. Null when there is nothing to redact.</summary>
    public static Regex? Pattern(IEnumerable<string> terms)
    {
        var parts = terms.Select(t => t.Trim()).Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(t => t.Length)
            .Select(t => Regex.Escape(t).Replace("\\ ", "\\s+", StringComparison.Ordinal))
            .ToList();
        return parts.Count == 0
            ? null
            : new Regex($@"(?<![\p{{L}}\p{{N}}_])(?:{string.Join('|', parts)})(?![\p{{L}}\p{{N}}_])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    /// <summary>The spans publishing will replace, in order.</summary>
    public static IReadOnlyList<RedactedSpan> Spans(string? text, IEnumerable<string> terms) =>
        text is null || Pattern(terms) is not { } pattern
            ? []
            : [.. pattern.Matches(text).Select(m => new RedactedSpan(m.Index, m.Length, m.Value))];

    /// <summary>The published text: every span replaced by "[REDACTED]".</summary>
    public static string Apply(string text, IEnumerable<string> terms) =>
        Pattern(terms) is { } pattern ? pattern.Replace(text, Marker) : text;

    public static string Apply(string text, IEnumerable<MeetingAttendance> attendance, string? extra) =>
        Apply(text, Terms(attendance, extra));

    public static string Describe(RedactionThreshold threshold) => threshold switch
    {
        RedactionThreshold.MembersAndDeputies => "Members and deputies only (redact presenters, additional attendees and the secretariat)",
        RedactionThreshold.Presenters => "Down to presenters (redact additional attendees and the secretariat)",
        RedactionThreshold.AdditionalAttendees => "Down to additional attendees (redact the secretariat only)",
        _ => "Everyone (redact no attendee)",
    };
}
