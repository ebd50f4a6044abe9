namespace Conference.Server.Features.Appeals;

/// <summary>What is wrong with a submitted video, as a stable code a client can act on.</summary>
public enum MediaProblem
{
    TooLarge,
    NotVideo,
    NoVideoStream,
    UnsupportedCodec,
    TooLong,
    Truncated,
    Unreachable,
    ForbiddenAddress,
}

/// <summary>A video refused at intake; nothing of it is kept. Becomes 422 (413 when too large) problem details.</summary>
public sealed class MediaRejectedException(MediaProblem problem, string message) : Exception(message)
{
    public MediaProblem Problem { get; } = problem;
}
