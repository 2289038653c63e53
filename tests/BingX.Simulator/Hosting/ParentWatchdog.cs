using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace BingX.Simulator.Hosting;

/// <summary>Ends the simulator when the process that started it is gone, so a crashed test run leaves nothing behind.</summary>
public static class ParentWatchdog
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static Task WatchAsync(int parentPid, Action onParentGone, CancellationToken stopping)
    {
        // The start time tells the parent apart from a later process that reuses its pid.
        var startedAt = StartTimeOf(parentPid);
        if (startedAt is null)
        {
            onParentGone();
            return Task.CompletedTask;
        }
        return Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(PollInterval, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                if (StartTimeOf(parentPid) != startedAt)
                {
                    onParentGone();
                    return;
                }
            }
        }, stopping);
    }

    private static DateTime? StartTimeOf(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
