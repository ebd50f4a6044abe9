using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Conferences;

public sealed record UpdateConference(
    int? ExpectedRevision,
    string? Title,
    string? Slogan,
    DateTimeOffset? ScheduledStart,
    string? TimeZone,
    IReadOnlyList<string>? Languages,
    IReadOnlyDictionary<string, ConferenceTranslationInput?>? Translations = null)
    : ProgramEdit, IConferenceDetailsInput;

public sealed class UpdateConferenceValidator : AbstractValidator<UpdateConference>
{
    public UpdateConferenceValidator()
    {
        RuleFor(c => c.ExpectedRevision).Revision();
        Include(new ConferenceDetailsRules());
    }
}

public sealed class UpdateConferenceHandler(ConferenceDbContext db) : IRequestHandler<UpdateConference, ConferenceDto>
{
    public async Task<ConferenceDto> Handle(UpdateConference request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        program.UpdateDetails(request.ExpectedRevision!.Value, ConferenceDetailsRules.ToDetails(request));
        await db.SaveChangesAsync(cancellationToken);
        return ConferenceDto.From(program);
    }
}
