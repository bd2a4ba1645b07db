using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The quality reviews of one IPR (those who work the case can read them) and, for Triage once the IPR
/// has concluded and when they did not investigate it, the checklist to review it.</summary>
public sealed class QualityReviewModel(QualityReviewService reviews) : PageModel
{
    [BindProperty(Name = "comments")] public string? Comments { get; set; }
    /// <summary>The rating chosen for each question, as typed (kept when the form is shown again).</summary>
    public Dictionary<string, QualityRating> Answers { get; } = new(StringComparer.Ordinal);
    public CaseQualityReviews Case { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Case = await reviews.ReviewsAsync(id, User.Requester(), ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!User.Requester().IsTriage)
        {
            return Forbid();
        }

        foreach (var q in QualityChecklist.Questions)
        {
            if (Enum.TryParse<QualityRating>(Request.Form[QualityChecklist.FieldOf(q.Code)], ignoreCase: false, out var rating)
                && Enum.IsDefined(rating) && !int.TryParse(Request.Form[QualityChecklist.FieldOf(q.Code)], out _))
            {
                Answers[q.Code] = rating;
            }
        }

        try
        {
            var saved = await reviews.RecordAsync(id, Answers, Comments, User.Requester(), ct);
            TempData["QualitySaved"] = $"Quality review recorded: {saved.Score} out of {saved.MaxScore}";
            return Redirect(CaseNavigation.Href(id, CaseSection.QualityReview));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        Case = await reviews.ReviewsAsync(id, User.Requester(), ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The id of a question's first radio, where the error summary links to.</summary>
    public static string FirstRadioId(string code) => $"answers-{code}-{QualityRating.Met}";
}
