using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Investigations;

/// <summary>A service line as the customer journey shows it: how many contacts it has and whether the IPR
/// carried it from the referral or the review found it.</summary>
public sealed record JourneyLine(ServiceLine Line, int Contacts, bool GivenAtReferral);

/// <summary>A case's customer journey: every contact in date order (optionally one line's) and the lines with counts.</summary>
public sealed record JourneyView(Investigation Investigation, IReadOnlyList<JourneyContact> Contacts, IReadOnlyList<JourneyLine> Lines, int Total);

/// <summary>The customer's contacts with DWP across every service line they had: an IPR reviews every contact,
/// not only the event that prompted it. Worked under the record-level rule of <see cref="CaseAccess"/>.</summary>
public sealed class CustomerJourneyService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int WhatHappenedMax = 4000;
    public const int SourceMax = 200;

    /// <summary>No contact with DWP's benefits can be earlier than the day National Insurance began.</summary>
    public static readonly DateOnly Earliest = new(1948, 7, 5);

    public static string Describe(ContactChannel channel) => channel switch
    {
        ContactChannel.Telephone => "Telephone call",
        ContactChannel.Journal => "Journal message",
        ContactChannel.FaceToFace => "Face to face",
        ContactChannel.HomeVisit => "Home visit",
        ContactChannel.Letter => "Letter",
        ContactChannel.Email => "Email",
        ContactChannel.Webchat => "Webchat",
        ContactChannel.Assessment => "Health assessment",
        _ => "Other",
    };

    /// <summary>The case's contacts in date order (those of one service line when <paramref name="serviceLine"/>
    /// names one), with a count per line. The view is audited.</summary>
    public async Task<JourneyView> GetAsync(Guid id, string? serviceLine, Requester by, CancellationToken ct)
    {
        var ipr = await CaseAsync(id, by, ct);
        var contacts = await db.JourneyContacts.AsNoTracking().Include(c => c.ServiceLine)
            .Where(c => c.InvestigationId == id)
            .OrderBy(c => c.OccurredOn).ThenBy(c => c.CreatedAt)
            .ToListAsync(ct);
        var given = ipr.ServiceLines.Select(l => l.ServiceLineId).ToHashSet();
        var lines = ipr.ServiceLines.Select(l => l.ServiceLine!)
            .Concat(contacts.Select(c => c.ServiceLine!))
            .DistinctBy(l => l.Id)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Name, StringComparer.Ordinal)
            .Select(l => new JourneyLine(l, contacts.Count(c => c.ServiceLineId == l.Id), given.Contains(l.Id)))
            .ToList();
        var shown = string.IsNullOrWhiteSpace(serviceLine) ? contacts
            : lines.FirstOrDefault(l => l.Line.IsNamed(serviceLine)) is { } only ? [.. contacts.Where(c => c.ServiceLineId == only.Line.Id)] : [];
        db.RecordView(nameof(Investigation), id, "Customer journey");
        await db.SaveAuditEventsAsync(ct);
        return new JourneyView(ipr, shown, lines, contacts.Count);
    }

    /// <summary>The service lines a contact may be on: every active line, the case's own first.</summary>
    public async Task<IReadOnlyList<ServiceLine>> LineChoicesAsync(Investigation ipr, CancellationToken ct)
    {
        var given = ipr.ServiceLines.Select(l => l.ServiceLineId).ToHashSet();
        var active = await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).ToListAsync(ct);
        return [.. active.OrderBy(l => given.Contains(l.Id) ? 0 : 1).ThenBy(l => l.SortOrder).ThenBy(l => l.Name, StringComparer.Ordinal)];
    }

    /// <summary>Records one contact. Any active service line may be used: a review can find a line the referral
    /// did not give. Contacts are recorded until the case is concluded.</summary>
    public async Task<JourneyContact> AddAsync(Guid id, DateOnly? occurredOn, string? serviceLine, ContactChannel? channel, string? whatHappened, string? source,
        Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        var errors = new ValidationErrors();
        if (ipr.Stage == InvestigationStage.Concluded)
        {
            errors.Add("whatHappened", $"IPR {ipr.Reference} is concluded: its customer journey can no longer change");
        }

        if (occurredOn is null)
        {
            errors.Add("occurredOn", "Enter the date of the contact");
        }
        else if (occurredOn > UkTime.Today(clock))
        {
            errors.Add("occurredOn", "The date of the contact must be today or in the past");
        }
        else if (occurredOn < Earliest)
        {
            errors.Add("occurredOn", $"The date of the contact must be on or after {UkTime.Format(Earliest)}");
        }

        var lines = await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).ToListAsync(ct);
        var line = string.IsNullOrWhiteSpace(serviceLine) ? null : lines.FirstOrDefault(l => l.IsNamed(serviceLine));
        if (line is null)
        {
            errors.Add("serviceLine", string.IsNullOrWhiteSpace(serviceLine) ? "Select the service line of the contact" : $"'{serviceLine.Trim()}' is not a service line");
        }

        if (channel is null || !Enum.IsDefined(channel.Value))
        {
            errors.Add("channel", "Select how the contact happened");
        }

        whatHappened = whatHappened?.Trim();
        if (string.IsNullOrEmpty(whatHappened))
        {
            errors.Add("whatHappened", "Enter what happened");
        }
        else if (whatHappened.Length > WhatHappenedMax)
        {
            errors.Add("whatHappened", $"What happened must be 4,000 characters or fewer");
        }

        source = source?.Trim();
        if (string.IsNullOrEmpty(source))
        {
            errors.Add("source", "Enter where the contact was found, for example UC journal");
        }
        else if (source.Length > SourceMax)
        {
            errors.Add("source", $"The source must be {SourceMax} characters or fewer");
        }

        errors.ThrowIfAny();
        var contact = new JourneyContact
        {
            InvestigationId = id,
            OccurredOn = occurredOn!.Value,
            ServiceLineId = line!.Id,
            Channel = channel!.Value,
            WhatHappened = whatHappened!,
            Source = source!,
            RecordedByUserId = by.UserId,
        };
        db.JourneyContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        contact.ServiceLine = line;
        return contact;
    }

    /// <summary>The IPR with its service lines, read-only, if <paramref name="by"/> works it (refusals audited).</summary>
    public async Task<Investigation> CaseAsync(Guid id, Requester by, CancellationToken ct)
    {
        var ipr = await db.Investigations.AsNoTracking()
            .Include(i => i.ServiceLines).ThenInclude(l => l.ServiceLine)
            .SingleOrDefaultAsync(i => i.Id == id, ct);
        if (ipr is null || !by.MayWork(ipr))
        {
            if (ipr is not null)
            {
                await db.RefuseAsync(id, ct);
            }

            throw new RecordNotFoundException("The IPR");
        }

        return ipr;
    }
}
