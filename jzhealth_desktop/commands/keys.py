"""Package signing keys: this station's fingerprint, the other stations' keys kept here, accepting a new one."""

from __future__ import annotations

import argparse

from .core import opened


def register(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="数据包签名密钥 / package signing keys")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    p = keys_sub.add_parser("fingerprint", help="本站密钥指纹（读给市级核对）/ this station's key fingerprint")
    p.set_defaults(handler=cmd_fingerprint)
    p = keys_sub.add_parser("list", help="本机登记的各站密钥 / the other stations' keys kept here")
    p.set_defaults(handler=cmd_list)
    p = keys_sub.add_parser("accept", help="管理员：接受数据包的（新）签名密钥 / administrator: accept a package's "
                                           "(new) signing key")
    p.add_argument("file", metavar="FILE.jzhpkg", help="由该密钥签名的数据包 / a package signed with the key")
    p.add_argument("--fingerprint", required=True,
                   help="与对方电话核对过的指纹 / the fingerprint checked with the sender by phone")
    p.set_defaults(handler=cmd_accept)


def cmd_fingerprint(args: argparse.Namespace) -> int:
    from ..services.station import own_fingerprint, station

    with opened(args) as ctx:
        st = station(ctx)
        fingerprint = own_fingerprint(ctx)
    print(f"本站（{st.org or '未设置'}）密钥指纹 / this station's key fingerprint: {fingerprint}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from ..services.exchange.trust import known_keys
    from ..services.station import own_fingerprint

    with opened(args) as ctx:
        keys = known_keys(ctx)
        own = own_fingerprint(ctx, create=False)
    print(f"本站 / this station: {own or '尚无密钥（首次导出时生成）/ no key yet (made at the first export)'}")
    if not keys:
        print("尚未登记其他站点的密钥 / no other station's key kept yet")
    for key in keys:
        print(f"{key.org}  {key.name}  {key.fingerprint}")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    from ..services.exchange import read_package_file
    from ..services.exchange.trust import accept_key

    incoming = read_package_file(args.file)  # the signature is checked here: the key must have signed the file
    with opened(args) as ctx:
        signer = accept_key(ctx, incoming, args.fingerprint)
    print(f"已登记 {signer.org} 站的密钥 {signer.fingerprint}；该站的数据包现在可以导入 / key {signer.fingerprint} "
          f"of {signer.org} accepted; its packages can be imported now")
    return 0
