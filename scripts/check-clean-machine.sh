#!/usr/bin/env bash
# Checks README's two commands on a clean Debian 12 (bookworm): debootstraps a minimal system (minbase) into DIR
# (default /tmp/cxr-clean-machine), gives it the .NET SDK of this machine (copied, with the libraries the SDK itself
# needs), clones this repository's HEAD into it, and in a chroot runs
#   1. ./scripts/run.sh: waits for /health/ready, runs ./scripts/run.sh query "nps by month" --format table beside it
#      (the query goes through the running server), then stops the server;
#   2. ./scripts/test.sh (with --no-tests: only ./scripts/install-deps.sh --test, what the tests would install);
# printing the Debian packages each step installed and how long it took. Not part of CI: it downloads a Debian base
# system and every NuGet package. Needs root (debootstrap, chroot, mounts) and port 5080 free.
#   ./scripts/check-clean-machine.sh [--no-tests] [DIR]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

tests=yes
if [ "${1:-}" = "--no-tests" ]; then tests=no; shift; fi
root="${1:-/tmp/cxr-clean-machine}"
mirror=http://deb.debian.org/debian
say() { echo "check-clean-machine: $*" >&2; }
started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started )) s"; }

[ "$(id -u)" -eq 0 ] || { say "needs root (debootstrap, chroot, mount)"; exit 2; }
command -v dotnet >/dev/null || { say "needs the .NET SDK on this machine, to copy it in"; exit 2; }
if ss -ltn 2>/dev/null | grep -q ':5080 '; then say "port 5080 is in use; ./scripts/run.sh listens there"; exit 2; fi
command -v debootstrap >/dev/null || { say "installing debootstrap on this machine"; apt-get install -y -qq debootstrap >&2; }
[ -e "$root" ] && { say "$root exists; give a new directory (or remove it)"; exit 2; }

mounted=()
cleanup() {
  for (( i=${#mounted[@]}-1; i>=0; i-- )); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=offline /bin/bash -c "$1"
}
packages() { in_chroot "dpkg-query -W -f '\${Package}\n'" | sort; }
installed_since() { comm -13 "$1" <(packages) | tr '\n' ' '; }

say "debootstrap bookworm (minbase) into $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.debootstrap.log" 2>&1 || { tail -20 "$root.debootstrap.log" >&2; exit 1; }
for fs in proc sys dev dev/pts; do mount --bind "/$fs" "$root/$fs"; mounted+=("$root/$fs"); done
cp /etc/resolv.conf "$root/etc/resolv.conf"
say "base system ready ($(elapsed)): $(packages | wc -l) packages"

say "the .NET SDK: $(dotnet --version), copied from $(dirname "$(readlink -f "$(command -v dotnet)")"), with the libraries it needs"
sdk="$(dirname "$(readlink -f "$(command -v dotnet)")")"
mkdir -p "$root/usr/share/dotnet" && cp -a "$sdk/." "$root/usr/share/dotnet/"
ln -s /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"
# What Microsoft lists for .NET on Debian 12, as a dotnet-sdk package would pull in.
in_chroot "apt-get update -qq && apt-get install -y -qq --no-install-recommends ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 zlib1g" > /dev/null
# Certificate authorities this machine added (an egress proxy's, in a sandbox): without them HTTPS to NuGet fails here
# for a reason no clean machine has.
if compgen -G "/usr/local/share/ca-certificates/*.crt" > /dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  in_chroot "update-ca-certificates" > /dev/null
fi
in_chroot "dotnet --version" > /dev/null

git clone --quiet --no-hardlinks "$repo" "$root/src/cxreports"
git -C "$root/src/cxreports" checkout --quiet "$(git -C "$repo" rev-parse HEAD)"
say "cloned $(git -C "$repo" rev-parse --short HEAD) into /src/cxreports"

before="$root.packages-before-run"; packages > "$before"
say "1. ./scripts/run.sh"
step=$(date +%s)
in_chroot "cd /src/cxreports && (./scripts/run.sh > /tmp/run.out 2> /tmp/run.err & echo \$! > /tmp/run.pid)"
ready=no
for _ in $(seq 1 600); do
  if in_chroot "exec 3<>/dev/tcp/127.0.0.1/5080 && printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && head -1 <&3" 2>/dev/null | grep -q ' 200 '; then ready=yes; break; fi
  if ! in_chroot "kill -0 \$(cat /tmp/run.pid)" 2>/dev/null; then break; fi
  sleep 1
done
if [ "$ready" = no ]; then say "the server did not become ready; its stderr:"; tail -30 "$root/tmp/run.err" >&2; exit 1; fi
say "   ready after $(( $(date +%s) - step )) s; stdout: $(cat "$root/tmp/run.out")"
in_chroot "cd /src/cxreports && ./scripts/run.sh query 'nps by month' --format table" > "$root.query.out" 2> "$root.query.err" \
  || { say "the query failed:"; cat "$root.query.err" >&2; exit 1; }
say "   query: $(wc -l < "$root.query.out") lines on stdout; stderr: $(cat "$root.query.err")"
head -5 "$root.query.out" >&2
in_chroot "kill -TERM \$(cat /tmp/run.pid); while kill -0 \$(cat /tmp/run.pid) 2>/dev/null; do sleep 0.2; done"
say "   stopped; installed: $(installed_since "$before")($(( $(date +%s) - step )) s)"

before="$root.packages-before-test"; packages > "$before"
step=$(date +%s)
if [ "$tests" = yes ]; then
  say "2. ./scripts/test.sh"
  in_chroot "cd /src/cxreports && ./scripts/test.sh" > "$root.test.out" 2>&1 || { tail -40 "$root.test.out" >&2; say "./scripts/test.sh failed"; exit 1; }
  tail -5 "$root.test.out" >&2
else
  say "2. (--no-tests) ./scripts/install-deps.sh --test"
  in_chroot "cd /src/cxreports && ./scripts/install-deps.sh --test" > "$root.test.out" 2>&1 || { tail -40 "$root.test.out" >&2; exit 1; }
fi
say "   installed: $(installed_since "$before")($(( $(date +%s) - step )) s)"
say "done in $(elapsed)"
