using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SeriousCases.Core.Audit;

/// <summary>Computes the hash that chains audit entries together.</summary>
public static class AuditHasher
{
    public static readonly string GenesisHash = new('0', 64);

    public static string Compute(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            e.ActorUserId?.ToString() ?? "",
            e.ActorEmail,
            e.Action.ToString(),
            e.EntityType,
            e.EntityId,
            e.Changes ?? "",
            e.CorrelationId ?? "",
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Both databases keep microseconds; truncating first makes the hash stable after a round trip.</summary>
    public static DateTime ToMicroseconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
}
