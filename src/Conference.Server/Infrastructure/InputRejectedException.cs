namespace Conference.Server.Infrastructure;

/// <summary>
/// Input refused as a whole: a 400 with field errors, and what the client should see beside them (an import's report).
/// A feature derives its own; the problem details mapper knows only this.
/// </summary>
public class InputRejectedException(string message, IReadOnlyDictionary<string, string[]> errors, string extensionName, object extension)
    : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public string ExtensionName { get; } = extensionName;

    public object Extension { get; } = extension;
}
