#!/usr/bin/env bash
# Installs, on a Debian machine, only the system packages Preflight's build or tests need and
# this machine lacks. Called by `make run`, `make test` and friends; safe to run repeatedly.
#   scripts/ensure-packages.sh build   # libjansson-dev, pkg-config
#   scripts/ensure-packages.sh test    # the above + neovim (the end-to-end editor test)
# When not root, it prints the apt-get command instead of running it and, for the build
# packages, fails (the build cannot go on without them).
set -u
want=${1:-build}
missing_build=()
missing_optional=()

command -v pkg-config >/dev/null 2>&1 || missing_build+=(pkg-config)
if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists jansson 2>/dev/null; then
  missing_build+=(libjansson-dev)
fi
if [ "$want" = test ]; then
  command -v nvim >/dev/null 2>&1 || missing_optional+=(neovim)
fi

all=("${missing_build[@]}" "${missing_optional[@]}")
[ ${#all[@]} -eq 0 ] && exit 0

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${all[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "preflight: installing missing packages: ${all[*]}" >&2
  echo "+ $cmd" >&2
  if ! { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${all[@]}" >&2; }; then
    echo "preflight: apt-get failed" >&2
    [ ${#missing_build[@]} -gt 0 ] && exit 1
    echo "preflight: continuing; tests that need ${missing_optional[*]} will skip" >&2
  fi
else
  echo "preflight: missing packages: ${all[*]}; install them with:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  [ ${#missing_build[@]} -gt 0 ] && exit 1
  echo "preflight: continuing; tests that need ${missing_optional[*]} will skip" >&2
fi
exit 0
