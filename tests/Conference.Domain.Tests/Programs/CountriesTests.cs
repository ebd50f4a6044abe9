namespace Conference.Domain.Tests.Programs;

public class CountriesTests
{
    [TestCase("AZ")]
    [TestCase("tr")]
    [TestCase("DE")]
    public void IsAlpha2_AssignedCode_IsAccepted(string code) => Assert.That(Countries.IsAlpha2(code), Is.True);

    [TestCase("XX")]
    [TestCase("AZE")]
    [TestCase("")]
    [TestCase(null)]
    [TestCase("UK")]
    public void IsAlpha2_UnassignedOrMalformed_IsRefused(string? code) => Assert.That(Countries.IsAlpha2(code), Is.False);
}
