using System.Text.Json;
using Microsoft.Azure.Cosmos;

namespace CulturalServerless.IntegrationTests.Emulators;

/// <summary>
/// TransactionalBatch against the local Cosmos DB emulator (fix 11 of tools/cosmos-emulator/launcher.js)
/// through the real .NET SDK, with the app's own client options: the SDK encodes the batch in
/// HybridRow RecordIO and parses the emulator's answer with its own HybridRow reader, so every test
/// here also checks the emulator's encoding. Start the emulators first: tools/emulators.sh start.
/// </summary>
public sealed class TransactionalBatchTests : IClassFixture<EmulatorClientFixture>, IAsyncLifetime
{
    private readonly CosmosClient client;
    private readonly string databaseId = "emu-batch-" + Guid.NewGuid().ToString("N");
    private Container container = null!;

    public TransactionalBatchTests(EmulatorClientFixture fixture) => client = fixture.Client;

    public async Task InitializeAsync()
    {
        Database database = (await client.CreateDatabaseAsync(databaseId)).Database;
        container = (await database.CreateContainerAsync("items-" + Guid.NewGuid().ToString("N"), "/pk")).Container;
    }

    public async Task DisposeAsync() => await client.GetDatabase(databaseId).DeleteAsync();

    private static readonly PartitionKey A = new("a");

    [Fact]
    public async Task Two_creates_land_with_the_etags_and_system_properties_of_single_writes()
    {
        using var response = await container.CreateTransactionalBatch(A)
            .CreateItem(new Item("one", "a", 1, "odd"))
            .CreateItem(new Item("two", "a", 2, "even"))
            .ExecuteAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(2, response.Count);
        Assert.All(response, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.All(response, r => Assert.False(string.IsNullOrEmpty(r.ETag)));
        Assert.NotEqual(response[0].ETag, response[1].ETag);

        // The result bodies are the stored documents, system properties included.
        var created = response.GetOperationResultAtIndex<JsonElement>(1).Resource;
        var stored = await ReadJsonAsync("two");
        foreach (var property in new[] { "_rid", "_self", "_etag", "_ts", "id", "pk", "rank" })
        {
            Assert.Equal(stored.GetProperty(property).ToString(), created.GetProperty(property).ToString());
        }
        Assert.Equal(new Item("one", "a", 1, "odd"), response.GetOperationResultAtIndex<Item>(0).Resource);

        // The ETags are the documents' own: a replace that names them is accepted, in a batch and alone.
        using var replacedInBatch = await container.CreateTransactionalBatch(A)
            .ReplaceItem("two", new Item("two", "a", 22, "even"), new TransactionalBatchItemRequestOptions { IfMatchEtag = response[1].ETag })
            .ExecuteAsync();
        Assert.Equal(HttpStatusCode.OK, replacedInBatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replacedInBatch[0].StatusCode);
        Assert.NotEqual(response[1].ETag, replacedInBatch[0].ETag);

        var replaced = await container.ReplaceItemAsync(new Item("one", "a", 11, "odd"), "one", A,
            new ItemRequestOptions { IfMatchEtag = response[0].ETag });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var two = await container.ReadItemAsync<Item>("two", A);
        Assert.Equal(22, two.Resource.Rank);
        Assert.Equal(replacedInBatch[0].ETag, two.ETag);
        Assert.Equal(11, (await container.ReadItemAsync<Item>("one", A)).Resource.Rank);
    }

    [Fact]
    public async Task A_create_that_conflicts_fails_the_batch_with_409_and_nothing_is_written()
    {
        await container.CreateItemAsync(new Item("taken", "a", 1, "odd"), A);

        using var response = await container.CreateTransactionalBatch(A)
            .CreateItem(new Item("fresh", "a", 2, "even"))
            .CreateItem(new Item("taken", "a", 3, "odd"))
            .UpsertItem(new Item("later", "a", 4, "even"))
            .ExecuteAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(3, response.Count);
        Assert.Equal(HttpStatusCode.FailedDependency, response[0].StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, response[1].StatusCode);
        Assert.Equal(HttpStatusCode.FailedDependency, response[2].StatusCode);

        // The first create ran before the conflict and was undone.
        Assert.Equal(HttpStatusCode.NotFound, await ReadStatusAsync("fresh"));
        Assert.Equal(HttpStatusCode.NotFound, await ReadStatusAsync("later"));
        Assert.Equal(1, (await container.ReadItemAsync<Item>("taken", A)).Resource.Rank);
        Assert.Equal(["taken"], await IdsInPartitionAsync("a"));

        // The same ids in a batch that succeeds are created: the failed one left nothing behind.
        using var retry = await container.CreateTransactionalBatch(A)
            .CreateItem(new Item("fresh", "a", 2, "even"))
            .CreateItem(new Item("later", "a", 4, "even"))
            .ExecuteAsync();
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(["fresh", "later", "taken"], await IdsInPartitionAsync("a"));
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_fails_the_batch_with_412_and_nothing_is_applied()
    {
        var first = await container.CreateItemAsync(new Item("doc", "a", 1, "odd"), A);
        var second = await container.ReplaceItemAsync(new Item("doc", "a", 2, "odd"), "doc", A);

        using var response = await container.CreateTransactionalBatch(A)
            .CreateItem(new Item("side", "a", 9, "odd"))
            .ReplaceItem("doc", new Item("doc", "a", 3, "odd"), new TransactionalBatchItemRequestOptions { IfMatchEtag = first.ETag })
            .ExecuteAsync();

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(HttpStatusCode.FailedDependency, response[0].StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response[1].StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, await ReadStatusAsync("side"));
        var read = await container.ReadItemAsync<Item>("doc", A);
        Assert.Equal(2, read.Resource.Rank);
        Assert.Equal(second.ETag, read.ETag);
    }

    [Fact]
    public async Task Reads_upserts_deletes_and_patches_in_a_batch()
    {
        await container.CreateItemAsync(new Item("x", "a", 1, "odd"), A);
        await container.CreateItemAsync(new Item("y", "a", 2, "even"), A);

        using var response = await container.CreateTransactionalBatch(A)
            .ReadItem("x")
            .UpsertItem(new Item("z", "a", 3, "odd"))
            .UpsertItem(new Item("x", "a", 10, "odd"))
            .DeleteItem("y")
            .PatchItem("z", [PatchOperation.Set("/rank", 30)])
            .ReadItem("z")
            .ExecuteAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.OK],
            response.Select(r => r.StatusCode));
        // A read in a batch sees the state before the batch's later writes, and after its earlier ones.
        Assert.Equal(new Item("x", "a", 1, "odd"), response.GetOperationResultAtIndex<Item>(0).Resource);
        Assert.Equal(new Item("z", "a", 30, "odd"), response.GetOperationResultAtIndex<Item>(5).Resource);
        Assert.Null(response[3].ResourceStream);

        Assert.Equal(HttpStatusCode.NotFound, await ReadStatusAsync("y"));
        Assert.Equal(10, (await container.ReadItemAsync<Item>("x", A)).Resource.Rank);
        var z = await container.ReadItemAsync<Item>("z", A);
        Assert.Equal(30, z.Resource.Rank);
        Assert.Equal(response[4].ETag, z.ETag);
    }

    [Fact]
    public async Task A_failing_read_undoes_the_deletes_and_replaces_before_it()
    {
        await container.CreateItemAsync(new Item("keep", "a", 1, "odd"), A);
        var other = await container.CreateItemAsync(new Item("other", "a", 2, "even"), A);

        using var response = await container.CreateTransactionalBatch(A)
            .DeleteItem("keep")
            .ReplaceItem("other", new Item("other", "a", 20, "even"))
            .ReadItem("missing")
            .ExecuteAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            [HttpStatusCode.FailedDependency, HttpStatusCode.FailedDependency, HttpStatusCode.NotFound],
            response.Select(r => r.StatusCode));
        Assert.Equal(1, (await container.ReadItemAsync<Item>("keep", A)).Resource.Rank);
        var read = await container.ReadItemAsync<Item>("other", A);
        Assert.Equal(2, read.Resource.Rank);
        Assert.Equal(other.ETag, read.ETag);
    }

    [Fact]
    public async Task Without_content_response_the_writes_still_give_etags()
    {
        var minimal = new TransactionalBatchItemRequestOptions { EnableContentResponseOnWrite = false };
        await container.CreateItemAsync(new Item("r", "a", 1, "odd"), A);

        using var response = await container.CreateTransactionalBatch(A)
            .CreateItem(new Item("m", "a", 1, "odd"), minimal)
            .UpsertItem(new Item("r", "a", 2, "odd"), minimal)
            .ReadItem("r", minimal)
            .ExecuteAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response, r => Assert.False(string.IsNullOrEmpty(r.ETag)));
        Assert.Null(response[0].ResourceStream);
        Assert.Null(response[1].ResourceStream);
        Assert.Null(response.GetOperationResultAtIndex<Item>(0).Resource);
        // A read has no write to leave out: its document comes back.
        Assert.Equal(2, response.GetOperationResultAtIndex<Item>(2).Resource.Rank);

        Assert.Equal(response[0].ETag, (await container.ReadItemAsync<Item>("m", A)).ETag);
        Assert.Equal(response[1].ETag, (await container.ReadItemAsync<Item>("r", A)).ETag);
    }

    [Fact]
    public async Task A_document_outside_the_batch_partition_fails_the_batch_with_400()
    {
        using var response = await container.CreateTransactionalBatch(A)
            .CreateItem(new Item("in", "a", 1, "odd"))
            .CreateItem(new Item("out", "b", 2, "even"))
            .ExecuteAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.FailedDependency, response[0].StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response[1].StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await ReadStatusAsync("in"));
        using var outside = await container.ReadItemStreamAsync("out", new PartitionKey("b"));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    // Helpers -------------------------------------------------------------------------------------

    private async Task<HttpStatusCode> ReadStatusAsync(string id)
    {
        using var read = await container.ReadItemStreamAsync(id, A);
        return read.StatusCode;
    }

    private async Task<JsonElement> ReadJsonAsync(string id)
    {
        using var read = await container.ReadItemStreamAsync(id, A);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var document = await JsonDocument.ParseAsync(read.Content);
        return document.RootElement.Clone();
    }

    private async Task<List<string>> IdsInPartitionAsync(string pk)
    {
        var ids = new List<string>();
        using var iterator = container.GetItemQueryIterator<string>("SELECT VALUE c.id FROM c",
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(pk) });
        while (iterator.HasMoreResults)
        {
            ids.AddRange(await iterator.ReadNextAsync());
        }
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }
}
