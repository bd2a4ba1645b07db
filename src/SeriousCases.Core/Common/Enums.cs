namespace SeriousCases.Core.Common;

public enum Nation
{
    England = 1,
    Scotland = 2,
    Wales = 3,
}
