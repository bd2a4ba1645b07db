using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Insight;
using SeriousCases.Web.Api.ReferenceData;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Insight;

public sealed record InsightRequest(
    string? Source,
    string? ExternalReference,
    DateOnly? ReceivedOn,
    IReadOnlyList<string>? ServiceLines,
    string? Summary,
    int? Severity,
    DateOnly? ResponseDueOn,
    string? ReferralReference,
    string? InvestigationReference);

public sealed record InsightResponse(
    Guid Id, string Source, string ExternalReference, DateOnly ReceivedOn, IReadOnlyList<string> ServiceLines, string Summary,
    int? Severity, DateOnly? ResponseDueOn, bool Overdue, InsightStatus Status, DateOnly? RespondedOn,
    Guid? ReferralId, Guid? InvestigationId, IReadOnlyList<string> Themes, int Version);

public sealed record InsightListItem(Guid Id, string Source, string ExternalReference, DateOnly ReceivedOn, string Summary,
    DateOnly? ResponseDueOn, InsightStatus Status);

public sealed record InsightListResponse(IReadOnlyList<InsightListItem> Items, int Total, int PageSize, string? NextAfter);

public sealed record ImportResponse(Guid ImportId, long Rows, long Added, long AlreadyPresent, long Rejected,
    IReadOnlyList<ImportProblem> Problems, bool ProblemsTruncated);

/// <summary>The insight register for other systems: add, read, search and bulk import (the CSV layout of docs/insight-import.md).</summary>
public static class InsightEndpoints
{
    public static RouteGroupBuilder MapInsightApi(this RouteGroupBuilder v1)
    {
        var insight = v1.MapGroup("/insight").WithTags("Insight").RequireAuthorization(Policies.Insight);
        insight.MapPost("/", async Task<Created<InsightResponse>> (InsightRequest r, InsightService service, TimeProvider clock, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(new InsightInput
                {
                    Source = r.Source,
                    ExternalReference = r.ExternalReference,
                    ReceivedOn = Iso(r.ReceivedOn),
                    ServiceLines = r.ServiceLines ?? [],
                    Summary = r.Summary,
                    Severity = r.Severity?.ToString(CultureInfo.InvariantCulture),
                    ResponseDueOn = Iso(r.ResponseDueOn),
                }, r.ReferralReference, r.InvestigationReference, ct);
                return TypedResults.Created($"/api/v1/insight/{created.Id}", ToResponse(await service.GetAsync(created.Id, ct), clock));
            })
            .WithName("CreateInsight")
            .WithSummary("Add one insight item. A Prevention of Future Deaths report gets its 56-day response date unless one is given. Invalid input: 400 naming each bad field; nothing stored.");

        insight.MapGet("/", async (InsightService service, CancellationToken ct, string? source, string? q, DateOnly? from, DateOnly? to,
                string? serviceLine, InsightStatus? status, InsightSort? sort, string? after, int? pageSize) =>
            {
                if (from is not null && to is not null && to < from)
                {
                    throw new DomainValidationException("to", "The 'to' date must be the same as or after the 'from' date");
                }

                var result = await service.SearchAsync(new InsightQuery
                {
                    Source = source,
                    Text = q,
                    From = from,
                    To = to,
                    ServiceLine = serviceLine,
                    Status = status,
                    Sort = sort ?? InsightSort.NewestFirst,
                    After = after,
                    PageSize = pageSize ?? 25,
                }, ct);
                return new InsightListResponse(
                    [.. result.Items.Select(i => new InsightListItem(i.Id, i.SourceName, i.ExternalReference, i.ReceivedOn, i.Summary, i.ResponseDueOn, i.Status))],
                    result.Total, result.PageSize, result.NextAfter);
            })
            .WithName("SearchInsight")
            .WithSummary("Search the register, newest first: source (code), q (words in the summary), from and to (received dates), serviceLine (code), status, sort (NewestFirst, OldestFirst, ResponseDue), pageSize (up to 100), after (the nextAfter of the previous page).");

        insight.MapGet("/{id:guid}", async (Guid id, InsightService service, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var item = await service.GetAsync(id, ct);
                http.Response.Headers.ETag = ETag.For(item.Version);
                return ToResponse(item, clock);
            })
            .WithName("GetInsight")
            .WithSummary("One insight item.");

        insight.MapPost("/imports", async ([FromQuery] string? fileName, HttpRequest request, InsightImporter importer, CancellationToken ct) =>
            {
                var report = await importer.ImportAsync(request.Body, fileName ?? "api-upload.csv", ct);
                var body = new ImportResponse(report.ImportId, report.Rows, report.Added, report.AlreadyPresent, report.Rejected, report.Problems, report.ProblemsTruncated);
                return report.FileRejected ? Results.Json(body, statusCode: StatusCodes.Status422UnprocessableEntity) : Results.Ok(body);
            })
            .WithName("ImportInsight")
            .WithSummary("Import a CSV file sent as the request body (text/csv). Good rows are kept and bad rows reported; repeated items are not added twice. 422 when the file itself cannot be read as the layout.");
        return v1;
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static InsightResponse ToResponse(InsightItem i, TimeProvider clock) => new(
        i.Id, i.Source!.Code, i.ExternalReference, i.ReceivedOn,
        [.. i.ServiceLines.Select(l => l.ServiceLine!.Name).Order(StringComparer.Ordinal)],
        i.Summary, i.Severity, i.ResponseDueOn, i.IsOverdue(UkTime.Today(clock)), i.Status, i.RespondedOn,
        i.ReferralId, i.InvestigationId, [.. i.Themes.Select(t => t.Theme!.Name).Order(StringComparer.Ordinal)], i.Version);
}
