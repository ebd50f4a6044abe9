using System.Text;
using Npgsql;

namespace Conference.Server.Cluster;

/// <summary>
/// PostgreSQL advisory locks in their two-key form: the first key says what is locked (presence, a node, a
/// conference's lease), the second which one. They are held by the session of one connection and released by
/// PostgreSQL when that session ends, however it ends: a node killed with -9 loses its locks as soon as the
/// database sees its socket close.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Every node holds it: shared in a cluster, exclusive on a node that runs alone.</summary>
    public const int Presence = 0x43460001;

    /// <summary>One per node name, for the node's lifetime: the others tell a live node from a gone one by it.</summary>
    public const int Node = 0x43460002;

    /// <summary>One per live conference: its holder runs the conference's timers and media director.</summary>
    public const int Lease = 0x43460003;

    /// <summary>
    /// The conference's lease key. Two conferences may fold onto one key; then one node holds both leases,
    /// which keeps "one owner per conference" true.
    /// </summary>
    public static int ConferenceKey(Guid conferenceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        conferenceId.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) ^ BitConverter.ToInt32(bytes[4..8]) ^ BitConverter.ToInt32(bytes[8..12]) ^ BitConverter.ToInt32(bytes[12..]);
    }

    /// <summary>FNV-1a of the node name: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    public static int NodeKey(string nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(nodeId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }

    public static Task<bool> TryLockAsync(NpgsqlConnection connection, int space, int key, CancellationToken cancellationToken) =>
        ScalarAsync<bool>(connection, "SELECT pg_try_advisory_lock(@space, @key)", space, key, cancellationToken);

    public static Task<bool> TryLockSharedAsync(NpgsqlConnection connection, int space, int key, CancellationToken cancellationToken) =>
        ScalarAsync<bool>(connection, "SELECT pg_try_advisory_lock_shared(@space, @key)", space, key, cancellationToken);

    public static Task<bool> UnlockAsync(NpgsqlConnection connection, int space, int key, CancellationToken cancellationToken) =>
        ScalarAsync<bool>(connection, "SELECT pg_advisory_unlock(@space, @key)", space, key, cancellationToken);

    /// <summary>Whether any session of this database holds the lock (pg_locks spells a two-key lock as classid, objid, objsubid 2).</summary>
    public static Task<bool> IsHeldAsync(NpgsqlConnection connection, int space, int key, CancellationToken cancellationToken) =>
        ScalarAsync<bool>(
            connection,
            """
            SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                           WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()
                             AND l.classid = @space::bigint::oid AND l.objid = ((@key::bigint + 4294967296) % 4294967296)::oid AND l.objsubid = 2)
            """,
            space, key, cancellationToken);

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, int space, int key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("space", space);
        command.Parameters.AddWithValue("key", key);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
