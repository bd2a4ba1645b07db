using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SeriousCases.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public IReadOnlyList<string> Lines { get; private set; } = ["Try again later."];
    public bool ReferenceShown { get; private set; } = true;
    public string Reference => HttpContext.TraceIdentifier;

    // The code is read from the route, not bound: binding would read the form of a re-executed POST, and a form the
    // service refused (too large, too many fields) would fail again here and become a 500.
    public IActionResult OnGet() => Show(Code());

    public IActionResult OnPost() => Show(Code());

    private int? Code() =>
        RouteData.Values.TryGetValue("code", out var value)
        && int.TryParse(value?.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    private IActionResult Show(int? code)
    {
        if (code is 404)
        {
            Title = "Page not found";
            Lines = ["If you typed the web address, check it is correct.", "If you pasted the web address, check you copied the entire address."];
            ReferenceShown = false;
        }
        else if (code is 403)
        {
            Title = "You do not have access to this page";
            Lines = ["Your role does not include this part of the service."];
            ReferenceShown = false;
        }
        else if (code is 429)
        {
            Title = "Sorry, there have been too many attempts";
            Lines = ["Wait a minute, then try again. Nothing you entered has been saved by this attempt."];
            ReferenceShown = false;
        }
        else if (code is 413)
        {
            Title = "The file or form is too large";
            Lines = ["Send at most 30 MB. Split a large CSV file into several files, or make the text shorter."];
            ReferenceShown = false;
        }
        else if (code is 400)
        {
            Title = "Sorry, there is a problem with the request";
            Lines = ["Go back, check what you entered and try again. If you left a form open for a long time, reload it first."];
            ReferenceShown = false;
        }

        Response.StatusCode = code ?? 500;
        return Page();
    }
}
