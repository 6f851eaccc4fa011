using Readiness.Data.Regions;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Regions;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("64")]
    [InlineData("64.02")]
    [InlineData("64.02.05")]
    public void Kemendagri_codes_are_valid(string code) => Assert.True(RegionCode.IsValid(code));

    [Theory]
    [InlineData("52.71\n")] // $ matches before a final line break
    [InlineData("52.71\r\n")]
    [InlineData("\n52.71")]
    [InlineData("５２.７１")] // full-width digits match \d
    [InlineData("٥٢.٧١")] // Arabic-Indic digits match \d
    [InlineData("52.71 ")]
    [InlineData("52.71\0")]
    [InlineData("52.7")]
    [InlineData("52.71.01.2001")]
    [InlineData("52..71")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_code_is_refused(string? code) => Assert.False(RegionCode.IsValid(code));
}
