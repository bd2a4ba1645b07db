using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>The action register: every activity the user may see, filtered, soonest due first, paged by keyset;
/// the user's saved views; the CSV export of the same selection.</summary>
public sealed class IndexModel(IRegisterPageData data, SavedViewService views, IConfiguration configuration) : PageModel
{
    /// <summary>The page counts at most this many matches and says "more than" beyond (ActionRegister:CountUpTo, for
    /// tests); the CSV export and the API give every one.</summary>
    public const int DefaultCountUpTo = 1_000;

    [FromQuery(Name = "after")] public string? After { get; set; }
    /// <summary>How many activities came before this page, for "showing 51 to 100"; carried in links, not queried.</summary>
    [FromQuery(Name = "start")] public int Start { get; set; }
    [BindProperty(Name = "viewName")] public string? ViewName { get; set; }

    public RegisterFilters Filters { get; private set; } = new();
    public bool IsOwner { get; private set; }
    public bool IsSecretariat { get; private set; }
    public ActivityPage? Results { get; private set; }
    public IReadOnlyList<SavedView> SavedViews { get; private set; } = [];
    public IReadOnlyList<OwnerTeam> Owners { get; private set; } = [];
    public IReadOnlyList<ServiceLine> Lines { get; private set; } = [];
    public IReadOnlyList<string> DirectorsGeneral { get; private set; } = [];

    /// <summary>The filters as a query string, for links, the CSV export and a saved view.</summary>
    public string QueryString => Filters.ToQueryString(IsOwner);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveViewAsync(CancellationToken ct)
    {
        var user = User.RegisterUser();
        ReadFilters();
        try
        {
            var saved = await views.SaveAsync(user.UserId, ViewName, QueryString, ct);
            TempData["Saved"] = $"View ‘{saved.Name}’ saved";
            return Redirect("/actions?" + QueryString);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteViewAsync(Guid viewId, CancellationToken ct)
    {
        var name = await views.DeleteAsync(User.RegisterUser().UserId, viewId, ct);
        ReadFilters();
        TempData["Saved"] = $"View ‘{name}’ deleted";
        return Redirect("/actions?" + QueryString);
    }

    private void ReadFilters()
    {
        var user = User.RegisterUser();
        IsOwner = user.Is(RegisterRoles.Owner);
        IsSecretariat = user.Is(RegisterRoles.Secretariat);
        Filters = RegisterFilters.Read(Request.Query, IsOwner);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = User.RegisterUser();
        ReadFilters();
        SavedViews = await data.SavedViewsAsync(user.UserId, ct);
        (Owners, Lines, DirectorsGeneral) = await data.ChoicesAsync(user, ct);

        var query = Filters.ToQuery(ModelState, After);
        if (query is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            Results = await data.ListAsync(query with { CountUpTo = configuration.GetValue("ActionRegister:CountUpTo", DefaultCountUpTo) }, user, ct);
        }
        catch (DomainValidationException ex)
        {
            // An owner or service line typed into the address, or a forged page link: say so beside the filters.
            ModelState.AddDomainErrors(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>This selection from another point: the next page (with its cursor) or the first (without).</summary>
    public string PageUrl(string? after, int start)
    {
        var url = "/actions?" + QueryString;
        return after is null ? url : $"{url}&after={Uri.EscapeDataString(after)}&start={start.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    public DateInputView DateView(int which) => which == 0
        ? new("dueFrom", "Due from", Filters.DueFrom, Error("dueFrom"))
        : new("dueTo", "Due to", Filters.DueTo, Error("dueTo"));

    /// <summary>"9,512 activities", or "More than 1,000 activities" when the count stopped at its limit.</summary>
    public static string CountText(ActivityPage page)
    {
        var en = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        return page.MoreThanTotal
            ? $"More than {page.Total.ToString("N0", en)} activities"
            : $"{page.Total.ToString("N0", en)} {(page.Total == 1 ? "activity" : "activities")}";
    }

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public static readonly ActivityOrigin[] Origins = Enum.GetValues<ActivityOrigin>();
    public static readonly ActivityState[] States = Enum.GetValues<ActivityState>();
}
