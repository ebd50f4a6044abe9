using Conference.Domain.Show;
using Conference.Server.Live;
using FluentValidation;

namespace Conference.Server.Features.Show;

/// <summary>A host's message to the speakers or to the other hosts; it goes into the log like every command.</summary>
public sealed record SendMessageRequest(int? ExpectedRevision, MessageAudience? Audience, string? Text) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new SendMessage(ExpectedRevision!.Value, Audience!.Value, Text!.Trim());
}

public sealed class SendMessageValidator : ShowRequestValidator<SendMessageRequest>
{
    public SendMessageValidator()
    {
        RuleFor(r => r.Audience).NotNull().WithMessage("Say who the message is for ('audience': 'speakers' or 'hosts').")
            .IsInEnum().WithMessage("'audience' is 'speakers' or 'hosts'.");
        RuleFor(r => r.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("A message needs some 'text'.")
            .MaximumLength(ShowLimits.MessageMaxLength).WithMessage($"A message is at most {ShowLimits.MessageMaxLength} characters.");
    }
}

public sealed class SendMessageHandler(ShowCoordinator coordinator) : ShowRequestHandler<SendMessageRequest>(coordinator);
