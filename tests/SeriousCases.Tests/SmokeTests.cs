namespace SeriousCases.Tests;

public class SmokeTests
{
    [Fact]
    public void Roles_are_ten() => Assert.Equal(10, SeriousCases.Core.Identity.Roles.All.Count);
}
