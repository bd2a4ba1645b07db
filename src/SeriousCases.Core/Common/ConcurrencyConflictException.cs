namespace SeriousCases.Core.Common;

/// <summary>Raised when a record was changed by someone else since the caller read it.</summary>
public sealed class ConcurrencyConflictException(string recordDescription)
    : Exception($"{recordDescription} was changed by someone else after you opened it.")
{
    public string RecordDescription { get; } = recordDescription;
}

/// <summary>A rule of the domain was broken; the message says what to fix, Field names the input.</summary>
public sealed class DomainValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

public sealed class RecordNotFoundException(string what) : Exception($"{what} was not found.");
