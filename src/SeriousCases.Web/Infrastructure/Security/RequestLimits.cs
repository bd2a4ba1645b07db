using Microsoft.AspNetCore.Mvc;

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

        // Search and filter values go into database queries: PostgreSQL cannot take the NUL character in text.
        if (context.Request.Query.Any(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            && !context.Request.Path.StartsWithSegments("/error"))
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
                        Detail = "Remove the invisible control character (NUL, %00) from the search or filter.",
                    },
                });
            }

            return;
        }

        await next();
    });
}
