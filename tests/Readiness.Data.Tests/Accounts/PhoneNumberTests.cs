using Readiness.Data.Accounts;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Accounts;

public sealed class PhoneNumberTests : IDisposable
{
    private readonly TestDatabase _db = new();

    [Theory]
    [InlineData("0812-3456-7890", "6281234567890")]
    [InlineData("+62 812 3456 7890", "6281234567890")]
    [InlineData("62812345678", "62812345678")]
    [InlineData("(0811) 555 12345", "6281155512345")]
    [InlineData("  ", null)]
    public void Indonesian_mobile_numbers_are_stored_in_one_form(string typed, string? stored) =>
        Assert.Equal(stored, PhoneNumber.Normalize(typed));

    [Theory]
    [InlineData("0274-123456")] // a Yogyakarta landline: no WhatsApp to reach
    [InlineData("+1 202 555 0100")]
    [InlineData("0812")]
    [InlineData("0812-3456-7890-1234")]
    [InlineData("08l2-3456-7890")]
    [InlineData("0812+3456")]
    public void Anything_but_an_Indonesian_mobile_number_is_refused_with_a_message(string typed) =>
        Assert.Equal(InputException.PhoneInvalid, Assert.Throws<InputException>(() => PhoneNumber.Normalize(typed)).Key);

    [Fact]
    public void A_stored_number_gives_its_whatsapp_and_telephone_links()
    {
        Assert.Equal("https://wa.me/6281234567890", PhoneNumber.WhatsAppUrl("6281234567890"));
        Assert.Equal("tel:+6281234567890", PhoneNumber.TelUrl("6281234567890"));
        Assert.Equal("0812-3456-7890", PhoneNumber.Display("6281234567890"));
    }

    [Fact]
    public async Task A_bad_number_in_a_profile_writes_nothing()
    {
        await _db.ReadyAsync();
        var actor = TestDatabase.Admin with { UserId = 1 };

        var refused = await Assert.ThrowsAsync<InputException>(() =>
            _db.Get<ContactStore>().UpdateOwnAsync(actor, new ProfileChange("Nama Baru", "Jabatan", "12345")));

        Assert.Equal(InputException.PhoneInvalid, refused.Key);
    }

    public void Dispose() => _db.Dispose();
}
