using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Referrals.Criteria;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.Criteria;

/// <summary>One route as typed on the form, kept as typed so nothing is lost when something needs fixing.</summary>
public sealed record RouteFields(string? Name, string? Description, bool Allegation, IReadOnlyList<string> Events, IReadOnlyList<string> Reviews)
{
    public static readonly RouteFields Empty = new(null, null, false, [], []);

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description) && !Allegation && Events.Count == 0 && Reviews.Count == 0;
}

/// <summary>Adds a version of the criteria: a name, the date it comes into force and up to four routes, each
/// combining the kinds of condition the service knows. Route boxes left empty are ignored.</summary>
public sealed class NewModel(CriteriaVersionService versions) : PageModel
{
    [BindProperty(Name = "version")] public string? Version { get; set; }
    public DateFields InForceFrom { get; private set; } = DateFields.Empty;
    public IReadOnlyList<RouteFields> Routes { get; private set; } = [.. Enumerable.Repeat(RouteFields.Empty, CriteriaVersionService.MaxRoutes)];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        InForceFrom = DateInput.Read(k => Request.Form[k], "inForceFrom");
        var from = DateInput.Parse(ModelState, "inForceFrom", "The date it comes into force", InForceFrom);
        if (from is null && !ModelState.HasError("inForceFrom"))
        {
            ModelState.AddModelError("inForceFrom", "Enter the date the version comes into force");
        }

        Routes = [.. Enumerable.Range(0, CriteriaVersionService.MaxRoutes).Select(i => new RouteFields(
            Request.Form[$"routes[{i}].name"].ToString().Trim(),
            Request.Form[$"routes[{i}].description"].ToString().Trim(),
            Request.Form[$"routes[{i}].allegation"] == "true",
            [.. Request.Form[$"routes[{i}].events"].OfType<string>()],
            [.. Request.Form[$"routes[{i}].reviews"].OfType<string>()]))];

        // Routes keep the position they were typed in, so each error points at the boxes it is about.
        var used = Routes.Select((r, i) => (Route: r, Index: i)).Where(x => !x.Route.IsBlank).ToList();
        var definition = new CriteriaDefinition
        {
            Version = Version ?? "",
            InForceFrom = from ?? DateOnly.MinValue,
            Routes = [.. used.Select(x => new CriteriaRoute
            {
                Name = x.Route.Name ?? "",
                Description = x.Route.Description ?? "",
                RequiresAllegation = x.Route.Allegation,
                Events = [.. x.Route.Events.Select(e => Enum.TryParse<SeriousEvent>(e, out var v) ? v : SeriousEvent.None).Where(e => e != SeriousEvent.None)],
                Reviews = [.. x.Route.Reviews.Select(r => Enum.TryParse<ExternalReviews>(r, out var v) ? v : ExternalReviews.None).Where(r => r != ExternalReviews.None)],
            })],
        };

        try
        {
            if (!ModelState.IsValid)
            {
                // Still check the routes, so every problem is listed at once.
                CriteriaVersionService.Validate(definition).ThrowIfAny();
            }
            else
            {
                var added = await versions.AddAsync(definition, ct);
                TempData["Added"] = $"Version {added.Code} added: referrals received on or after {UkTime.Format(added.InForceFrom)} are judged by it";
                return Redirect("/admin/reference-data/criteria");
            }
        }
        catch (DomainValidationException ex)
        {
            foreach (var error in ex.Errors.Where(e => e.Field != "inForceFrom" || !ModelState.HasError("inForceFrom")))
            {
                ModelState.AddModelError(Renumber(error.Field, used.Select(u => u.Index).ToList()), error.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>"routes[1].name" of the filled-in routes → the form's own position of that route.</summary>
    private static string Renumber(string field, List<int> positions)
    {
        if (!field.StartsWith("routes[", StringComparison.Ordinal))
        {
            return field;
        }

        var close = field.IndexOf(']', StringComparison.Ordinal);
        var n = int.Parse(field[7..close], System.Globalization.CultureInfo.InvariantCulture);
        return n < positions.Count ? $"routes[{positions[n]}]{field[(close + 1)..]}" : field;
    }
}
