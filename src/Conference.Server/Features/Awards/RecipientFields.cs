using Conference.Domain.Awards;
using Conference.Domain.Participants;
using Conference.Server.Infrastructure;
using FluentValidation;

namespace Conference.Server.Features.Awards;

/// <summary>What a recipient is added or changed with, from JSON or from a CSV row.</summary>
public interface IRecipientFields
{
    string? Country { get; }
    string? Citation { get; }
    string? PhotoUrl { get; }
}

public sealed class RecipientFieldsRules : AbstractValidator<IRecipientFields>
{
    public RecipientFieldsRules()
    {
        RuleFor(r => r.Country).CountryCode();
        RuleFor(r => r.Citation).MaximumLength(AwardLimits.CitationMaxLength)
            .Must(text => text is null || !text.Any(c => char.IsControl(c) && c is not '\n' and not '\r'))
            .WithMessage("The citation cannot contain control characters.");
        RuleFor(r => r.PhotoUrl).HttpUrl();
    }

    /// <summary>The participant's own country unless the award counts for another one.</summary>
    public static RecipientDraft ToDraft(IRecipientFields input, Participant participant) => new(
        participant.Id,
        participant.DisplayName,
        string.IsNullOrWhiteSpace(input.Country) ? participant.Country : input.Country,
        input.Citation,
        string.IsNullOrWhiteSpace(input.PhotoUrl) ? null : new Uri(input.PhotoUrl));
}
