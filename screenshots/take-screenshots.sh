#!/usr/bin/env bash
# Regenerates the PNG screenshots in this folder: the console in a real xterm on a virtual X
# server, driven through tmux inside that xterm, against `lead-console sandbox` processes on
# 127.0.0.1. Run by `make screenshots`; the binary comes from LEAD_CONSOLE.
#
#   LEAD_CONSOLE=.build/debug/lead-console bash screenshots/take-screenshots.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
console=${LEAD_CONSOLE:-.build/debug/lead-console}
case $console in /*) ;; *) console=$root/$console ;; esac
if [ ! -x "$console" ]; then
  echo "take-screenshots: no lead-console at $console (run swift build, or set LEAD_CONSOLE)" >&2
  exit 2
fi
for tool in Xvfb xterm tmux xdotool /usr/bin/import; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "take-screenshots: $tool is missing (make screenshots installs it)" >&2
    exit 2
  fi
done

# Made-up demo keys: the console's own, and another that a "wrong key" sandbox expects.
key=screenshot-demo-key-4217
other_key=another-demo-key-9380
# Seconds any single wait may take; every other step is bounded by `timeout`.
wait_limit=20

work=$(mktemp -d "${TMPDIR:-/tmp}/lead-console-shots.XXXXXX")
pids=()
sock=$work/tmux.sock

cleanup() {
  local status=$?
  set +e
  [ -S "$sock" ] && timeout 5 tmux -S "$sock" kill-server 2>/dev/null
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
# A signal ends the run through the EXIT trap, so nothing is left behind.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Nothing from the caller's home or session: own config, state, history and runtime dirs.
export HOME=$work/home XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state
export XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data XDG_RUNTIME_DIR=$work/runtime
export LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no PS1='$ '
unset LC_ALL GENTLEMAN_API_KEY TMUX TMUX_PANE NO_COLOR
mkdir -p "$HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$work/shots"
mkdir -m 700 -p "$XDG_CONFIG_HOME/gentleman-lead-console" "$XDG_RUNTIME_DIR"
config=$XDG_CONFIG_HOME/gentleman-lead-console/config.json
printf '{ "key": "%s", "operator": "Мария" }\n' "$key" >"$config"
chmod 600 "$config"

fail() {
  echo "take-screenshots: $*" >&2
  exit 1
}

# Waits (bounded) until FILE has a complete first line.
wait_for_line() {
  local file=$1 what=$2 deadline=$((SECONDS + wait_limit))
  until [ -s "$file" ] && [ "$(wc -l <"$file")" -ge 1 ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$what did not start"
    sleep 0.05
  done
}

# Starts `lead-console sandbox ARGS...` on a free loopback port; its URL goes into the
# variable NAME.
start_sandbox() {
  local name=$1
  shift
  "$console" sandbox --port 0 "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  wait_for_line "$work/$name.out" "the $name sandbox"
  local url
  url=$(sed -n '1s/^listening on //p' "$work/$name.out")
  case $url in http://127.0.0.1:*) ;; *) fail "the $name sandbox said: $(head -1 "$work/$name.out")" ;; esac
  printf -v "$name" '%s' "$url"
}

# A loopback port nobody listens on: one a sandbox had a moment ago, checked closed.
closed_port_url() {
  local port
  for _ in 1 2 3; do
    start_sandbox probe
    port=${probe#http://127.0.0.1:}
    port=${port%%/*}
    kill -TERM "${pids[-1]}"
    wait "${pids[-1]}" || true
    unset 'pids[-1]'
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      closed=http://127.0.0.1:$port/api/site/
      return
    fi
  done
  fail "found no closed loopback port"
}

tmx() { timeout 5 tmux -S "$sock" "$@"; }

# Polls the terminal (bounded) until it shows TEXT.
wait_for_text() {
  local text=$1 deadline=$((SECONDS + wait_limit))
  until tmx capture-pane -p -t shots 2>/dev/null | grep -qF -- "$text"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      tmx capture-pane -p -t shots >&2 || true
      fail "the terminal never showed \"$text\""
    fi
    sleep 0.1
  done
}

# Polls (bounded) until the pane runs the shell again, i.e. the console has quit.
wait_for_shell() {
  local deadline=$((SECONDS + wait_limit))
  until [ "$(tmx display-message -p -t shots '#{pane_current_command}' 2>/dev/null)" = bash ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "the console did not quit"
    sleep 0.1
  done
}

type_text() { tmx send-keys -t shots -l -- "$1"; }
press() { tmx send-keys -t shots "$@"; }
run_in_terminal() {
  type_text "$*"
  press Enter
}

# Grabs the xterm window once what tmux shows has reached the screen.
shot() {
  sleep 0.5
  timeout 15 /usr/bin/import -window "$window" "$work/shots/$1.png"
}

# --- Sandboxes, all on 127.0.0.1 ----------------------------------------------------------
start_sandbox ok --key "$key"
start_sandbox wrong_key --key "$other_key"
start_sandbox hanging --key "$key" --fault hang
closed_port_url

# One history log with every outcome, filled by `send` the way a script would.
mixed=$work/mixed-history.jsonl
send() {
  local expected=$1 status=0
  shift
  timeout 30 "$console" send --log "$mixed" "$@" >>"$work/send.out" 2>&1 || status=$?
  [ "$status" = "$expected" ] || fail "send $* exited $status, not $expected: $(tail -3 "$work/send.out")"
}
send 0 --endpoint "$ok" --first-name Иван --last-name Петров --phone '+7 (912) 111-22-33' \
  --email ivan.petrov@example.ru --comment 'Записать на пробное занятие'
send 3 --endpoint "$closed" --first-name Ольга --last-name Смирнова --phone '+7 903 222-33-44'
send 0 --endpoint "$ok" --first-name Сергей --last-name Кузнецов --email sergey@пример.рф
send 1 --endpoint "$wrong_key" --first-name Анна --last-name Иванова --phone '8 (916) 444-55-66'
send 4 --endpoint "$hanging" --connect-timeout 1 --timeout 1 --first-name Дмитрий \
  --last-name Соколов --phone '+7 921 555-66-77'
send 0 --endpoint "$ok" --first-name Елена --last-name Попова --phone '+7 (985) 666-77-88' \
  --comment 'Перезвонить после 18:00'

# --- The terminal: Xvfb on a display number it finds free, an xterm, tmux inside -----------
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
wait_for_line "$work/display" "Xvfb"
export DISPLAY=:$(head -1 "$work/display")

# No status bar, so the console gets the whole 100x30 window.
printf 'set -g status off\nset -g escape-time 0\n' >"$work/tmux.conf"
xterm -geometry 100x30+0+0 -fa 'DejaVu Sans Mono' -fs 11 -fbx -bg '#101418' -fg '#e0e0e0' \
  -title 'Gentleman CRM lead console' \
  -e tmux -S "$sock" -f "$work/tmux.conf" new-session -s shots bash --norc --noprofile \
  2>"$work/xterm.log" &
xterm_pid=$!
pids+=("$xterm_pid")
window=$(timeout "$wait_limit" xdotool search --sync --pid "$xterm_pid" | head -1) ||
  fail "the xterm window did not appear: $(cat "$work/xterm.log")"
# Focused, xterm draws a solid cursor.
timeout 5 xdotool windowfocus "$window" || true
wait_for_shell

# 2 and 1: the mixed history, then a Russian lead typed into the form above it.
run_in_terminal "$console" --endpoint "$ok" --log "$mixed"
wait_for_text 'First name'
wait_for_text 'uncertain'
shot history-mixed-outcomes

type_text 'Мария'
press Tab
type_text 'Ёлкина'
press Tab
type_text '8 (912) 345-67-89'
press Tab
type_text 'maria@почта.рф'
press Tab
type_text 'Хочет годовой абонемент, перезвонить завтра до 12:00'
wait_for_text 'до 12:00'
shot form-russian-lead
# Over a half-typed lead the quit key asks to be pressed again.
press F10
wait_for_text 'the quit key again'
press F10
wait_for_shell

# 3: a wrong key; F2 sends, the status line shows the CRM's rejection.
run_in_terminal "$console" --endpoint "$wrong_key" --log "$work/rejected-history.jsonl"
wait_for_text 'First name'
type_text 'Игорь'
press Tab
type_text 'Фёдоров'
press Tab
type_text '+7 (926) 123-45-67'
press F2
wait_for_text 'API key is wrong'
shot rejection-message

# 5: the field-code browser over the example schema, filtered, with the detail area.
press F10
wait_for_shell
run_in_terminal "$console" --schema "$here/../examples/schema.json" --endpoint "$ok" \
  --log "$work/browser-history.jsonl"
wait_for_text 'First name'
press F3
type_text 'phone'
wait_for_text 'additional_phone'
press Down
shot field-browser
press Escape
press Tab Tab
type_text '+7 912 345-67-89'
press F3
type_text 'city'
wait_for_text 'City'
press Enter
type_text 'Санкт-Петербург'
press F6
wait_for_text 'city=%D0%A1'
shot request-preview
# The form holds a lead: the quit key is pressed twice.
press F10
press F10
wait_for_shell

# 6: the Russian interface (`--lang ru`; a `ru_*` locale chooses it too) over the mixed
# history, a lead half typed, the duplicate warning for a phone sent minutes ago.
run_in_terminal "$console" --lang ru --endpoint "$ok" --log "$mixed"
wait_for_text 'Фамилия'
type_text 'Елена'
press Tab Tab
type_text '8 985 666-77-88'
press F2
wait_for_text 'Тот же телефон'
shot russian-interface
press Escape
press F10
press F10
wait_for_shell
run_in_terminal "$console" --endpoint "$ok" --log "$work/browser-history.jsonl"
wait_for_text 'First name'
type_text 'Мария'

# 4: a running console, its window shrunk below the minimum.
timeout 5 xdotool windowsize --usehints "$window" 50 12
wait_for_text 'Window too small'
shot small-window
# The form holds a lead: the quit key is pressed twice.
press F10
press F10
wait_for_shell

for png in "$work"/shots/*.png; do
  mv "$png" "$here/"
  echo "wrote screenshots/$(basename "$png") ($(/usr/bin/identify -format '%wx%h' "$here/$(basename "$png")"))"
done
