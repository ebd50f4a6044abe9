namespace Conference.Server.Features.Invitations;

public static class InvitationSetup
{
    /// <summary>Join links, issued by invitations and by self-registration.</summary>
    public static IServiceCollection AddInvitationFeature(this IServiceCollection services) => services.AddSingleton<JoinLinks>();
}
