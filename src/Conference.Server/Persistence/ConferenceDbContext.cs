using Conference.Domain.Appeals;
using Conference.Domain.Awards;
using Conference.Domain.Participants;
using Conference.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Persistence;

/// <summary>
/// The service's one database. Handlers use it directly; there is no repository layer over it.
/// Provider-specific subclasses exist only so that each provider keeps its own migrations.
/// </summary>
public abstract class ConferenceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConferenceProgram> Conferences => Set<ConferenceProgram>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<RegistrationPolicy> RegistrationPolicies => Set<RegistrationPolicy>();
    public DbSet<AttendanceRecord> AttendanceRecords => Set<AttendanceRecord>();
    public DbSet<ShowEventRecord> ShowEvents => Set<ShowEventRecord>();
    public DbSet<Award> Awards => Set<Award>();
    public DbSet<AwardMark> AwardMarks => Set<AwardMark>();
    public DbSet<MediaStatusRecord> MediaStatusChanges => Set<MediaStatusRecord>();
    public DbSet<AppealQueue> AppealQueues => Set<AppealQueue>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<SubmissionLink> SubmissionLinks => Set<SubmissionLink>();
    public DbSet<ControlTokenRecord> ControlTokens => Set<ControlTokenRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConferenceProgram>(conference =>
        {
            conference.ToTable("Conferences");
            conference.HasKey(c => c.Id);
            conference.Property(c => c.Id).ValueGeneratedNever();
            conference.Property(c => c.Title).HasMaxLength(SegmentLimits.TitleMaxLength).IsRequired();
            conference.Property(c => c.Slogan).HasMaxLength(SegmentLimits.SloganMaxLength);
            conference.Property(c => c.TimeZoneId).HasMaxLength(64).IsRequired();
            conference.PrimitiveCollection(c => c.Languages);
            conference.Property(c => c.Translations).AsJsonText();

            // Two organizers saving edits based on the same revision: the second UPDATE matches no row.
            conference.Property(c => c.Revision).IsConcurrencyToken();
            conference.Ignore(c => c.Segments);
            conference.HasMany<Segment>("_segments").WithOne().HasForeignKey("ConferenceId").IsRequired().OnDelete(DeleteBehavior.Cascade);
            conference.Navigation("_segments").AutoInclude();
        });

        modelBuilder.Entity<Segment>(segment =>
        {
            segment.ToTable("Segments");
            segment.HasKey(s => s.Id);
            segment.Property(s => s.Id).ValueGeneratedNever();
            segment.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
            segment.Property(s => s.EndMode).HasConversion<string>().HasMaxLength(32);
            segment.Property(s => s.Title).HasMaxLength(SegmentLimits.TitleMaxLength).IsRequired();
            segment.Property(s => s.AwardName).HasMaxLength(SegmentLimits.NameMaxLength);
            segment.Property(s => s.Notes).HasMaxLength(SegmentLimits.NotesMaxLength);
            segment.Property(s => s.Translations).AsJsonText();
            segment.Property(s => s.Cues).AsJsonList();
            segment.Ignore(s => s.StartMode);
            segment.OwnsOne(s => s.Media, media =>
            {
                media.Property(m => m.Url).HasColumnName("MediaUrl").HasMaxLength(2048);
                media.Property(m => m.Duration).HasColumnName("MediaDuration");
            });
            segment.OwnsOne(s => s.Speaker, speaker =>
            {
                speaker.Property(p => p.Name).HasColumnName("SpeakerName").HasMaxLength(SegmentLimits.NameMaxLength);
                speaker.Property(p => p.Title).HasColumnName("SpeakerTitle").HasMaxLength(SegmentLimits.NameMaxLength);
                speaker.Property(p => p.Country).HasColumnName("SpeakerCountry").HasMaxLength(2);
            });
        });

        ParticipantModel.Configure(modelBuilder);
        ShowEventModel.Configure(modelBuilder);
        AwardModel.Configure(modelBuilder);
        AppealModel.Configure(modelBuilder);
        ControlTokenRecord.Configure(modelBuilder);
    }
}

public sealed class SqliteConferenceDbContext(DbContextOptions<SqliteConferenceDbContext> options) : ConferenceDbContext(options);

public sealed class PostgresConferenceDbContext(DbContextOptions<PostgresConferenceDbContext> options) : ConferenceDbContext(options);
