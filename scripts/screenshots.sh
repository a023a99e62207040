#!/usr/bin/env bash
# Runs the real Briefdesk window under Xvfb on a fresh temporary library
# (filled with the bundled samples on first start), imports the files given as
# arguments exactly as if they were dropped, walks through the main screens
# with xdotool and saves PNG screenshots in docs/screenshots/. A second walk
# (walk-*.png) goes through the library's safety net: import (one source cut
# off), take an article out, undo, delete, restore from the trash, back up,
# drop a sentence, empty the trash, restore from the backup.
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

# A report cut off mid-sentence, written for the walk (not a real article).
cat >"$tmp/convoy-report-cut.txt" <<'EOF'
Grain convoy reaches Morvik as the corridor holds

By Desk Writer

Ships carrying 410,000 tonnes of wheat reached the port of Morvik on Monday, the fourth day of the escorted corridor, port officials said.

Idris Mallon, who speaks for the port authority, said the crossing had passed without incident. "We counted fourteen vessels and every one arrived," he said.

Insurers in London cut war-risk premiums by a third after the convoy docked, and brokers said the next sailings from the northern terminals would depend on
EOF

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

# The safety net, in the light theme, through the real menus and buttons.
# The list then holds the three imports (today) above the samples (dated by
# publication).
launch light "$root/app/testdata/articles/harbour-talks.txt" "$root/app/testdata/articles/drought-aid.txt" "$tmp/convoy-report-cut.txt"
sleep 10
shot walk-1-import 0 # results: one source looks incomplete
key Escape
click 160 210 # the cut-off convoy report
shot walk-2-incomplete 3
click 160 550 # the two-article Halvard briefing (a sample)
sleep 3
xdotool mousemove 1090 500 click --repeat 70 --delay 20 5 # down to its articles
sleep 1
click 1133 713 # "Take out" on article 2: it becomes a briefing of its own
shot walk-3-take-out 3
key ctrl+z
shot walk-4-undo 3
click 1253 53 # delete the briefing: to the trash
shot walk-5-deleted 2
click 197 14 # Library menu
sleep 0.7
click 226 128 # Trash…
shot walk-6-trash 2
click 893 300 # Restore
shot walk-7-restored 3
click 197 14
sleep 0.7
click 258 45 # Back Up Library…: the library's folder and a dated name
sleep 2
click 1034 688 # Save
shot walk-8-backup 3
click 160 360 # the harbour talks
sleep 3
click 500 706 # drop a highlighted sentence in the article text
sleep 3
click 70 14 # Edit menu: Undo names the edit
shot walk-9-dropped 1
click 600 798 # close the menu
sleep 0.5
click 160 625 # Idle cranes…
sleep 2.5
click 1253 53 # … to the trash, then Empty Trash: gone for good
sleep 2
click 197 14
sleep 0.7
click 226 128
sleep 2
click 408 608
sleep 1.5
click 715 466 # Delete for good
sleep 1.5
key Escape
click 197 14
sleep 0.7
click 270 84 # Restore from Backup…
sleep 2
click 505 250 # the backup
sleep 0.5
click 1034 688 # Open
shot walk-10-restore-confirm 1.5
click 689 491 # Restore: Idle cranes is back
shot walk-11-restored-backup 3
quit

# Light theme: a briefing of several articles from the samples.
launch light
sleep 8
click 160 282 # the multi-article sample briefing (second by publication date)
shot briefing-light 3
xdotool mousemove 1090 500 click --repeat 25 --delay 30 5 # scroll the right column
shot facts-articles-light
quit
