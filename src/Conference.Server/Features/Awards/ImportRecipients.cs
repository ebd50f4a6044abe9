using Conference.Domain.Awards;
using Conference.Domain.Participants;
using Conference.Server.Features.Participants;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Awards;

/// <summary>
/// Imports an award list from a spreadsheet, like the roster import: every row is checked first, and
/// with any bad row nothing is stored unless <c>SkipInvalid</c> is set. A row names its person by
/// <c>participantId</c>, or by e-mail, or by name and country; someone not yet a participant is added
/// with the awardee role. New recipients join the end of the call-up order in file order.
/// </summary>
[Requires(Permission.ManagePrograms)]
public sealed record ImportRecipients(Guid ConferenceId, Guid AwardId, string Csv, int? ExpectedRevision, bool SkipInvalid)
    : IRequest<RecipientImportReport>, IConferenceRequest;

public sealed record RecipientImportReport(
    bool Committed, int Rows, int Created, int Updated, int Unchanged, int Skipped, int ParticipantsCreated, IReadOnlyList<RowError> Errors, AwardDto Award);

public sealed class ImportRecipientsValidator : AbstractValidator<ImportRecipients>
{
    public ImportRecipientsValidator() => RuleFor(r => r.ExpectedRevision).Revision();
}

internal sealed record RecipientRow(string? Country, string? Citation, string? PhotoUrl) : IRecipientFields;

public sealed class ImportRecipientsHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<ImportRecipients, RecipientImportReport>
{
    private static readonly RecipientFieldsRules Rules = new();

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["participantId"] = "participantId", ["participant id"] = "participantId", ["id"] = "participantId",
        ["displayName"] = "name", ["display name"] = "name", ["name"] = "name",
        ["country"] = "country", ["email"] = "email", ["e-mail"] = "email", ["citation"] = "citation",
        ["photoUrl"] = "photoUrl", ["photo url"] = "photoUrl", ["photo"] = "photoUrl",
    };

    public async Task<RecipientImportReport> Handle(ImportRecipients request, CancellationToken cancellationToken)
    {
        var award = await db.LoadAwardAsync(request.ConferenceId, request.AwardId, cancellationToken);
        var language = await db.DefaultLanguageAsync(request.ConferenceId, cancellationToken);
        var (header, rows) = Read(request.Csv);
        var columns = header.Select(h => Columns.GetValueOrDefault(h.Trim())).ToList();
        CheckHeader(header, columns, rows.Count);

        var people = await db.Participants.Where(p => p.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);
        var directory = new ParticipantDirectory(people);
        var errors = new List<RowError>();
        var drafts = new List<(int Line, RecipientDraft Draft, Participant Person)>();
        var now = time.GetUtcNow();
        var created = 0;
        foreach (var row in rows)
        {
            string? Field(string name) => columns.IndexOf(name) is var i and >= 0 && i < row.Fields.Count && row.Fields[i].Length > 0 ? row.Fields[i] : null;
            var rowErrors = new List<RowError>();
            void Fail(string field, string message) => rowErrors.Add(new RowError(row.Line, field, message));

            var input = new RecipientRow(Field("country"), Field("citation"), Field("photoUrl"));
            foreach (var failure in Rules.Validate(input).Errors)
            {
                Fail(char.ToLowerInvariant(failure.PropertyName[0]) + failure.PropertyName[1..], failure.ErrorMessage);
            }

            var person = directory.Resolve(Field("participantId"), Field("name"), input.Country, Field("email"), Fail);
            if (person is null && rowErrors.Count == 0)
            {
                // Not yet a participant: added with the awardee role, as the roster import would.
                person = Participant.Create(Guid.NewGuid(), request.ConferenceId,
                    new ParticipantProfile(Field("name")!, input.Country!, language, Field("email"), ParticipantRoles.Awardee), ParticipantOrigin.Roster, now);
                directory.Add(person);
                db.Participants.Add(person);
                created++;
            }

            if (person is not null && drafts.Find(d => d.Person.Id == person.Id) is { Person: not null } twice)
            {
                Fail("participantId", $"This person is already on line {twice.Line}.");
            }

            if (rowErrors.Count > 0)
            {
                // The format rules and the lookup may both object to one field (a bad country); say it once.
                errors.AddRange(rowErrors.DistinctBy(e => e.Field));
                continue;
            }

            drafts.Add((row.Line, RecipientFieldsRules.ToDraft(input, person!), person!));
        }

        var skipped = errors.Select(e => e.Line).Distinct().Count();
        if (errors.Count > 0 && !request.SkipInvalid)
        {
            throw new RosterRejectedException(new ImportReport(false, rows.Count, 0, 0, 0, skipped, errors));
        }

        var result = award.Import(request.ExpectedRevision!.Value, [.. drafts.Select(d => d.Draft)]);
        foreach (var (_, _, person) in drafts)
        {
            person.AddRoles(ParticipantRoles.Awardee);
        }

        var saved = await db.SaveAwardAsync(award, cancellationToken);
        return new RecipientImportReport(true, rows.Count, result.Created, result.Updated, result.Unchanged, skipped, created, errors, saved);
    }

    /// <summary>The one place the file is parsed, so the CSV reader can be swapped without touching the rules.</summary>
    private static (IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows) Read(string csv) => CsvTable.Parse(csv);

    private static void CheckHeader(IReadOnlyList<string> header, List<string?> columns, int rowCount)
    {
        const string Known = "participantId, name, country, email, citation, photoUrl";
        var problems = new List<ValidationFailure>();
        if (header.Count == 0)
        {
            problems.Add(new("csv", $"The file is empty. Send a header line such as 'name,country,citation' and one line per recipient. Columns: {Known}."));
        }
        else if (!columns.Contains("participantId") && !(columns.Contains("name") && columns.Contains("country")))
        {
            problems.Add(new("csv", $"The header needs a 'participantId' column, or 'name' and 'country' columns. Columns: {Known}."));
        }

        if (rowCount > AwardLimits.MaxRecipients)
        {
            problems.Add(new("csv", $"Import at most {AwardLimits.MaxRecipients} recipients per file."));
        }

        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }
    }
}
