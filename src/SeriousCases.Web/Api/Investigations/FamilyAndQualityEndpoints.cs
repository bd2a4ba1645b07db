using System.Globalization;
using System.Security.Claims;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Investigations;

public sealed record FamilyContactRequest(FamilyContactKind? Kind, DateOnly? On, string? DwpAttendee, AttendeeLevel? Level, bool? ApologyGiven, string? Notes);

public sealed record FamilyContactResponse(Guid Id, FamilyContactKind Kind, DateOnly On, string? DwpAttendee, AttendeeLevel Level, bool ApologyGiven, string? Notes);

public sealed record FamilyCounts(int Contacts, int Meetings, int ApologiesGiven);

public sealed record FamilyEngagementResponse(Guid InvestigationId, string Reference, FamilyCounts Counts, IReadOnlyList<FamilyContactResponse> Contacts);

public sealed record QualityReviewRequest(IReadOnlyDictionary<string, string?>? Answers, string? Comments);

public sealed record QualityReviewResponse(Guid Id, DateOnly ReviewedOn, string? Reviewer, int Score, int MaxScore, decimal Percentage,
    IReadOnlyDictionary<string, QualityRating> Answers, string? Comments);

public sealed record QualityReviewsResponse(Guid InvestigationId, string Reference, InvestigationStage Stage, IReadOnlyList<QualityReviewResponse> Reviews);

/// <summary>Family engagement of a case (those who work it only; others get 404, audited), its management
/// figures (counts only, for Analysts and the Panel secretariat), and quality reviews of concluded IPRs by Triage.</summary>
public static class FamilyAndQualityEndpoints
{
    public static RouteGroupBuilder MapFamilyAndQualityApi(this RouteGroupBuilder v1)
    {
        var cases = v1.MapGroup("/investigations").WithTags("Family engagement and quality").RequireAuthorization(Policies.Investigate);
        cases.MapGet("/{id:guid}/family-contacts", async (Guid id, FamilyEngagementService service, ClaimsPrincipal user, CancellationToken ct) =>
                ToResponse(await service.ListAsync(id, user.Requester(), ct)))
            .WithName("ListFamilyContacts")
            .WithSummary("The case's contacts and meetings with the family, most recent first, with counts. Each read is audited; a case not worked by the caller answers 404.");

        cases.MapPost("/{id:guid}/family-contacts", async (Guid id, FamilyContactRequest r, FamilyEngagementService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var c = await service.AddAsync(id, new FamilyContactInput(r.Kind, r.On, r.DwpAttendee, r.Level, r.ApologyGiven, r.Notes), user.Requester(), ct);
                return TypedResults.Created($"/api/v1/investigations/{id}/family-contacts", ToResponse(c));
            })
            .WithName("AddFamilyContact")
            .WithSummary("Record a contact or meeting with the family, at any stage: kind (Contact or Meeting), on (today or earlier), dwpAttendee, level (DirectorGeneral, Director, DeputyDirector, Other), apologyGiven, notes (optional).");

        cases.MapGet("/{id:guid}/quality-reviews", async (Guid id, QualityReviewService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var reviews = await service.ReviewsAsync(id, user.Requester(), ct);
                return new QualityReviewsResponse(reviews.Id, reviews.Reference, reviews.Stage, [.. reviews.Reviews.Select(ToResponse)]);
            })
            .WithName("ListQualityReviews")
            .WithSummary("The case's quality reviews, latest first (the latest is the one that counts).");

        v1.MapPost("/investigations/{id:guid}/quality-reviews", async (Guid id, QualityReviewRequest r, QualityReviewService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var by = user.Requester();
                if ((await service.ReviewsAsync(id, by, ct)).CannotReviewBecause is { } reason)
                {
                    // Said before any answer is read: the answers cannot help.
                    throw new DomainValidationException(QualityChecklist.AnswersField, reason);
                }

                var answers = ReadAnswers(r.Answers);
                var saved = await service.RecordAsync(id, answers, r.Comments, by, ct);
                var view = (await service.ReviewsAsync(id, by, ct)).Reviews.Single(v => v.Review.Id == saved.Id);
                return TypedResults.Created($"/api/v1/investigations/{id}/quality-reviews", ToResponse(view));
            })
            .RequireAuthorization(Policies.Triage)
            .WithTags("Family engagement and quality")
            .WithName("RecordQualityReview")
            .WithSummary("Triage reviews a concluded IPR they did not investigate: answers (every checklist question's code to Met, PartlyMet or NotMet), comments (optional).");

        v1.MapGet("/family-engagement/figures", async (string? from, string? to, FamilyEngagementService service, TimeProvider clock, CancellationToken ct) =>
            {
                var year = ReportingYear.Containing(UkTime.Today(clock));
                var errors = new ValidationErrors();
                var fromDate = ReadDate(from, "from", year.From, errors);
                var toDate = ReadDate(to, "to", year.To, errors);
                errors.ThrowIfAny();
                return await service.FiguresAsync(fromDate, toDate, ct);
            })
            .RequireAuthorization(Policies.Analyse)
            .WithTags("Family engagement and quality")
            .WithName("FamilyEngagementFigures")
            .WithSummary("Counts of family contacts and meetings dated from..to (YYYY-MM-DD, both included; the current April to March reporting year by default): IPRs with any, contacts, meetings, by attendee level, apologies. No personal data.");
        return v1;
    }

    private static DateOnly ReadDate(string? value, string field, DateOnly fallback, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"{field} must be a real date written YYYY-MM-DD, for example 2026-04-01");
        return fallback;
    }

    /// <summary>The ratings sent. A question the checklist does not have, or a value that is not a rating, is
    /// refused here (the value is not echoed); the service then checks that every question is answered.</summary>
    private static Dictionary<string, QualityRating> ReadAnswers(IReadOnlyDictionary<string, string?>? sent)
    {
        var answers = new Dictionary<string, QualityRating>(StringComparer.Ordinal);
        var errors = new ValidationErrors();
        foreach (var (code, value) in sent ?? new Dictionary<string, string?>())
        {
            if (QualityChecklist.Find(code) is null)
            {
                errors.Add(QualityChecklist.AnswersField, $"'{code}' is not a question of the quality checklist");
            }
            else if (Enum.TryParse<QualityRating>(value, ignoreCase: false, out var rating) && Enum.IsDefined(rating) && !int.TryParse(value, out _))
            {
                answers[code] = rating;
            }
            else
            {
                errors.Add(QualityChecklist.FieldOf(code), $"{QualityChecklist.FieldOf(code)} must be Met, PartlyMet or NotMet");
            }
        }

        errors.ThrowIfAny();
        return answers;
    }

    private static FamilyEngagementResponse ToResponse(CaseFamilyEngagement e) =>
        new(e.Id, e.Reference, new FamilyCounts(e.OtherContacts, e.Meetings, e.Apologies), [.. e.Contacts.Select(ToResponse)]);

    private static FamilyContactResponse ToResponse(FamilyContact c) => new(c.Id, c.Kind, c.On, c.DwpAttendee, c.Level, c.ApologyGiven, c.Notes);

    private static QualityReviewResponse ToResponse(QualityReviewView v) =>
        new(v.Review.Id, v.Review.ReviewedOn, v.ReviewerName, v.Review.Score, v.Review.MaxScore, v.Percentage,
            v.Review.Answers.ToDictionary(a => a.Code, a => a.Rating, StringComparer.Ordinal), v.Review.Comments);
}
