using SeriousCases.Core.Common;

namespace SeriousCases.Tests.Demo;

public sealed class ReferenceNumberTests
{
    [Theory]
    [InlineData("IPR", 2022, 7, "IPR-2022-0007")]
    [InlineData("REF", 2023, 1234, "REF-2023-1234")]
    [InlineData("ACT", 2024, 12345, "ACT-2024-12345")]
    public void Formats_prefix_year_and_four_digits(string prefix, int year, int sequence, string expected) =>
        Assert.Equal(expected, ReferenceNumber.Format(prefix, year, sequence));

    [Fact]
    public void Numbers_start_at_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReferenceNumber.Format("IPR", 2022, 0));
}
