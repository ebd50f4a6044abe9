namespace Conference.Client;

/// <summary>The wire protocol of the live channel; both carry the same document (see <see cref="LiveWire"/>).</summary>
public enum LiveProtocol
{
    /// <summary>JSON text frames.</summary>
    Json,

    /// <summary>MessagePack binary frames (smaller, faster to parse).</summary>
    MessagePack,
}
