using Conference.Domain.Programs;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Conferences;

[Requires(Permission.ManagePrograms)]
public sealed record CreateConference(
    string? Title,
    string? Slogan,
    DateTimeOffset? ScheduledStart,
    string? TimeZone,
    IReadOnlyList<string>? Languages,
    IReadOnlyDictionary<string, ConferenceTranslationInput?>? Translations = null)
    : IRequest<ConferenceDto>, IConferenceDetailsInput;

public sealed class CreateConferenceValidator : AbstractValidator<CreateConference>
{
    public CreateConferenceValidator() => Include(new ConferenceDetailsRules());
}

public sealed class CreateConferenceHandler(ConferenceDbContext db) : IRequestHandler<CreateConference, ConferenceDto>
{
    public async Task<ConferenceDto> Handle(CreateConference request, CancellationToken cancellationToken)
    {
        var program = ConferenceProgram.Create(Guid.NewGuid(), ConferenceDetailsRules.ToDetails(request));
        db.Conferences.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        return ConferenceDto.From(program);
    }
}
