# One line per exported cmdlet: how Hygiene.Tests.ps1 runs it (once per condition, with -Verbose -Debug appended,
# and with -WhatIf too when the cmdlet supports it). Hygiene.Tests.ps1 fails for an exported cmdlet without a line.
# Variables the line may use: $BaseUri (the simulator), @CredentialArgs (-Credential of the condition, or nothing
# when the condition reads the vault), $Symbol (BTC-USDT, with open orders), $OrderId (one open order on it),
# $ClientOrderId (that order's client order id).
@{
    'Connect-BingX'       = 'Connect-BingX -BaseUri $BaseUri @CredentialArgs -PassThru'
    'Disconnect-BingX'    = 'Disconnect-BingX'
    'Get-BingXOpenOrder'  = 'Get-BingXOpenOrder -Symbol $Symbol'
    'Stop-BingXOpenOrder' = 'Stop-BingXOpenOrder -Symbol $Symbol -Force'
}
