namespace Conference.Domain.Participants;

public static class ParticipantLimits
{
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int LanguageMaxLength = 35;
    public const int IdentityKeyMaxLength = 400;
}
