using System.Text.Json.Serialization;
using Conference.Domain.Programs;
using Conference.Server.Features.Conferences;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Segments;

public sealed record UpdateSegment(
    int? ExpectedRevision,
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
    IReadOnlyDictionary<string, SegmentTranslationInput?>? Translations = null) : ProgramEdit, ISegmentFields
{
    [JsonIgnore]
    public Guid SegmentId { get; init; }
}

public sealed class UpdateSegmentValidator : AbstractValidator<UpdateSegment>
{
    public UpdateSegmentValidator()
    {
        RuleFor(s => s.ExpectedRevision).Revision();
        Include(new SegmentFieldsRules());
    }
}

public sealed class UpdateSegmentHandler(ConferenceDbContext db) : IRequestHandler<UpdateSegment, ConferenceDto>
{
    public async Task<ConferenceDto> Handle(UpdateSegment request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        program.UpdateSegment(request.ExpectedRevision!.Value, request.SegmentId, SegmentFieldsRules.ToDraft(request));
        await db.SaveChangesAsync(cancellationToken);
        return ConferenceDto.From(program);
    }
}
