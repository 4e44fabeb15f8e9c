#!/usr/bin/env python3
"""The part of the .deb's Tauri config that only `make package` can know, printed as JSON to
merge over packaging/deb.conf.json: where the command line and the changelog are in the target
folder, who maintains this build, and the C library versions the programs were linked against.

Usage: deb_config.py TARGET_DIR   (writes TARGET_DIR/package/changelog.gz too)
"""

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def maintainer():
    """Who builds the package maintains it, as dh_make has it: $DEBFULLNAME <$DEBEMAIL>, else
    git's user.name and user.email."""

    def git(key):
        out = subprocess.run(["git", "config", key], capture_output=True, text=True)
        return out.stdout.strip()

    name = os.environ.get("DEBFULLNAME") or git("user.name")
    email = os.environ.get("DEBEMAIL") or git("user.email")
    if not name or not email:
        sys.exit(
            "make package: say who maintains this package: set DEBFULLNAME and DEBEMAIL "
            "(or git's user.name and user.email)"
        )
    return f"{name} <{email}>"


def newest(binaries, prefix):
    """The newest `prefix` symbol version (GLIBC_2.34 -> "2.34") the binaries need."""
    found = set()
    for b in binaries:
        symbols = subprocess.run(["objdump", "-T", b], capture_output=True, text=True, check=True)
        found.update(re.findall(rf"\b{prefix}_([0-9][0-9.]*)", symbols.stdout))
    return max(found, key=lambda v: [int(p) for p in v.split(".")])


def main():
    target = Path(sys.argv[1]).resolve()
    release = target / "release"
    out = target / "package"
    out.mkdir(parents=True, exist_ok=True)
    who = maintainer()

    changelog = (HERE / "changelog").read_text().replace("@MAINTAINER@", who)
    with open(out / "changelog.gz", "wb") as raw:
        # mtime 0 and no file name, as `gzip -9n`: the same changelog makes the same bytes.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(changelog.encode())

    programs = [release / "northstar", release / "northstar-window"]
    libc = newest(programs, "GLIBC")
    libgcc = ".".join(newest(programs, "GCC").split(".")[:2])
    config = {
        "bundle": {
            "publisher": who,
            "linux": {
                "deb": {
                    # Tauri adds the webkit and GTK runtime packages itself.
                    "depends": [
                        "libayatana-appindicator3-1",
                        f"libc6 (>= {libc})",
                        f"libgcc-s1 (>= {libgcc})",
                    ],
                    "files": {
                        "/usr/bin/northstar": str(release / "northstar"),
                        "/usr/share/doc/northstar/changelog.gz": str(out / "changelog.gz"),
                    },
                }
            },
        }
    }
    json.dump(config, sys.stdout)


if __name__ == "__main__":
    main()
