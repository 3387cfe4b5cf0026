"""The join address phones are told: the venue network's, never a VPN's or a container's
(issue 11.4); and the code as people type it on their phones."""

from __future__ import annotations

import pytest

from facilitator.audience.runner import (
    Interface,
    is_virtual,
    parse_proc_route,
    rank_addresses,
)
from facilitator.core.codes import SHORT_CODE_ALPHABET, new_short_code, normalise_short_code

LOOPBACK = Interface("lo", ("127.0.0.1",), loopback=True)
WIFI = Interface("wlp2s0", ("192.168.1.20",))
ETHERNET = Interface("enp3s0", ("10.0.0.7",))


def ips(interfaces, routes=()):
    return [address.ip for address in rank_addresses(interfaces, routes)]


@pytest.mark.parametrize("intruder", [
    Interface("tun0", ("10.8.0.2",)),  # OpenVPN
    Interface("wg0", ("10.66.66.2",)),  # WireGuard
    Interface("utun3", ("10.2.0.2",)),  # macOS VPN
    Interface("tailscale0", ("100.101.102.103",)),
    Interface("docker0", ("172.17.0.1",)),
    Interface("br-4f2a9c", ("172.18.0.1",)),  # a docker compose network
    Interface("virbr0", ("192.168.122.1",)),  # libvirt
    Interface("vEthernet (WSL)", ("172.29.160.1",)),  # Windows with WSL
    Interface("VirtualBox Host-Only Network", ("192.168.56.1",)),
    Interface("VMware Network Adapter VMnet8", ("192.168.150.1",)),
    Interface("vboxnet0", ("192.168.56.1",)),
])
def test_vpn_container_and_virtual_bridges_are_never_offered(intruder):
    # Listed first by the system, and even where the default route leaves by them.
    assert ips([intruder, WIFI, LOOPBACK], [intruder.name]) == ["192.168.1.20"]
    assert is_virtual(intruder.name)


def test_the_default_route_interface_comes_first():
    assert ips([ETHERNET, WIFI], ["wlp2s0"]) == ["192.168.1.20", "10.0.0.7"]
    assert ips([ETHERNET, WIFI], ["enp3s0"]) == ["10.0.0.7", "192.168.1.20"]
    # Elsewhere than Linux the route is known by the address it leaves from.
    assert ips([ETHERNET, WIFI], ["192.168.1.20"]) == ["192.168.1.20", "10.0.0.7"]


def test_without_a_default_route_wifi_and_ethernet_come_before_others_private_first():
    # A venue network without internet has no default route at all.
    odd = Interface("usb0", ("192.168.42.129",))
    public = Interface("eth1", ("203.0.113.9",))
    assert ips([odd, public, WIFI]) == ["192.168.1.20", "203.0.113.9", "192.168.42.129"]


def test_link_local_loopback_down_and_overlay_addresses_are_skipped():
    assert ips([
        Interface("wlan0", ("169.254.12.3",)),  # no DHCP answer yet
        Interface("eth0", ("192.168.0.5",), up=False),
        Interface("en0", ("100.64.1.2",)),  # carrier-grade NAT / overlay
        LOOPBACK,
        Interface("Wi-Fi", ("not an address", "192.168.8.100")),
    ]) == ["192.168.8.100"]


def test_interface_names_of_the_venue_network_are_not_taken_for_virtual():
    for name in ("wlan0", "wlp2s0", "en0", "eth0", "enp0s31f6", "Wi-Fi", "Ethernet 2"):
        assert not is_virtual(name), name


def test_default_routes_from_proc_net_route():
    table = (
        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
        "tun0\t00000080\t0100080A\t0003\t0\t0\t0\t00000080\t0\t0\t0\n"  # VPN's 128.0.0.0/1
        "wlp2s0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
        "enp3s0\t00000000\t010000A0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
        "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n"
        "eth9\t00000000\t01000000\t0002\t0\t0\t0\t00000000\t0\t0\t0\n"  # not up
        "garbage line\n"
    )
    assert parse_proc_route(table) == ["enp3s0", "wlp2s0"]
    assert parse_proc_route("") == []


@pytest.mark.parametrize("typed", [
    "ab3k9x", "AB3 K9X", "ab3-k9x",
    "ＡＢ３Ｋ９Ｘ", "ａｂ３ｋ９ｘ",  # a Chinese or Japanese keyboard's full width
    "AB٣K٩X",  # Arabic-Indic digits
    "ab۳k۹x",  # Persian (extended Arabic-Indic) digits
    "AB३K९X",  # Devanagari digits
    " AB3K9X\u200c\n",  # a stray joiner and a newline from a paste
])
def test_the_code_is_read_however_a_phone_typed_it(typed):
    assert normalise_short_code(typed) == "AB3K9X"


def test_every_code_survives_its_own_normalisation():
    for _ in range(200):
        code = new_short_code()
        assert normalise_short_code(code.lower()) == code
        assert set(code) <= set(SHORT_CODE_ALPHABET)
