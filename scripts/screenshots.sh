#!/usr/bin/env bash
# Runs the real Briefdesk window under Xvfb on a fresh temporary library
# (filled with the bundled samples on first start), imports the files given as
# arguments exactly as if they were dropped, walks through the main screens
# with xdotool and saves PNG screenshots in docs/screenshots/.
#
# usage: scripts/screenshots.sh [BINARY] [FILE...]
#   BINARY  a built briefdesk (built into a temp dir when not given)
#   FILE    articles to import at start; default: app/testdata/articles/* and
#           one empty file, to show the per-file results
# Needs Xvfb, xdotool and ImageMagick's import.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=docs/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

bin=""
if [ $# -gt 0 ] && [ -f "$1" ] && [ -x "$1" ]; then
	bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
	shift
fi
if [ -z "$bin" ]; then
	bin=$tmp/briefdesk
	go build -tags sqlite_fts5 -o "$bin" ./cmd/briefdesk
fi

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
	: >"$tmp/empty-notes.txt"
	files=("$root"/app/testdata/articles/*.txt "$tmp/empty-notes.txt")
fi

# A display nobody uses.
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
export DISPLAY=:$n
Xvfb "$DISPLAY" -screen 0 1280x820x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done

export LANG=C.UTF-8 LC_ALL=C.UTF-8
# launch THEME ARGS...: starts briefdesk on a fresh library and home (so
# preferences start clean) and waits for its window.
app="" win=""
launch() {
	local theme=$1 home
	shift
	home=$(mktemp -d -p "$tmp")
	HOME=$home XDG_CONFIG_HOME=$home/.config BRIEFDESK_DB=$home/library.db FYNE_THEME=$theme \
		"$bin" "$@" >"$home/app.log" 2>&1 &
	app=$!
	pids+=($app)
	win=""
	for _ in $(seq 150); do
		win=$(xdotool search --name '^Briefdesk' 2>/dev/null | head -1 || true)
		[ -n "$win" ] && break
		kill -0 "$app" 2>/dev/null || { cat "$home/app.log"; echo "briefdesk exited early" >&2; exit 1; }
		sleep 0.2
	done
	[ -n "$win" ] || { cat "$home/app.log"; echo "no window appeared" >&2; exit 1; }
	xdotool windowmove "$win" 0 0 windowsize "$win" 1280 820
}
quit() {
	kill "$app" 2>/dev/null || true
	wait "$app" 2>/dev/null || true
}

# shot NAME [DELAY]: waits for the window to settle, then saves it.
shot() {
	sleep "${2:-1.5}"
	import -window root "$out/$1.png"
	echo "$out/$1.png"
}
click() { xdotool mousemove "$1" "$2" click 1; }
key() { xdotool key --window "$win" "$@"; }

# Dark theme: the whole walk. Samples and the given files are imported at
# start; wait for the per-file results.
launch dark "${files[@]}"
sleep 12
shot import-results 0
key Escape
shot library
click 160 200 # the first briefing in the list
shot briefing 3
click 1000 300 # the first actor card
shot actor-filter
key Escape
key ctrl+p
shot print-preview 3
key Escape
key ctrl+comma
shot preferences
key Escape
key ctrl+f
xdotool type --delay 60 "harbour"
shot search 2
quit

# Light theme: a briefing of several articles from the samples.
launch light
sleep 8
click 160 350 # the multi-article sample briefing
shot briefing-light 3
xdotool mousemove 1090 500 click --repeat 25 --delay 30 5 # scroll the right column
shot facts-articles-light
quit
