using Conference.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Persistence;

/// <summary>
/// A stream-deck control token of one conference: only the hash of the token is stored, and a revoked
/// token stays (revoked) so the list shows who had one. It can press Next, pause and resume, nothing else.
/// </summary>
public sealed class ControlTokenRecord
{
    public const int LabelMaxLength = 100;

    public Guid Id { get; set; }
    public Guid ConferenceId { get; set; }
    public string Label { get; set; } = string.Empty;
    public string TokenHash { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ControlTokenRecord>(token =>
        {
            token.ToTable("ControlTokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.Id).ValueGeneratedNever();
            token.Property(t => t.Label).HasMaxLength(LabelMaxLength).IsRequired();
            token.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.ConferenceId);
            token.HasOne<ConferenceProgram>().WithMany().HasForeignKey(t => t.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
