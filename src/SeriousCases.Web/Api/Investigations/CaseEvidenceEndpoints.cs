using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Investigations;

public sealed record JourneyLineItem(string Code, string Name, int Contacts, bool GivenAtReferral);

public sealed record JourneyContactItem(Guid Id, DateOnly OccurredOn, string ServiceLine, ContactChannel Channel, string WhatHappened, string Source);

public sealed record JourneyResponse(IReadOnlyList<JourneyLineItem> ServiceLines, IReadOnlyList<JourneyContactItem> Contacts);

public sealed record JourneyContactRequest(DateOnly? OccurredOn, string? ServiceLine, ContactChannel? Channel, string? WhatHappened, string? Source);

public sealed record EvidenceDocumentItem(Guid Id, string FileName, string? Description, string ContentType, long SizeBytes, string Sha256, DateTime UploadedAt, string Href);

public sealed record DiscussionItem(Guid Id, DateOnly HeldOn, string WithWhom, string Role, string Notes);

public sealed record EvidenceResponse(IReadOnlyList<EvidenceDocumentItem> Documents, IReadOnlyList<DiscussionItem> Discussions);

public sealed record DiscussionRequest(DateOnly? HeldOn, string? WithWhom, string? Role, string? Notes);

/// <summary>An IPR's customer journey and evidence log for other systems. Same record-level rule as the pages: a
/// case not assigned to the caller answers 404 and the attempt is audited.</summary>
public static class CaseEvidenceEndpoints
{
    public static RouteGroupBuilder MapCaseEvidenceApi(this RouteGroupBuilder v1)
    {
        var cases = v1.MapGroup("/investigations/{id:guid}").WithTags("Investigations").RequireAuthorization(Policies.Investigate);

        cases.MapGet("/journey", async (Guid id, string? serviceLine, CustomerJourneyService service, ClaimsPrincipal user, CancellationToken ct) =>
                ToResponse(await service.GetAsync(id, serviceLine, user.Requester(), ct)))
            .WithName("GetCustomerJourney")
            .WithSummary("The customer's contacts with DWP in date order (serviceLine=name, abbreviation or code for one line's), with a count per service line. Audited.");

        cases.MapPost("/journey", async (Guid id, JourneyContactRequest request, CustomerJourneyService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var c = await service.AddAsync(id, request.OccurredOn, request.ServiceLine, request.Channel, request.WhatHappened, request.Source, user.Requester(), ct);
                return TypedResults.Created($"/api/v1/investigations/{id}/journey", ToItem(c));
            })
            .WithName("AddJourneyContact")
            .WithSummary("Record a contact: occurredOn (not in the future, not before 5 July 1948), serviceLine (any active line: name, abbreviation or code), channel, whatHappened (up to 4,000 characters), source (up to 200). Until the IPR is concluded.");

        cases.MapGet("/evidence", async (Guid id, EvidenceService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var log = await service.GetAsync(id, user.Requester(), ct);
                return new EvidenceResponse(
                    [.. log.Documents.Select(d => ToItem(id, d))],
                    [.. log.Discussions.Select(ToItem)]);
            })
            .WithName("GetEvidenceLog")
            .WithSummary("The documents (metadata only: name, type, size, SHA-256, link to the content) and fact-finding discussions of an IPR. Audited.");

        cases.MapPost("/evidence/documents", async (Guid id, HttpRequest http, EvidenceService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var by = user.Requester();
                await service.EnsureMayWorkAsync(id, by, ct);
                if (!http.HasFormContentType)
                {
                    throw new DomainValidationException("file", "Send the document as multipart/form-data, in a field named file (with an optional description field)");
                }

                if (http.ContentLength > EvidenceFileRules.MaxRequestBytes || await ReadFormAsync(http, ct) is not { } form)
                {
                    return Results.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { ["file"] = [EvidenceFileRules.TooLarge] })
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request has a problem you can fix",
                    });
                }

                var file = form.Files.GetFile("file");
                await using var content = file?.OpenReadStream() ?? Stream.Null;
                var document = await service.UploadAsync(id, file is null ? null : new EvidenceUpload(file.FileName, file.Length, content), form["description"], by, ct);
                var row = new EvidenceDocumentRow(document.Id, document.FileName, document.Description, document.ContentType, document.SizeBytes, document.Sha256, document.CreatedAt);
                return Results.Created(Href(id, document.Id), ToItem(id, row));
            })
            .Produces<EvidenceDocumentItem>(StatusCodes.Status201Created)
            .WithName("UploadEvidenceDocument")
            .WithSummary("Attach a document: multipart/form-data with field file and optional description (up to 500 characters). PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, TXT or CSV, smaller than 20 MB, its content matching its name. The answer gives its SHA-256.");

        cases.MapGet("/evidence/documents/{documentId:guid}", async (Guid id, Guid documentId, EvidenceService service, ClaimsPrincipal user, HttpResponse response, CancellationToken ct) =>
            {
                var download = await service.DownloadAsync(id, documentId, user.Requester(), ct);
                response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(download.Content, download.ContentType, download.FileName);
            })
            .WithName("DownloadEvidenceDocument")
            .WithSummary("The document's content, as an attachment under its stored type. Audited as an export.");

        cases.MapPost("/evidence/discussions", async (Guid id, DiscussionRequest request, EvidenceService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var d = await service.AddDiscussionAsync(id, request.HeldOn, request.WithWhom, request.Role, request.Notes, user.Requester(), ct);
                return TypedResults.Created($"/api/v1/investigations/{id}/evidence", ToItem(d));
            })
            .WithName("AddFactFindingDiscussion")
            .WithSummary("Record a fact-finding discussion: withWhom and role (up to 200 characters each), heldOn (from acceptance to today), notes (up to 8,000). Until the IPR is concluded.");
        return v1;
    }

    private static string Href(Guid id, Guid documentId) => $"/api/v1/investigations/{id}/evidence/documents/{documentId}";

    /// <summary>The form, or null when the body goes over the limits while being read (no length was sent).</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpRequest http, CancellationToken ct)
    {
        try
        {
            return await http.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { MultipartBodyLengthLimit = EvidenceFileRules.MaxRequestBytes }, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    private static JourneyResponse ToResponse(JourneyView v) => new(
        [.. v.Lines.Select(l => new JourneyLineItem(l.Line.Code, l.Line.Name, l.Contacts, l.GivenAtReferral))],
        [.. v.Contacts.Select(ToItem)]);

    private static JourneyContactItem ToItem(JourneyContact c) => new(c.Id, c.OccurredOn, c.ServiceLine!.Name, c.Channel, c.WhatHappened, c.Source);

    private static EvidenceDocumentItem ToItem(Guid id, EvidenceDocumentRow d) =>
        new(d.Id, d.FileName, d.Description, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedAt, Href(id, d.Id));

    private static DiscussionItem ToItem(FactFindingDiscussion d) => new(d.Id, d.HeldOn, d.WithWhom, d.Role, d.Notes);
}
