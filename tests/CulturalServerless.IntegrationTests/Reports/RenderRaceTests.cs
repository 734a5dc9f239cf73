using CulturalServerless.Application.Reports;

namespace CulturalServerless.IntegrationTests.Reports;

/// <summary>
/// The renderer may run the moment a report request lands, before the submission that wrote it
/// has returned. The submission writes the head first, so such a render finds it and what it
/// records stays recorded.
/// </summary>
public sealed class RenderRaceTests
{
    [Fact]
    public async Task A_render_that_runs_as_soon_as_the_request_lands_leaves_the_assessment_report_ready()
    {
        await using var app = AppServices.With(new Dictionary<string, string?>(), services =>
        {
            services.AddSingleton<ReportRequestStore>();
            services.AddSingleton<IReportRequestStore>(sp => new RenderedAsSoonAsWritten(sp.GetRequiredService<ReportRequestStore>(), sp));
        });
        await app.InitializeAsync();
        var api = new ApiClient(app);
        var agencyId = await api.RegisterAgencyAsync();

        Assert.Equal(201, (await api.SubmitAsync(agencyId, ApiClient.Sample("assessment-2022.json"))).Status);

        var assessment = (await api.GetLatestAsync(agencyId)).Json;
        Assert.Equal("report-ready", (string?)assessment["status"]);
        Assert.Equal("ready", (string?)assessment["report"]!["state"]);
        var head = (await app.Get<IAssessmentStore>().FindHeadAsync(agencyId, 2022, CancellationToken.None))!.Value;
        Assert.Equal(AssessmentStatus.ReportReady, head.Status);
        Assert.Equal(ReportState.Ready, head.Report.State);
    }

    /// <summary>A report-request store whose write sets the renderer off at once, inside the submission.</summary>
    private sealed class RenderedAsSoonAsWritten(ReportRequestStore inner, IServiceProvider services) : IReportRequestStore
    {
        public string PathOf(string agencyId, int year, int version) => inner.PathOf(agencyId, year, version);

        public async Task<string> EnsureWrittenAsync(ReportRequest request, CancellationToken cancellationToken)
        {
            var path = await inner.EnsureWrittenAsync(request, cancellationToken);
            await services.GetRequiredService<ReportRenderingService>().RenderAsync(
                AssessmentKeys.ReportRequestName(request.Agency.Id, request.Year, request.Version), cancellationToken);
            return path;
        }

        public Task<string> RewriteAsync(ReportRequest request, CancellationToken cancellationToken) => inner.RewriteAsync(request, cancellationToken);

        public Task<ReportRequest> ReadAsync(string name, CancellationToken cancellationToken) => inner.ReadAsync(name, cancellationToken);

        public Task<ReportRequest?> TryReadAsync(string name, CancellationToken cancellationToken) => inner.TryReadAsync(name, cancellationToken);
    }
}
