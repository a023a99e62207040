#!/usr/bin/env bash
# Sets up a virtual PDF printer so printing can be tested for real: starts the
# CUPS scheduler when it is not running (containers have no systemd, so cupsd
# is started directly) and adds a cups-pdf queue when it is missing. Safe to
# run any number of times. Prints the queue's name and the folder where its
# PDFs land, as printer=NAME and output=DIR lines.
#
# Needs the Debian packages cups, cups-client, cups-bsd and
# printer-driver-cups-pdf (scripts/deps.sh installs them) and root, or a user
# allowed to run lpadmin.
set -euo pipefail

PRINTER="${BRIEFDESK_TEST_PRINTER:-BriefdeskPDF}"

for cmd in cupsd lpadmin lpstat lp; do
  if ! command -v "$cmd" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$cmd" ]; then
    echo "cups-pdf: $cmd not found; install cups, cups-client, cups-bsd and printer-driver-cups-pdf (scripts/deps.sh)" >&2
    exit 1
  fi
done
PATH="$PATH:/usr/sbin"

if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  # cupsd forks into the background by itself and keeps running after us.
  cupsd
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.1
  done
  if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    echo "cups-pdf: started cupsd but the scheduler does not answer" >&2
    exit 1
  fi
fi

if ! lpstat -p "$PRINTER" >/dev/null 2>&1; then
  ppd=""
  for f in /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd; do
    [ -f "$f" ] && { ppd="$f"; break; }
  done
  if [ -z "$ppd" ] || [ ! -e /usr/lib/cups/backend/cups-pdf ]; then
    echo "cups-pdf: the cups-pdf backend is missing; install printer-driver-cups-pdf" >&2
    exit 1
  fi
  lpadmin -p "$PRINTER" -E -v cups-pdf:/ -P "$ppd" -D "Briefdesk virtual PDF printer"
fi
# A queue left stopped or rejecting by an earlier failure would swallow jobs.
cupsenable "$PRINTER" 2>/dev/null || true
cupsaccept "$PRINTER" 2>/dev/null || true

# cups-pdf writes to its Out setting, where ${HOME} and ${USER} are those of
# the user who submitted the job.
out='${HOME}/PDF'
if [ -r /etc/cups/cups-pdf.conf ]; then
  conf=$(sed -n 's/^[[:space:]]*Out[[:space:]]\+//p' /etc/cups/cups-pdf.conf | tail -n 1)
  [ -n "$conf" ] && out="$conf"
fi
user="${SUDO_USER:-$(id -un)}"
home=$(getent passwd "$user" | cut -d: -f6)
out="${out//\$\{HOME\}/$home}"
out="${out//\$\{USER\}/$user}"

echo "printer=$PRINTER"
echo "output=$out"
