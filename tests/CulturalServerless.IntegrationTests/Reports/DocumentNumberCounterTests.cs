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
}
