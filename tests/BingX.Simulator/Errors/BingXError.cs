using System;

namespace BingX.Simulator.Errors;

/// <summary>A business rejection: answered as HTTP 200 with a non-zero BingX code and no data.</summary>
public sealed class BingXError : Exception
{
    public BingXError(int code, string msg) : base(msg)
    {
        Code = code;
    }

    public int Code { get; }
}
