using System.Globalization;
using System.Threading.RateLimiting;

namespace SeriousCases.Web.Infrastructure.Security;

/// <summary><c>RateLimiting:*</c>: how many sign-in attempts and API requests one client address may make in a
/// window. The counters live in each copy of the service, so behind a load balancer spreading clients over N
/// copies a client may reach up to N times the limit.</summary>
public sealed class RateLimitSettings
{
    public LimitSettings SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
    public LimitSettings Api { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    public sealed class LimitSettings
    {
        public int PermitLimit { get; set; }
        public int WindowSeconds { get; set; }
    }

    public void Validate()
    {
        foreach (var (name, limit) in new[] { ("SignIn", SignIn), ("Api", Api) })
        {
            if (limit.PermitLimit < 1 || limit.WindowSeconds < 1)
            {
                throw new InvalidOperationException(
                    $"RateLimiting:{name} needs PermitLimit and WindowSeconds of at least 1 (got {limit.PermitLimit} and {limit.WindowSeconds}).");
            }
        }
    }
}

/// <summary>ASP.NET Core's rate limiter on sign-in attempts (POST /sign-in, any handler) and on /api, per client
/// address (the forwarded address behind the load balancer). A refused request gets 429 with Retry-After: the API
/// as problem details, pages as the GOV.UK error page (both by the status code pages already in the pipeline).</summary>
public static class RateLimiting
{
    public const string SignInPartition = "sign-in";
    public const string ApiPartition = "api";

    public static IServiceCollection AddServiceRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimiting").Get<RateLimitSettings>() ?? new RateLimitSettings();
        settings.Validate();
        services.AddSingleton(settings);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var (kind, limit) = Classify(context.Request, settings);
                if (limit is null)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{kind}:{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = (context, _) =>
            {
                var (_, limit) = Classify(context.HttpContext.Request, settings);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : limit?.WindowSeconds ?? 60;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
                // No body here: the API's status code pages answer problem details, the pages' re-execute /error/429.
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    private static (string Kind, RateLimitSettings.LimitSettings? Limit) Classify(HttpRequest request, RateLimitSettings settings)
    {
        if (request.Path.StartsWithSegments("/api"))
        {
            return (ApiPartition, settings.Api);
        }

        if (HttpMethods.IsPost(request.Method) && (request.Path.StartsWithSegments("/sign-in") || request.Path.StartsWithSegments("/signin-oidc")))
        {
            return (SignInPartition, settings.SignIn);
        }

        return ("", null);
    }
}
