namespace SeriousCases.Core.Common;

/// <summary>Raised when a record was changed by someone else since the caller read it.</summary>
public sealed class ConcurrencyConflictException(string recordDescription)
    : Exception($"{recordDescription} was changed by someone else after you opened it.")
{
    public string RecordDescription { get; } = recordDescription;
}

/// <summary>One or more rules of the domain were broken. Each error names the input (as the API and
/// the page name it, camelCase) and says what to fix in GOV.UK wording.</summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException(string field, string message)
        : this([new ValidationError(field, message)])
    {
    }

    public DomainValidationException(IReadOnlyList<ValidationError> errors)
        : base(errors.Count > 0 ? errors[0].Message : "The request is not valid.")
    {
        Errors = errors;
    }

    public IReadOnlyList<ValidationError> Errors { get; }

    public string Field => Errors.Count > 0 ? Errors[0].Field : "";
}

public sealed record ValidationError(string Field, string Message);

/// <summary>Collects errors in the order the fields appear, then throws them together.</summary>
public sealed class ValidationErrors
{
    private readonly List<ValidationError> errors = [];

    public IReadOnlyList<ValidationError> All => errors;

    public ValidationErrors Add(string field, string message)
    {
        errors.Add(new ValidationError(field, message));
        return this;
    }

    public bool Has(string field) => errors.Exists(e => e.Field == field);

    public bool Any => errors.Count > 0;

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }
    }
}

public sealed class RecordNotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>The user may see the record but not make this change to it; the message says who can.</summary>
public sealed class ForbiddenChangeException(string message) : Exception(message);
