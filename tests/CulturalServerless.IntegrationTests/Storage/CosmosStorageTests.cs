using Microsoft.Azure.Cosmos;

namespace CulturalServerless.IntegrationTests.Storage;

/// <summary>The app's CosmosClient, as registered by the app, against the Cosmos DB emulator.</summary>
public sealed class CosmosStorageTests : IClassFixture<AppServices>
{
    private readonly Container container;

    public CosmosStorageTests(AppServices app)
    {
        container = app.Get<Database>().GetContainer(CosmosContainers.Assessments.Name);
    }

    private sealed record Item(string Id, string PartitionKey, string Agency, int Score);

    [Fact]
    public async Task Replace_with_a_stale_etag_is_refused_with_412_and_keeps_the_winner()
    {
        var pk = Guid.NewGuid().ToString("N");
        var created = await container.CreateItemAsync(new Item("a", pk, "VP", 90), new PartitionKey(pk));

        var winner = await container.ReplaceItemAsync(created.Resource with { Score = 95 }, "a", new PartitionKey(pk),
            new ItemRequestOptions { IfMatchEtag = created.ETag });
        var loser = await Assert.ThrowsAsync<CosmosException>(() => container.ReplaceItemAsync(
            created.Resource with { Score = 10 }, "a", new PartitionKey(pk), new ItemRequestOptions { IfMatchEtag = created.ETag }));

        Assert.Equal(HttpStatusCode.PreconditionFailed, loser.StatusCode);
        Assert.NotEqual(created.ETag, winner.ETag);
        var read = await container.ReadItemAsync<Item>("a", new PartitionKey(pk));
        Assert.Equal(95, read.Resource.Score);
        Assert.Equal(winner.ETag, read.ETag);
    }

    [Fact]
    public async Task Reading_a_missing_item_answers_404()
    {
        var error = await Assert.ThrowsAsync<CosmosException>(() =>
            container.ReadItemAsync<Item>("missing", new PartitionKey(Guid.NewGuid().ToString("N"))));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Creating_the_same_id_twice_answers_409()
    {
        var pk = Guid.NewGuid().ToString("N");
        await container.CreateItemAsync(new Item("dup", pk, "VP", 1), new PartitionKey(pk));
        var error = await Assert.ThrowsAsync<CosmosException>(() =>
            container.CreateItemAsync(new Item("dup", pk, "VP", 2), new PartitionKey(pk)));
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
    }

    [Fact]
    public async Task Cross_partition_query_orders_by_score_and_pages_with_continuation_tokens()
    {
        var agency = "agency-" + Guid.NewGuid().ToString("N");
        int[] scores = [70, 98, 85, 91, 60];
        for (var i = 0; i < scores.Length; i++)
        {
            // Each item in its own partition, so the query must fan out.
            var pk = Guid.NewGuid().ToString("N");
            await container.CreateItemAsync(new Item($"q{i}", pk, agency, scores[i]), new PartitionKey(pk));
        }
        var query = new QueryDefinition("SELECT * FROM c WHERE c.agency = @agency ORDER BY c.score DESC")
            .WithParameter("@agency", agency);

        var seen = new List<int>();
        string? continuation = null;
        var pages = 0;
        do
        {
            using var iterator = container.GetItemQueryIterator<Item>(query, continuation, new QueryRequestOptions { MaxItemCount = 2 });
            var page = await iterator.ReadNextAsync();
            Assert.True(page.Count <= 2);
            seen.AddRange(page.Select(i => i.Score));
            continuation = page.ContinuationToken;
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Equal([98, 91, 85, 70, 60], seen);
        Assert.True(pages >= 3, $"5 items at 2 a page take at least 3 pages, took {pages}");
    }
}
