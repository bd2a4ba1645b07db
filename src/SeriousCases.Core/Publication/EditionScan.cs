using System.Text.Json;
using System.Text.Json.Serialization;
using SeriousCases.Core.Common;
using SeriousCases.Core.Publication.Identifiability;

namespace SeriousCases.Core.Publication;

/// <summary>One thing the identifiability check found in a text of the edition: where it is and what kind it is,
/// never the detail itself (that is read back from the edition's own content, which already holds it).</summary>
/// <param name="Location">The text (<see cref="EditionText.Location"/>).</param>
/// <param name="Kind">The kind of identifying detail; null for a rare-circumstance word.</param>
/// <param name="Start">Where in the text the detail starts.</param>
/// <param name="Length">How many characters it runs for.</param>
/// <param name="HeldOnCase">It matched a detail held on the case itself.</param>
/// <param name="Reason">The scanner's reason, in words for the editor (general wording, no personal data).</param>
public sealed record ScanFinding(string Location, IdentifierKind? Kind, int Start, int Length, bool HeldOnCase, string Reason);

/// <summary>The stored result of the identifiability check of an edition's texts, one row per edition. Kept apart
/// from the edition so that refreshing it (at check and approval) does not move the edition's version under an
/// editor's open form. Holds positions and kinds only: nothing personal, so retention has nothing to dispose of here
/// (the edition's content, which the positions point into, is itself marked as personal data).</summary>
public sealed class EditionScan : Entity
{
    public Guid EditionId { get; set; }

    /// <summary>When the texts were last checked against what their cases hold.</summary>
    public DateTime ScannedAt { get; set; }

    /// <summary>The findings as JSON (<see cref="ScanFinding"/>), in text order.</summary>
    public required string Findings { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public IReadOnlyList<ScanFinding> ReadFindings() =>
        JsonSerializer.Deserialize<List<ScanFinding>>(Findings, Json) ?? [];

    public static string Write(IEnumerable<ScanFinding> findings) => JsonSerializer.Serialize(findings.ToList(), Json);
}
