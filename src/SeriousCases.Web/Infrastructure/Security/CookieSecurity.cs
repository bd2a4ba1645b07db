namespace SeriousCases.Web.Infrastructure.Security;

public static class CookieSecurity
{
    /// <summary>Cookies are always Secure, except in Development where the embedded run serves plain
    /// http://localhost:5080. Production sits behind TLS (forwarded headers give the scheme).</summary>
    public static CookieSecurePolicy Policy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
