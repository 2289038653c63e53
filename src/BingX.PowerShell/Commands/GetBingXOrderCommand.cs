using System.Management.Automation;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Reads orders by order id or client order id (GET /openApi/spot/v1/trade/query), whatever their status.
/// Piped orders are read again by their order id, e.g. to see whether a cancel or a fill went through.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BingXOrder", DefaultParameterSetName = OrderIdSet)]
[OutputType(typeof(BingXOrder))]
public sealed class GetBingXOrderCommand : BingXOneSymbolCmdlet
{
    private const string OrderIdSet = "OrderId";
    private const string ClientOrderIdSet = "ClientOrderId";

    /// <summary>The exchange's order ids.</summary>
    [Parameter(ParameterSetName = OrderIdSet, Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [BingXOrderIdTransformation]
    [ValidateRange(1L, long.MaxValue)]
    public long[] OrderId { get; set; } = Array.Empty<long>();

    /// <summary>The client order ids the orders were placed with.</summary>
    [Parameter(ParameterSetName = ClientOrderIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateBingXClientOrderId]
    public string[] ClientOrderId { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ClientOrderIdSet)
        {
            foreach (string id in ClientOrderId)
            {
                Query(null, id, id);
            }
            return;
        }
        foreach (long id in OrderId)
        {
            Query(id, null, id);
        }
    }

    private void Query(long? orderId, string? clientOrderId, object target) =>
        RunAndWrite(ct => Client.QueryOrderAsync(Symbol, orderId, clientOrderId, ct), ex => ReportForSymbol(ex, Symbol, "it has no such order", target));
}
