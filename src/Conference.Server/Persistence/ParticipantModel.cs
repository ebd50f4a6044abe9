using Conference.Domain.Participants;
using Conference.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Persistence;

/// <summary>
/// Mapping of participants, invitations, registration settings and the attendance log.
/// Everything belongs to a conference and goes when it is deleted.
/// </summary>
public static class ParticipantModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Participant>(participant =>
        {
            participant.ToTable("Participants");
            participant.HasKey(p => p.Id);
            participant.Property(p => p.Id).ValueGeneratedNever();
            participant.Property(p => p.DisplayName).HasMaxLength(ParticipantLimits.DisplayNameMaxLength).IsRequired();
            participant.Property(p => p.Country).HasMaxLength(2).IsRequired();
            participant.Property(p => p.Language).HasMaxLength(ParticipantLimits.LanguageMaxLength).IsRequired();
            participant.Property(p => p.Email).HasMaxLength(ParticipantLimits.EmailMaxLength);
            participant.Property(p => p.Origin).HasConversion<string>().HasMaxLength(16);
            participant.Property(p => p.IdentityKey).HasMaxLength(ParticipantLimits.IdentityKeyMaxLength).IsRequired();

            // The database, not a check-then-insert, guarantees that one person is stored once.
            participant.HasIndex(p => new { p.ConferenceId, p.IdentityKey }).IsUnique();
            participant.HasOne<ConferenceProgram>().WithMany().HasForeignKey(p => p.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("Invitations");
            invitation.HasKey(i => i.Id);
            invitation.Property(i => i.Id).ValueGeneratedNever();
            invitation.Property(i => i.CodeHash).HasMaxLength(64).IsRequired();
            invitation.HasIndex(i => i.CodeHash).IsUnique();
            invitation.HasIndex(i => i.ParticipantId);
            invitation.HasOne<Participant>().WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<RegistrationPolicy>(policy =>
        {
            policy.ToTable("RegistrationPolicies");
            policy.HasKey(p => p.ConferenceId);
            policy.Property(p => p.ConferenceId).ValueGeneratedNever();
            policy.Property(p => p.Version).IsConcurrencyToken();
            policy.HasOne<ConferenceProgram>().WithOne().HasForeignKey<RegistrationPolicy>(p => p.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AttendanceRecord>(record =>
        {
            record.ToTable("AttendanceRecords");
            record.HasKey(r => r.Id);
            record.Property(r => r.Id).ValueGeneratedNever();
            record.Property(r => r.ConnectionId).HasMaxLength(AttendanceRecord.ConnectionIdMaxLength).IsRequired();
            record.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
            record.Property(r => r.Country).HasMaxLength(2).IsRequired();
            record.Ignore(r => r.IsConnected);

            // No key to the participant: the report keeps a stay after the person is deleted.
            record.HasIndex(r => new { r.ConferenceId, r.LeftAt });
            record.HasIndex(r => new { r.ConferenceId, r.Source, r.ConnectionId });
            record.HasOne<ConferenceProgram>().WithMany().HasForeignKey(r => r.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
