package main

import (
	"os"

	"briefdesk/app"
)

// runGUI opens the window, importing paths as if they were dropped on it.
// BRIEFDESK_DB, when set, names the library, over the window's preference.
func runGUI(paths []string) error {
	return app.Run(app.Options{DBPath: os.Getenv("BRIEFDESK_DB"), Paths: paths})
}
