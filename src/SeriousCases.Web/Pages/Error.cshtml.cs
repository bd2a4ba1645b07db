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

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

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
