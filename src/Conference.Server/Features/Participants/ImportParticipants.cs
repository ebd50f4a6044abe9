using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Participants;

/// <summary>
/// Imports a roster exported from a spreadsheet. All rows are checked first; with any bad row
/// nothing is stored unless <c>SkipInvalid</c> is set. A row matching someone already there (same
/// e-mail, or same name and country) adds its roles to that person instead of adding a copy,
/// so re-importing a file, or importing an award list after a speaker list, duplicates nobody.
/// </summary>
[Requires(Permission.ManageParticipants)]
public sealed record ImportParticipants(Guid ConferenceId, string Csv, bool SkipInvalid) : IRequest<ImportReport>, IConferenceRequest
{
    public const int MaxRows = 10_000;
}

public sealed record ImportReport(bool Committed, int Rows, int Created, int Updated, int Unchanged, int Skipped, IReadOnlyList<RowError> Errors);

/// <summary>A problem with one field of one row; <c>Line</c> is the line in the file, the header being line 1.</summary>
public sealed record RowError(int Line, string Field, string Message);

/// <summary>Bad rows and no permission to skip them: a 400 listing every bad field by line.</summary>
public sealed class RosterRejectedException(ImportReport report) : InputRejectedException(
    "The file has rows with errors; nothing was imported.",
    report.Errors.GroupBy(e => $"lines[{e.Line}].{e.Field}").ToDictionary(g => g.Key, g => g.Select(e => $"Line {e.Line}: {e.Message}").ToArray()),
    "report",
    report)
{
    public ImportReport Report { get; } = report;
}

internal sealed record RosterRow(string? DisplayName, string? Country, string? Language, string? Email, IReadOnlyList<string>? Roles) : IParticipantFields;

public sealed class ImportParticipantsHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<ImportParticipants, ImportReport>
{
    private static readonly ParticipantFieldsRules Rules = new();

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["displayName"] = "displayName", ["display name"] = "displayName", ["name"] = "displayName",
        ["country"] = "country", ["language"] = "language", ["email"] = "email", ["e-mail"] = "email", ["roles"] = "roles", ["role"] = "roles",
    };

    public async Task<ImportReport> Handle(ImportParticipants request, CancellationToken cancellationToken)
    {
        var language = await db.DefaultLanguageAsync(request.ConferenceId, cancellationToken);
        var (header, rows) = CsvTable.Parse(request.Csv);
        var columns = header.Select(h => Columns.GetValueOrDefault(h.Trim())).ToList();
        CheckHeader(header, columns, rows.Count);

        var errors = new List<RowError>();
        var profiles = new List<ParticipantProfile>();
        foreach (var row in rows)
        {
            string? Field(string name) => columns.IndexOf(name) is var i and >= 0 && i < row.Fields.Count && row.Fields[i].Length > 0 ? row.Fields[i] : null;
            var input = new RosterRow(
                Field("displayName"), Field("country"), Field("language"), Field("email"),
                Field("roles")?.Split([';', ',', '|', '/', ' '], StringSplitOptions.RemoveEmptyEntries));
            var result = Rules.Validate(input);
            if (result.IsValid)
            {
                profiles.Add(ParticipantFieldsRules.ToProfile(input, language));
            }
            else
            {
                errors.AddRange(
                    result.Errors.Select(e => new RowError(row.Line, char.ToLowerInvariant(e.PropertyName[0]) + e.PropertyName[1..], e.ErrorMessage)));
            }
        }

        var skipped = errors.Select(e => e.Line).Distinct().Count();
        if (errors.Count > 0 && !request.SkipInvalid)
        {
            throw new RosterRejectedException(new ImportReport(false, rows.Count, 0, 0, 0, skipped, errors));
        }

        var existing = await db.Participants.Where(p => p.ConferenceId == request.ConferenceId).ToDictionaryAsync(p => p.IdentityKey, cancellationToken);
        int created = 0, updated = 0, unchanged = 0;
        var now = time.GetUtcNow();
        foreach (var profile in profiles)
        {
            var key = Participant.IdentityKeyOf(profile.DisplayName, profile.Country, profile.Email);
            if (existing.TryGetValue(key, out var person))
            {
                if (person.AddRoles(profile.Roles))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            person = Participant.Create(Guid.NewGuid(), request.ConferenceId, profile, ParticipantOrigin.Roster, now);
            existing[person.IdentityKey] = person;
            db.Participants.Add(person);
            created++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportReport(true, rows.Count, created, updated, unchanged, skipped, errors);
    }

    private static void CheckHeader(IReadOnlyList<string> header, List<string?> columns, int rowCount)
    {
        var problems = new List<FluentValidation.Results.ValidationFailure>();
        if (header.Count == 0)
        {
            problems.Add(new("csv", "The file is empty. Send a header line such as 'displayName,country,language,email,roles' and one line per person."));
        }
        else
        {
            foreach (var required in new[] { "displayName", "country", "roles" }.Where(r => !columns.Contains(r)))
            {
                problems.Add(new("csv", $"The header has no '{required}' column. Columns: displayName, country, language, email, roles."));
            }
        }

        if (rowCount > ImportParticipants.MaxRows)
        {
            problems.Add(new("csv", $"Import at most {ImportParticipants.MaxRows} rows per file."));
        }

        if (problems.Count > 0)
        {
            throw new ValidationException(problems);
        }
    }
}
