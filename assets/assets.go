// Package assets holds what Briefdesk bundles: the app icon and the sample
// articles that fill a new library. All of it is text and art the project
// made itself.
package assets

import "embed"

// Samples holds the sample articles under samples/.
//
//go:embed samples
var Samples embed.FS

// Icon is the application icon, 512×512 PNG (drawn in icon.svg).
//
//go:embed icon.png
var Icon []byte
