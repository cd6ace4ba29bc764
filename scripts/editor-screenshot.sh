#!/usr/bin/env bash
# Makes docs/images/neovim-lens-hover.png, the README's picture of the Neovim plugin: Neovim
# in a private tmux server of a fixed size (120x32) opens examples/english.txt as a prompt
# file with editor-integration/neovim loaded, waits for the code lens, opens the hover, and
# the pane (with its colours, `tmux capture-pane -e`) is drawn to a PNG by
# scripts/ansi-to-png.py.
#
#   scripts/editor-screenshot.sh [OUT.png]
#
# Environment: PREFLIGHT_BIN (default .build/debug/preflight, else `preflight` on PATH),
# PREFLIGHT_MODELS (default models/), PREFLIGHT_PYTHON (a Python 3 with Pillow; default
# python3), PREFLIGHT_FONT_DIR (where DejaVuSansMono.ttf is; default Debian's).
# It installs nothing: when something is missing it says what and how to get it, and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=${1:-docs/images/neovim-lens-hover.png}
cols=120
rows=32

bin=${PREFLIGHT_BIN:-}
if [ -z "$bin" ]; then
  if [ -x .build/debug/preflight ]; then bin=$repo/.build/debug/preflight; else bin=$(command -v preflight || true); fi
fi
models=${PREFLIGHT_MODELS:-$repo/models}
python=${PREFLIGHT_PYTHON:-python3}
font_dir=${PREFLIGHT_FONT_DIR:-/usr/share/fonts/truetype/dejavu}

missing=()
[ -n "$bin" ] && [ -x "$bin" ] || missing+=("the preflight binary: run \`swift build\` (or set PREFLIGHT_BIN)")
command -v tmux >/dev/null 2>&1 || missing+=("tmux: apt-get install tmux")
command -v nvim >/dev/null 2>&1 || missing+=("Neovim: apt-get install neovim")
[ -f "$font_dir/DejaVuSansMono.ttf" ] || missing+=("the DejaVu Sans Mono font: apt-get install fonts-dejavu-core (or set PREFLIGHT_FONT_DIR)")
if ! "$python" -c 'import PIL' >/dev/null 2>&1; then
  missing+=("Python 3 with Pillow: apt-get install python3-pil (with /usr/bin/python3), or python3 -m venv /tmp/pil && /tmp/pil/bin/pip install pillow, then PREFLIGHT_PYTHON=/tmp/pil/bin/python3")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "editor-screenshot: missing:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi

work=$(mktemp -d)
socket=$work/tmux.sock # a private tmux server, whose socket goes away with $work
cleanup() {
  tmux -S "$socket" kill-server >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

for d in config data state cache runtime; do mkdir -p "$work/xdg-$d"; done
# The example with its first line wrapped: Neovim draws the lens after the end of line 1,
# and the whole lens should be in the picture. (Only that line: re-wrapping the email too
# changes its line structure, which the router reads.)
{ head -n 1 examples/english.txt | fmt -w 56; tail -n +2 examples/english.txt; } >"$work/customer-email.prompt"
# A plain configuration: a dark built-in colour scheme, line numbers, the plugin and nothing
# else (the isolated XDG directories keep the user's own configuration out).
cat >"$work/init.lua" <<EOF
vim.o.termguicolors = true
vim.o.background = 'dark'
vim.cmd('colorscheme slate')
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.linebreak = true
vim.o.laststatus = 2
vim.o.shortmess = vim.o.shortmess .. 'I'
vim.cmd('highlight LspCodeLens guifg=#8fbf7f gui=italic')
vim.cmd('highlight SignColumn guibg=NONE')
vim.cmd('highlight NormalFloat guifg=#d0d0d0 guibg=#262b33')
vim.cmd('highlight FloatBorder guifg=#6c7a89 guibg=#262b33')
vim.opt.runtimepath:append('$repo/editor-integration/neovim')
require('preflight').setup({
  cmd = { '$bin', 'serve' },
  -- Priced on one named model (the option users set for the model they call) rather than
  -- the recommended one, whose long id would push the lens off the screen.
  init_options = { defaultModel = 'gpt-4o-mini' },
  hover_key = 'K',
  hover_float = { border = 'rounded', max_width = 96, max_height = 17 },
})
EOF

# The tmux server without a status line, so the pane is the whole screen.
printf '%s\n' 'set -g status off' 'set -g escape-time 0' 'set -g default-terminal tmux-256color' >"$work/tmux.conf"
tmux -S "$socket" -f "$work/tmux.conf" new-session -d -s shot -x "$cols" -y "$rows" \
  env -i PATH="$PATH" HOME="$work" TERM=tmux-256color COLORTERM=truecolor LANG=C.UTF-8 \
  XDG_CONFIG_HOME="$work/xdg-config" XDG_DATA_HOME="$work/xdg-data" XDG_STATE_HOME="$work/xdg-state" \
  XDG_CACHE_HOME="$work/xdg-cache" XDG_RUNTIME_DIR="$work/xdg-runtime" PREFLIGHT_MODELS="$models" \
  nvim -u "$work/init.lua" -i NONE -n "$work/customer-email.prompt"

pane() { tmux -S "$socket" capture-pane -t shot -p "$@"; }
wait_for() { # TEXT SECONDS: until TEXT is on the screen
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    if pane | grep -qF -- "$1"; then return 0; fi
    sleep 0.2
  done
  return 1
}

if ! wait_for ' tok · ' 30; then
  echo "editor-screenshot: no code lens within 30 s (is $bin a server with editor support, 0.2.0 or later?); the screen:" >&2
  pane >&2
  exit 1
fi
# Hover in the email (line 4) with K (the plugin's hover_key option maps it to
# vim.lsp.buf.hover()); the window opens below, leaving line 1 and its lens in view.
tmux -S "$socket" send-keys -t shot '4G0w' K
if ! wait_for 'Preflight' 15; then
  echo "editor-screenshot: the hover did not open within 15 s; the screen:" >&2
  pane >&2
  exit 1
fi
sleep 0.5
pane -e -N >"$work/screen.ans"
mkdir -p "$(dirname "$out")"
"$python" scripts/ansi-to-png.py --cols "$cols" --rows "$rows" \
  --font "$font_dir/DejaVuSansMono.ttf" --bold-font "$font_dir/DejaVuSansMono-Bold.ttf" \
  "$work/screen.ans" "$out"
echo "editor-screenshot: wrote $out ($("$bin" --version), $(nvim --version | head -1))"
