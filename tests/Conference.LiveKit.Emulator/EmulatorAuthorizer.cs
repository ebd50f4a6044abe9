namespace Conference.LiveKit.Emulator;

/// <summary>
/// Checks a call's token the way LiveKit does: a bad, expired or foreign token is refused by the auth
/// layer with plain text; a valid token without the call's grant gets the Twirp "permissions denied".
/// </summary>
internal sealed class EmulatorAuthorizer(TokenVerifier verifier)
{
    public TwirpResult? Check(string service, string method, string? authorization, EmulatorRequest request)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return TwirpResult.PermissionsDenied();
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return TwirpResult.PlainUnauthorized("invalid authorization header. Must start with Bearer");
        }

        LiveKitClaims claims;
        try
        {
            claims = verifier.Verify(authorization["Bearer ".Length..]);
        }
        catch (LiveKitTokenException ex)
        {
            return TwirpResult.PlainUnauthorized($"invalid token: {ex.Message}");
        }

        return HasGrant(service, method, claims.Video ?? new VideoGrant(), request) ? null : TwirpResult.PermissionsDenied();
    }

    private static bool HasGrant(string service, string method, VideoGrant grant, EmulatorRequest request) => (service, method) switch
    {
        ("RoomService", "CreateRoom" or "DeleteRoom") => grant.RoomCreate,
        ("RoomService", "ListRooms") => grant.RoomList,
        ("RoomService", _) => grant.RoomAdmin && !string.IsNullOrEmpty(grant.Room) && grant.Room == request.String("room"),
        ("Ingress", _) => grant.IngressAdmin,
        ("Egress", _) => grant.RoomRecord,
        _ => false,
    };
}
