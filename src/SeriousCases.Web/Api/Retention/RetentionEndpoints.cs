using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SeriousCases.Core.Retention;
using SeriousCases.Web.Api.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Retention;

public sealed record RetentionDecisionResponse(string CaseReference, RetentionCategory Category, RetentionVerdict Verdict, string Rule, DateOnly DueOn, string Why);

public sealed record RetentionDryRunResponse(DateOnly AsOf, int CasesToDispose, int CasesHeld, IReadOnlyList<RetentionDecisionResponse> Decisions);

public sealed record LegalHoldRequest(string? CaseReference, string? Reason);

public sealed record LegalHoldLiftRequest(string? Reason);

public sealed record LegalHoldResponse(Guid Id, string CaseReference, string Reason, string PlacedBy, DateTime PlacedAt, string? LiftedReason, string? LiftedBy, DateTime? LiftedAt, bool IsActive, int Version);

/// <summary>Retention: the dry run (Administrators) and legal holds (Administrators and Triage). Lifting a hold needs
/// the ETag read in If-Match (428 without it, 412 when the hold changed since).</summary>
public static class RetentionEndpoints
{
    public static RouteGroupBuilder MapRetentionApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/retention/dry-run", async (RetentionService service, CancellationToken ct) =>
            {
                var preview = await service.DryRunAsync(ct);
                return TypedResults.Ok(new RetentionDryRunResponse(preview.AsOf, preview.CasesToDispose, preview.CasesHeld,
                    [.. preview.Decisions.Select(d => new RetentionDecisionResponse(d.Case.Reference, d.Category, d.Verdict, d.Rule.Code, d.DueOn, d.Why))]));
            })
            .RequireAuthorization(Policies.Administer)
            .WithTags("Retention")
            .WithName("RetentionDryRun")
            .WithSummary("What a retention run today would dispose of (or keep on legal hold), case by case, with the rule and why. Changes nothing.");

        var holds = v1.MapGroup("/legal-holds").WithTags("Retention");
        holds.MapGet("/", async (LegalHoldService service, CancellationToken ct) =>
                TypedResults.Ok((await service.ListAsync(ct)).Select(ToResponse).ToList()))
            .RequireAuthorization(Policies.ManageLegalHolds)
            .WithName("ListLegalHolds")
            .WithSummary("Legal holds, those in place first.");
        holds.MapPost("/", async (LegalHoldRequest request, LegalHoldService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var hold = await service.PlaceAsync(request.CaseReference, request.Reason, user.Requester(), ct);
                http.Response.Headers.ETag = ETag.For(hold.Version);
                return TypedResults.Created($"/api/v1/legal-holds/{hold.Id}", ToResponse(hold));
            })
            .RequireAuthorization(Policies.ManageLegalHolds)
            .WithName("PlaceLegalHold")
            .WithSummary("Place a legal hold: caseReference (IPR-... or REF-...) and reason. A hold on either holds the IPR and its referral.");
        holds.MapPost("/{id:guid}/lift", async Task<Results<Ok<LegalHoldResponse>, ProblemHttpResult>> (
                Guid id, LegalHoldLiftRequest request, LegalHoldService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                if (ETag.Parse(http.Request.Headers.IfMatch) is not { } version)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status428PreconditionRequired,
                        title: "If-Match header required",
                        detail: "Send the ETag of the hold (from placing it, or its version in GET /api/v1/legal-holds) in the If-Match header.");
                }

                var hold = await service.LiftAsync(id, version, request.Reason, user.Requester(), ct);
                http.Response.Headers.ETag = ETag.For(hold.Version);
                return TypedResults.Ok(ToResponse(hold));
            })
            .RequireAuthorization(Policies.ManageLegalHolds)
            .WithName("LiftLegalHold")
            .WithSummary("Lift a legal hold: reason. Requires If-Match.");
        return v1;
    }

    private static LegalHoldResponse ToResponse(LegalHold h) =>
        new(h.Id, h.CaseReference, h.Reason, h.PlacedBy, h.PlacedAt, h.LiftedReason, h.LiftedBy, h.LiftedAt, h.IsActive, h.Version);
}
