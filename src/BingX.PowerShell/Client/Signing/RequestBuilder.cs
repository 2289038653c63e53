using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

namespace BingX.PowerShell.Client.Signing
{
    /// <summary>
    /// The building stage: the query string with timestamp and recvWindow, its signature and the API key header.
    /// Parameters go in the query string with an empty body, like ccxt and BingX's own sample code.
    /// </summary>
    internal static class RequestBuilder
    {
        /// <summary>The request to send and the line the debug stream shows for it (signature and key redacted).</summary>
        public static HttpRequestMessage Build(BingXEndpoint endpoint, IList<KeyValuePair<string, string>> parameters, BingXApiCredential? credential,
            long timestampMs, int? recvWindow, Uri baseUri, out string debugLine)
        {
            var all = new List<KeyValuePair<string, string>>(parameters);
            if (endpoint.Signed)
            {
                all.Add(new KeyValuePair<string, string>("timestamp", timestampMs.ToString(CultureInfo.InvariantCulture)));
                if (recvWindow.HasValue)
                {
                    all.Add(new KeyValuePair<string, string>("recvWindow", recvWindow.Value.ToString(CultureInfo.InvariantCulture)));
                }
            }
            string parameterString = RequestSigner.BuildParameterString(all);
            string query = parameterString;
            if (endpoint.Signed && credential != null)
            {
                string signature = RequestSigner.Sign(credential.SecretKey, parameterString);
                query = parameterString.Length == 0 ? "signature=" + signature : parameterString + "&signature=" + signature;
            }

            var uri = new Uri(baseUri, query.Length == 0 ? endpoint.Path : endpoint.Path + "?" + query);
            var request = new HttpRequestMessage(endpoint.Method, uri);
            if (credential != null)
            {
                request.Headers.TryAddWithoutValidation("X-BX-APIKEY", credential.ApiKey);
            }
            debugLine = $"{endpoint.Method.Method} {endpoint.Path}?{parameterString}{(credential != null ? "&signature=[redacted]; X-BX-APIKEY: " + credential.RedactedApiKey : string.Empty)}";
            return request;
        }
    }
}
