namespace Conference.Domain.Awards;

/// <summary>How a call-up order is generated from the recipients.</summary>
public enum CallUpOrder
{
    /// <summary>By country code, then by name within a country (delegations come up together).</summary>
    ByCountryThenName,

    /// <summary>By name alone.</summary>
    ByName,

    /// <summary>In the order the recipients were imported or added.</summary>
    AsImported,
}

/// <summary>What the producer or host records when a recipient was called.</summary>
public enum AwardOutcome
{
    /// <summary>The award was presented on air.</summary>
    Presented,

    /// <summary>The recipient was not there.</summary>
    Absent,

    /// <summary>Not now (connection trouble, late arrival): may be called again later in the segment.</summary>
    Deferred,
}
