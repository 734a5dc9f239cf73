using System.Runtime.CompilerServices;
using CulturalServerless.Storage;

namespace CulturalServerless.IntegrationTests.Infrastructure;

/// <summary>
/// The Azure SDKs read the switch for their spans once, when the first client of the process is
/// built. The app sets it before building any; tests also build clients of their own (the emulator
/// tests' fixtures), so the switch is set when this assembly loads, whichever test class runs first.
/// </summary>
internal static class SdkSpans
{
    [ModuleInitializer]
    internal static void Enable() => StorageServiceCollectionExtensions.EnableSdkSpans();
}
