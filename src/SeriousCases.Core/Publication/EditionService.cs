using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Publication.Identifiability;

namespace SeriousCases.Core.Publication;

public sealed record EditionListing(Guid Id, int StartYear, int EditionNumber, EditionStatus Status, DateOnly? PublishedOn, bool Superseded, string DraftedBy, DateTime DraftedAt)
{
    public string YearLabel => PublicationYear.Label(StartYear);
}

public sealed record PublishedEdition(int StartYear, int EditionNumber, DateOnly PublishedOn, string? CorrectionNote, PublicationContent Content)
{
    public string Year => PublicationYear.Slug(StartYear);

    public string YearLabel => PublicationYear.Label(StartYear);
}

/// <summary>Editions of the annual publication from draft to published. Every step is done against the version the
/// editor read, by a named person, and audited; the checker must not be the person who drafted, and approval is
/// refused while a hit or flag is undecided. A published edition never changes.</summary>
public sealed class EditionService(SeriousCasesDbContext db, PublicationBuilder builder, TimeProvider clock, IOptions<PublicationOptions>? options = null)
{
    private readonly PublicationOptions settings = options?.Value ?? new PublicationOptions();

    public int SmallNumberThreshold => settings.SmallNumberThreshold;

    public async Task<IReadOnlyList<EditionListing>> ListAsync(CancellationToken ct) =>
        (await db.Set<PublicationEdition>().AsNoTracking()
            .Select(e => new EditionListing(e.Id, e.StartYear, e.EditionNumber, e.Status, e.PublishedOn, e.Superseded, e.DraftedBy, e.DraftedAt))
            .ToListAsync(ct))
        .OrderByDescending(e => e.StartYear).ThenByDescending(e => e.EditionNumber).ToList();

    public async Task<PublicationEdition> GetAsync(Guid id, CancellationToken ct) =>
        await db.Set<PublicationEdition>().AsNoTracking().Include(e => e.Decisions).SingleOrDefaultAsync(e => e.Id == id, ct)
        ?? throw new RecordNotFoundException("The edition");

    /// <summary>Builds a draft of the year from the records. A year already published needs a note of what the
    /// correction changes; a year with an edition still in progress cannot have a second.</summary>
    public async Task<PublicationEdition> BuildDraftAsync(string? year, string? correctionNote, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!PublicationYear.TryParse(year, out var start))
        {
            errors.Add("year", "Enter the reporting year as the first year and the next, for example 2022-23");
        }

        errors.ThrowIfAny();
        var existing = await db.Set<PublicationEdition>().Where(e => e.StartYear == start)
            .Select(e => new { e.EditionNumber, e.Status }).ToListAsync(ct);
        if (existing.Any(e => e.Status != EditionStatus.Published))
        {
            errors.Add("year", $"There is already an edition of {PublicationYear.Label(start)} in progress. Finish it before building another");
        }
        else if (existing.Count > 0 && string.IsNullOrWhiteSpace(correctionNote))
        {
            errors.Add("correctionNote", $"{PublicationYear.Label(start)} is already published. Enter what this correction changes");
        }
        else if (correctionNote?.Length > 2000)
        {
            errors.Add("correctionNote", "The note of what changed must be 2,000 characters or fewer");
        }

        errors.ThrowIfAny();
        var content = await builder.BuildAsync(start, ct);
        var edition = new PublicationEdition
        {
            StartYear = start,
            EditionNumber = existing.Count == 0 ? 1 : existing.Max(e => e.EditionNumber) + 1,
            Content = PublicationEdition.Write(content),
            CorrectionNote = existing.Count > 0 ? correctionNote!.Trim() : null,
            DraftedByUserId = db.Actor.UserId,
            DraftedBy = db.Actor.Email,
            DraftedAt = Now,
        };
        db.Add(edition);
        db.Add(new EditionScan { EditionId = edition.Id, ScannedAt = Now, Findings = EditionScan.Write(await ScanAsync(content, null, ct)) });
        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>Rewrites one text of a draft (the records themselves are not changed).</summary>
    public async Task<PublicationEdition> RewriteAsync(Guid id, int expectedVersion, string location, string? text, CancellationToken ct)
    {
        var edition = await TrackedAsync(id, ct);
        var errors = new ValidationErrors();
        RequireStatus(edition, EditionStatus.Draft, "text", "rewritten");
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("text", "Enter the text as it should be published");
        }
        else if (text.Length > 4000)
        {
            errors.Add("text", "The text must be 4,000 characters or fewer");
        }

        errors.ThrowIfAny();
        var updated = EditionChecks.Replace(edition.ReadContent(), location, text!.Trim())
            ?? throw new RecordNotFoundException("The text");
        db.ExpectVersion(edition, expectedVersion);
        edition.Content = PublicationEdition.Write(updated);
        db.RecordEvent(AuditAction.Update, nameof(PublicationEdition), edition.Id.ToString(), $"Text rewritten at {location}");

        // Only the rewritten text is checked again; the other texts' findings stand.
        var scan = await StoredScanAsync(edition, ct);
        var rescanned = await ScanAsync(updated, new HashSet<string> { location }, ct);
        var kept = scan.ReadFindings().Where(f => f.Location != location).ToList();
        var order = EditionChecks.Texts(updated).Select((t, i) => (t.Location, i)).ToDictionary(x => x.Location, x => x.i);
        scan.Findings = EditionScan.Write(kept.Concat(rescanned).OrderBy(f => order.GetValueOrDefault(f.Location, int.MaxValue)).ThenBy(f => f.Kind is null).ThenBy(f => f.Start));
        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>Accepts a hit or a flag as it stands, with the reason. Only on a draft, and only for an item the checks
    /// actually raise.</summary>
    public async Task<PublicationEdition> DecideAsync(Guid id, int expectedVersion, EditionDecisionKind kind, string location, string key, string? reason, CancellationToken ct)
    {
        var edition = await TrackedAsync(id, ct);
        RequireStatus(edition, EditionStatus.Draft, "reason", "changed");
        RequireReason(reason);
        var review = await ReviewAsync(edition, ct);
        var item = review.All.FirstOrDefault(i => i.Kind == kind && i.Location == location && i.Key == key && !i.Resolved)
            ?? throw new RecordNotFoundException("The hit");
        db.ExpectVersion(edition, expectedVersion);
        Record(edition, item, reason!);
        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>One decision for every small number not yet decided (they usually share a reason).</summary>
    public async Task<PublicationEdition> DecideSmallNumbersAsync(Guid id, int expectedVersion, string? reason, CancellationToken ct)
    {
        var edition = await TrackedAsync(id, ct);
        RequireStatus(edition, EditionStatus.Draft, "reason", "changed");
        RequireReason(reason);
        var review = await ReviewAsync(edition, ct);
        db.ExpectVersion(edition, expectedVersion);
        foreach (var item in review.SmallNumbers.Where(i => !i.Resolved))
        {
            Record(edition, item, reason!);
        }

        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>A second person checks the draft: anyone but the person who drafted it.</summary>
    public async Task<PublicationEdition> CheckAsync(Guid id, int expectedVersion, CancellationToken ct)
    {
        var edition = await TrackedAsync(id, ct);
        RequireStatus(edition, EditionStatus.Draft, "edition", "checked");
        if (IsDrafter(edition))
        {
            throw new DomainValidationException("edition", "You drafted this edition. A second person must check it");
        }

        // Case details may have changed since the draft was built or last checked (a name corrected, a family contact
        // added): the checker sees findings against the records as they are now.
        await RescanAsync(edition, ct);
        db.ExpectVersion(edition, expectedVersion);
        edition.Status = EditionStatus.Checked;
        edition.CheckedByUserId = db.Actor.UserId;
        edition.CheckedBy = db.Actor.Email;
        edition.CheckedAt = Now;
        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>Approval: refused while any hit or flag is undecided, and never by the person who drafted it.</summary>
    public async Task<PublicationEdition> ApproveAsync(Guid id, int expectedVersion, CancellationToken ct)
    {
        var edition = await TrackedAsync(id, ct);
        RequireStatus(edition, EditionStatus.Checked, "edition", "approved");
        if (IsDrafter(edition))
        {
            throw new DomainValidationException("edition", "You drafted this edition. Someone else must approve it");
        }

        // Approval never rests on a stored scan: the texts are checked again against the records as they are now.
        var scan = await RescanAsync(edition, ct);
        var review = EditionChecks.Review(edition.ReadContent(), scan.ReadFindings(), edition.Decisions, settings.SmallNumberThreshold);
        if (!review.CanApprove)
        {
            if (db.Entry(scan).State != EntityState.Unchanged)
            {
                // Kept even though approval is refused, so the page shows what blocks it. Only the scan row is saved:
                // the edition's version (and the approver's open form) stays as it was.
                await db.SaveChangesAsync(ct);
            }

            throw new DomainValidationException("edition",
                $"{review.Unresolved} {(review.Unresolved == 1 ? "hit or flag is" : "hits or flags are")} not decided. Rewrite each text or accept it with a reason before approving");
        }

        db.ExpectVersion(edition, expectedVersion);
        edition.Status = EditionStatus.Approved;
        edition.ApprovedByUserId = db.Actor.UserId;
        edition.ApprovedBy = db.Actor.Email;
        edition.ApprovedAt = Now;
        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>Sends a checked draft back to the editor (a hit found late, a text to rewrite).</summary>
    public async Task<PublicationEdition> ReturnToDraftAsync(Guid id, int expectedVersion, CancellationToken ct)
    {
        var edition = await TrackedAsync(id, ct);
        RequireStatus(edition, EditionStatus.Checked, "edition", "returned to draft");
        db.ExpectVersion(edition, expectedVersion);
        edition.Status = EditionStatus.Draft;
        edition.CheckedByUserId = null;
        edition.CheckedBy = null;
        edition.CheckedAt = null;
        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>Publishes an approved edition; an earlier published version of the year is marked as superseded.</summary>
    public async Task<PublicationEdition> PublishAsync(Guid id, int expectedVersion, CancellationToken ct)
    {
        var edition = await TrackedAsync(id, ct);
        RequireStatus(edition, EditionStatus.Approved, "edition", "published");
        db.ExpectVersion(edition, expectedVersion);
        edition.Status = EditionStatus.Published;
        edition.PublishedByUserId = db.Actor.UserId;
        edition.PublishedBy = db.Actor.Email;
        edition.PublishedAt = Now;
        edition.PublishedOn = UkTime.Today(clock);
        foreach (var earlier in await db.Set<PublicationEdition>()
                     .Where(e => e.StartYear == edition.StartYear && e.Status == EditionStatus.Published && !e.Superseded && e.Id != edition.Id)
                     .ToListAsync(ct))
        {
            earlier.Superseded = true;
        }

        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>The checks on the edition's current texts against what each case holds. Showing identifier hits shows
    /// personal data in context, so the view is audited.</summary>
    /// <remarks>Reads the findings stored with the edition (computed when it was built, a text was rewritten, or it was
    /// checked again), so opening the edition does not rescan every text.</remarks>
    public async Task<EditionReview> ReviewAsync(PublicationEdition edition, CancellationToken ct)
    {
        var scan = await StoredScanAsync(edition, ct);
        return EditionChecks.Review(edition.ReadContent(), scan.ReadFindings(), edition.Decisions, settings.SmallNumberThreshold);
    }

    /// <summary>When the edition's texts were last checked against what their cases hold.</summary>
    public async Task<DateTime?> ScannedAtAsync(Guid editionId, CancellationToken ct) =>
        await db.Set<EditionScan>().AsNoTracking().Where(s => s.EditionId == editionId).Select(s => (DateTime?)s.ScannedAt).SingleOrDefaultAsync(ct);

    /// <summary>Checks every text of a draft again against the case records as they are now (for an editor who knows a
    /// case's details changed). Does not change the edition, so an open form stays valid.</summary>
    public async Task<PublicationEdition> RescanDraftAsync(Guid id, CancellationToken ct)
    {
        var edition = await TrackedAsync(id, ct);
        RequireStatus(edition, EditionStatus.Draft, "edition", "checked again");
        var scan = await RescanAsync(edition, ct);
        scan.ScannedAt = Now;
        db.RecordEvent(AuditAction.Update, nameof(PublicationEdition), edition.Id.ToString(), "Texts checked again for identifying details");
        await db.SaveChangesAsync(ct);
        return edition;
    }

    /// <summary>The edition's stored scan, tracked. An edition built before findings were stored is scanned once, here.</summary>
    private async Task<EditionScan> StoredScanAsync(PublicationEdition edition, CancellationToken ct)
    {
        var scan = await db.Set<EditionScan>().SingleOrDefaultAsync(s => s.EditionId == edition.Id, ct);
        if (scan is null)
        {
            scan = new EditionScan { EditionId = edition.Id, ScannedAt = Now, Findings = EditionScan.Write(await ScanAsync(edition.ReadContent(), null, ct)) };
            db.Add(scan);
            await db.SaveChangesAsync(ct);
        }

        return scan;
    }

    /// <summary>Scans every text again; the stored findings are replaced when they differ (saved by the caller).</summary>
    private async Task<EditionScan> RescanAsync(PublicationEdition edition, CancellationToken ct)
    {
        var scan = await StoredScanAsync(edition, ct);
        var findings = EditionScan.Write(await ScanAsync(edition.ReadContent(), null, ct));
        if (findings != scan.Findings)
        {
            scan.Findings = findings;
            scan.ScannedAt = Now;
        }

        return scan;
    }

    /// <summary>Runs the checks on the content's texts (all, or those at <paramref name="locations"/>) against what
    /// their cases hold now.</summary>
    private async Task<IReadOnlyList<ScanFinding>> ScanAsync(PublicationContent content, IReadOnlySet<string>? locations, CancellationToken ct)
    {
        var ids = EditionChecks.Texts(content)
            .Where(t => t.InvestigationId is not null && (locations is null || locations.Contains(t.Location)))
            .Select(t => t.InvestigationId!.Value).Distinct().ToList();
        var identifiers = await IdentifiersAsync(ids, ct);
        return EditionChecks.Scan(content, identifiers, settings.RareCircumstances, locations);
    }

    /// <summary>Records that the editor was shown the hits in context (they may hold personal data).</summary>
    public async Task RecordReviewViewAsync(PublicationEdition edition, CancellationToken ct)
    {
        db.RecordView(nameof(PublicationEdition), edition.Id, "identifiability hits shown in context");
        await db.SaveAuditEventsAsync(ct);
    }

    /// <summary>What each case holds that must never be published: the customer's name, dates of birth and death and
    /// National Insurance number, and the other people named in its records (the DWP attendee of each family contact,
    /// whoever a fact-finding discussion was with, the referrer).</summary>
    public async Task<IReadOnlyDictionary<Guid, CaseIdentifiers>> IdentifiersAsync(IReadOnlyCollection<Guid> investigationIds, CancellationToken ct)
    {
        var rows = new List<(Guid Id, string? FullName, DateOnly? DateOfBirth, DateOnly? DateOfDeath, string? Ni, string? Referrer)>();
        var others = new List<(Guid Id, string? Name)>();
        // In chunks: a department-scale year names about a thousand cases, and each id is a query parameter.
        foreach (var chunk in investigationIds.Chunk(500))
        {
            rows.AddRange((await db.Investigations.AsNoTracking().Where(i => chunk.Contains(i.Id))
                .Select(i => new { i.Id, i.Customer!.FullName, i.Customer.DateOfBirth, i.Customer.DateOfDeath, i.Customer.NationalInsuranceNumber, Referrer = i.Referral!.ReferrerName })
                .ToListAsync(ct)).Select(r => (r.Id, r.FullName, r.DateOfBirth, r.DateOfDeath, r.NationalInsuranceNumber, r.Referrer)));
            others.AddRange((await db.FamilyContacts.AsNoTracking().Where(c => chunk.Contains(c.InvestigationId) && c.DwpAttendee != null)
                .Select(c => new { c.InvestigationId, c.DwpAttendee }).ToListAsync(ct)).Select(c => (c.InvestigationId, c.DwpAttendee)));
            others.AddRange((await db.FactFindingDiscussions.AsNoTracking().Where(d => chunk.Contains(d.InvestigationId))
                .Select(d => new { d.InvestigationId, d.WithWhom }).ToListAsync(ct)).Select(d => (d.InvestigationId, (string?)d.WithWhom)));
        }

        var named = others.Where(o => !string.IsNullOrWhiteSpace(o.Name)).ToLookup(o => o.Id, o => o.Name!.Trim());
        return rows.ToDictionary(r => r.Id, r => new CaseIdentifiers(
            r.FullName is { Length: > 0 } n ? [n] : [],
            r.DateOfBirth is { } b ? [b] : [],
            r.DateOfDeath is { } d ? [d] : [],
            r.Ni is { Length: > 0 } ni ? [ni] : [],
            [], [], [], [],
            [.. named[r.Id].Concat(r.Referrer is { Length: > 0 } referrer ? [referrer.Trim()] : []).Distinct(StringComparer.OrdinalIgnoreCase)]));
    }

    public async Task<IReadOnlyList<PublishedEdition>> ListPublishedAsync(CancellationToken ct) =>
        (await db.Set<PublicationEdition>().AsNoTracking()
            .Where(e => e.Status == EditionStatus.Published && !e.Superseded)
            .ToListAsync(ct))
        .OrderByDescending(e => e.StartYear)
        .Select(e => new PublishedEdition(e.StartYear, e.EditionNumber, e.PublishedOn!.Value, e.CorrectionNote, e.ReadContent()))
        .ToList();

    public async Task<PublishedEdition?> GetPublishedAsync(int startYear, CancellationToken ct) =>
        (await ListPublishedAsync(ct)).FirstOrDefault(e => e.StartYear == startYear);

    private DateTime Now => AuditHasher.ToMicroseconds(clock.GetUtcNow().UtcDateTime);

    private bool IsDrafter(PublicationEdition edition) =>
        db.Actor.UserId is { } me && edition.DraftedByUserId is { } drafter
            ? me == drafter
            : string.Equals(db.Actor.Email, edition.DraftedBy, StringComparison.OrdinalIgnoreCase);

    // Added to the context, not only to the collection: a new row with its id already set would otherwise be taken
    // for an existing one.
    private void Record(PublicationEdition edition, ReviewItem item, string reason) =>
        db.Add(new EditionDecision
        {
            EditionId = edition.Id,
            Kind = item.Kind,
            Location = item.Location,
            Key = item.Key,
            Reason = reason.Trim(),
            DecidedByUserId = db.Actor.UserId,
            DecidedBy = db.Actor.Email,
            DecidedAt = Now,
        });

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainValidationException("reason", "Enter why it can be published as it stands");
        }

        if (reason.Length > 1000)
        {
            throw new DomainValidationException("reason", "The reason must be 1,000 characters or fewer");
        }
    }

    private static void RequireStatus(PublicationEdition edition, EditionStatus status, string field, string verb)
    {
        if (edition.Status != status)
        {
            throw new DomainValidationException(field, edition.Status == EditionStatus.Published
                ? "This edition is published and cannot be changed. Build a correction instead"
                : $"Only an edition that is {Describe(status).ToLowerInvariant()} can be {verb}; this one is {Describe(edition.Status).ToLowerInvariant()}");
        }
    }

    public static string Describe(EditionStatus status) => status switch
    {
        EditionStatus.Draft => "Draft",
        EditionStatus.Checked => "Checked",
        EditionStatus.Approved => "Approved",
        _ => "Published",
    };

    private async Task<PublicationEdition> TrackedAsync(Guid id, CancellationToken ct) =>
        await db.Set<PublicationEdition>().Include(e => e.Decisions).SingleOrDefaultAsync(e => e.Id == id, ct)
        ?? throw new RecordNotFoundException("The edition");
}
