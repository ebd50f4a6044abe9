using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Control;

/// <summary>
/// Issues a long-lived control token for a stream deck (Bitfocus Companion's generic HTTP buttons): it can
/// press Next, pause and resume on this conference's show and nothing else. The token is shown once.
/// </summary>
[Requires(Permission.DriveShow)]
public sealed record IssueControlToken(string? Label) : IRequest<IssuedControlToken>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

/// <summary>The token itself is in this answer only; the server keeps its hash.</summary>
public sealed record IssuedControlToken(Guid Id, string Label, string Token, DateTimeOffset CreatedAt);

public sealed class IssueControlTokenValidator : AbstractValidator<IssueControlToken>
{
    public IssueControlTokenValidator() =>
        RuleFor(r => r.Label)
            .NotEmpty().WithMessage("Name the deck or the person the token is for, e.g. 'Stage left deck'.")
            .MaximumLength(ControlTokenRecord.LabelMaxLength);
}

public sealed class IssueControlTokenHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<IssueControlToken, IssuedControlToken>
{
    public const string Prefix = "ctl_";

    public async Task<IssuedControlToken> Handle(IssueControlToken request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new Conference.Domain.NotFoundException("conference", request.ConferenceId);
        }

        // 256 random bits: a token that cannot be guessed, with a prefix that says what it is when found in a config.
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ControlTokenRecord
        {
            Id = Guid.NewGuid(),
            ConferenceId = request.ConferenceId,
            Label = request.Label!.Trim(),
            TokenHash = SessionTokens.HashInvitationCode(token),
            CreatedAt = time.GetUtcNow(),
        };
        db.ControlTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedControlToken(record.Id, record.Label, token, record.CreatedAt);
    }
}
