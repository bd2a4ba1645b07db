using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Data;

namespace SeriousCases.Web.Infrastructure.Security;

/// <summary>Requests refused before anything reads them. The largest request the service reads (evidence files are up to 20 MB, CSV imports a little more), set on
/// Kestrel and checked here up front so a request that declares a larger body is refused with a message (413) before
/// anything reads it, whatever server hosts the app.</summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 30 * 1024 * 1024;

    public const string TooLargeTitle = "The request is too large";
    public const string TooLargeDetail = "Send at most 30 MB. Split a large CSV import into several files.";

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBodyBytes && !context.Request.Path.StartsWithSegments("/error"))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = TooLargeTitle, Detail = TooLargeDetail },
                });
            }

            // Pages: the status code page (/error/413) explains.
            return;
        }

        // Search and filter values and form fields go into database queries: PostgreSQL cannot take the NUL character
        // in text, and no one can type it. (JSON is checked as it is read: NulRefusingStringConverter names the field.)
        if (!context.Request.Path.StartsWithSegments("/error") && await HoldsNulAsync(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The request has a problem you can fix",
                        Detail = "Remove the invisible control character (NUL, %00) from the search, filter or form.",
                    },
                });
            }

            // Pages: the status code page (/error/400) explains.
            return;
        }

        await next();
    });

    private static async Task<bool> HoldsNulAsync(HttpRequest request)
    {
        static bool Nul(KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> pair) => pair.Value.Any(NulCharacter.In);

        if (request.Query.Any(Nul))
        {
            return true;
        }

        // Only URL-encoded forms, which are small and read whole anyway: a multipart upload is left to stream.
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return form.Any(Nul);
            }
            catch (InvalidDataException)
            {
                // Over the form limits: model binding meets the same limit and the page answers it.
                return false;
            }
        }

        return false;
    }
}
