using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;
using SeriousCases.Web.Infrastructure.Security;

namespace SeriousCases.Web.Infrastructure.Authentication;

/// <summary>Settings for production sign-in through OpenID Connect (for example Microsoft Entra ID).</summary>
public sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Claim that carries app roles in the ID token ("roles" for Entra ID app roles).</summary>
    public string RoleClaimType { get; set; } = "roles";
    /// <summary>"AppUsers": roles from this service's user table; "Claims": roles from the token.</summary>
    public string RolesFrom { get; set; } = "AppUsers";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

public sealed class DemoSettings
{
    public bool Enabled { get; set; }
    public bool SeedWhenEmpty { get; set; } = true;
}

public static class AuthenticationSetup
{
    private const string SelectorScheme = "CookieOrToken";

    public static IServiceCollection AddServiceAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var demo = configuration.GetSection("Demo").Get<DemoSettings>() ?? new DemoSettings();
        if (demo.Enabled && environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Demo sign-in cannot be used in the Production environment. Set Demo__Enabled=false and configure OpenID Connect.");
        }

        var oidc = configuration.GetSection("Authentication:OpenIdConnect").Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        if (!demo.Enabled && !oidc.IsConfigured)
        {
            throw new InvalidOperationException(
                "No sign-in is configured. Set Authentication:OpenIdConnect:Authority and ClientId, or Demo:Enabled=true outside Production.");
        }

        services.AddSingleton(demo);
        services.AddSingleton(oidc);
        services.AddScoped<ApiTokenService>();

        var auth = services.AddAuthentication(o =>
        {
            o.DefaultScheme = SelectorScheme;
            o.DefaultChallengeScheme = SelectorScheme;
        });
        auth.AddPolicyScheme(SelectorScheme, "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
            ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? ApiTokenAuthenticationHandler.SchemeName
                : CookieAuthenticationDefaults.AuthenticationScheme);
        auth.AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        auth.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.Cookie.Name = "scl-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurity.Policy(environment);
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/access-denied";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized, oidc.IsConfigured && !demo.Enabled);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden, false);
        });

        if (oidc.IsConfigured)
        {
            auth.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.Scope.Add("email");
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = oidc.RoleClaimType;
                o.Events.OnTokenValidated = ctx => BindUserAsync(ctx, oidc);
            });
        }

        return services;
    }

    /// <summary>API callers get a status code (and problem details from the status-code handler), never a redirect.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status, bool challengeOidc)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        if (challengeOidc)
        {
            return ctx.HttpContext.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme,
                new AuthenticationProperties { RedirectUri = ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString });
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Maps the identity provider's user to this service's user and roles.</summary>
    private static async Task BindUserAsync(TokenValidatedContext ctx, OpenIdConnectSettings settings)
    {
        var principal = ctx.Principal!;
        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue("preferred_username");
        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue("oid");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(subject))
        {
            ctx.Fail("The identity provider did not supply an email address.");
            return;
        }

        var db = ctx.HttpContext.RequestServices.GetRequiredService<SeriousCasesDbContext>();
        var user = await db.Users.Include(u => u.Roles)
            .FirstOrDefaultAsync(u => u.ExternalSubject == subject || u.Email == email.ToLowerInvariant());
        if (settings.RolesFrom.Equals("Claims", StringComparison.OrdinalIgnoreCase))
        {
            var roles = principal.FindAll(settings.RoleClaimType).Select(c => c.Value).Where(r => Roles.All.Contains(r)).ToHashSet();
            if (user is null)
            {
                user = new AppUser { Email = email.ToLowerInvariant(), DisplayName = principal.FindFirstValue("name") ?? email };
                db.Users.Add(user);
            }

            user.Roles.RemoveAll(r => !roles.Contains(r.Role));
            user.Roles.AddRange(roles.Where(r => user.Roles.All(x => x.Role != r)).Select(r => new UserRole { UserId = user.Id, Role = r }));
        }

        if (user is null || !user.IsActive)
        {
            ctx.Fail("You do not have access to Serious Case Learning. Ask an Administrator to add you.");
            return;
        }

        user.ExternalSubject ??= subject;
        db.RecordEvent(Core.Audit.AuditAction.SignIn, nameof(AppUser), user.Id.ToString(), "Organisation sign-in");
        await db.SaveChangesAsync();
        ctx.Principal = new ClaimsPrincipal(UserClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
