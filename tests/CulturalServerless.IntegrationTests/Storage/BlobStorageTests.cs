using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Time.Testing;

namespace CulturalServerless.IntegrationTests.Storage;

/// <summary>The app's BlobServiceClient and link issuer, as registered by the app, against Azurite.</summary>
public sealed class BlobStorageTests(AppServices app) : IClassFixture<AppServices>
{
    private readonly BlobContainerClient reports = app.Get<BlobServiceClient>().GetBlobContainerClient(BlobContainers.Reports);

    [Fact]
    public async Task Upload_keeps_content_type_and_metadata()
    {
        var blob = reports.GetBlobClient($"tests/{Guid.NewGuid():N}.pdf");
        await blob.UploadAsync(BinaryData.FromString("%PDF-1.7 test"), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
            Metadata = new Dictionary<string, string> { ["assessmentId"] = "vp-2022", ["version"] = "3" },
        });

        var downloaded = await blob.DownloadContentAsync();
        Assert.Equal("%PDF-1.7 test", downloaded.Value.Content.ToString());
        Assert.Equal("application/pdf", downloaded.Value.Details.ContentType);
        Assert.Equal("vp-2022", downloaded.Value.Details.Metadata["assessmentId"]);
        Assert.Equal("3", downloaded.Value.Details.Metadata["version"]);
    }

    [Fact]
    public async Task Read_link_downloads_the_blob_and_cannot_write()
    {
        var blob = await UploadAsync("link works");
        var link = await app.Get<IBlobReadLinkIssuer>().IssueAsync(blob, TimeSpan.FromMinutes(5), CancellationToken.None);
        using var http = new HttpClient();

        Assert.Equal("link works", await http.GetStringAsync(link.Url));
        using var put = new HttpRequestMessage(HttpMethod.Put, link.Url) { Content = new StringContent("overwritten") };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        var write = await http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("link works", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Read_link_is_refused_once_expired()
    {
        var blob = await UploadAsync("short-lived");
        // The issuer's clock an hour behind Azurite's: a one-minute link is long expired when it is used.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromHours(1));
        var issuer = new BlobReadLinkIssuer(app.Get<BlobServiceClient>(), clock);
        using var http = new HttpClient();

        var expired = await issuer.IssueAsync(blob, TimeSpan.FromMinutes(1), CancellationToken.None);
        var response = await http.GetAsync(expired.Url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        // The same link issued an hour later works: what was refused was the expiry, nothing else.
        clock.Advance(TimeSpan.FromHours(1));
        var fresh = await issuer.IssueAsync(blob, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal("short-lived", await http.GetStringAsync(fresh.Url));
    }

    [Fact]
    public async Task Read_links_longer_than_15_minutes_are_not_issued()
    {
        var blob = reports.GetBlobClient("tests/any.pdf");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            app.Get<IBlobReadLinkIssuer>().IssueAsync(blob, TimeSpan.FromMinutes(16), CancellationToken.None));
    }

    private async Task<BlobClient> UploadAsync(string content)
    {
        var blob = reports.GetBlobClient($"tests/{Guid.NewGuid():N}.txt");
        await blob.UploadAsync(BinaryData.FromString(content));
        return blob;
    }
}
