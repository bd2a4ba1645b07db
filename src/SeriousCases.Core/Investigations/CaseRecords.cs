using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Investigations;

/// <summary>How a customer's contact with DWP happened.</summary>
public enum ContactChannel
{
    Telephone = 1,
    Journal = 2,
    FaceToFace = 3,
    HomeVisit = 4,
    Letter = 5,
    Email = 6,
    Webchat = 7,
    Assessment = 8,
    Other = 9,
}

/// <summary>One contact in the customer's journey with DWP, on any service line they had: an IPR reviews
/// every contact, not only the event that prompted it.</summary>
[HoldsPersonalData]
public sealed class JourneyContact : Entity
{
    public Guid InvestigationId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public Guid ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }
    public ContactChannel Channel { get; set; }
    /// <summary>What happened, in the investigator's words (may describe the customer's health).</summary>
    [PersonalData] public required string WhatHappened { get; set; }
    /// <summary>Where the contact was found, e.g. "UC journal", "PIP case notes", "call recording".</summary>
    public required string Source { get; set; }
    public Guid RecordedByUserId { get; set; }
}

/// <summary>A document attached to an IPR's evidence log. The bytes live in <see cref="EvidenceFile"/> so
/// lists never load them; the SHA-256 lets anyone check a copy is the one attached.</summary>
[HoldsPersonalData]
public sealed class EvidenceDocument : Entity
{
    public Guid InvestigationId { get; set; }
    [PersonalData] public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }
    [PersonalData] public string? Description { get; set; }
    public Guid UploadedByUserId { get; set; }
}

/// <summary>The content of an evidence document (same id). Removed with the document by retention.</summary>
[HoldsPersonalData]
public sealed class EvidenceFile
{
    public Guid EvidenceDocumentId { get; set; }
    [PersonalData] public required byte[] Content { get; set; }
}

/// <summary>A fact-finding discussion the investigator held with a stakeholder (a colleague, a provider).</summary>
[HoldsPersonalData]
public sealed class FactFindingDiscussion : Entity
{
    public Guid InvestigationId { get; set; }
    public DateOnly HeldOn { get; set; }
    [PersonalData] public required string WithWhom { get; set; }
    public required string Role { get; set; }
    [PersonalData] public required string Notes { get; set; }
    public Guid RecordedByUserId { get; set; }
}

public enum FamilyContactKind
{
    Contact = 1,
    Meeting = 2,
}

/// <summary>The seniority of the DWP colleague who contacted or met the family (seed 002 asks at what level).</summary>
public enum AttendeeLevel
{
    DirectorGeneral = 1,
    Director = 2,
    DeputyDirector = 3,
    Other = 4,
}

/// <summary>A contact or meeting with the customer's family. Seen only by those working the case; management
/// information counts them (how many, at what level, how many apologies).</summary>
[HoldsPersonalData]
public sealed class FamilyContact : Entity
{
    public Guid InvestigationId { get; set; }
    public DateOnly On { get; set; }
    public FamilyContactKind Kind { get; set; }
    /// <summary>Null once retention disposed of the case's family engagement details (the row stays, as it is counted).</summary>
    [PersonalData] public string? DwpAttendee { get; set; }
    public AttendeeLevel Level { get; set; }
    public bool ApologyGiven { get; set; }
    [PersonalData] public string? Notes { get; set; }
    public Guid RecordedByUserId { get; set; }
}

/// <summary>A checklist review of a concluded IPR by a second person, scored so investigation quality can be
/// reported over time (seed 003: "pre and post review of investigation quality").</summary>
public sealed class QualityReview : Entity
{
    public Guid InvestigationId { get; set; }
    public Guid ReviewerUserId { get; set; }
    public DateOnly ReviewedOn { get; set; }
    /// <summary>Points scored over the checklist, and the most that could be scored (kept, as the checklist may change).</summary>
    public int Score { get; set; }
    public int MaxScore { get; set; }
    public string? Comments { get; set; }
    public List<QualityReviewAnswer> Answers { get; set; } = [];
}

public enum QualityRating
{
    NotMet = 0,
    PartlyMet = 1,
    Met = 2,
}

public sealed class QualityReviewAnswer
{
    public Guid QualityReviewId { get; set; }
    /// <summary>The checklist question's code (see QualityChecklist).</summary>
    public required string Code { get; set; }
    public QualityRating Rating { get; set; }
}
