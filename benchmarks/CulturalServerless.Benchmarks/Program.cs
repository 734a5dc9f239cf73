using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// `side-by-side …` is the project's half of benchmarks/compare-libreoffice.sh (SideBySide/).
// Otherwise a short in-process run: the machine is shared and a full run would take minutes per benchmark.
// Pass BenchmarkDotNet arguments as usual; the figures in docs/ use --warmupCount 20 --iterationCount 10,
// because tiered compilation needs more than ShortRun's three warm-ups to finish (docs/reports.md).
if (args is ["side-by-side", ..])
{
    return CulturalServerless.Benchmarks.SideBySide.SideBySideCommand.Run(args[1..]);
}

var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
