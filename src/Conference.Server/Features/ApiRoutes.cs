using Conference.Server.Features.Appeals;
using Conference.Server.Features.Attendance;
using Conference.Server.Features.Awards;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Control;
using Conference.Server.Features.Invitations;
using Conference.Server.Features.Media;
using Conference.Server.Features.Organizer;
using Conference.Server.Features.Participants;
using Conference.Server.Features.Registration;
using Conference.Server.Features.Reports;
using Conference.Server.Features.Segments;
using Conference.Server.Features.Show;
using Conference.Server.Features.Timeline;

namespace Conference.Server.Features;

/// <summary>
/// The whole HTTP route table: each feature maps its own endpoints (<c>&lt;Feature&gt;Endpoints.cs</c>) under
/// <c>/api/conferences</c>. Every endpoint only binds input and sends a mediator request, so validation,
/// authorization and error mapping happen once, in the pipeline; each is named after its request in OpenAPI.
/// </summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapConferenceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        var conferences = api.MapGroup("/conferences");
        conferences.MapConferenceEndpoints();
        conferences.MapSegmentEndpoints();
        conferences.MapTimelineEndpoints();
        conferences.MapParticipantEndpoints();
        conferences.MapInvitationEndpoints();
        conferences.MapRegistrationEndpoints();
        conferences.MapAttendanceEndpoints();
        conferences.MapShowEndpoints();
        conferences.MapAwardEndpoints();
        conferences.MapAppealsEndpoints();
        conferences.MapMediaEndpoints();
        conferences.MapReportEndpoints();
        conferences.MapControlEndpoints();

        // Not about one conference: redeeming a join link, LiveKit's signed webhook, signed appeal-video addresses,
        // a stream deck's press (its token names the conference) and the organizer's sign-in.
        api.MapJoinEndpoints();
        api.MapMediaWebhookEndpoints();
        api.MapAppealVideoEndpoints();
        api.MapAppealSubmissionEndpoints();
        api.MapControlPressEndpoints();
        api.MapOrganizerEndpoints();
        app.MapReportAssets();
        return app;
    }
}
