#!/usr/bin/env bash
# Installs what Briefdesk needs to build, run and test on Debian/Ubuntu, and
# nothing that is already there. Safe to run any number of times.
set -euo pipefail

# Debian packages: the cgo toolchain and the X11/GL headers Fyne's GLFW driver
# builds against; Xvfb and ImageMagick to run the real window headless and
# take screenshots; poppler-utils to check PDFs; CUPS with a virtual PDF
# printer to test printing; fonts for the rendered screenshots.
PKGS=(
  gcc pkg-config make git ca-certificates
  libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev
  libxi-dev libxxf86vm-dev libxkbcommon-dev
  xvfb xauth x11-utils xdotool imagemagick
  poppler-utils
  cups cups-client cups-bsd printer-driver-cups-pdf
  python3
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
  echo "deps: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "deps: Debian packages installed"
fi

# Go: the machine's own, else Debian's golang-go, which fetches the toolchain
# go.mod names from the Go module proxy (Go 1.21 and newer do this by themselves).
export PATH="/usr/local/go/bin:$PATH"
if ! command -v go >/dev/null; then
  echo "deps: installing Debian's golang-go (it fetches the Go version go.mod asks for)"
  ${SUDO:-} apt-get install -y -qq --no-install-recommends golang-go >/dev/null || {
    echo "deps: could not install Go; install Go 1.26 from https://go.dev/dl and run again" >&2; exit 1; }
fi
