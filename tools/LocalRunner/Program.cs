using CulturalServerless.Functions.Hosting;
using CulturalServerless.LocalRunner;
using CulturalServerless.LocalRunner.Catalog;

if (args.Length > 0 && args[0] == TokenCommand.Name)
{
    return await TokenCommand.RunAsync(args[1..], RunnerOptions.Parse(args).SettingsPath, Console.Out, Console.Error);
}
if (args.Length > 0 && args[0] == LocalKeys.CommandName)
{
    return LocalKeys.Run(RunnerOptions.Parse(args).SettingsPath, Console.Out, Console.Error);
}
if (args.Length > 0 && args[0] == BootstrapAdminCommand.Name)
{
    return await BootstrapAdminCommand.RunAsync(args[1..], RunnerOptions.Parse(args).SettingsPath, Console.Out, Console.Error);
}

var options = RunnerOptions.Parse(args);
var app = LocalFunctionsHost.Build(
    options,
    () => FunctionCatalog.Load(options.MetadataPath, typeof(CulturalServerlessServiceCollectionExtensions).Assembly),
    (services, configuration) => services.AddCulturalServerless(configuration).AddCulturalServerlessTelemetry(configuration, functionsHost: false));
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"CulturalServerless is running on http://127.0.0.1:{options.Port}/api (Ctrl-C to stop)"));
await app.RunAsync();
return 0;
