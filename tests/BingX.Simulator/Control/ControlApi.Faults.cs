using System;
using BingX.Simulator.Wire;
using BingX.Simulator.Faults;
using BingX.Simulator.Recording;

namespace BingX.Simulator.Control;

/// <summary>Faults and the request log.</summary>
public sealed partial class ControlApi
{
    private ControlResult AddFault(string body)
    {
        var json = JsonBody.Parse(body, "path", "kind", "count", "status", "code", "msg", "variant", "delayMs", "afterProcessing");
        var path = json.String("path");
        if (path is not null && !path.StartsWith(ApiPaths.Prefix, StringComparison.Ordinal))
        {
            throw new ControlError(400, $"'path' must start with {ApiPaths.Prefix} (or be omitted for any /openApi path)");
        }
        var kind = OneOf(json.RequiredString("kind"), "kind", FaultKind.All);
        var count = json.Int("count") ?? 1;
        if (count < 1)
        {
            throw new ControlError(400, "'count' must be 1 or more");
        }
        var status = json.Int("status");
        if (kind == FaultKind.Status && status is null)
        {
            throw new ControlError(400, "a 'status' fault needs 'status' (e.g. 500, 502, 503, 429, 403, 418)");
        }
        if (status is not null && status is < 100 or > 599)
        {
            throw new ControlError(400, "'status' must be an HTTP status from 100 to 599");
        }
        var code = json.Int("code");
        if (kind == FaultKind.Business && code is null)
        {
            throw new ControlError(400, "a 'business' fault needs 'code'");
        }
        var variant = json.String("variant");
        if (variant is not null && variant is not ("rate" or "disabled" or "penalty"))
        {
            throw new ControlError(400, "'variant' must be rate, disabled or penalty");
        }
        var delayMs = json.Int("delayMs");
        if (kind == FaultKind.Delay && (delayMs is null || delayMs < 0 || delayMs > 600_000))
        {
            throw new ControlError(400, "a 'delay' fault needs 'delayMs' from 0 to 600000");
        }
        var fault = new Fault(0, path, kind, count, status, code, json.String("msg"), variant, delayMs ?? 0,
            json.Bool("afterProcessing") ?? false);
        var id = state.Faults.Add(fault);
        return new ControlResult(201, Write(w => w.WriteNumber("id", id)));
    }

    private ControlResult ListFaults()
    {
        var faults = state.Faults.All();
        return ControlResult.Ok(w =>
        {
            w.WriteStartArray("faults");
            foreach (var f in faults)
            {
                w.WriteStartObject();
                w.WriteNumber("id", f.Id);
                WriteNullable(w, "path", f.Path);
                w.WriteString("kind", f.Kind);
                w.WriteNumber("count", f.Count);
                w.WriteBoolean("afterProcessing", f.AfterProcessing);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private ControlResult ClearFaults()
    {
        state.Faults.Clear();
        return ControlResult.Ok(w => w.WriteBoolean("ok", true));
    }

    private ControlResult Requests(string path)
    {
        var entries = state.RequestLog.Read(string.IsNullOrEmpty(path) ? null : path);
        return ControlResult.Ok(w =>
        {
            w.WriteStartArray("requests");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteNumber("seq", e.Seq);
                w.WriteNumber("time", e.Time);
                w.WriteString("method", e.Method);
                w.WriteString("path", e.Path);
                w.WriteString("query", e.Query);
                w.WriteStartObject("headers");
                foreach (var (name, value) in e.Headers)
                {
                    w.WriteString(name, value);
                }
                w.WriteEndObject();
                w.WriteString("body", e.Body);
                w.WriteNumber("status", e.Status);
                if (e.Code is { } code)
                {
                    w.WriteNumber("code", code);
                }
                else
                {
                    w.WriteNull("code");
                }
                WriteNullable(w, "msg", e.Msg);
                WriteNullable(w, "apiKey", e.ApiKey);
                WriteNullable(w, "fault", e.Fault);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private ControlResult ClearRequests()
    {
        state.RequestLog.Clear();
        return ControlResult.Ok(w => w.WriteBoolean("ok", true));
    }
}
