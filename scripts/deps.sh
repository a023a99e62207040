#!/usr/bin/env bash
# Installs what Briefdesk needs to build, run and test on Debian/Ubuntu, and
# nothing that is already there. Safe to run any number of times.
set -euo pipefail

# Debian packages: the cgo toolchain and the X11/GL headers Fyne's GLFW driver
# builds against; Xvfb and ImageMagick to run the real window headless and
# take screenshots; poppler-utils to check PDFs; CUPS with a virtual PDF
# printer to test printing; fonts for the rendered screenshots.
PKGS=(
  gcc pkg-config make git ca-certificates curl unzip
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

# Go: the machine's own when it is 1.21 or newer (those fetch the exact
# version go.mod names by themselves); otherwise the Go toolchain module from
# the Go module proxy, unpacked into /usr/local/go. Keep GO_VERSION in step
# with the go line of go.mod.
GO_VERSION=1.26.8
export PATH="/usr/local/go/bin:$PATH"
go_ok() {
  command -v go >/dev/null || return 1
  local v
  v=$(go env GOVERSION 2>/dev/null | sed 's/^go//')
  [ "$(printf '%s\n' 1.21 "${v%%[-+ ]*}" | sort -V | head -n1)" = 1.21 ]
}
if ! go_ok; then
  arch=$(dpkg --print-architecture)
  proxy=${GOPROXY:-https://proxy.golang.org}
  proxy=${proxy%%,*}
  url="$proxy/golang.org/toolchain/@v/v0.0.1-go$GO_VERSION.linux-$arch.zip"
  echo "deps: installing Go $GO_VERSION into /usr/local/go from the Go module proxy"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  curl -fsSL -o "$tmp/go.zip" "$url"
  unzip -q "$tmp/go.zip" -d "$tmp"
  $SUDO rm -rf /usr/local/go
  $SUDO mv "$tmp/golang.org/toolchain@v0.0.1-go$GO_VERSION.linux-$arch" /usr/local/go
  go_ok || { echo "deps: Go install failed; install Go $GO_VERSION from https://go.dev/dl and run again" >&2; exit 1; }
fi
