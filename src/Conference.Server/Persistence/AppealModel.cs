using Conference.Domain.Appeals;
using Conference.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Persistence;

/// <summary>
/// Mapping of a conference's appeal queue (one row holding its revision) and its appeals. An appeal's
/// segment is referenced by id only, like an award list's: removing the segment keeps the reviewed videos.
/// </summary>
public static class AppealModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppealQueue>(queue =>
        {
            queue.ToTable("AppealQueues");
            queue.HasKey(q => q.ConferenceId);
            queue.Property(q => q.ConferenceId).ValueGeneratedNever();
            queue.Property(q => q.Revision).IsConcurrencyToken();
            queue.HasOne<ConferenceProgram>().WithMany().HasForeignKey(q => q.ConferenceId).OnDelete(DeleteBehavior.Cascade);
            queue.Ignore(q => q.Appeals);
            queue.HasMany<Appeal>("_appeals").WithOne().HasForeignKey(a => a.ConferenceId).IsRequired().OnDelete(DeleteBehavior.Cascade);
            queue.Navigation("_appeals").AutoInclude();
        });

        modelBuilder.Entity<Appeal>(appeal =>
        {
            appeal.ToTable("Appeals");
            appeal.HasKey(a => a.Id);
            appeal.Property(a => a.Id).ValueGeneratedNever();
            appeal.Property(a => a.SenderKind).HasConversion<string>().HasMaxLength(16);
            appeal.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            appeal.Property(a => a.SenderName).HasMaxLength(AppealLimits.NameMaxLength).IsRequired();
            appeal.Property(a => a.Country).HasMaxLength(2).IsRequired();
            appeal.Property(a => a.Language).HasMaxLength(AppealLimits.LanguageMaxLength).IsRequired();
            appeal.Property(a => a.Title).HasMaxLength(AppealLimits.TitleMaxLength).IsRequired();
            appeal.Property(a => a.Message).HasMaxLength(AppealLimits.MessageMaxLength);
            appeal.Property(a => a.RejectionReason).HasMaxLength(AppealLimits.ReasonMaxLength);
            appeal.Property(a => a.SourceUrl).HasMaxLength(2048);
            appeal.HasIndex(a => new { a.ConferenceId, a.SegmentId });
            appeal.OwnsOne(a => a.Video, video =>
            {
                video.Property(v => v.StorageKey).HasColumnName("VideoKey").HasMaxLength(200).IsRequired();
                video.Property(v => v.ThumbnailKey).HasColumnName("ThumbnailKey").HasMaxLength(200).IsRequired();
                video.Property(v => v.SizeBytes).HasColumnName("VideoSizeBytes");
                video.Property(v => v.Duration).HasColumnName("VideoDuration");
                video.Property(v => v.Container).HasColumnName("VideoContainer").HasMaxLength(64).IsRequired();
                video.Property(v => v.VideoCodec).HasColumnName("VideoCodec").HasMaxLength(32).IsRequired();
                video.Property(v => v.Width).HasColumnName("VideoWidth");
                video.Property(v => v.Height).HasColumnName("VideoHeight");
                video.Property(v => v.AudioCodec).HasColumnName("AudioCodec").HasMaxLength(32);
            });
            appeal.Navigation(a => a.Video).IsRequired();
        });

        modelBuilder.Entity<SubmissionLink>(link =>
        {
            link.ToTable("AppealSubmissionLinks");
            link.HasKey(l => l.Id);
            link.Property(l => l.Id).ValueGeneratedNever();
            link.Property(l => l.Label).HasMaxLength(SubmissionLink.LabelMaxLength).IsRequired();
            link.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => l.ConferenceId);
            link.HasOne<ConferenceProgram>().WithMany().HasForeignKey(l => l.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
