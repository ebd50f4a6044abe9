using Conference.Domain.Programs;

namespace Conference.Server.Features.Conferences;

public sealed record ConferenceDto(
    Guid Id,
    string Title,
    string? Slogan,
    DateTimeOffset ScheduledStart,
    string TimeZone,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, ConferenceTranslation> Translations,
    int Revision,
    DateTimeOffset PlannedEnd,
    IReadOnlyList<SegmentDto> Segments)
{
    public static ConferenceDto From(ConferenceProgram program)
    {
        var slots = program.PlannedSlots();
        return new ConferenceDto(
            program.Id,
            program.Title,
            program.Slogan,
            program.ScheduledStart,
            program.TimeZoneId,
            program.Languages,
            program.Translations,
            program.Revision,
            slots.Count == 0 ? program.ScheduledStart : slots[^1].End,
            [.. program.Segments.Select(SegmentDto.From)]);
    }
}

public sealed record SegmentDto(
    Guid Id,
    int Position,
    SegmentKind Kind,
    string Title,
    int DurationSeconds,
    StartMode StartMode,
    DateTimeOffset? FixedStart,
    EndMode EndMode,
    MediaDto? Media,
    SpeakerDto? Speaker,
    string? AwardName,
    bool AudienceMuted,
    string? Notes,
    IReadOnlyDictionary<string, SegmentTranslation> Translations)
{
    public static SegmentDto From(Segment s) => new(
        s.Id,
        s.Position,
        s.Kind,
        s.Title,
        (int)s.PlannedDuration.TotalSeconds,
        s.StartMode,
        s.FixedStart,
        s.EndMode,
        s.Media is { } m ? new MediaDto(m.Url.ToString(), (int)m.Duration.TotalSeconds) : null,
        s.Speaker is { } p ? new SpeakerDto(p.Name, p.Title, p.Country) : null,
        s.AwardName,
        s.AudienceMuted,
        s.Notes,
        s.Translations);
}

public sealed record MediaDto(string Url, int DurationSeconds);

public sealed record SpeakerDto(string Name, string? Title, string Country);

public sealed record ConferenceSummary(
    Guid Id, string Title, string? Slogan, DateTimeOffset ScheduledStart, string TimeZone, int Revision, int SegmentCount, DateTimeOffset PlannedEnd)
{
    public static ConferenceSummary From(ConferenceDto c) =>
        new(c.Id, c.Title, c.Slogan, c.ScheduledStart, c.TimeZone, c.Revision, c.Segments.Count, c.PlannedEnd);
}
