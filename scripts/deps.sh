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
  xvfb xauth x11-utils imagemagick
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

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
      echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
    fi
  fi
  echo "deps: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "deps: Debian packages installed"
fi

if ! command -v go >/dev/null && [ ! -x /usr/local/go/bin/go ]; then
  echo "deps: Go is not installed; install Go 1.24 or newer (https://go.dev/dl) and run again" >&2
  exit 1
fi
