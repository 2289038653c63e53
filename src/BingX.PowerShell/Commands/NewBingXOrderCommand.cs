using System.Management.Automation;
using System.Security.Cryptography;
using BingX.PowerShell.Client;
using BingX.PowerShell.Completion;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Places one spot order (POST /openApi/spot/v1/trade/order). The parameter rules of the exchange are checked
/// before anything is sent. The request is never repeated: it always carries a client order id, and when its
/// answer is lost the order is looked up by that id instead.
/// </summary>
[Cmdlet(VerbsCommon.New, "BingXOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BingXOrder))]
public sealed class NewBingXOrderCommand : BingXAuthenticatedCmdlet
{
    private const string GeneratedIdPrefix = "bx";
    private const int GeneratedIdRandomLength = 30;
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly string[] TimesInForce = { "GTC", "IOC", "FOK", "PostOnly" };

    private BingXOrderRequest? _request;

    /// <summary>The spot symbol, e.g. BTC-USDT.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [BingXSymbolTransformation]
    [ValidateBingXSymbol]
    [BingXSymbolCompleter]
    public string Symbol { get; set; } = string.Empty;

    /// <summary>BUY or SELL.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateSet("BUY", "SELL")]
    public BingXOrderSide Side { get; set; }

    /// <summary>
    /// MARKET, LIMIT, TAKE_STOP_LIMIT, TAKE_STOP_MARKET, TRIGGER_LIMIT or TRIGGER_MARKET. Left out: LIMIT when
    /// -Price is given; a market order is placed only when MARKET is stated.
    /// </summary>
    [Parameter(Position = 2)]
    [BingXOrderTypeTransformation]
    [ValidateSet("MARKET", "LIMIT", "TAKE_STOP_LIMIT", "TAKE_STOP_MARKET", "TRIGGER_LIMIT", "TRIGGER_MARKET")]
    public BingXOrderType Type { get; set; }

    /// <summary>How much of the base asset (BTC in BTC-USDT).</summary>
    [Parameter(Position = 3)]
    [BingXAmountTransformation]
    [ValidatePositiveAmount]
    public decimal? Quantity { get; set; }

    /// <summary>How much of the quote asset to spend or receive (USDT in BTC-USDT), instead of -Quantity.</summary>
    [Parameter]
    [BingXAmountTransformation]
    [ValidatePositiveAmount]
    public decimal? QuoteQuantity { get; set; }

    /// <summary>The limit price (LIMIT, TAKE_STOP_LIMIT, TRIGGER_LIMIT).</summary>
    [Parameter(Position = 4)]
    [BingXAmountTransformation]
    [ValidatePositiveAmount]
    public decimal? Price { get; set; }

    /// <summary>The trigger price (TAKE_STOP_* and TRIGGER_* types).</summary>
    [Parameter]
    [BingXAmountTransformation]
    [ValidatePositiveAmount]
    public decimal? StopPrice { get; set; }

    /// <summary>GTC (the exchange's default), IOC, FOK or PostOnly.</summary>
    [Parameter]
    [ValidateSet("GTC", "IOC", "FOK", "PostOnly")]
    public string? TimeInForce { get; set; }

    /// <summary>Your id for the order (1 to 40 letters, digits, underscores). One is generated when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateBingXClientOrderId]
    public string? ClientOrderId { get; set; }

    /// <summary>Do not ask for confirmation, even where $ConfirmPreference would (-WhatIf still only shows what would be done).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void BeginProcessing()
    {
        // The exchange's rules, checked before the vault is read or anything is sent.
        string? problem = null;
        if (!MyInvocation.BoundParameters.ContainsKey(nameof(Type)))
        {
            if (Price != null)
            {
                Type = BingXOrderType.LIMIT;
            }
            else
            {
                problem = "Give -Type: LIMIT with -Price, or MARKET to trade at the market price (a market order is placed only when -Type MARKET is stated).";
            }
        }
        problem ??= CheckCombination();
        if (problem != null)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem + " Nothing was sent."),
                BingXErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, Symbol));
        }
        _request = new BingXOrderRequest(Symbol, Side, Type, ClientOrderId ?? NewClientOrderId())
        {
            Quantity = Quantity,
            QuoteOrderQty = QuoteQuantity,
            Price = Price,
            StopPrice = StopPrice,
            TimeInForce = TimeInForce == null ? null : Array.Find(TimesInForce, t => string.Equals(t, TimeInForce, StringComparison.OrdinalIgnoreCase)),
        };
        base.BeginProcessing();
    }

    protected override void EndProcessing()
    {
        BingXOrderRequest request = _request!;
        if (!ConfirmationGate.Confirm(this, Force, Symbol, Describe(request)))
        {
            return;
        }
        RunAndWrite(ct => Client.PlaceOrderAsync(request, ct), ex => ReportForSymbol(ex, Symbol, "no order was placed", request.ClientOrderId));
    }

    private string? CheckCombination()
    {
        bool limitPriced = Type == BingXOrderType.LIMIT || Type == BingXOrderType.TAKE_STOP_LIMIT || Type == BingXOrderType.TRIGGER_LIMIT;
        bool triggered = Type != BingXOrderType.MARKET && Type != BingXOrderType.LIMIT;
        if (limitPriced && Price == null)
        {
            return $"A {Type} order needs -Price (the limit price).";
        }
        if (!limitPriced && Price != null)
        {
            return $"A {Type} order takes no -Price: it trades at the market price{(triggered ? " once -StopPrice is reached" : string.Empty)}. Use a LIMIT type to set a price.";
        }
        if (triggered && StopPrice == null)
        {
            return $"A {Type} order needs -StopPrice (the price that triggers it).";
        }
        if (!triggered && StopPrice != null)
        {
            return $"A {Type} order takes no -StopPrice: only the TAKE_STOP_* and TRIGGER_* types are triggered.";
        }
        if (Quantity == null && QuoteQuantity == null)
        {
            return Type == BingXOrderType.MARKET && Side == BingXOrderSide.BUY
                ? "A MARKET BUY order needs -QuoteQuantity (how much to spend) or -Quantity (how much to buy)."
                : $"A {Side} {Type} order needs -Quantity (or -QuoteQuantity, the amount in the quote asset).";
        }
        if (Quantity != null && QuoteQuantity != null)
        {
            return "Give -Quantity or -QuoteQuantity, not both: the exchange would silently use -Quantity.";
        }
        return null;
    }

    /// <summary>"Place BUY LIMIT order: quantity 0.001 at price 30000, client order id bx…": everything that decides what trades.</summary>
    private static string Describe(BingXOrderRequest request)
    {
        var parts = new List<string>();
        if (request.Quantity.HasValue)
        {
            parts.Add("quantity " + WireFormat.Decimal(request.Quantity.Value));
        }
        if (request.QuoteOrderQty.HasValue)
        {
            string quote = request.Symbol.Substring(request.Symbol.IndexOf('-') + 1);
            parts.Add("quote amount " + WireFormat.Decimal(request.QuoteOrderQty.Value) + " " + quote);
        }
        parts.Add(request.Price.HasValue ? "price " + WireFormat.Decimal(request.Price.Value) : "market price");
        if (request.StopPrice.HasValue)
        {
            parts.Add("stop price " + WireFormat.Decimal(request.StopPrice.Value));
        }
        if (request.TimeInForce != null)
        {
            parts.Add("time in force " + request.TimeInForce);
        }
        parts.Add("client order id " + request.ClientOrderId);
        return $"Place {request.Side} {request.Type} order: " + string.Join(", ", parts);
    }

    /// <summary>bx + 30 random letters and digits: what finds the order again if the answer to placing it is lost.</summary>
    internal static string NewClientOrderId() =>
        GeneratedIdPrefix + RandomNumberGenerator.GetString(Alphanumerics, GeneratedIdRandomLength);
}
