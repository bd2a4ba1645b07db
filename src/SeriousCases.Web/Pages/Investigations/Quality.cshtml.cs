using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>For Triage: concluded IPRs waiting for a quality review, and the mean score per quarter reviewed.</summary>
public sealed class QualityModel(QualityReviewService reviews) : PageModel
{
    public IReadOnlyList<AwaitingQualityReview> Awaiting { get; private set; } = [];
    public IReadOnlyList<QuarterScore> Scores { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Awaiting = await reviews.AwaitingAsync(ct);
        Scores = await reviews.ScoresByQuarterAsync(ct);
    }
}
