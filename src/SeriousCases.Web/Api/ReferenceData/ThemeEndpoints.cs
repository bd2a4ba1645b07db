using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Themes;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.ReferenceData;

public sealed record ThemeResponse(Guid Id, string Code, string Name, string? Description, bool IsActive, int Version);

/// <summary>A theme in the list with its counts (all time) and priority: the first six fields are the theme's own.</summary>
public sealed record ThemeWithCountsResponse(
    Guid Id, string Code, string Name, string? Description, bool IsActive, int Version,
    int Findings, int InsightItems, int OpenActivities, int OverdueActivities, int CompletedActivities, DateOnly? LastDiscussedOn, int PriorityScore);

public sealed record ThemeRequest(string? Code, string? Name, string? Description, bool? IsActive);

/// <summary>The theme list: anyone signed in reads it (to code findings and insight); Administrators extend it.</summary>
public static class ThemeEndpoints
{
    public static RouteGroupBuilder MapThemeApi(this RouteGroupBuilder v1)
    {
        var themes = v1.MapGroup("/themes").WithTags("Reference data");
        themes.MapGet("/", async (ThemeOverviewCache overview, CancellationToken ct) => (await overview.OverviewAsync(36, ct)).Themes
                .Select(t => new ThemeWithCountsResponse(
                    t.Id, t.Code, t.Name, t.Description, t.IsActive, t.Version, t.Findings, t.InsightItems,
                    t.OpenActivities, t.OverdueActivities, t.CompletedActivities, t.LastDiscussedOn, t.Priority.Score))
                .ToList())
            .RequireAuthorization(Policies.SignedIn)
            .WithName("ListThemes")
            .WithSummary("Every theme, in use or not, by name, with its counts: findings, insightItems (all time), openActivities, "
                + "overdueActivities, completedActivities, lastDiscussedOn (by the Panel) and priorityScore (0 to 100).");
        themes.MapPost("/", async (ThemeRequest r, ThemeService service, CancellationToken ct) =>
            {
                var theme = await service.AddAsync(r.Code, new ThemeChange(r.Name, r.Description, r.IsActive ?? true), ct);
                return TypedResults.Created($"/api/v1/themes/{theme.Id}", ToResponse(theme));
            })
            .RequireAuthorization(Policies.Administer)
            .WithName("AddTheme")
            .WithSummary("Adds a theme: code (2 to 20 capital letters or digits, fixed), name, description, isActive (default true).");
        return v1;
    }

    private static ThemeResponse ToResponse(Theme t) => new(t.Id, t.Code, t.Name, t.Description, t.IsActive, t.Version);
}
