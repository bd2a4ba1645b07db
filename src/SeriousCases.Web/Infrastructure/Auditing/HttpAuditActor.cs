using SeriousCases.Core.Audit;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Infrastructure.Auditing;

/// <summary>The signed-in user (or API token holder) of the current request, for the audit trail.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public Guid? UserId => accessor.HttpContext?.User.UserId();

    public string Email => accessor.HttpContext?.User.Email() ?? "anonymous";

    public string? CorrelationId => accessor.HttpContext?.TraceIdentifier;
}
