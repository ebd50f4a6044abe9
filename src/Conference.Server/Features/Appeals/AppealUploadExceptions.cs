namespace Conference.Server.Features.Appeals;

/// <summary>A chunk that does not start where the upload stands, or arrives while another is written: 409 with the current offset.</summary>
public sealed class AppealUploadConflictException(string message, long offset) : Exception(message)
{
    public long Offset { get; } = offset;
}

/// <summary>An upload past its lifetime (Appeals:ResumableUploadLifetime): 410, start a new one.</summary>
public sealed class AppealUploadExpiredException(Guid uploadId, DateTimeOffset expiredAt)
    : Exception($"The upload '{uploadId}' expired at {expiredAt:u}; start a new upload.");
