using SeriousCases.Core.Common;

namespace SeriousCases.Core.Identity;

/// <summary>A person who uses the service. Signed in by OpenID Connect (or demo sign-in); roles come
/// from this table or from the identity provider's claims.</summary>
public sealed class AppUser : Entity
{
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public string? Team { get; set; }
    /// <summary>Subject identifier from the identity provider, bound on first sign-in.</summary>
    public string? ExternalSubject { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsDemo { get; set; }
    public List<UserRole> Roles { get; set; } = [];
}

public sealed class UserRole
{
    public Guid UserId { get; set; }
    public required string Role { get; set; }
}

/// <summary>A personal API token. Only the SHA-256 hash is stored; the token is shown once.</summary>
public sealed class ApiToken : Entity
{
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the token, to recognise it in lists without revealing it.</summary>
    public required string Prefix { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
