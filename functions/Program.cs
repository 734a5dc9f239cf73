using CulturalServerless.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCulturalServerless(builder.Configuration);
builder.Services.AddCulturalServerlessTelemetry(builder.Configuration, functionsHost: true);
builder.Build().Run();
