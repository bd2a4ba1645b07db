using System.Text.Json;
using SeriousCases.Core.Common;

namespace SeriousCases.Core.Publication;

public enum EditionStatus
{
    Draft,
    Checked,
    Approved,
    Published,
}

/// <summary>What an editor's decision is about.</summary>
public enum EditionDecisionKind
{
    /// <summary>An identifying detail the scanner found (name, NI number, date of birth, postcode, ...): blocks approval until accepted.</summary>
    Identifier,
    /// <summary>A count above zero and below the small-number threshold.</summary>
    SmallNumber,
    /// <summary>A case text with an exact date, a place or a rare circumstance: a motivated-intruder review.</summary>
    MotivatedIntruder,
}

/// <summary>One version of a year's publication. The content is a snapshot built from the records (and rewritten by
/// the editor where a text could identify someone). Draft, checked by a second person, approved, published; a
/// published edition never changes: a correction is a new version with a note of what changed.</summary>
public sealed class PublicationEdition : Entity
{
    public int StartYear { get; set; }

    /// <summary>1 for the first edition of the year; each correction adds one.</summary>
    public int EditionNumber { get; set; }

    public EditionStatus Status { get; set; } = EditionStatus.Draft;

    /// <summary>The built content as JSON (<see cref="PublicationContent"/>). Masked in the audit trail: until the
    /// identifiability check is done a draft may hold an identifying detail.</summary>
    [PersonalData] public required string Content { get; set; }

    /// <summary>What a correction changed (versions after the first).</summary>
    public string? CorrectionNote { get; set; }

    public Guid? DraftedByUserId { get; set; }
    public required string DraftedBy { get; set; }
    public DateTime DraftedAt { get; set; }
    public Guid? CheckedByUserId { get; set; }
    public string? CheckedBy { get; set; }
    public DateTime? CheckedAt { get; set; }
    public Guid? ApprovedByUserId { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public Guid? PublishedByUserId { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateOnly? PublishedOn { get; set; }

    /// <summary>A later version of the same year has been published in its place.</summary>
    public bool Superseded { get; set; }

    public List<EditionDecision> Decisions { get; set; } = [];

    public string Year => PublicationYear.Slug(StartYear);

    public string YearLabel => PublicationYear.Label(StartYear);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public PublicationContent ReadContent() =>
        JsonSerializer.Deserialize<PublicationContent>(Content, Json) ?? throw new InvalidOperationException("The edition has no content.");

    public static string Write(PublicationContent content) => JsonSerializer.Serialize(content, Json);
}

/// <summary>An editor's decision on a hit or a flag: accepted as it stands, with the reason.</summary>
public sealed class EditionDecision : Entity
{
    public Guid EditionId { get; set; }
    public EditionDecisionKind Kind { get; set; }

    /// <summary>Where in the publication (<see cref="EditionText.Location"/> or a table cell).</summary>
    public required string Location { get; set; }

    /// <summary>What was accepted there: the scanner's hit key, the cell's value, or the flag's key.</summary>
    public required string Key { get; set; }

    public required string Reason { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }
}
