namespace BingX.PowerShell.Client;

/// <summary>The answer to one trade/cancelOrders request with process=1: what was cancelled and what was not.</summary>
/// <param name="Orders">The orders cancelled.</param>
/// <param name="Fails">The ids the exchange refused to cancel.</param>
internal sealed record BingXCancelResult(List<BingXOrder> Orders, List<BingXCancelFailure> Fails);

/// <summary>One entry of <c>fails[]</c>.</summary>
/// <param name="Id">The id as the exchange echoed it (a string there).</param>
/// <param name="Reason">The exchange's reason, with its code when it gave one.</param>
internal sealed record BingXCancelFailure(string Id, string Reason);
