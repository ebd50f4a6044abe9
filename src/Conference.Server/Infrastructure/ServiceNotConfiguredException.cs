namespace Conference.Server.Infrastructure;

/// <summary>The operation needs a setting the operator has not given: 503, with the setting named.</summary>
public sealed class ServiceNotConfiguredException(string message) : Exception(message);
