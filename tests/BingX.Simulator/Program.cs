using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using BingX.Simulator;
using BingX.Simulator.Api;
using BingX.Simulator.Control;
using BingX.Simulator.Wire;
using BingX.Simulator.Hosting;
using BingX.Simulator.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

CommandLine options;
try
{
    options = CommandLine.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"BingX simulator: {e.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var state = new SimulatorState(new RateLimitSettings { Enabled = options.RateLimits });
var openApi = new OpenApiHandler(state);
var control = new ControlApi(state);

// The slim builder and no routing keep start-up short: many test files start their own simulator.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, options.Port);
    kestrel.AddServerHeader = false;
});
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
if (options.ParentPid is not null)
{
    builder.Services.AddSingleton<IHostLifetime, ParentOwnedLifetime>();
}

var app = builder.Build();
app.Run(async http =>
{
    var path = http.Request.Path.Value ?? "";
    try
    {
        if (path.StartsWith(ApiPaths.Prefix, StringComparison.Ordinal))
        {
            await openApi.HandleAsync(http);
        }
        else if (path.StartsWith(ControlApi.Prefix, StringComparison.Ordinal))
        {
            await control.HandleAsync(http);
        }
        else
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync("404 page not found");
        }
    }
    catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
    {
        // The client went away (e.g. it timed out during a delay fault): nothing to answer.
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"BingX simulator: {http.Request.Method} {path} failed: {e}");
        if (!http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            http.Response.ContentType = ApiResult.Json;
            await http.Response.WriteAsync("{\"error\":\"internal simulator error, see its stderr\"}");
        }
    }
});

try
{
    await app.StartAsync();
}
catch (Exception e)
{
    Console.Error.WriteLine($"BingX simulator: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
    return 1;
}

// Only now is Kestrel accepting: the line tells the test which port it got.
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.Out.WriteLine($"BingX simulator listening on {address}");
Console.Out.Flush();

var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
if (options.ParentPid is { } parentPid)
{
    _ = ParentWatchdog.WatchAsync(parentPid, lifetime.StopApplication, lifetime.ApplicationStopping);
}

await app.WaitForShutdownAsync();
return 0;
