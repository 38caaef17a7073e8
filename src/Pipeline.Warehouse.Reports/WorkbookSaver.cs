using System.Collections.Concurrent;
using ClosedXML.Excel;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Saves laid-out workbooks on background threads while the caller lays out the next ones: saving
/// (ClosedXML's SaveAs, <see cref="StableWorkbook"/>, the atomic write) is about two thirds of a
/// scorecard's time, the layout one third, and the layout reads the <see cref="ReportSet"/>, which
/// is read on one thread only. At most <c>2 x savers</c> workbooks wait or are being saved, so the
/// memory held stays flat in the count. Separate workbooks share only ClosedXML's style caches,
/// which are concurrent dictionaries.
/// </summary>
internal sealed class WorkbookSaver : IDisposable
{
    private readonly BlockingCollection<(XLWorkbook Workbook, string Path)> _queue;
    private readonly CancellationTokenSource _failed = new();
    private readonly Task[] _savers;
    private readonly DateTime _instant;
    private readonly Action<string>? _onFile;
    private readonly Lock _onFileLock = new();
    private bool _completed;

    /// <param name="instant">The report's as-of instant, the workbooks' stable date (<see cref="StableWorkbook"/>).</param>
    /// <param name="onFile">Called with each file's full path once it is written, one call at a time, in the order they finish.</param>
    /// <param name="savers">Background savers; default one per processor.</param>
    public WorkbookSaver(DateTime instant, Action<string>? onFile, int? savers = null)
    {
        _instant = instant;
        _onFile = onFile;
        var count = Math.Max(1, savers ?? Environment.ProcessorCount);
        _queue = new BlockingCollection<(XLWorkbook, string)>(boundedCapacity: count);
        _savers = Enumerable.Range(0, count).Select(_ => Task.Factory.StartNew(SaveQueued, TaskCreationOptions.LongRunning)).ToArray();
    }

    /// <summary>Queues <paramref name="workbook"/> to be saved to <paramref name="path"/> (and disposed); waits while the queue is full.</summary>
    /// <exception cref="Exception">The first failure of a saver (a full disk), once one has failed.</exception>
    public void Add(XLWorkbook workbook, string path)
    {
        try
        {
            _queue.Add((workbook, path), _failed.Token);
        }
        catch (OperationCanceledException)
        {
            workbook.Dispose();
            Complete();
            throw new InvalidOperationException("A workbook saver stopped without an error.");
        }
    }

    /// <summary>Waits until every queued workbook is saved; rethrows the first saver's failure.</summary>
    public void Complete()
    {
        if (!_completed)
        {
            _completed = true;
            _queue.CompleteAdding();
        }
        try
        {
            Task.WaitAll(_savers);
        }
        catch (AggregateException failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Stops taking workbooks, lets the savers finish what is queued and disposes what is left.</summary>
    public void Dispose()
    {
        try
        {
            Complete();
        }
        catch
        {
            // A saver's failure: already thrown by Add or Complete, or the caller is failing for its own reason.
        }
        while (_queue.TryTake(out var left))
            left.Workbook.Dispose();
        _queue.Dispose();
        _failed.Dispose();
    }

    /// <summary>A new workbook laid out by <paramref name="layOut"/>; disposed if the layout fails.</summary>
    public static XLWorkbook LaidOut(Action<XLWorkbook> layOut)
    {
        var workbook = new XLWorkbook();
        try
        {
            layOut(workbook);
            return workbook;
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    private void SaveQueued()
    {
        try
        {
            foreach (var (workbook, path) in _queue.GetConsumingEnumerable(_failed.Token))
            {
                using (workbook)
                    AtomicFile.Write(path, stream => StableWorkbook.Save(workbook, stream, _instant));
                if (_onFile is not null)
                {
                    lock (_onFileLock)
                        _onFile(path);
                }
            }
        }
        catch (OperationCanceledException) when (_failed.IsCancellationRequested)
        {
            // Another saver failed; its error is the one reported.
        }
        catch
        {
            _failed.Cancel();
            throw;
        }
    }
}
