namespace Conference.Domain;

/// <summary>A move the domain does not allow in the current state (an illegal transition).</summary>
public class DomainException(string message) : Exception(message);

/// <summary>A command was based on a revision that is no longer current.</summary>
public sealed class RevisionConflictException(string subject, int expectedRevision, int currentRevision)
    : DomainException($"The {subject} was changed: you sent revision {expectedRevision}, the current revision is {currentRevision}. Reload and try again.")
{
    public int ExpectedRevision { get; } = expectedRevision;
    public int CurrentRevision { get; } = currentRevision;
}

/// <summary>Input that breaks a program rule, with the offending fields (camelCase paths) and messages.</summary>
public sealed class ProgramRuleException : DomainException
{
    public ProgramRuleException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public ProgramRuleException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
