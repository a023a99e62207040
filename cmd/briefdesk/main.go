// Command briefdesk turns news articles into one-minute briefings. Without a
// subcommand it opens the desktop window; with one it works headless.
package main

import (
	"fmt"
	"os"

	_ "briefdesk/app/locale" // before Fyne reads the locale
)

func main() {
	args := os.Args[1:]
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") {
		args[0] = "version"
	}
	if len(args) > 0 {
		if _, ok := commands[args[0]]; ok {
			os.Exit(dispatch(args[0], args[1:], os.Stdout, os.Stderr))
		}
	}
	if err := runGUI(args); err != nil {
		fmt.Fprintln(os.Stderr, "briefdesk:", err)
		os.Exit(1)
	}
}
