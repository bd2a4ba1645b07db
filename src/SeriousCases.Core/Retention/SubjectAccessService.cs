using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Retention;

/// <summary>A person's identifiers as an Administrator enters them for a subject access request. Any may be left out,
/// but not all.</summary>
public sealed record SubjectAccessQuery(string? Name, string? NationalInsuranceNumber, DateOnly? DateOfBirth);

/// <summary>One record found: what it is, the case it belongs to and why it matched (no personal data in the kind or reference).</summary>
public sealed record SubjectRecord(string Kind, Guid Id, string? CaseReference, string MatchedOn, string Summary);

/// <summary>Everything found for one query, with the records themselves for the export.</summary>
public sealed class SubjectAccessResult
{
    public required IReadOnlyList<SubjectRecord> Records { get; init; }
    internal List<Customer> Customers { get; init; } = [];
    internal List<Referral> Referrals { get; init; } = [];
    internal List<Investigation> Investigations { get; init; } = [];
    internal List<JourneyContact> Journey { get; init; } = [];
    internal List<FactFindingDiscussion> Discussions { get; init; } = [];
    internal List<FamilyContact> FamilyContacts { get; init; } = [];
    internal List<EvidenceDocument> Documents { get; init; } = [];
}

/// <summary>Subject access support: finds every record holding a person's identifiers (as a customer: their identity,
/// the referrals and IPRs about them with their journey, evidence, discussions and family contacts; by name also as a
/// referrer, someone spoken to in fact-finding or the DWP colleague who met a family) and exports them as a zip of JSON
/// files with the evidence documents. Each record shown is audited as a view; the export as an export. The identifiers
/// searched for are never written to the audit trail or the log.</summary>
public sealed class SubjectAccessService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int MaxRecords = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string? NormaliseNino(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    public async Task<SubjectAccessResult> FindAsync(SubjectAccessQuery query, CancellationToken ct)
    {
        var result = await SearchAsync(query, ct);
        foreach (var record in result.Records)
        {
            db.RecordView(record.Kind, record.Id, "Subject access search");
        }

        await db.SaveAuditEventsAsync(ct);
        return result;
    }

    /// <summary>The zip: one JSON file per kind of record, a README, and each evidence document's content. Audited as one export.</summary>
    public async Task<(byte[] Zip, int Records)> ExportAsync(SubjectAccessQuery query, CancellationToken ct)
    {
        var result = await SearchAsync(query, ct);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var generated = UkTime.Format(clock.GetUtcNow().UtcDateTime);
            await WriteAsync(zip, "README.txt", $"Subject access export from Serious Case Learning, generated {generated}.\n"
                + $"{result.Records.Count} records. OFFICIAL-SENSITIVE: special category personal data.\n", ct);
            await WriteJsonAsync(zip, "records.json", result.Records, ct);
            await WriteJsonAsync(zip, "customers.json", result.Customers.Select(c => new { c.Id, c.FullName, c.DateOfBirth, c.NationalInsuranceNumber, c.DateOfDeath, c.Nation }), ct);
            await WriteJsonAsync(zip, "referrals.json", result.Referrals.Select(r => new
            {
                r.Id,
                r.Reference,
                r.Status,
                r.ReferrerName,
                r.ReferrerTeam,
                r.ReceivedOn,
                r.DwpAwareOn,
                r.AwarenessRoute,
                r.SeriousEvent,
                r.AllegationMade,
                r.AllegationDetails,
                r.DecisionReason,
                r.LearningCaptured,
                r.CustomerId,
            }), ct);
            await WriteJsonAsync(zip, "investigations.json", result.Investigations.Select(i => new { i.Id, i.Reference, i.Stage, i.ConcludedOn, i.Outcome, i.Summary, i.CustomerId }), ct);
            await WriteJsonAsync(zip, "journey.json", result.Journey.Select(j => new { j.Id, j.InvestigationId, j.OccurredOn, j.Channel, j.WhatHappened, j.Source }), ct);
            await WriteJsonAsync(zip, "fact-finding-discussions.json", result.Discussions.Select(d => new { d.Id, d.InvestigationId, d.HeldOn, d.WithWhom, d.Role, d.Notes }), ct);
            await WriteJsonAsync(zip, "family-contacts.json", result.FamilyContacts.Select(f => new { f.Id, f.InvestigationId, f.On, f.Kind, f.DwpAttendee, f.Level, f.ApologyGiven, f.Notes }), ct);
            await WriteJsonAsync(zip, "evidence-documents.json", result.Documents.Select(d => new { d.Id, d.InvestigationId, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.Description }), ct);
            foreach (var document in result.Documents)
            {
                var content = await db.EvidenceFiles.AsNoTracking().Where(f => f.EvidenceDocumentId == document.Id).Select(f => f.Content).SingleOrDefaultAsync(ct);
                if (content is not null)
                {
                    var entry = zip.CreateEntry($"evidence/{document.Id}-{SafeName(document.FileName)}");
                    await using var s = await entry.OpenAsync(ct);
                    await s.WriteAsync(content, ct);
                }
            }
        }

        var kinds = string.Join(", ", result.Records.GroupBy(r => r.Kind).Select(g => $"{g.Count()} {g.Key}"));
        db.RecordEvent(AuditAction.Export, "SubjectAccess", Guid.CreateVersion7().ToString(),
            $"Subject access export of {result.Records.Count} records ({(kinds.Length == 0 ? "none" : kinds)})");
        await db.SaveAuditEventsAsync(ct);
        return (stream.ToArray(), result.Records.Count);
    }

    private static string SafeName(string name) => new(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());

    private static async Task WriteAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name);
        await using var s = await entry.OpenAsync(ct);
        await s.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), ct);
    }

    private static async Task WriteJsonAsync<T>(ZipArchive zip, string name, IEnumerable<T> rows, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name);
        await using var s = await entry.OpenAsync(ct);
        await JsonSerializer.SerializeAsync(s, rows.ToList(), Json, ct);
    }

    private async Task<SubjectAccessResult> SearchAsync(SubjectAccessQuery query, CancellationToken ct)
    {
        var name = query.Name?.Trim();
        var nino = NormaliseNino(query.NationalInsuranceNumber);
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(name) && nino is null && query.DateOfBirth is null)
        {
            errors.Add("name", "Enter the person's name, National Insurance number or date of birth");
        }
        else if (name is { Length: > 0 and < 3 })
        {
            errors.Add("name", "Enter at least 3 letters of the name");
        }
        else if (name is { Length: > 200 })
        {
            errors.Add("name", "The name must be 200 characters or fewer");
        }

        if (nino is not null && !System.Text.RegularExpressions.Regex.IsMatch(nino, "^[A-Z]{2}[0-9]{6}[A-D]?$"))
        {
            errors.Add("nationalInsuranceNumber", "Enter a National Insurance number in the correct format, like QQ 12 34 56 C");
        }

        errors.ThrowIfAny();

        // As a customer: every identifier given must match.
        var customers = db.Customers.AsNoTracking().AsQueryable();
        if (!string.IsNullOrEmpty(name))
        {
            var lower = name.ToLowerInvariant();
            customers = customers.Where(c => c.FullName != null && c.FullName.ToLower().Contains(lower));
        }

        if (nino is not null)
        {
            customers = customers.Where(c => c.NationalInsuranceNumber == nino);
        }

        if (query.DateOfBirth is { } dob)
        {
            customers = customers.Where(c => c.DateOfBirth == dob);
        }

        var found = await customers.Take(MaxRecords).ToListAsync(ct);
        var customerIds = found.Select(c => c.Id).ToList();
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CustomerId != null && customerIds.Contains(r.CustomerId.Value)).ToListAsync(ct);
        var referralIds = referrals.Select(r => r.Id).ToList();
        var investigations = await db.Investigations.AsNoTracking()
            .Where(i => (i.CustomerId != null && customerIds.Contains(i.CustomerId.Value)) || (i.ReferralId != null && referralIds.Contains(i.ReferralId.Value)))
            .ToListAsync(ct);
        var iprIds = investigations.Select(i => i.Id).ToList();
        var journey = await db.JourneyContacts.AsNoTracking().Where(j => iprIds.Contains(j.InvestigationId)).ToListAsync(ct);
        var discussions = await db.FactFindingDiscussions.AsNoTracking().Where(d => iprIds.Contains(d.InvestigationId)).ToListAsync(ct);
        var family = await db.FamilyContacts.AsNoTracking().Where(f => iprIds.Contains(f.InvestigationId)).ToListAsync(ct);
        var documents = await db.EvidenceDocuments.AsNoTracking().Where(d => iprIds.Contains(d.InvestigationId)).ToListAsync(ct);

        var records = new List<SubjectRecord>();
        var iprReference = investigations.ToDictionary(i => i.Id, i => i.Reference);
        string? Case(Guid ipr) => iprReference.GetValueOrDefault(ipr);
        records.AddRange(found.Select(c => new SubjectRecord(nameof(Customer), c.Id,
            investigations.FirstOrDefault(i => i.CustomerId == c.Id)?.Reference ?? referrals.FirstOrDefault(r => r.CustomerId == c.Id)?.Reference,
            "Customer", c.IdentityDisposedAt is null ? "Name, date of birth, NI number and date of death" : "Identity disposed of by retention")));
        records.AddRange(referrals.Select(r => new SubjectRecord(nameof(Referral), r.Id, r.Reference, "Customer", $"Referral ({r.Status})")));
        records.AddRange(investigations.Select(i => new SubjectRecord(nameof(Investigation), i.Id, i.Reference, "Customer", $"IPR ({i.Stage})")));
        records.AddRange(journey.Select(j => new SubjectRecord(nameof(JourneyContact), j.Id, Case(j.InvestigationId), "Customer", $"Journey contact on {UkTime.Format(j.OccurredOn)}")));
        records.AddRange(discussions.Select(d => new SubjectRecord(nameof(FactFindingDiscussion), d.Id, Case(d.InvestigationId), "Customer", $"Fact-finding discussion on {UkTime.Format(d.HeldOn)}")));
        records.AddRange(family.Select(f => new SubjectRecord(nameof(FamilyContact), f.Id, Case(f.InvestigationId), "Customer", $"{FamilyEngagementService.Describe(f.Kind)} with the family on {UkTime.Format(f.On)}")));
        records.AddRange(documents.Select(d => new SubjectRecord(nameof(EvidenceDocument), d.Id, Case(d.InvestigationId), "Customer", $"Evidence document ({d.ContentType}, {d.SizeBytes:N0} bytes)")));

        // By name, in the other roles a person can have in the records.
        if (!string.IsNullOrEmpty(name))
        {
            var lower = name.ToLowerInvariant();
            var asReferrer = await db.Referrals.AsNoTracking().Where(r => r.ReferrerName != null && r.ReferrerName.ToLower().Contains(lower) && !referralIds.Contains(r.Id)).Take(MaxRecords).ToListAsync(ct);
            var asStakeholder = await db.FactFindingDiscussions.AsNoTracking().Where(d => d.WithWhom.ToLower().Contains(lower) && !iprIds.Contains(d.InvestigationId)).Take(MaxRecords).ToListAsync(ct);
            var asAttendee = await db.FamilyContacts.AsNoTracking().Where(f => f.DwpAttendee != null && f.DwpAttendee.ToLower().Contains(lower) && !iprIds.Contains(f.InvestigationId)).Take(MaxRecords).ToListAsync(ct);
            var others = asStakeholder.Select(d => d.InvestigationId).Concat(asAttendee.Select(f => f.InvestigationId)).Distinct().ToList();
            foreach (var other in await db.Investigations.AsNoTracking().Where(i => others.Contains(i.Id)).Select(i => new { i.Id, i.Reference }).ToListAsync(ct))
            {
                iprReference[other.Id] = other.Reference;
            }

            records.AddRange(asReferrer.Select(r => new SubjectRecord(nameof(Referral), r.Id, r.Reference, "Referrer", $"Referral ({r.Status}) made by them")));
            records.AddRange(asStakeholder.Select(d => new SubjectRecord(nameof(FactFindingDiscussion), d.Id, Case(d.InvestigationId), "Person spoken to", $"Fact-finding discussion on {UkTime.Format(d.HeldOn)}")));
            records.AddRange(asAttendee.Select(f => new SubjectRecord(nameof(FamilyContact), f.Id, Case(f.InvestigationId), "DWP attendee", $"{FamilyEngagementService.Describe(f.Kind)} with a family on {UkTime.Format(f.On)}")));
            referrals.AddRange(asReferrer);
            discussions.AddRange(asStakeholder);
            family.AddRange(asAttendee);
        }

        return new SubjectAccessResult
        {
            Records = records,
            Customers = found,
            Referrals = referrals,
            Investigations = investigations,
            Journey = journey,
            Discussions = discussions,
            FamilyContacts = family,
            Documents = documents,
        };
    }
}
