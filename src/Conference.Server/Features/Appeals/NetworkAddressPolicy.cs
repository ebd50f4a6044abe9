using System.Net;
using System.Net.Sockets;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// Which addresses the server may fetch a video from on a producer's behalf. Anything that is not a public
/// unicast address (loopback, private, link-local, multicast, carrier-grade NAT, reserved, documentation) is
/// refused, including IPv4 addresses wrapped in IPv6 (mapped, NAT64, 6to4), so a URL cannot reach the
/// server itself, the cloud's metadata service or the internal network.
/// </summary>
public static class NetworkAddressPolicy
{
    private static readonly (IPAddress Network, int Prefix, string Kind)[] ForbiddenV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "unspecified"),
        (IPAddress.Parse("10.0.0.0"), 8, "private"),
        (IPAddress.Parse("100.64.0.0"), 10, "private (carrier-grade NAT)"),
        (IPAddress.Parse("127.0.0.0"), 8, "loopback"),
        (IPAddress.Parse("169.254.0.0"), 16, "link-local"),
        (IPAddress.Parse("172.16.0.0"), 12, "private"),
        (IPAddress.Parse("192.0.0.0"), 24, "reserved"),
        (IPAddress.Parse("192.0.2.0"), 24, "reserved (documentation)"),
        (IPAddress.Parse("192.168.0.0"), 16, "private"),
        (IPAddress.Parse("198.18.0.0"), 15, "reserved (benchmarking)"),
        (IPAddress.Parse("198.51.100.0"), 24, "reserved (documentation)"),
        (IPAddress.Parse("203.0.113.0"), 24, "reserved (documentation)"),
        (IPAddress.Parse("224.0.0.0"), 4, "multicast"),
        (IPAddress.Parse("240.0.0.0"), 4, "reserved"),
    ];

    private static readonly (IPAddress Network, int Prefix, string Kind)[] ForbiddenV6 =
    [
        (IPAddress.Parse("::"), 96, "reserved (IPv4-compatible)"),
        (IPAddress.Parse("100::"), 64, "reserved (discard)"),
        (IPAddress.Parse("2001::"), 32, "reserved (Teredo)"),
        (IPAddress.Parse("2001:db8::"), 32, "reserved (documentation)"),
        (IPAddress.Parse("fc00::"), 7, "private"),
        (IPAddress.Parse("fe80::"), 10, "link-local"),
        (IPAddress.Parse("fec0::"), 10, "private (site-local)"),
        (IPAddress.Parse("ff00::"), 8, "multicast"),
    ];

    private static readonly IPAddress Nat64 = IPAddress.Parse("64:ff9b::");
    private static readonly IPAddress SixToFour = IPAddress.Parse("2002::");

    /// <summary>Why the address may not be fetched ("loopback", "private", ...), or null for a public address.</summary>
    public static string? ForbiddenKind(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return ForbiddenKind(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return Array.Find(ForbiddenV4, r => InNetwork(address, r.Network, r.Prefix)).Kind;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an internet address";
        }

        if (IPAddress.IPv6Loopback.Equals(address))
        {
            return "loopback";
        }

        var bytes = address.GetAddressBytes();
        if (InNetwork(address, Nat64, 96))
        {
            return ForbiddenKind(new IPAddress(bytes[12..16]));
        }

        if (InNetwork(address, SixToFour, 16))
        {
            return ForbiddenKind(new IPAddress(bytes[2..6]));
        }

        return Array.Find(ForbiddenV6, r => InNetwork(address, r.Network, r.Prefix)).Kind;
    }

    private static bool InNetwork(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var whole = prefix / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
