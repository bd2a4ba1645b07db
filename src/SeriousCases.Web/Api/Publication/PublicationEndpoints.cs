using SeriousCases.Core.Publication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Publication;

public sealed record PublishedEditionResponse(string Year, int Edition, DateOnly PublishedOn, string? CorrectionNote, string Href, string SummaryHref);

/// <summary>Published editions of the annual publication for other systems: the list, and each year's
/// publication.json (the stable contract of issue 8). Drafts are never served.</summary>
public static class PublicationEndpoints
{
    public static RouteGroupBuilder MapPublicationApi(this RouteGroupBuilder v1)
    {
        var publications = v1.MapGroup("/publications").WithTags("Annual publication").RequireAuthorization(Policies.Analyse);
        publications.MapGet("", async (EditionService editions, CancellationToken ct) =>
                (await editions.ListPublishedAsync(ct)).Select(p => new PublishedEditionResponse(
                    p.YearLabel, p.EditionNumber, p.PublishedOn, p.CorrectionNote, $"/publications/{p.Year}", $"/api/v1/publications/{p.Year}/publication.json")).ToList())
            .WithName("ListPublications")
            .WithSummary("Published editions, newest year first (the latest version of each year): year (2022/23), edition, publishedOn, correctionNote, href (the public page) and summaryHref.");

        publications.MapGet("/{year}/publication.json", async (string year, EditionService editions, CancellationToken ct) =>
                PublicationYear.TryParse(year, out var start) && await editions.GetPublishedAsync(start, ct) is { } published
                    ? Results.Json(PublicationSummary.From(published.Content))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No edition of {year} is published."))
            .WithName("GetPublicationSummary")
            .WithSummary("A published year's summary (year as 2022-23 in the address): year, iprsCompleted, externalScrutiny, iprsByServiceLine (service line name -> count), iprsWithLearning, agreedActivities, sections (serviceLine, casesWithLearning, activities, customers) and crossBenefit (serviceLine, casesWithLearning, activities).");
        return v1;
    }
}
