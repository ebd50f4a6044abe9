using System.Globalization;

namespace Conference.Server.Cluster;

/// <summary>
/// What one node tells the others through PostgreSQL's NOTIFY (ADR 0009): a show commit or a program edit. A show
/// commit's notice is sent inside the transaction that appends the events, so it is delivered exactly when the
/// events are durable, never for a rolled-back append.
/// </summary>
public sealed record ClusterNotice(ClusterNoticeKind Kind, Guid ConferenceId, int Revision, string Node)
{
    public const string Channel = "conference_changes";

    public string Payload =>
        string.Create(CultureInfo.InvariantCulture, $"{(Kind == ClusterNoticeKind.Show ? "show" : "program")}|{ConferenceId}|{Revision}|{Node}");

    public static ClusterNotice? Parse(string payload)
    {
        var parts = (payload ?? "").Split('|', 4);
        if (parts.Length != 4
            || !Guid.TryParse(parts[1], out var conferenceId)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return null;
        }

        return parts[0] switch
        {
            "show" => new ClusterNotice(ClusterNoticeKind.Show, conferenceId, revision, parts[3]),
            "program" => new ClusterNotice(ClusterNoticeKind.Program, conferenceId, revision, parts[3]),
            _ => null,
        };
    }
}

public enum ClusterNoticeKind
{
    Show,
    Program,
}
