namespace Conference.Domain;

/// <summary>Something named by id does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(string what, object id) : Exception($"No {what} with id '{id}' exists.")
{
    public string What { get; } = what;
}
