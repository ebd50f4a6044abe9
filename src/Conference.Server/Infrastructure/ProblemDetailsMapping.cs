using System.Text.Json;
using System.Text.RegularExpressions;
using Conference.Domain;
using Conference.Domain.Participants;
using Conference.LiveKit;
using Conference.Server.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Infrastructure;

/// <summary>
/// The one place where exceptions become RFC 9457 problem details. The hub filter uses
/// <see cref="ToProblem"/> too, so HTTP and SignalR callers read the same messages.
/// </summary>
public sealed partial class ProblemDetailsMapping(IProblemDetailsService problems, ILogger<ProblemDetailsMapping> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            Unhandled(logger, exception);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException v => Validation(v.Errors
            .GroupBy(e => CamelCasePath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        ProgramRuleException r => Validation(r.Errors.ToDictionary(e => e.Key, e => e.Value)),
        Features.Appeals.MediaRejectedException m => WithExtension(
            Problem(m.Problem == Features.Appeals.MediaProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
                "Video refused", m.Message),
            "problem", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(m.Problem.ToString())),
        Features.Appeals.AppealUploadConflictException u => WithExtension(
            Problem(StatusCodes.Status409Conflict, "Offset mismatch", u.Message), "offset", u.Offset),
        Features.Appeals.AppealUploadExpiredException e => Problem(StatusCodes.Status410Gone, "Upload expired", e.Message),
        InputRejectedException rejected => WithExtension(
            Validation(rejected.Errors.ToDictionary(e => e.Key, e => e.Value)), rejected.ExtensionName, rejected.Extension),
        NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found", n.Message),
        RevisionConflictException c => WithExtension(
            Problem(StatusCodes.Status409Conflict, "Stale revision", c.Message), "currentRevision", c.CurrentRevision),
        ConferenceFullException f => WithExtension(Problem(StatusCodes.Status409Conflict, "Conference full", f.Message), "capacity", f.Capacity),
        DuplicateParticipantException p => WithExtension(
            Problem(StatusCodes.Status409Conflict, "Already a participant", p.Message), "existingId", p.ExistingId),
        DomainException d => Problem(StatusCodes.Status409Conflict, "Not allowed now", d.Message),
        DbUpdateConcurrencyException => Problem(
            StatusCodes.Status409Conflict, "Stale revision", "Someone else changed this at the same moment. Reload and try again."),
        DbUpdateException u when IsUniqueViolation(u) => Problem(
            StatusCodes.Status409Conflict, "Already exists", "Someone else stored the same thing at the same moment. Reload and try again."),
        AccessDeniedException { Authenticated: false } a => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", a.Message),
        AccessDeniedException a => Problem(StatusCodes.Status403Forbidden, "Forbidden", a.Message),
        BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } b => Problem(b.StatusCode, "Unsupported media type", b.Message),
        BadHttpRequestException b => Problem(b.StatusCode, "Bad request", BadRequestMessage(b)),
        WebhookFormatException w => Problem(StatusCodes.Status400BadRequest, "Bad request", $"The signed webhook is not a LiveKit event: {w.Message}"),
        ServiceNotConfiguredException n => Problem(StatusCodes.Status503ServiceUnavailable, "Not configured", n.Message),
        LiveKitTokenException t => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", $"The webhook signature was refused: {t.Message}"),
        _ => Problem(StatusCodes.Status500InternalServerError, "Server error", "An unexpected error occurred. It has been logged."),
    };

    private static string BadRequestMessage(BadHttpRequestException b) => b.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        _ when b.Message.Contains("no body was provided", StringComparison.Ordinal) => "This endpoint needs a JSON body.",
        _ => b.Message,
    };

    /// <summary>
    /// Turns serializer errors into messages about the client's JSON, without .NET type names:
    /// an unknown field, a field of the wrong type (as a field error), or broken syntax.
    /// </summary>
    private static ProblemDetails JsonProblem(JsonException json)
    {
        var field = json.Path is null or "$" ? null : CamelCasePath(json.Path.TrimStart('$', '.'));
        var unknown = UnknownFieldPattern().Match(json.Message);
        if (unknown.Success)
        {
            // The serializer's path may or may not already end at the unknown property.
            var property = unknown.Groups[1].Value;
            var name = field is null || field == property || field.EndsWith("." + property, StringComparison.Ordinal)
                ? field ?? property
                : $"{field}.{property}";
            return Validation(new() { [name] = [$"'{name}' is not a field of this request. Check its spelling in the API reference."] });
        }

        if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && field is not null)
        {
            return Validation(new() { [field] = [$"'{field}' has the wrong type or format for this field."] });
        }

        return Problem(StatusCodes.Status400BadRequest, "Bad request",
            $"The body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine}).");
    }

    /// <summary>A unique index refused a row (SQLite constraint 2067, PostgreSQL 23505): a race between two writers.</summary>
    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownFieldPattern();

    private static ProblemDetails Validation(Dictionary<string, string[]> errors) =>
        new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid input",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
        };

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithExtension(ProblemDetails problem, string key, object value)
    {
        problem.Extensions[key] = value;
        return problem;
    }

    /// <summary>FluentValidation names paths after C# properties ("Media.Url"); clients send camelCase JSON.</summary>
    private static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void Unhandled(ILogger logger, Exception exception);
}
