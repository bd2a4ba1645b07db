using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Investigations;

/// <summary>What someone typed or sent to record a contact or meeting with the family. Names are the form's and the API's.</summary>
public sealed record FamilyContactInput(FamilyContactKind? Kind, DateOnly? On, string? DwpAttendee, AttendeeLevel? Level, bool? ApologyGiven, string? Notes);

/// <summary>The contacts and meetings of one IPR, most recent first, with its counts.</summary>
public sealed record CaseFamilyEngagement(Guid Id, string Reference, InvestigationStage Stage, IReadOnlyList<FamilyContact> Contacts)
{
    public int Meetings => Contacts.Count(c => c.Kind == FamilyContactKind.Meeting);

    public int OtherContacts => Contacts.Count(c => c.Kind == FamilyContactKind.Contact);

    public int Apologies => Contacts.Count(c => c.ApologyGiven);
}

/// <summary>How many contacts and meetings were held at one level of seniority, and with how many families (IPRs).</summary>
public sealed record LevelFigures(AttendeeLevel Level, int Contacts, int Meetings, int Cases);

/// <summary>Management information for a period (seed 002: how many families were contacted or met, at what
/// level, and how many apologies were given). Counts only: no names, no notes, no case references.</summary>
public sealed record FamilyEngagementFigures(
    DateOnly From,
    DateOnly To,
    int CasesWithContact,
    int Contacts,
    int Meetings,
    IReadOnlyList<LevelFigures> ByLevel,
    int ApologiesGiven,
    int CasesWithApology)
{
    public int Total => Contacts + Meetings;
}

/// <summary>One contact or meeting as the figures need it.</summary>
public sealed record FamilyContactFact(Guid InvestigationId, FamilyContactKind Kind, AttendeeLevel Level, bool ApologyGiven);

/// <summary>Contacts and meetings with a customer's family. Seen only by those who work the case (the
/// investigator assigned, and Triage), each view audited; recorded at any stage, after conclusion too, as
/// families are often met late. Management information counts them without personal data.</summary>
public sealed class FamilyEngagementService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int AttendeeMax = 200;
    public const int NotesMax = 4000;

    public static string Describe(FamilyContactKind kind) => kind == FamilyContactKind.Meeting ? "Meeting" : "Contact";

    public static string Describe(AttendeeLevel level) => level switch
    {
        AttendeeLevel.DirectorGeneral => "Director General",
        AttendeeLevel.Director => "Director",
        AttendeeLevel.DeputyDirector => "Deputy Director",
        _ => "Other",
    };

    /// <summary>The case's contacts and meetings, most recent first. Each contact shown is written to the audit trail.</summary>
    public async Task<CaseFamilyEngagement> ListAsync(Guid id, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        var contacts = await db.FamilyContacts.AsNoTracking()
            .Where(c => c.InvestigationId == id)
            .ToListAsync(ct);
        contacts = [.. contacts.OrderByDescending(c => c.On).ThenByDescending(c => c.CreatedAt)];
        foreach (var contact in contacts)
        {
            db.RecordView(nameof(FamilyContact), contact.Id, $"Family engagement of IPR {ipr.Reference}");
        }

        await db.SaveAuditEventsAsync(ct);
        return new CaseFamilyEngagement(ipr.Id, ipr.Reference, ipr.Stage, contacts);
    }

    /// <summary>The case's reference, for a form's heading, if <paramref name="by"/> works it.</summary>
    public async Task<(Guid Id, string Reference)> CaseAsync(Guid id, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        return (ipr.Id, ipr.Reference);
    }

    public async Task<FamilyContact> AddAsync(Guid id, FamilyContactInput input, Requester by, CancellationToken ct)
    {
        await db.CaseForWorkAsync(id, by, ct);
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Select whether it was a contact or a meeting");
        }

        if (input.On is null)
        {
            errors.Add("on", "Enter the date of the contact or meeting");
        }
        else if (input.On > UkTime.Today(clock))
        {
            errors.Add("on", "The date must be today or in the past");
        }

        var attendee = input.DwpAttendee?.Trim();
        if (string.IsNullOrEmpty(attendee))
        {
            errors.Add("dwpAttendee", "Enter the name of the DWP colleague who contacted or met the family");
        }
        else if (attendee.Length > AttendeeMax)
        {
            errors.Add("dwpAttendee", $"The name must be {AttendeeMax} characters or fewer");
        }

        if (input.Level is not { } level || !Enum.IsDefined(level))
        {
            errors.Add("level", "Select the DWP colleague's level");
        }

        if (input.ApologyGiven is null)
        {
            errors.Add("apologyGiven", "Select yes if DWP apologised to the family");
        }

        var notes = input.Notes?.Trim();
        if (notes?.Length > NotesMax)
        {
            errors.Add("notes", "Notes must be 4,000 characters or fewer");
        }

        errors.ThrowIfAny();
        var contact = new FamilyContact
        {
            InvestigationId = id,
            Kind = input.Kind!.Value,
            On = input.On!.Value,
            DwpAttendee = attendee!,
            Level = input.Level!.Value,
            ApologyGiven = input.ApologyGiven!.Value,
            Notes = string.IsNullOrEmpty(notes) ? null : notes,
            RecordedByUserId = by.UserId,
        };
        db.FamilyContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    /// <summary>The figures for contacts and meetings dated from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public async Task<FamilyEngagementFigures> FiguresAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from)
        {
            throw new DomainValidationException("to", "The ‘to’ date must be the same as or after the ‘from’ date");
        }

        var facts = await db.FamilyContacts.AsNoTracking()
            .Where(c => c.On >= from && c.On <= to)
            .Select(c => new FamilyContactFact(c.InvestigationId, c.Kind, c.Level, c.ApologyGiven))
            .ToListAsync(ct);
        return Figures(from, to, facts);
    }

    /// <summary>The counting itself, apart from the database. Every level is listed, with zeros, in order of seniority.</summary>
    public static FamilyEngagementFigures Figures(DateOnly from, DateOnly to, IReadOnlyCollection<FamilyContactFact> facts)
    {
        var byLevel = Enum.GetValues<AttendeeLevel>().Select(level =>
        {
            var at = facts.Where(f => f.Level == level).ToList();
            return new LevelFigures(level, at.Count(f => f.Kind == FamilyContactKind.Contact), at.Count(f => f.Kind == FamilyContactKind.Meeting),
                at.Select(f => f.InvestigationId).Distinct().Count());
        }).ToList();
        var apologies = facts.Where(f => f.ApologyGiven).ToList();
        return new FamilyEngagementFigures(
            from,
            to,
            facts.Select(f => f.InvestigationId).Distinct().Count(),
            facts.Count(f => f.Kind == FamilyContactKind.Contact),
            facts.Count(f => f.Kind == FamilyContactKind.Meeting),
            byLevel,
            apologies.Count,
            apologies.Select(f => f.InvestigationId).Distinct().Count());
    }
}
