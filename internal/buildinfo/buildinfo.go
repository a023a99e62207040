// Package buildinfo holds the one version of Briefdesk, which the window's
// About box, `briefdesk --version` and the packaged app all show.
//
// The version is written once, in FyneApp.toml (which `fyne package` reads),
// and the Makefile passes it to every build:
//
//	go build -ldflags "-X briefdesk/internal/buildinfo.version=0.1.0" ./cmd/briefdesk
//
// A build without it (plain go build, go test) says it is a development
// build and names the commit it was built from.
package buildinfo

import "runtime/debug"

// version is set by the linker (-X); empty in a development build.
var version string

// Version returns the release version, or "" in a development build.
func Version() string { return version }

// String describes the build for people: "0.1.0", or "development build
// (commit 1a2b3c4d, modified)" when no version was set.
func String() string {
	if version != "" {
		return version
	}
	s := "development build"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return s
	}
	var rev string
	dirty := false
	for _, kv := range bi.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.modified":
			dirty = kv.Value == "true"
		}
	}
	if rev == "" {
		return s
	}
	if len(rev) > 8 {
		rev = rev[:8]
	}
	if dirty {
		return s + " (commit " + rev + ", modified)"
	}
	return s + " (commit " + rev + ")"
}
