using System.Text.Json.Serialization;
using Conference.Domain.Appeals;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// A producer adds an appeal by naming where the video is (a sender's cloud share, a press office's page of
/// files): the server fetches it from public addresses only, then checks it as an upload.
/// </summary>
[Requires(Permission.ManageAppeals)]
public sealed record AddAppealFromUrl(Guid? SegmentId, string? Url, SenderKind? SenderKind, string? SenderName, string? Country, string? Language,
    string? Title, string? Message)
    : IRequest<AppealDto>, IConferenceRequest, IAppealDetails
{
    public const int UrlMaxLength = 2048;

    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class AddAppealFromUrlValidator : AbstractValidator<AddAppealFromUrl>
{
    public AddAppealFromUrlValidator()
    {
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the video-appeals segment the appeal plays in ('segmentId').");
        RuleFor(r => r.Url)
            .NotEmpty().WithMessage("Give the address of the video file ('url').")
            .MaximumLength(AddAppealFromUrl.UrlMaxLength)
            .Must(BeWebAddress).WithMessage("Give an absolute http or https address of the video file, without a user name or password in it.");
        Include(new AppealDetailsValidator());
    }

    public static bool BeWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo)
        && !string.IsNullOrEmpty(uri.Host);
}

public sealed class AddAppealFromUrlHandler(
    ConferenceDbContext db, AppealIntake intake, AppealUrlFetcher fetcher, ProgramChangeNotifier notifier, TimeProvider time)
    : IRequestHandler<AddAppealFromUrl, AppealDto>
{
    public async Task<AppealDto> Handle(AddAppealFromUrl request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        var segment = program.Find(request.SegmentId!.Value);
        AppealAdmission.EnsureAppealsSegment(segment);

        var url = new Uri(request.Url!, UriKind.Absolute);
        var staged = await fetcher.FetchAsync(url, cancellationToken);
        return await AppealAdmission.AdmitAsync(
            db, intake, notifier, program, segment, request.ToDraft(), staged, sourceUrl: url, linkId: null, time.GetUtcNow(), cancellationToken);
    }
}
