using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Investigations;

/// <summary>A document in the evidence log, without its content.</summary>
public sealed record EvidenceDocumentRow(Guid Id, string FileName, string? Description, string ContentType, long SizeBytes, string Sha256, DateTime UploadedAt);

/// <summary>An IPR's evidence log: its documents (newest first) and fact-finding discussions (in date order).</summary>
public sealed record EvidenceLog(Investigation Investigation, IReadOnlyList<EvidenceDocumentRow> Documents, IReadOnlyList<FactFindingDiscussion> Discussions);

/// <summary>A file as it arrived: its name as the sender gave it, its size and its content (read only if the size is allowed).</summary>
public sealed record EvidenceUpload(string? FileName, long Size, Stream Content);

/// <summary>A document's content, to download.</summary>
public sealed record EvidenceDownload(string FileName, string ContentType, byte[] Content);

/// <summary>The evidence log of an IPR: documents attached to the case (content kept apart from the rows that list
/// them, with its SHA-256) and fact-finding discussions with stakeholders. Added at any stage before the case
/// is concluded, under the record-level rule of <see cref="CaseAccess"/>.</summary>
public sealed class EvidenceService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int DescriptionMax = 500;
    public const int WithWhomMax = 200;
    public const int RoleMax = 200;
    public const int NotesMax = 8000;

    public async Task<EvidenceLog> GetAsync(Guid id, Requester by, CancellationToken ct)
    {
        var ipr = await db.Investigations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (ipr is null || !by.MayWork(ipr))
        {
            if (ipr is not null)
            {
                await db.RefuseAsync(id, ct);
            }

            throw new RecordNotFoundException("The IPR");
        }

        var documents = await db.EvidenceDocuments.AsNoTracking()
            .Where(d => d.InvestigationId == id)
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new EvidenceDocumentRow(d.Id, d.FileName, d.Description, d.ContentType, d.SizeBytes, d.Sha256, d.CreatedAt))
            .ToListAsync(ct);
        var discussions = await db.FactFindingDiscussions.AsNoTracking()
            .Where(d => d.InvestigationId == id)
            .OrderBy(d => d.HeldOn).ThenBy(d => d.CreatedAt)
            .ToListAsync(ct);
        db.RecordView(nameof(Investigation), id, "Evidence log");
        await db.SaveAuditEventsAsync(ct);
        return new EvidenceLog(ipr, documents, discussions);
    }

    /// <summary>Attaches a document after <see cref="EvidenceFileRules"/> accepted it (read only when its size is
    /// within the limit). Errors are on "file" and "description".</summary>
    public async Task<EvidenceDocument> UploadAsync(Guid id, EvidenceUpload? file, string? description, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        byte[] content = [];
        if (file is { Size: > 0 and <= EvidenceFileRules.MaxBytes })
        {
            using var copy = new MemoryStream();
            await file.Content.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }

        var check = EvidenceFileRules.Check(file?.FileName, content.Length == 0 ? file?.Size ?? 0 : content.LongLength, content);
        var errors = new ValidationErrors();
        if (ipr.Stage == InvestigationStage.Concluded)
        {
            errors.Add("file", Concluded(ipr));
        }
        else if (!check.Accepted)
        {
            errors.Add("file", check.Error!);
        }

        description = description?.Trim();
        if (description?.Length > DescriptionMax)
        {
            errors.Add("description", "The description must be 500 characters or fewer");
        }

        errors.ThrowIfAny();
        var document = new EvidenceDocument
        {
            InvestigationId = id,
            FileName = check.FileName,
            ContentType = check.Kind!.ContentType,
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Description = string.IsNullOrEmpty(description) ? null : description,
            UploadedByUserId = by.UserId,
        };
        db.EvidenceDocuments.Add(document);
        db.EvidenceFiles.Add(new EvidenceFile { EvidenceDocumentId = document.Id, Content = content });
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>Applies the record-level rule alone (refusals audited), for a caller that must answer before
    /// reading an upload, such as one too large to read.</summary>
    public async Task EnsureMayWorkAsync(Guid id, Requester by, CancellationToken ct) => await db.CaseForWorkAsync(id, by, ct);

    /// <summary>A document's content, audited as an export of that document. A document of another case is not found.</summary>
    public async Task<EvidenceDownload> DownloadAsync(Guid id, Guid documentId, Requester by, CancellationToken ct)
    {
        await db.CaseForWorkAsync(id, by, ct);
        var document = await db.EvidenceDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.InvestigationId == id, ct)
            ?? throw new RecordNotFoundException("The document");
        var content = await db.EvidenceFiles.AsNoTracking().Where(f => f.EvidenceDocumentId == documentId).Select(f => f.Content).SingleAsync(ct);
        db.RecordEvent(AuditAction.Export, nameof(EvidenceDocument), documentId.ToString(), "Downloaded");
        await db.SaveAuditEventsAsync(ct);
        return new EvidenceDownload(document.FileName, document.ContentType, content);
    }

    /// <summary>Records a fact-finding discussion with a stakeholder.</summary>
    public async Task<FactFindingDiscussion> AddDiscussionAsync(Guid id, DateOnly? heldOn, string? withWhom, string? role, string? notes, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        var errors = new ValidationErrors();
        if (ipr.Stage == InvestigationStage.Concluded)
        {
            errors.Add("notes", Concluded(ipr));
        }

        withWhom = withWhom?.Trim();
        if (string.IsNullOrEmpty(withWhom))
        {
            errors.Add("withWhom", "Enter who the discussion was with");
        }
        else if (withWhom.Length > WithWhomMax)
        {
            errors.Add("withWhom", "Who the discussion was with must be 200 characters or fewer");
        }

        role = role?.Trim();
        if (string.IsNullOrEmpty(role))
        {
            errors.Add("role", "Enter their role, for example UC work coach");
        }
        else if (role.Length > RoleMax)
        {
            errors.Add("role", "Their role must be 200 characters or fewer");
        }

        if (heldOn is null)
        {
            errors.Add("heldOn", "Enter the date of the discussion");
        }
        else if (heldOn > UkTime.Today(clock))
        {
            errors.Add("heldOn", "The date of the discussion must be today or in the past");
        }
        else if (ipr.AcceptedOn is { } accepted && heldOn < accepted)
        {
            errors.Add("heldOn", $"The date of the discussion must be on or after {UkTime.Format(accepted)}, when the IPR was accepted");
        }

        notes = notes?.Trim();
        if (string.IsNullOrEmpty(notes))
        {
            errors.Add("notes", "Enter the notes of the discussion");
        }
        else if (notes.Length > NotesMax)
        {
            errors.Add("notes", "The notes must be 8,000 characters or fewer");
        }

        errors.ThrowIfAny();
        var discussion = new FactFindingDiscussion
        {
            InvestigationId = id,
            HeldOn = heldOn!.Value,
            WithWhom = withWhom!,
            Role = role!,
            Notes = notes!,
            RecordedByUserId = by.UserId,
        };
        db.FactFindingDiscussions.Add(discussion);
        await db.SaveChangesAsync(ct);
        return discussion;
    }

    private static string Concluded(Investigation ipr) => $"IPR {ipr.Reference} is concluded: its evidence log can no longer change";
}
