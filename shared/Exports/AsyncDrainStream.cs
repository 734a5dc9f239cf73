namespace CulturalServerless.Exports;

/// <summary>
/// A write-only, forward-only stream that collects what synchronous writers (ZipArchive, the
/// Open XML writer) write, and hands it on to the real output asynchronously when asked: an HTTP
/// response allows no synchronous writes, and the export must not be held whole in memory. It holds
/// only what was written since the last <see cref="DrainAsync"/>.
/// </summary>
internal sealed class AsyncDrainStream(Stream output) : Stream
{
    private readonly MemoryStream pending = new();
    private long written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    /// <summary>The most that was held at once, for the export benchmark.</summary>
    public long PeakPending { get; private set; }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        pending.Write(buffer);
        written += buffer.Length;
        PeakPending = Math.Max(PeakPending, pending.Length);
    }

    public override void WriteByte(byte value) => Write([value]);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (pending.Length == 0) return;
        await output.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        await output.FlushAsync(cancellationToken);
        pending.SetLength(0);
    }

    public override void Flush()
    {
        // Held until DrainAsync: flushing synchronously to the output is what this stream avoids.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) pending.Dispose();
        base.Dispose(disposing);
    }
}
