using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Referrals;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Referrals;

/// <summary>One question of the referral journey. Each answer is saved into the draft when the page is
/// sent, so nothing typed is lost; a mistake is shown with what was typed kept.</summary>
public sealed class QuestionModel(ReferralService referrals, SeriousCasesDbContext db) : PageModel
{
    public Question Current { get; private set; } = null!;
    public Dictionary<string, string[]> Values { get; private set; } = [];
    public int Version { get; private set; }
    public string Reference { get; private set; } = "";
    public string BackHref { get; private set; } = "/referrals";
    public bool ReturnToCheck { get; private set; }

    public string Value(string name) => Values.TryGetValue(name, out var v) ? v.FirstOrDefault() ?? "" : "";

    public bool IsChosen(string name, string value) => Values.TryGetValue(name, out var v) && v.Contains(value);

    public string? ErrorFor(string name) => ModelState[name]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task<IActionResult> OnGetAsync(Guid id, string question, [FromQuery] string? returnTo, CancellationToken ct)
    {
        var draft = await referrals.GetDraftAsync(id, User.Requester(), ct);
        if (await FindAsync(question, ct) is not { } found)
        {
            return NotFound();
        }

        Setup(draft, found.Question, found.Previous, returnTo == "check");
        Values = ReferralQuestions.Read(ReferralService.ToSubmission(draft));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string question, [FromQuery] string? returnTo, CancellationToken ct)
    {
        if (await FindAsync(question, ct) is not { } found)
        {
            return NotFound();
        }

        var version = int.TryParse(Request.Form["version"], out var v) ? v : 0;
        var readErrors = new ValidationErrors();
        try
        {
            await referrals.SaveDraftAsync(id, User.Requester(), version, found.Question.FieldNames, answers =>
            {
                var changed = ReferralQuestions.Apply(found.Question, answers, name => Request.Form[name].ToArray()!, readErrors);
                readErrors.ThrowIfAny();
                return changed;
            }, ct);
            return Redirect(returnTo == "check" || found.Next is null ? $"/referrals/{id}/check" : $"/referrals/{id}/{found.Next.Slug}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError(found.Question.Fields[0].Name,
                "This referral was changed in another window or tab while you were on this page. Check your answer and send it again");
        }

        var draft = await referrals.GetDraftAsync(id, User.Requester(), ct);
        Setup(draft, found.Question, found.Previous, returnTo == "check");
        Values = Request.Form.ToDictionary(f => f.Key, f => f.Value.Select(x => x ?? "").ToArray());
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Setup(Referral draft, Question question, Question? previous, bool returnToCheck)
    {
        Current = question;
        Version = draft.Version;
        Reference = draft.Reference;
        ReturnToCheck = returnToCheck;
        BackHref = returnToCheck ? $"/referrals/{draft.Id}/check" : previous is null ? "/referrals" : $"/referrals/{draft.Id}/{previous.Slug}";
    }

    private async Task<(Question Question, Question? Previous, Question? Next)?> FindAsync(string slug, CancellationToken ct)
    {
        var lines = await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.SortOrder).Select(l => l.Name).ToListAsync(ct);
        var all = ReferralQuestions.All(lines);
        var index = all.ToList().FindIndex(q => q.Slug == slug);
        return index < 0 ? null : (all[index], index > 0 ? all[index - 1] : null, index + 1 < all.Count ? all[index + 1] : null);
    }
}
