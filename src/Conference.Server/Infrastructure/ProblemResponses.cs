namespace Conference.Server.Infrastructure;

/// <summary>
/// The problem responses an endpoint declares for OpenAPI, in the few shapes the pipeline produces. Every endpoint
/// can answer 401: a credential that is sent but not valid is refused even on public endpoints.
/// </summary>
public static class ProblemResponses
{
    /// <summary>A request anyone may send: only a bad credential is refused.</summary>
    public static RouteHandlerBuilder ProducesPublicProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>A request that needs a permission: 401 without a (valid) credential, 403 without the permission.</summary>
    public static RouteHandlerBuilder ProducesAccessProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>A request with a body: 400 with field errors, 413 when too large, 415 for a charset other than UTF-8.</summary>
    public static RouteHandlerBuilder ProducesBodyProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static RouteHandlerBuilder ProducesNotFound(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A stale revision or a move the rules do not allow now.</summary>
    public static RouteHandlerBuilder ProducesConflict(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status409Conflict);
}
