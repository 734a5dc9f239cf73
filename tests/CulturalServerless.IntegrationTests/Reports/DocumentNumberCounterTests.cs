using CulturalServerless.Application.Documents;

namespace CulturalServerless.IntegrationTests.Reports;

public sealed class DocumentNumberCounterTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly IDocumentRegister counter = app.Get<IDocumentRegister>();

    [Fact]
    public async Task Concurrent_documents_get_consecutive_unique_numbers_from_1()
    {
        var agency = "vp-" + Guid.NewGuid().ToString("N")[..8];

        var numbers = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => counter.NumberForAsync(agency, 2022, $"doc-{i}", CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 20), numbers.Order());
    }

    [Fact]
    public async Task Asking_again_for_the_same_document_returns_its_number_without_spending_one()
    {
        var agency = "vp-" + Guid.NewGuid().ToString("N")[..8];

        var first = await counter.NumberForAsync(agency, 2022, "v1", CancellationToken.None);
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => counter.NumberForAsync(agency, 2022, "v1", CancellationToken.None)));
        var next = await counter.NumberForAsync(agency, 2022, "v2", CancellationToken.None);

        Assert.Equal(1, first);
        Assert.All(again, n => Assert.Equal(1, n));
        Assert.Equal(2, next);
    }

    [Fact]
    public async Task Numbering_restarts_each_year_and_is_separate_per_agency()
    {
        var agency = "vp-" + Guid.NewGuid().ToString("N")[..8];
        var other = "so-" + Guid.NewGuid().ToString("N")[..8];
        await counter.NumberForAsync(agency, 2022, "a", CancellationToken.None);
        await counter.NumberForAsync(agency, 2022, "b", CancellationToken.None);

        Assert.Equal(1, await counter.NumberForAsync(agency, 2023, "c", CancellationToken.None));
        Assert.Equal(1, await counter.NumberForAsync(other, 2022, "d", CancellationToken.None));
    }

    [Fact]
    public async Task A_number_given_back_is_issued_again_so_the_register_keeps_no_gap()
    {
        var agency = "vp-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var key in new[] { "a", "b", "c" }) await counter.NumberForAsync(agency, 2027, key, CancellationToken.None);

        await counter.ReleaseAsync(agency, 2027, "c", 3, CancellationToken.None);
        var afterLast = await counter.NumberForAsync(agency, 2027, "d", CancellationToken.None);
        await counter.ReleaseAsync(agency, 2027, "b", 2, CancellationToken.None);
        var afterEarlier = await counter.NumberForAsync(agency, 2027, "e", CancellationToken.None);
        var then = await counter.NumberForAsync(agency, 2027, "f", CancellationToken.None);

        Assert.Equal(3, afterLast);
        Assert.Equal(2, afterEarlier);
        Assert.Equal(4, then);
        Assert.Equal(1, await counter.NumberForAsync(agency, 2027, "a", CancellationToken.None));
    }

    [Fact]
    public async Task Giving_back_a_number_the_document_does_not_hold_changes_nothing()
    {
        var agency = "vp-" + Guid.NewGuid().ToString("N")[..8];
        await counter.NumberForAsync(agency, 2027, "a", CancellationToken.None);
        await counter.NumberForAsync(agency, 2027, "b", CancellationToken.None);

        await counter.ReleaseAsync(agency, 2027, "b", 1, CancellationToken.None);
        await counter.ReleaseAsync(agency, 2027, "unknown", 2, CancellationToken.None);
        await counter.ReleaseAsync(agency, 2026, "b", 2, CancellationToken.None);

        Assert.Equal(2, await counter.NumberForAsync(agency, 2027, "b", CancellationToken.None));
        Assert.Equal(3, await counter.NumberForAsync(agency, 2027, "c", CancellationToken.None));
    }

    [Fact]
    public async Task The_last_numbers_given_back_in_any_order_leave_the_register_where_it_was()
    {
        var agency = "vp-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var key in new[] { "a", "b", "c" }) await counter.NumberForAsync(agency, 2027, key, CancellationToken.None);

        // 2 first is vacant below the last; giving back 3 then takes both off the top.
        await counter.ReleaseAsync(agency, 2027, "b", 2, CancellationToken.None);
        await counter.ReleaseAsync(agency, 2027, "c", 3, CancellationToken.None);

        Assert.Equal(2, await counter.NumberForAsync(agency, 2027, "d", CancellationToken.None));
        Assert.Equal(3, await counter.NumberForAsync(agency, 2027, "e", CancellationToken.None));
        Assert.Equal(4, await counter.NumberForAsync(agency, 2027, "f", CancellationToken.None));
    }
}
