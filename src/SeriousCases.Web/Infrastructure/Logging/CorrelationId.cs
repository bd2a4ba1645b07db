using System.Text.RegularExpressions;
using Serilog.Context;

namespace SeriousCases.Web.Infrastructure.Logging;

/// <summary>One id per request, taken from a trusted caller's <c>X-Correlation-Id</c> or made here,
/// attached to every log event and audit entry of the request and echoed in the response, so a
/// support call can be traced without logging anything about the person.</summary>
public static partial class CorrelationId
{
    public const string Header = "X-Correlation-Id";

    [GeneratedRegex("^[A-Za-z0-9._-]{8,64}$")]
    private static partial Regex SafeId();

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var incoming = context.Request.Headers[Header].ToString();
        // The request's trace id when tracing is on; otherwise a fresh one of the same form (ASP.NET Core
        // creates the request Activity only when something listens, so it cannot be relied on).
        var id = SafeId().IsMatch(incoming) ? incoming
            : System.Diagnostics.Activity.Current?.TraceId.ToString() ?? System.Diagnostics.ActivityTraceId.CreateRandom().ToString();
        context.TraceIdentifier = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next();
        }
    });
}
