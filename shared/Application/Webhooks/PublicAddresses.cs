using System.Net;
using System.Net.Sockets;

namespace CulturalServerless.Application.Webhooks;

/// <summary>
/// Which addresses a webhook may reach: only globally routable unicast. Everything a post could be
/// turned inward with is refused — loopback, RFC 1918 private networks, CGNAT 100.64/10, link-local
/// 169.254/16 (the instance metadata and managed-identity endpoints) and fe80::/10, unique-local
/// fc00::/7, multicast, 0.0.0.0/8, the other special-purpose blocks of the IANA registries, and an
/// IPv4-mapped IPv6 form (<c>::ffff:a.b.c.d</c>) of any of them.
/// </summary>
public static class PublicAddresses
{
    private static readonly (IPAddress Network, int Bits)[] NonPublicV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),        // "this network"
        (IPAddress.Parse("10.0.0.0"), 8),       // RFC 1918
        (IPAddress.Parse("100.64.0.0"), 10),    // CGNAT, RFC 6598
        (IPAddress.Parse("127.0.0.0"), 8),      // loopback
        (IPAddress.Parse("169.254.0.0"), 16),   // link-local: IMDS 169.254.169.254, the App Service identity endpoint
        (IPAddress.Parse("172.16.0.0"), 12),    // RFC 1918
        (IPAddress.Parse("192.0.0.0"), 24),     // IETF protocol assignments
        (IPAddress.Parse("192.0.2.0"), 24),     // documentation
        (IPAddress.Parse("192.88.99.0"), 24),   // 6to4 relay anycast
        (IPAddress.Parse("192.168.0.0"), 16),   // RFC 1918
        (IPAddress.Parse("198.18.0.0"), 15),    // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24),  // documentation
        (IPAddress.Parse("203.0.113.0"), 24),   // documentation
        (IPAddress.Parse("224.0.0.0"), 4),      // multicast
        (IPAddress.Parse("240.0.0.0"), 4),      // reserved, and 255.255.255.255
    ];

    /// <summary>Inside global unicast 2000::/3, the blocks that are not reachable hosts of the Internet.</summary>
    private static readonly (IPAddress Network, int Bits)[] NonPublicV6 =
    [
        (IPAddress.Parse("2001::"), 23),        // IETF protocol assignments, Teredo 2001::/32 among them
        (IPAddress.Parse("2001:db8::"), 32),    // documentation
        (IPAddress.Parse("2002::"), 16),        // 6to4: would reach an embedded IPv4 address through a relay
        (IPAddress.Parse("3fff::"), 20),        // documentation
    ];

    private static readonly IPAddress GlobalUnicastV6 = IPAddress.Parse("2000::");

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !NonPublicV4.Any(block => Within(address, block.Network, block.Bits)),
            // Outside 2000::/3 lie ::, ::1, the IPv4-compatible ::/96, NAT64 64:ff9b::/96, discard
            // 100::/64, fc00::/7, fe80::/10, fec0::/10 and multicast ff00::/8: none of them public.
            AddressFamily.InterNetworkV6 => Within(address, GlobalUnicastV6, 3)
                && !NonPublicV6.Any(block => Within(address, block.Network, block.Bits)),
            _ => false,
        };
    }

    private static bool Within(IPAddress address, IPAddress network, int bits)
    {
        if (address.AddressFamily != network.AddressFamily) return false;
        Span<byte> a = stackalloc byte[16];
        Span<byte> n = stackalloc byte[16];
        address.TryWriteBytes(a, out var length);
        network.TryWriteBytes(n, out _);
        var whole = bits / 8;
        if (!a[..whole].SequenceEqual(n[..whole])) return false;
        var rest = bits % 8;
        if (rest == 0 || whole >= length) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
