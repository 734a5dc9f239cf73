using Azure.Storage.Blobs;
using CulturalServerless.Application.Reports;
using CulturalServerless.Functions.Http.Reports;
using CulturalServerless.Functions.Triggers;

namespace CulturalServerless.IntegrationTests.Reports;

/// <summary>
/// POST /api/reports/verify through its function class, with hostile bodies: it answers every byte
/// string up to its limit without a 5xx (random bytes; a real stored report flipped, truncated, its
/// /Contents and /ByteRange spliced), and a large upload costs about twice its size in memory.
/// </summary>
[Collection(MemoryMeasurements.Name)]
public sealed class ReportVerifyEndpointTests(AppServices app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AppServices>
{
    private const int Seed = 16;

    private readonly ReportFunctions _reports = new(app.Get<ReportLinkService>(), app.Get<ReportVerificationService>(), NullLogger<ReportFunctions>.Instance);

    [Fact]
    public async Task Every_hostile_body_gets_an_answer_below_500()
    {
        var pdf = await StoredReportAsync();
        var byteRangeAt = Encoding.Latin1.GetString(pdf).LastIndexOf("/ByteRange", StringComparison.Ordinal);
        var contentsAt = (int)ByteRange(pdf)[1] + 1;
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var (kind, body) = (i % 5) switch
            {
                0 => ("random bytes", RandomBytes(random)),
                1 => ("byte flips", Flip(pdf, random, 0, pdf.Length)),
                2 => ("truncation", pdf[..random.Next(1, pdf.Length)]),
                3 => ("/Contents flips", Flip(pdf, random, contentsAt, 6000)),
                _ => ("/ByteRange splice", Splice(pdf, byteRangeAt + "/ByteRange".Length, random)),
            };
            var response = await VerifyAsync(body, new MemoryStream(body));
            // 200 with the reasons, or 4xx; what is refused and why is the verifier's tests' concern.
            if (response.Status >= 500 || (response.Status == 200 && response.Json["problems"] is null))
            {
                failures.Add($"{kind} #{i} (seed {Seed}): {response.Status} {response.Body}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_large_upload_is_verified_holding_about_twice_its_size_and_never_the_whole_body()
    {
        var pdf = await StoredReportAsync();
        // The stored report with 8 MB of comment lines inside its first signed range, /ByteRange
        // moved to match: a 8 MB signed PDF whose digest no longer matches.
        var large = Inflate(pdf, 8 * 1024 * 1024);
        await VerifyAsync(large, new ForwardOnlyStream(large)); // warm up: JIT, pools, the first Cosmos query

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await VerifyAsync(large, new ForwardOnlyStream(large));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"{allocated / 1048576.0:0.00} MB allocated to verify a {large.Length / 1048576.0:0.00} MB upload ({(double)allocated / large.Length:0.00}×)");
        Assert.Equal(200, response.Status);
        Assert.False((bool)response.Json["valid"]!);
        Assert.Contains(response.Json["problems"]!.AsArray(), problem => ((string)problem!).Contains("does not match the document", StringComparison.Ordinal));
        Assert.True(allocated < 2.3 * large.Length, $"{allocated / 1024 / 1024.0:0.0} MB allocated for a {large.Length / 1024 / 1024.0:0.0} MB upload");
    }

    private async Task<byte[]> StoredReportAsync()
    {
        var api = new ApiClient(app);
        var agencyId = await api.RegisterAgencyAsync();
        Assert.Equal(201, (await api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);
        var blobs = app.Get<BlobServiceClient>();
        await new RenderReportFunction(app.Get<ReportRenderingService>(), app.Get<CulturalServerless.Application.Decisions.DecisionRenderingService>()).Run(
            blobs.GetBlobContainerClient(BlobContainers.ReportRequests).GetBlobClient($"{agencyId}/2022/v1.json"),
            $"{agencyId}/2022/v1.json", CancellationToken.None);
        return (await blobs.GetBlobContainerClient(BlobContainers.Reports).GetBlobClient($"{agencyId}/2022/v1.pdf").DownloadContentAsync())
            .Value.Content.ToArray();
    }

    private Task<ApiResponse> VerifyAsync(byte[] body, Stream stream)
    {
        var request = app.Request(TestTokens.Admin, "POST", "/api/reports/verify", body, "application/pdf");
        request.Body = stream;
        return HttpCalls.ExecuteAsync(request, _reports.Verify(request, CancellationToken.None));
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 50_000)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Flip(byte[] pdf, Random random, int from, int length)
    {
        var copy = (byte[])pdf.Clone();
        for (var flips = random.Next(1, 10); flips > 0; flips--)
        {
            copy[Math.Min(copy.Length - 1, from + random.Next(length))] ^= (byte)random.Next(1, 256);
        }
        return copy;
    }

    private static byte[] Splice(byte[] pdf, int at, Random random)
    {
        string[] ranges = ["[0 -1 2 3]", $"[0 {random.Next()} {random.Next()} {random.Next()}]", "[0 99999999999999999999 0 0]", "[0 1 2]", $"[0 {pdf.Length} {pdf.Length} 0]", "]["];
        var replacement = Encoding.ASCII.GetBytes(ranges[random.Next(ranges.Length)]);
        var end = Array.IndexOf(pdf, (byte)']', at) + 1;
        return [.. pdf[..at], .. replacement, .. pdf[end..]];
    }

    private static long[] ByteRange(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ByteRange", StringComparison.Ordinal);
        return text[(text.IndexOf('[', at) + 1)..text.IndexOf(']', at)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
    }

    private static byte[] Inflate(byte[] pdf, int extra)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ByteRange", StringComparison.Ordinal) + "/ByteRange".Length;
        var open = text.IndexOf('[', at);
        var close = text.IndexOf(']', at);
        var range = ByteRange(pdf);
        // PDFsharp leaves spaces after the array (its placeholder is 36 characters): the new array takes their room.
        var room = close + 1 - open + text[(close + 1)..].TakeWhile(c => c == ' ').Count();
        var moved = Encoding.ASCII.GetBytes($"[0 {range[1] + extra} {range[2] + extra} {range[3]}]".PadRight(room));
        var line = Encoding.ASCII.GetBytes("% padding to make a large upload of the same report\n");
        var padding = new byte[extra];
        for (var i = 0; i < extra; i += line.Length) line.AsSpan(0, Math.Min(line.Length, extra - i)).CopyTo(padding.AsSpan(i));
        // The comment lines go after the header line, inside the first signed range.
        var header = text.IndexOf('\n') + 1;
        return [.. pdf[..header], .. padding, .. pdf[header..open], .. moved, .. pdf[(open + room)..]];
    }

    /// <summary>A request body as the host hands it over: read once, front to back, no seeking.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Math.Min(count, bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, read);
            _position += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = Math.Min(buffer.Length, bytes.Length - _position);
            bytes.AsSpan(_position, read).CopyTo(buffer.Span);
            _position += read;
            return ValueTask.FromResult(read);
        }

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Tests that count the process's allocations run alone, after every parallel test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "memory measurements";
}
