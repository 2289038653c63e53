using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace BingX.Simulator.Hosting;

/// <summary>
/// The host lifetime when a parent owns the simulator (--parent-pid): Ctrl+C in the parent's terminal reaches every
/// process of its foreground group, so with the default console lifetime one Ctrl+C that stops a slow cmdlet in an
/// interactive pwsh also ended the simulator that pwsh started. Here SIGINT is ignored (the parent's end, watched by
/// <see cref="ParentWatchdog"/>, ends the simulator), while SIGTERM and SIGQUIT still stop it normally.
/// </summary>
public sealed class ParentOwnedLifetime(IHostApplicationLifetime application) : IHostLifetime, IDisposable
{
    private PosixSignalRegistration[] _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop),
        ];
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        application.StopApplication();
    }
}
