using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using SeriousCases.Core.Common;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Referrals.Criteria;
using SeriousCases.Web.Api.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Referrals;

public sealed record ReferralCustomerRequest(string? Name, DateOnly? DateOfBirth, string? NationalInsuranceNumber, DateOnly? DateOfDeath);

/// <summary>The stable contract other systems rely on: field names and values as documented.</summary>
public sealed record ReferralRequest(
    DateOnly? ReceivedOn,
    Nation? Nation,
    IReadOnlyList<string>? ServiceLines,
    SeriousEvent? Event,
    bool? Allegation,
    string? AllegationDetail,
    IReadOnlyList<ExternalReviews>? ExternalReviews,
    ReferralCustomerRequest? Customer,
    DateOnly? DwpAwareOn,
    AwarenessRoute? AwarenessRoute,
    string? AwarenessRouteOther,
    string? ReferrerTeam);

public sealed record AssessmentResponse(bool CriteriaMet, string? Route, IReadOnlyList<string> Reasons, string CriteriaVersion);

public sealed record ReferralCreatedResponse(Guid Id, string Reference, AssessmentResponse Assessment);

public sealed record ReferralResponse(
    Guid Id, string Reference, ReferralStatus Status, DateOnly? ReceivedOn, Nation? Nation, IReadOnlyList<string> ServiceLines,
    SeriousEvent? Event, bool? Allegation, string? AllegationDetail, IReadOnlyList<ExternalReviews> ExternalReviews,
    string? CustomerName, DateOnly? DateOfBirth, string? NationalInsuranceNumber, DateOnly? DateOfDeath,
    AssessmentResponse Assessment, string? DecisionRationale, int Version);

[JsonConverter(typeof(JsonStringEnumConverter<DecisionKind>))]
public enum DecisionKind
{
    Accept = 1,
    NotMet = 2,
}

public sealed record DecisionRequest(DecisionKind? Decision, string? Rationale);

/// <summary>Referrals: any colleague may refer and read their own referrals; Triage reads all and decides.</summary>
public static class ReferralEndpoints
{
    public static RouteGroupBuilder MapReferralApi(this RouteGroupBuilder v1)
    {
        var referrals = v1.MapGroup("/referrals").WithTags("Referrals");
        referrals.MapPost("/", async Task<Created<ReferralCreatedResponse>> (
                ReferralRequest request, ReferralService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (referral, assessment) = await service.SubmitAsync(ToSubmission(request), user.Requester(), ct);
                return TypedResults.Created($"/api/v1/referrals/{referral.Id}",
                    new ReferralCreatedResponse(referral.Id, referral.Reference, ToResponse(assessment)));
            })
            .RequireAuthorization(Policies.Refer)
            .WithName("CreateReferral")
            .WithSummary("Refer a case for an Internal Process Review. Answers with the criteria assessment; invalid input is refused with every bad field named and nothing stored.");

        referrals.MapGet("/{id:guid}", async (Guid id, ReferralService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var (r, assessment) = await service.GetAsync(id, user.Requester(), ct);
                http.Response.Headers.ETag = ETag.For(r.Version);
                return new ReferralResponse(
                    r.Id, r.Reference, r.Status, r.ReceivedOn, r.Customer?.Nation,
                    [.. r.ServiceLines.Select(l => l.ServiceLine!.Name).Order(StringComparer.Ordinal)],
                    r.SeriousEvent, r.AllegationMade, r.AllegationDetails,
                    [.. Enum.GetValues<ExternalReviews>().Where(f => f != ExternalReviews.None && r.ExternalReviews.HasFlag(f))],
                    r.Customer?.FullName, r.Customer?.DateOfBirth, r.Customer?.NationalInsuranceNumber, r.Customer?.DateOfDeath,
                    ToResponse(assessment), r.DecisionReason, r.Version);
            })
            .RequireAuthorization(Policies.Refer)
            .WithName("GetReferral")
            .WithSummary("One referral. Referrers see only their own; Triage sees all. Each read is audited.");

        referrals.MapPost("/{id:guid}/decision", async Task<Results<Ok<ReferralCreatedResponse>, ProblemHttpResult>> (
                Guid id, DecisionRequest request, ReferralService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                if (request.Decision is null)
                {
                    throw new DomainValidationException("decision", "Choose accept or notMet");
                }

                var current = await service.GetAsync(id, user.Requester(), ct);
                var version = ETag.Parse(http.Request.Headers.IfMatch) ?? current.Referral.Version;
                var decided = await service.DecideAsync(id, version, new TriageDecision(request.Decision == DecisionKind.Accept, request.Rationale), user.UserId()!.Value, ct);
                http.Response.Headers.ETag = ETag.For(decided.Version);
                return TypedResults.Ok(new ReferralCreatedResponse(decided.Id, decided.Reference, ToResponse(current.Assessment)));
            })
            .RequireAuthorization(Policies.Triage)
            .WithName("DecideReferral")
            .WithSummary("Triage's decision: accept (opens an IPR) or notMet, with a rationale (required for notMet or when going against the assessment). If-Match is honoured when sent.");
        return v1;
    }

    private static ReferralSubmission ToSubmission(ReferralRequest r) => new()
    {
        ReceivedOn = r.ReceivedOn,
        Nation = r.Nation,
        ServiceLines = r.ServiceLines ?? [],
        Event = r.Event,
        Allegation = r.Allegation,
        AllegationDetail = r.AllegationDetail,
        ExternalReviews = (r.ExternalReviews ?? []).Aggregate(ExternalReviews.None, (all, one) => all | one),
        CustomerName = r.Customer?.Name,
        DateOfBirth = r.Customer?.DateOfBirth,
        NationalInsuranceNumber = r.Customer?.NationalInsuranceNumber,
        DateOfDeath = r.Customer?.DateOfDeath,
        DwpAwareOn = r.DwpAwareOn,
        AwarenessRoute = r.AwarenessRoute,
        AwarenessRouteOther = r.AwarenessRouteOther,
        ReferrerTeam = r.ReferrerTeam,
    };

    private static AssessmentResponse ToResponse(CriteriaAssessment a) => new(a.CriteriaMet, a.Route, a.Reasons, a.CriteriaVersion);
}
