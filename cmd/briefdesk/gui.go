package main

import (
	"briefdesk/app"
)

// runGUI opens the window, importing paths as if they were dropped on it.
func runGUI(paths []string) error {
	return app.Run(app.Options{Paths: paths})
}
