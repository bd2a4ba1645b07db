namespace SeriousCases.Core.Common;

/// <summary>Human references such as IPR-2022-0007: a prefix, the year, and a four-digit number
/// that restarts each year. Case workers quote these on the phone, so they stay short.</summary>
public static class ReferenceNumber
{
    public static string Format(string prefix, int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return $"{prefix}-{year}-{sequence:0000}";
    }
}
