#!/usr/bin/env bash
# Runs .ci/run on a fresh clone of this checkout inside a network namespace of its own (ports 3000-3002 are its own), as root:
# `scripts/ci-in-netns.sh N` → /tmp/ciN.log. npm is warmed online first; in the namespace it runs offline from the cache.
set -u
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=$1
d=/tmp/ci$N
rm -rf "$d"; git clone -q "$SRC" "$d"; ln -sfn "$SRC/../shared" /tmp/shared
ip netns list | grep -q "^ci$N\b" || { ip netns add ci$N; ip netns exec ci$N ip link set lo up; }
( cd "$d" && npm ci --no-audit --no-fund > /tmp/ci$N.warm.log 2>&1 )   # warms the npm cache (the namespace has no network)
start=$(date +%s)
( cd "$d" && git log -1 --format='commit %h %s' && ip netns exec ci$N env npm_config_offline=true CI=true bash .ci/run ) > /tmp/ci$N.log 2>&1 < /dev/null
rc=$?
echo "ci$N rc=$rc wall=$(( $(date +%s) - start ))s" >> /tmp/ci$N.log
echo "ci$N rc=$rc wall=$(( $(date +%s) - start ))s $(sed -n 1p /tmp/ci$N.log)" >> /tmp/ci-results.txt
