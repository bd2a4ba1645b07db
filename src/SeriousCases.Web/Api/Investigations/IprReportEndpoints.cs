using System.Security.Claims;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Iprg;
using SeriousCases.Web.Api.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Investigations;

public sealed record SummaryRequest(string? Summary);

public sealed record SummaryResponse(Guid Id, string Reference, string? Summary, int Version);

public sealed record LearningOutcomeRequest(string? Text);

public sealed record LearningOutcomeResponse(Guid Id, Guid InvestigationId, int Order, string Text);

/// <summary>The IPR report (OFFICIAL-SENSITIVE), the case summary written for it, and the learning outcomes the
/// IPRG records per case. Someone not working the case gets 404, and the attempt is audited.</summary>
public static class IprReportEndpoints
{
    public static RouteGroupBuilder MapIprReportApi(this RouteGroupBuilder v1)
    {
        var investigations = v1.MapGroup("/investigations").WithTags("Investigations");
        investigations.MapGet("/{id:guid}/report", async (Guid id, IprReportService reports, ClaimsPrincipal user, CancellationToken ct) =>
                await reports.BuildAsync(id, user.Requester(), ReportUse.View, ct))
            .RequireAuthorization(Policies.Investigate)
            .WithName("GetIprReport")
            .WithSummary("The IPR report (OFFICIAL-SENSITIVE): case details, summary, customer journey, fact-finding discussions (date and role), findings with their agreed activities and progress, learning outcomes, external scrutiny. Each read is audited.");

        investigations.MapPut("/{id:guid}/summary", async (Guid id, SummaryRequest request, IprReportService reports, InvestigationService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var by = user.Requester();
                var version = await ExpectedVersionAsync(http, () => service.GetAsync(id, by, ct));
                var saved = await reports.SaveSummaryAsync(id, version, request.Summary, by, ct);
                http.Response.Headers.ETag = ETag.For(saved.Version);
                return new SummaryResponse(saved.Id, saved.Reference, saved.Summary, saved.Version);
            })
            .RequireAuthorization(Policies.Investigate)
            .WithName("SaveCaseSummary")
            .WithSummary("Replace the case summary (up to 8,000 characters) of an IPR that has not concluded. Send the ETag you read in If-Match: a summary changed since then answers 412.");

        v1.MapPost("/investigations/{id:guid}/learning-outcomes", async (Guid id, LearningOutcomeRequest request, LearningOutcomeService outcomes, CancellationToken ct) =>
            {
                var saved = await outcomes.AddAsync(id, request.Text, ct);
                return TypedResults.Created($"/api/v1/investigations/{id}/learning-outcomes/{saved.Id}",
                    new LearningOutcomeResponse(saved.Id, saved.InvestigationId, saved.Order, saved.Text));
            })
            .RequireAuthorization(Policies.ReviewFindings)
            .WithTags("IPRG")
            .WithName("AddLearningOutcome")
            .WithSummary("The IPRG records a learning outcome (text, up to 4,000 characters) for a case with the group or concluded with learning identified; outcomes keep the order they are added in.");
        return v1;
    }

    /// <summary>The version named by If-Match; without it, the current one. A tag that is not one of ours can never
    /// match, so it is refused as a stale one would be.</summary>
    private static async Task<int> ExpectedVersionAsync(HttpContext http, Func<Task<InvestigationView>> current)
    {
        var view = await current();
        string? ifMatch = http.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return view.Investigation.Version;
        }

        return ETag.Parse(ifMatch) ?? throw new ConcurrencyConflictException($"Internal Process Review {view.Investigation.Reference}");
    }
}
