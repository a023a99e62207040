package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Icons the Fyne theme lacks, drawn for Briefdesk. Themed resources recolour
// them for light and dark themes.
var (
	buildingIcon = theme.NewThemedResource(fyne.NewStaticResource("building.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000000" d="M4 21V5l8-3 8 3v16h-6v-4h-4v4zm3-13v2h2V8zm4 0v2h2V8zm4 0v2h2V8zM7 12v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2z"/></svg>`)))
	placeIcon    = theme.NewThemedResource(fyne.NewStaticResource("place.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000000" d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"/></svg>`)))
	numberIcon   = theme.NewThemedResource(fyne.NewStaticResource("number.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000000" d="M9.6 3h2l-.8 5h4l.8-5h2l-.8 5H20v2h-3.5l-.6 4H19v2h-3.4l-.8 5h-2l.8-5h-4l-.8 5h-2l.8-5H4v-2h3.9l.6-4H5V8h3.8zm.9 7-.6 4h4l.6-4z"/></svg>`)))
)

// actorIcon returns the icon for an actor type.
func actorIcon(t string) fyne.Resource {
	switch t {
	case "organization":
		return buildingIcon
	case "place":
		return placeIcon
	default:
		return theme.AccountIcon()
	}
}
