using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CulturalServerless.Application.Access;
using CulturalServerless.Application.Assessments;
using CulturalServerless.Application.Exports;
using CulturalServerless.Scoring;
using CulturalServerless.Scoring.Submissions;
using CulturalServerless.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace CulturalServerless.LoadHarness;

/// <summary>
/// The committee's export over N submitted agency-years (docs/performance.md, "Exports"): writes N
/// heads and versions of one province straight through the repository (the seed's submission,
/// scored once), then exports XLSX and CSV through the export service into a stream that counts
/// and drops the bytes, timing each and sampling the peak managed heap and working set.
/// </summary>
internal static class ExportLoad
{
    /// <summary>Agency names with every kind of Vietnamese mark, a comma, quotes and a formula: what the LibreOffice check reads back.</summary>
    public static readonly string[] SampleNames =
    [
        "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi",
        "Sở Văn hóa, Thể thao và Du lịch \"Bình Định\"",
        "Trường Đại học Phạm Văn Đồng – Khoa Ngữ văn",
        "Ủy ban nhân dân xã Nghĩa Hà, huyện Tư Nghĩa",
        "=Bệnh viện Đa khoa tỉnh (ƯU TIÊN)",
    ];

    /// <summary>Writes the export of <see cref="SampleNames"/> as XLSX and CSV into <paramref name="directory"/> (tools/check-exports-libreoffice.sh reads them).</summary>
    public static async Task<string> WriteSamplesAsync(IServiceProvider services, string directory)
    {
        Directory.CreateDirectory(directory);
        await SeedAsync(services, SampleNames.Length, i => SampleNames[i]);
        foreach (var format in new[] { "xlsx", "csv" })
        {
            await using var file = File.Create(Path.Combine(directory, "export." + format));
            var export = await services.GetRequiredService<AssessmentExportService>().PrepareAsync(
                Admin, 2022, "98", null, null, format, "https://example.invalid/api", CancellationToken.None);
            await export.WriteAsync(file, CancellationToken.None);
        }
        await File.WriteAllLinesAsync(Path.Combine(directory, "names.txt"), SampleNames);
        return $"Wrote export.xlsx, export.csv and names.txt to {directory}";
    }

    private static readonly Caller Admin = new("load-harness", "load-admin", new HashSet<string>([Roles.Admin], StringComparer.Ordinal), new AccessScope(null, []));

    /// <summary>Writes each line to <paramref name="output"/> as soon as it is measured, so a slow phase shows which one it is.</summary>
    public static async Task MeasureAsync(IServiceProvider services, int count, TextWriter output)
    {
        var seeding = Stopwatch.StartNew();
        await SeedAsync(services, count, i => "Văn phòng Ủy ban nhân dân huyện thử tải số " + i.ToString(CultureInfo.InvariantCulture));
        await output.WriteLineAsync($"Seeded {count} submitted agency-years in {seeding.Elapsed.TotalSeconds:F1} s");
        var exports = services.GetRequiredService<AssessmentExportService>();
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var body = new CountingStream();
            var memory = new PeakMemory();
            var clock = Stopwatch.StartNew();
            var export = await exports.PrepareAsync(Admin, 2022, "98", null, null, format, "https://example.invalid/api", CancellationToken.None);
            await export.WriteAsync(body, CancellationToken.None);
            clock.Stop();
            await memory.DisposeAsync();
            await output.WriteLineAsync($"{format}: {count} rows in {clock.Elapsed.TotalSeconds:F1} s, {body.Length / 1024.0 / 1024.0:F1} MiB written; " +
                $"peak managed heap {memory.PeakManagedBytes / 1024.0 / 1024.0:F1} MiB, peak working set {memory.PeakWorkingSetBytes / 1024.0 / 1024.0:F1} MiB");
        }
    }

    private static async Task SeedAsync(IServiceProvider services, int count, Func<int, string> name)
    {
        var store = services.GetRequiredService<IAssessmentStore>();
        var submission = JsonSerializer.Deserialize<AssessmentSubmission>(
            await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "assessment-2022.json")), JsonDefaults.Options)!;
        var evaluation = services.GetRequiredService<AssessmentEvaluator>().Evaluate(submission with { Year = 2022 }, "98");
        var score = evaluation.Score ?? throw new InvalidOperationException("The seed submission does not score.");
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var id = "export-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var jurisdiction = "98." + (100 + i % 9).ToString(CultureInfo.InvariantCulture);
            var number = $"{i % 99 + 1:D2}/BC-VP";
            var report = new VersionReport
            {
                State = ReportState.Ready, RequestPath = $"report-requests/{AssessmentKeys.ReportRequestName(id, 2022, 1)}", DocumentNumber = number,
            };
            await store.TryCreateVersionAsync(new AssessmentVersion
            {
                Id = AssessmentKeys.VersionId(id, 2022, 1), PartitionKey = AssessmentKeys.PartitionKey(id, 2022), AgencyId = id, Year = 2022, Version = 1,
                IdempotencyKey = "generated:" + Guid.NewGuid().ToString("N"), RequestHash = "load", Submission = evaluation.Submission, Score = score,
                SubmittedAt = now, SubmittedBy = new Actor("load-harness"), Issue = new DocumentIssue(i % 99 + 1, number, DateOnly.FromDateTime(now.UtcDateTime)),
                Report = report,
            }, token);
            await store.TryCreateHeadAsync(new AssessmentHead
            {
                Id = AssessmentKeys.HeadId(id, 2022), PartitionKey = AssessmentKeys.PartitionKey(id, 2022), AgencyId = id,
                AgencyName = name(i), Jurisdiction = jurisdiction,
                Year = 2022, LatestVersion = 1, Status = AssessmentStatus.ReportReady, RubricId = score.RubricId, SelfTotal = score.SelfTotal,
                ComputedTotal = score.Total - i % 40, Verdict = score.Verdict, Report = report, UpdatedAt = now,
            }, token);
        });
    }

    /// <summary>A response body stand-in: counts what is written and keeps none of it.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
    }
}
