// Package locale corrects a locale setting that Fyne cannot parse before
// Fyne reads it. Import it for its side effect from package main: it imports
// only the standard library and its path sorts before fyne.io, so Go
// initialises it before Fyne's lang package, which reads the locale in its
// init.
package locale

import (
	"os"
	"strings"
)

func init() {
	// Debian containers and CI often run under LANG=C.UTF-8. Fyne takes "C"
	// for a language tag and logs a parse error on every start, even for
	// headless commands. LANGUAGE only names translations, which the C
	// locale does not use, so setting it changes nothing else.
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "C.") && os.Getenv("LANGUAGE") == "" {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
