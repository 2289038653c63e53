using System.Text.Encodings.Web;
using System.Text.Json;

namespace BingX.Simulator;

public static class JsonOptions
{
    /// <summary>Like BingX: '&amp;', '+', '%' and '#' in messages are written as they are, not as \u0026 escapes.</summary>
    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
