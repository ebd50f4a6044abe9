using Conference.Domain.Programs;
using Conference.Server.Features.Conferences;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Segments;

public sealed record AddSegment(
    int? ExpectedRevision,
    int? Position,
    SegmentKind? Kind,
    string? Title,
    int? DurationSeconds,
    StartMode? StartMode,
    DateTimeOffset? FixedStart,
    EndMode? EndMode,
    MediaInput? Media,
    SpeakerInput? Speaker,
    string? AwardName,
    bool? AudienceMuted,
    string? Notes,
    IReadOnlyDictionary<string, SegmentTranslationInput?>? Translations = null) : ProgramEdit, ISegmentFields;

public sealed class AddSegmentValidator : AbstractValidator<AddSegment>
{
    public AddSegmentValidator()
    {
        RuleFor(s => s.ExpectedRevision).Revision();
        RuleFor(s => s.Position).GreaterThanOrEqualTo(0).WithMessage("'position' is zero-based and cannot be negative.");
        Include(new SegmentFieldsRules());
    }
}

public sealed class AddSegmentHandler(ConferenceDbContext db) : IRequestHandler<AddSegment, ConferenceDto>
{
    public async Task<ConferenceDto> Handle(AddSegment request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        program.AddSegment(request.ExpectedRevision!.Value, Guid.NewGuid(), SegmentFieldsRules.ToDraft(request), request.Position);
        await db.SaveChangesAsync(cancellationToken);
        return ConferenceDto.From(program);
    }
}
