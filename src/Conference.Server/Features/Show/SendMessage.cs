using Conference.Domain.Show;
using FluentValidation;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>A host's message to the speakers or to the other hosts; it goes into the log like every command.</summary>
public sealed record SendMessage(int? ExpectedRevision, MessageAudience? Audience, string? Text) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.SendMessage(ExpectedRevision!.Value, Audience!.Value, Text!.Trim());
}

public sealed class SendMessageValidator : AbstractValidator<SendMessage>
{
    public SendMessageValidator()
    {
        RuleFor(r => r.Audience).NotNull().WithMessage("Say who the message is for ('audience': 'speakers' or 'hosts').")
            .IsInEnum().WithMessage("'audience' is 'speakers' or 'hosts'.");
        RuleFor(r => r.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("A message needs some 'text'.")
            .MaximumLength(ShowLimits.MessageMaxLength).WithMessage($"A message is at most {ShowLimits.MessageMaxLength} characters.");
    }
}
