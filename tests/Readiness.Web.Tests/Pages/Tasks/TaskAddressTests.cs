using Readiness.Data.Checklists;
using Readiness.Web.Components.Pages.Tasks;
using Readiness.Data.Shared;

namespace Readiness.Web.Tests.Pages.Tasks;

/// <summary>A task view as an address: what is bookmarked or shared comes back as the same view.</summary>
public sealed class TaskAddressTests
{
    [Fact]
    public void An_address_round_trip_restores_the_view()
    {
        var view = new TaskAddress
        {
            Filter = new TaskFilter
            {
                View = TaskView.All, Region = "64.02.06", StageId = 7, Status = ItemStatus.NotStarted, Due = DueWindow.ThisWeek,
                Text = "logistik gudang", Group = 31, Page = 2,
            },
            Grouped = true,
        };

        var uri = view.ToUri();
        var back = TaskAddress.Parse("http://127.0.0.1:5351" + uri);

        Assert.Equal(view.Grouped, back.Grouped);
        Assert.Equal(view.Filter with { Text = null }, back.Filter with { Text = null });
        Assert.Equal(view.Filter.Words, back.Filter.Words);
        Assert.Equal("/tugas?semua=1&cari=logistik%20gudang&wilayah=64.02.06&tahap=7&status=belum&batas=minggu-ini&butir=31&tampilan=butir&hal=3", uri);
    }

    [Fact]
    public void The_plain_address_is_the_now_view_and_all_is_said_once()
    {
        Assert.Equal("/tugas", new TaskAddress().ToUri());
        Assert.Equal(TaskView.Now, TaskAddress.Parse("/tugas").Filter.View);
        Assert.Equal("/tugas?semua=1", new TaskAddress { Filter = new TaskFilter { View = TaskView.All } }.ToUri());
        Assert.Equal(TaskView.All, TaskAddress.Parse("/tugas?semua=1").Filter.View);
        // A search narrows the view it was typed in.
        Assert.Equal(TaskView.Now, TaskAddress.Parse("/tugas?cari=logistik").Filter.View);
        Assert.Equal(TaskView.All, TaskAddress.Parse("/tugas?semua=1&cari=logistik").Filter.View);
        Assert.Equal("/tugas?semua=1&cari=logistik", new TaskAddress { Filter = new TaskFilter { View = TaskView.All, Text = "logistik" } }.ToUri());
    }

    [Theory]
    [InlineData("/tugas?hal=-5&tahap=abc&status=semua&batas=kemarin&butir=x")]
    [InlineData("/tugas?hal=99999999999999&tahap=1e9&status=%00&batas=")]
    [InlineData("/tugas?wilayah=%3Cscript%3E&cari=%25%25%25&semua=ya")]
    [InlineData("/tugas?&&=&status")]
    public void A_hand_made_address_never_fails_and_drops_what_it_cannot_read(string uri)
    {
        var address = TaskAddress.Parse(uri);

        Assert.Equal(0, address.Filter.Page);
        Assert.Null(address.Filter.StageId);
        Assert.Null(address.Filter.Status);
        Assert.Null(address.Filter.Due);
        Assert.Null(address.Filter.Group);
        Assert.StartsWith("/tugas", address.ToUri(), StringComparison.Ordinal);
    }
}
