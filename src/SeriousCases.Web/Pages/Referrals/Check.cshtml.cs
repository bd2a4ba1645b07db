using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Referrals;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Referrals;

public sealed record AnswerRow(Question Question, string Answer, string ChangeHref);

/// <summary>Check your answers, then submit. Anything still missing is listed with a link to its question.</summary>
public sealed class CheckModel(ReferralService referrals, SeriousCasesDbContext db) : PageModel
{
    public IReadOnlyList<AnswerRow> Rows { get; private set; } = [];
    public int Version { get; private set; }
    public string Reference { get; private set; } = "";

    /// <summary>Which question page each field is asked on, for error links.</summary>
    public Dictionary<string, string> PageOfField { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var version = int.TryParse(Request.Form["version"], out var v) ? v : 0;
        try
        {
            await referrals.SubmitDraftAsync(id, User.Requester(), version, ct);
            return Redirect($"/referrals/{id}/submitted");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("version", "This referral was changed in another window or tab. Check the answers below, then submit again");
        }

        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        var draft = await referrals.GetDraftAsync(id, User.Requester(), ct);
        var lines = await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.SortOrder).Select(l => l.Name).ToListAsync(ct);
        var answers = ReferralService.ToSubmission(draft);
        var questions = ReferralQuestions.All(lines);
        Rows = [.. questions.Select(q => new AnswerRow(q, ReferralQuestions.Show(q, answers), $"/referrals/{id}/{q.Slug}?returnTo=check"))];
        PageOfField = questions.SelectMany(q => q.Fields.Select(f => (f.Name, q.Slug))).ToDictionary(x => x.Name, x => $"/referrals/{id}/{x.Slug}?returnTo=check");
        Version = draft.Version;
        Reference = draft.Reference;
    }
}
