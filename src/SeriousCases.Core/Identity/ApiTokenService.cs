using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Identity;

public sealed record CreatedApiToken(Guid Id, string Token, DateTime ExpiresAt);

/// <summary>Personal API tokens: random, shown once, stored as a SHA-256 hash, expiring, revocable.</summary>
public sealed class ApiTokenService(SeriousCasesDbContext db, TimeProvider clock)
{
    private const string TokenPrefix = "scl_";

    public async Task<CreatedApiToken> CreateAsync(string email, string name, TimeSpan lifetime, CancellationToken ct = default)
    {
        if (lifetime <= TimeSpan.Zero || lifetime > TimeSpan.FromDays(366))
        {
            throw new DomainValidationException("days", "A token must expire after between 1 and 366 days.");
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email.Trim().ToLowerInvariant(), ct)
            ?? throw new DomainValidationException("user", $"There is no user with the email address {email}.");
        if (!user.IsActive)
        {
            throw new DomainValidationException("user", $"The user {email} is not active.");
        }

        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var entity = new ApiToken
        {
            UserId = user.Id,
            Name = name,
            Prefix = token[..12],
            TokenHash = Hash(token),
            ExpiresAt = clock.GetUtcNow().UtcDateTime.Add(lifetime),
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(entity.Id, token, entity.ExpiresAt);
    }

    /// <summary>The active user the token belongs to, or null if it is unknown, expired or revoked.</summary>
    public async Task<AppUser?> ValidateAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => (Guid?)t.UserId)
            .FirstOrDefaultAsync(ct);
        return userId is null
            ? null
            : await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, ct);
    }

    public async Task<bool> RevokeAsync(string prefixOrId, CancellationToken ct = default)
    {
        var token = Guid.TryParse(prefixOrId, out var id)
            ? await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct)
            : await db.ApiTokens.FirstOrDefaultAsync(t => t.Prefix == prefixOrId, ct);
        if (token is null || token.RevokedAt is not null)
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<List<ApiToken>> ListAsync(string? email, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Include(t => t.User)
            .Where(t => email == null || t.User!.Email == email.ToLowerInvariant())
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(ct);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
