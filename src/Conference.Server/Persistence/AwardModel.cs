using Conference.Domain.Awards;
using Conference.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Persistence;

/// <summary>
/// Mapping of award lists, their recipients and the marks made during the ceremony. An award
/// belongs to a conference and goes with it; its segment is referenced by id only, so removing the
/// segment from the program does not silently delete the list an organizer prepared.
/// </summary>
public static class AwardModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Award>(award =>
        {
            award.ToTable("Awards");
            award.HasKey(a => a.Id);
            award.Property(a => a.Id).ValueGeneratedNever();
            award.Property(a => a.Name).HasMaxLength(AwardLimits.NameMaxLength).IsRequired();
            award.Property(a => a.Description).HasMaxLength(AwardLimits.DescriptionMaxLength);
            award.Property(a => a.Revision).IsConcurrencyToken();

            // One list per ceremony segment: the cue of that segment walks through it.
            award.HasIndex(a => new { a.ConferenceId, a.SegmentId }).IsUnique();
            award.HasOne<ConferenceProgram>().WithMany().HasForeignKey(a => a.ConferenceId).OnDelete(DeleteBehavior.Cascade);
            award.Ignore(a => a.Recipients);
            award.HasMany<AwardRecipient>("_recipients").WithOne().HasForeignKey(r => r.AwardId).IsRequired().OnDelete(DeleteBehavior.Cascade);
            award.Navigation("_recipients").AutoInclude();
        });

        modelBuilder.Entity<AwardRecipient>(recipient =>
        {
            recipient.ToTable("AwardRecipients");
            recipient.HasKey(r => new { r.AwardId, r.ParticipantId });
            recipient.Property(r => r.Name).HasMaxLength(AwardLimits.NameMaxLength).IsRequired();
            recipient.Property(r => r.Country).HasMaxLength(2).IsRequired();
            recipient.Property(r => r.Citation).HasMaxLength(AwardLimits.CitationMaxLength);
            recipient.Property(r => r.PhotoUrl).HasMaxLength(AwardLimits.PhotoUrlMaxLength);
        });

        modelBuilder.Entity<AwardMark>(mark =>
        {
            mark.ToTable("AwardMarks");
            mark.HasKey(m => m.Id);
            mark.Property(m => m.Id).ValueGeneratedNever();
            mark.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(16);
            mark.HasIndex(m => new { m.ConferenceId, m.AwardId });
            mark.HasOne<Award>().WithMany().HasForeignKey(m => m.AwardId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MediaStatusRecord>(status =>
        {
            status.ToTable("MediaStatusChanges");
            status.HasKey(s => s.Id);
            status.Property(s => s.Id).ValueGeneratedNever();
            status.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            status.Property(s => s.Provider).HasMaxLength(32).IsRequired();
            status.Property(s => s.Error).HasMaxLength(MediaStatusRecord.ErrorMaxLength);
            status.HasIndex(s => s.ConferenceId);
            status.HasOne<ConferenceProgram>().WithMany().HasForeignKey(s => s.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
