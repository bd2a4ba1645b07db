using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;

namespace SeriousCases.Web.Infrastructure.Problems;

/// <summary>The one place where domain exceptions become RFC 9457 problem details for the API.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        ProblemDetails? problem = exception switch
        {
            DomainValidationException v => new ValidationProblemDetails(v.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has a problem you can fix",
                Detail = v.Message,
            },
            ConcurrencyConflictException c => new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed,
                Title = "The record was changed by someone else",
                Detail = c.Message + " Get the record again, reapply your change and send it with the new ETag in If-Match.",
            },
            RecordNotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = n.Message },
            ForbiddenChangeException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "You cannot make this change", Detail = f.Message },
            BadHttpRequestException b => Unreadable(b),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A body or parameter that could not be read: say which field and what to do, never echo the value.</summary>
    private static ProblemDetails Unreadable(BadHttpRequestException ex)
    {
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = ex.StatusCode, Title = Security.RequestLimits.TooLargeTitle, Detail = Security.RequestLimits.TooLargeDetail };
        }

        var json = ex.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        if (field is not null)
        {
            return new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [json!.Message?.StartsWith(Security.NulRefusingStringConverter.ReadMessage, StringComparison.Ordinal) == true
                    ? SeriousCases.Core.Data.NulCharacter.Fix(field)
                    : $"{field} has a value of the wrong type. The OpenAPI document at /openapi/v1.json gives the expected type"],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has a problem you can fix",
            };
        }

        return new ProblemDetails
        {
            Status = ex.StatusCode,
            Title = json is not null ? "The request body is not valid JSON" : "The request could not be read",
            Detail = json is not null
                ? $"Check the JSON near line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}."
                : ex.Message.Contains("no body was provided", StringComparison.Ordinal)
                    ? "Send the record as JSON in the request body, with Content-Type: application/json."
                    : "Check the request against the OpenAPI document at /openapi/v1.json.",
        };
    }
}

/// <summary>On pages, a record that does not exist (or is not the user's to see) is the 404 page, not an error.</summary>
public sealed class RecordNotFoundPageFilter : Microsoft.AspNetCore.Mvc.Filters.IExceptionFilter
{
    public void OnException(Microsoft.AspNetCore.Mvc.Filters.ExceptionContext context)
    {
        if (context.Exception is RecordNotFoundException)
        {
            context.Result = new NotFoundResult();
            context.ExceptionHandled = true;
        }
        else if (context.Exception is ForbiddenChangeException)
        {
            context.Result = new ForbidResult();
            context.ExceptionHandled = true;
        }
    }
}
