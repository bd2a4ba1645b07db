using System.Security.Claims;
using SeriousCases.Core.Actions;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.ReferenceData;

public sealed record OwnerTransferRequest(string? Successor, string? Reason, bool? Abolished);

public sealed record OwnerTransferResponse(Guid TransferId, string From, string To, int ActivitiesMoved, bool Abolished);

/// <summary>Team reorganisations: an Administrator moves every open activity of a team to its successor in one step.
/// If-Match (the team's version) is optional: with it, a second transfer of the same team at the same time answers 412.</summary>
public static class OwnerTeamEndpoints
{
    public static RouteGroupBuilder MapOwnerTeamApi(this RouteGroupBuilder v1)
    {
        var teams = v1.MapGroup("/owner-teams").WithTags("Reference data");
        teams.MapPost("/{id:guid}/transfer", async (Guid id, OwnerTransferRequest request, OwnerTransferService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var version = ETag.Parse(http.Request.Headers.IfMatch);
                var result = await service.TransferAsync(id, request.Successor, request.Reason, request.Abolished, user.RegisterUser(), version, ct);
                return TypedResults.Ok(new OwnerTransferResponse(result.TransferId, result.From, result.To, result.Moved, result.Abolished));
            })
            .RequireAuthorization(Policies.Administer)
            .WithName("TransferOwnerTeam")
            .WithSummary("Moves every open activity (not started, in progress, awaiting or partly assured) of the team, as lead owner and as contributor, to successor (a short name such as UC). reason is required and recorded on each activity; abolished (true or false) marks the team no longer in use with the successor named.");
        return v1;
    }
}
