#!/usr/bin/env bash
# Installs, on a Debian machine, only the system packages Preflight's build or tests need and
# this machine lacks. Called by `make run`, `make test` and friends; safe to run repeatedly.
#   scripts/ensure-packages.sh build   # libjansson-dev, pkg-config
#   scripts/ensure-packages.sh test    # the above + the editors the client tests drive: neovim,
#                                      # emacs-nox with elpa-eglot (eglot is built in from Emacs 29),
#                                      # nodejs (the VS Code extension's client tests)
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
  if ! command -v emacs >/dev/null 2>&1; then
    missing_optional+=(emacs-nox elpa-eglot)
  else
    # Emacs 29 and later have eglot built in; Debian 12's Emacs 28 needs elpa-eglot.
    major=$(emacs --batch --eval '(princ emacs-major-version)' 2>/dev/null || echo 0)
    if [ "${major:-0}" -lt 29 ] && ! dpkg -s elpa-eglot >/dev/null 2>&1; then
      missing_optional+=(elpa-eglot)
    fi
  fi
  command -v node >/dev/null 2>&1 || missing_optional+=(nodejs)
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
