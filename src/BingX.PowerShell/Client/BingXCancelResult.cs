namespace BingX.PowerShell.Client;

/// <summary>The answer to one trade/cancelOrders request with process=1: what was cancelled and what was not.</summary>
internal sealed class BingXCancelResult
{
    public BingXCancelResult(List<BingXOrder> orders, List<BingXCancelFailure> fails)
    {
        Orders = orders;
        Fails = fails;
    }

    public List<BingXOrder> Orders { get; }

    public List<BingXCancelFailure> Fails { get; }
}

/// <summary>One entry of <c>fails[]</c>: the id as the exchange echoed it (a string there) and its reason.</summary>
internal sealed class BingXCancelFailure
{
    public BingXCancelFailure(string id, string reason)
    {
        Id = id;
        Reason = reason;
    }

    public string Id { get; }

    public string Reason { get; }
}
