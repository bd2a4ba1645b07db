using System.Security.Claims;
using SeriousCases.Web.Api.Actions;
using SeriousCases.Web.Api.Insight;
using SeriousCases.Web.Api.Investigations;
using SeriousCases.Web.Api.Iprg;
using SeriousCases.Web.Api.Management;
using SeriousCases.Web.Api.Panel;
using SeriousCases.Web.Api.Publication;
using SeriousCases.Web.Api.ReferenceData;
using SeriousCases.Web.Api.Referrals;
using SeriousCases.Web.Api.Retention;
using SeriousCases.Web.Api.Themes;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api;

public sealed record MeResponse(string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>The JSON API under /api/v1. Each feature adds its own group in its own file.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapServiceApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").DisableAntiforgery();
        v1.MapGet("/me", (ClaimsPrincipal user) => new MeResponse(
                user.Email() ?? "",
                user.Identity?.Name ?? "",
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList()))
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetMe")
            .WithSummary("The email address and roles of the caller.");
        v1.MapServiceLineApi();
        v1.MapThemeApi();
        v1.MapOwnerTeamApi();
        v1.MapReferralApi();
        v1.MapInsightApi();
        v1.MapInvestigationApi();
        v1.MapFamilyAndQualityApi();
        v1.MapCaseEvidenceApi();
        v1.MapIprgApi();
        v1.MapIprReportApi();
        v1.MapActionApi();
        v1.MapTermsOfReferenceApi();
        v1.MapPanelMeetingApi();
        v1.MapRetentionApi();
        v1.MapPublicationApi();
        v1.MapManagementApi();
        v1.MapExcellencePlanApi();
        v1.MapThemeInsightApi();
        return app;
    }
}
