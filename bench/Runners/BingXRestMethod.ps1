<#
    Baseline (b) of the benchmark: a BingX client written by hand the way runbooks and forum answers do it, with no
    module: sort the parameters, HMAC-SHA256 the query string, Invoke-RestMethod, check the envelope's code.
    It is deliberately ordinary, not tuned (and not sabotaged: BitConverter for the hex, not a ForEach-Object per byte).
#>
function Invoke-BingXRequest {
    param(
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        [hashtable] $Parameters = @{},
        [Parameter(Mandatory)] [string] $ApiKey,
        [Parameter(Mandatory)] [string] $SecretKey,
        [string] $BaseUri = 'https://open-api.bingx.com'
    )
    $Parameters['timestamp'] = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
    $query = ($Parameters.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join '&'
    $hmac = [System.Security.Cryptography.HMACSHA256]::new([System.Text.Encoding]::UTF8.GetBytes($SecretKey))
    $hash = $hmac.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($query))
    $signature = [System.BitConverter]::ToString($hash).Replace('-', '').ToLower()
    $response = Invoke-RestMethod -Method $Method -Uri "$($BaseUri.TrimEnd('/'))$Path`?$query&signature=$signature" -Headers @{ 'X-BX-APIKEY' = $ApiKey }
    if ($response.code -ne 0) {
        throw "BingX error $($response.code): $($response.msg)"
    }
    $response.data
}
