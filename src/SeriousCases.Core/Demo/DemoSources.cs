using System.Text.Json;
using System.Text.Json.Serialization;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Panel;

namespace SeriousCases.Core.Demo;

/// <summary>The department's public material as embedded JSON (Demo/Data, with provenance notes):
/// the 2022/23 publication (seed 004) and the Panel papers of 2020 and 2024 (seeds 000, 001).</summary>
public static class DemoSources
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static PublicationSource Publication { get; } = Load<PublicationSource>("publication-2022-23.json");

    public static PanelSource Panel { get; } = Load<PanelSource>("panel-2020.json");

    /// <summary>The Excellence Plan's measures (seed 003).</summary>
    public static ExcellencePlanSource ExcellencePlan { get; } = Load<ExcellencePlanSource>("excellence-plan-2020.json");

    private static T Load<T>(string file)
    {
        var assembly = typeof(DemoSources).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"{file} is empty.");
    }
}

public sealed record PublicationSource(string Title, string ReportingYear, IReadOnlyList<PublishedCase> Cases);

/// <summary>One completed IPR. Section and CustomerNumber say where the publication prints it
/// (null for the 12 without learning); ServiceLines are the benefits the customer had.</summary>
public sealed record PublishedCase(
    string? Section,
    int? CustomerNumber,
    IReadOnlyList<string> ServiceLines,
    bool ExternalScrutiny,
    IReadOnlyList<PublishedFinding> Findings,
    IReadOnlyList<PublishedActivity> Activities,
    IReadOnlyList<string> Outcomes);

/// <summary>Themes are codes from the theme list (the publication prints none: see the file's notes).</summary>
public sealed record PublishedFinding(string ServiceLine, string Text, IReadOnlyList<string> Themes);

public sealed record PublishedActivity(string Owner, string ServiceLine, string Text);

public sealed record PanelSource(
    IReadOnlyList<TermsOfReferenceSource> TermsOfReference,
    IReadOnlyList<MembershipSource> Memberships,
    IReadOnlyList<MeetingSource> Meetings);

public sealed record TermsOfReferenceSource(string Title, DateOnly ApprovedOn, DateOnly? ReviewDueOn, string Text);

public sealed record MembershipSource(PanelRole Role, string Name, string JobTitle, DateOnly From);

public sealed record MeetingSource(
    DateOnly MeetingOn,
    MeetingFormat Format,
    MeetingStatus Status,
    string? FormatNote,
    string ChairName,
    string? ChairOnBehalfOf,
    DateOnly? MinutesPublishedOn,
    IReadOnlyList<AttendanceSource> Attendance,
    IReadOnlyList<AgendaSource> Agenda,
    IReadOnlyList<PaperSource> Papers,
    IReadOnlyList<DecisionSource> Decisions,
    IReadOnlyList<ActionPointSource> ActionPoints);

public sealed record AttendanceSource(AttendanceKind Kind, string Name, string? JobTitle, string? OnBehalfOf, bool ChairAgreedDeputy, bool Redacted);

/// <summary>An agenda item; Theme is the code of the theme a group discussion is about, where it is one theme.</summary>
public sealed record AgendaSource(int Number, AgendaItemKind Kind, string Title, string? Theme, string Minute);

public sealed record PaperSource(int Number, string Title, string Presenter, string? Theme);

public sealed record DecisionSource(int Number, int AgendaItem, string Text, PanelWorkSource? Work);

public sealed record PanelWorkSource(string Team, string Accountable, ActivityStatus Status, string Text);

public sealed record ActionPointSource(int Number, string? Owner, string Team, ActivityStatus Status, DateOnly? CompletedOn, string? Evidence, string Text);
