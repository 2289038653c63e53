using System;
using System.Globalization;

namespace BingX.Simulator.Hosting;

/// <summary>`[--port N] [--no-rate-limits] [--parent-pid PID]`.</summary>
public sealed record CommandLine(int Port, bool RateLimits, int? ParentPid)
{
    public const string Usage = "usage: BingX.Simulator [--port N] [--no-rate-limits] [--parent-pid PID]";

    /// <exception cref="FormatException">An unknown option or a bad value (the message says which).</exception>
    public static CommandLine Parse(string[] args)
    {
        var port = 0;
        var rateLimits = true;
        int? parentPid = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port":
                    port = Number(args, ref i, 0, 65535);
                    break;
                case "--no-rate-limits":
                    rateLimits = false;
                    break;
                case "--parent-pid":
                    parentPid = Number(args, ref i, 1, int.MaxValue);
                    break;
                default:
                    throw new FormatException($"unknown option '{args[i]}'");
            }
        }
        return new CommandLine(port, rateLimits, parentPid);
    }

    private static int Number(string[] args, ref int i, int min, int max)
    {
        var name = args[i];
        if (++i >= args.Length || !int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new FormatException($"{name} needs a number from {min} to {max}");
        }
        return value;
    }
}
