namespace BingX.PowerShell.Client.Retrying;

/// <summary>
/// Filled by the transport when an attempt lost its answer and the request was sent again (reads and cancels
/// only): the retry's answer then says nothing of what the lost attempt did, and the caller can find out.
/// </summary>
internal sealed class LostAnswerNote
{
    public BingXException? LostAnswer { get; set; }
}
