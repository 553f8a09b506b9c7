"""Child process for the crash and two-instance tests: saves forms in a loop, reporting each commit.

Usage: python writer_child.py STORE ORG[,ORG...] START COUNT
Prints "READY" once the store is open, then "COMMITTED org n" after each save has returned.
"""

import sys

from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import save_form


def main() -> None:
    store, orgs, start, count = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3]), int(sys.argv[4])
    ctx = open_context(store, user="child")
    print("READY", flush=True)
    for n in range(start, start + count):
        org = orgs[n % len(orgs)]
        save_form(ctx, org, 2021, "eldercare", {"ec_beds": str(n), "ec_centers": str(n % 7)},
                  {"ec_beds": f"第{n}次保存", "ec_centers": f"第{n}次保存"})
        print(f"COMMITTED {org} {n}", flush=True)
    ctx.close()


if __name__ == "__main__":
    main()
