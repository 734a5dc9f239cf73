using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CulturalServerless.Application.Procedures;

public static class ProcedureServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IRecognitionProcedures"/> from the shipped procedures and the <c>Procedures__Path</c>
    /// file, loaded and checked once, on first use (a broken file fails that use with every problem listed).
    /// </summary>
    public static IServiceCollection AddRecognitionProcedures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecognitionProcedureOptions>().Bind(configuration.GetSection(RecognitionProcedureOptions.Section));
        services.AddSingleton<IRecognitionProcedures>(sp =>
            RecognitionProcedureCatalog.Load(sp.GetRequiredService<IOptions<RecognitionProcedureOptions>>().Value.Path));
        return services;
    }
}
