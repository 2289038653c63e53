using System.Collections.Concurrent;
using System.Management.Automation;
using BingX.PowerShell.Client;

namespace BingX.PowerShell.Pipeline;

/// <summary>
/// Runs the client's async work while keeping every Write* on the pipeline thread: the client logs from
/// any thread into a queue, and the pipeline thread drains it until the task completes.
/// </summary>
internal sealed class PipelinePump : IBingXLog
{
    private static readonly Action<Cmdlet> Wake = _ => { };
    private readonly BlockingCollection<Action<Cmdlet>> _queue = new BlockingCollection<Action<Cmdlet>>();
    private readonly int _progressId = Interlocked.Increment(ref _nextProgressId);
    private static int _nextProgressId = 1000;
    private bool _progressShown;

    public T Run<T>(Cmdlet cmdlet, Task<T> task)
    {
        task.ContinueWith(_ => _queue.Add(Wake), TaskContinuationOptions.ExecuteSynchronously);
        while (!task.IsCompleted)
        {
            _queue.Take()(cmdlet);
        }
        Drain(cmdlet);
        if (_progressShown)
        {
            _progressShown = false;
            cmdlet.WriteProgress(new ProgressRecord(_progressId, "BingX", "Done") { RecordType = ProgressRecordType.Completed });
        }
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Writes what is queued; used after synchronous work too.</summary>
    public void Drain(Cmdlet cmdlet)
    {
        while (_queue.TryTake(out Action<Cmdlet>? action))
        {
            action(cmdlet);
        }
    }

    public void Verbose(string message) => _queue.Add(c => PromptFreeLog.Verbose(c, message));

    public void Debug(string message) => _queue.Add(c => PromptFreeLog.Debug(c, message));

    public void Warning(string message) => _queue.Add(c => PromptFreeLog.Warning(c, message));

    public void Waiting(string reason, DateTimeOffset until)
    {
        _queue.Add(c =>
        {
            int seconds = (int)Math.Ceiling(Math.Max(0, (until - DateTimeOffset.UtcNow).TotalSeconds));
            _progressShown = true;
            c.WriteProgress(new ProgressRecord(_progressId, "BingX", reason) { SecondsRemaining = seconds });
        });
    }
}
