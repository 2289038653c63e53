namespace BingX.Simulator.Wire;

/// <summary>Where the exchange's own API lives, for the API and for the control routes that name its paths.</summary>
public static class ApiPaths
{
    public const string Prefix = "/openApi/";
}
