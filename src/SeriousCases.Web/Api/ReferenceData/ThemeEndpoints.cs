using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.ReferenceData;

public sealed record ThemeResponse(Guid Id, string Code, string Name, string? Description, bool IsActive, int Version);

public sealed record ThemeRequest(string? Code, string? Name, string? Description, bool? IsActive);

/// <summary>The theme list: anyone signed in reads it (to code findings and insight); Administrators extend it.</summary>
public static class ThemeEndpoints
{
    public static RouteGroupBuilder MapThemeApi(this RouteGroupBuilder v1)
    {
        var themes = v1.MapGroup("/themes").WithTags("Reference data");
        themes.MapGet("/", async (ThemeService service, CancellationToken ct) => (await service.ListAsync(ct)).Select(ToResponse).ToList())
            .RequireAuthorization(Policies.SignedIn)
            .WithName("ListThemes")
            .WithSummary("Every theme, in use or not, by name.");
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
