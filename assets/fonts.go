package assets

import _ "embed" // the fonts below are embedded byte slices

// The brief's typeface: Noto Sans, which covers Latin (with the extended
// letters in names like Łukasz and Erdoğan), Greek and Cyrillic, curly quotes,
// dashes and currency signs, so printed names and quotes keep their letters.
// Licensed under the SIL Open Font License 1.1 (fonts/OFL.txt).
var (
	// NotoSansRegular is Noto Sans Regular (TrueType).
	//
	//go:embed fonts/NotoSans-Regular.ttf
	NotoSansRegular []byte

	// NotoSansBold is Noto Sans Bold (TrueType).
	//
	//go:embed fonts/NotoSans-Bold.ttf
	NotoSansBold []byte

	// NotoSansItalic is Noto Sans Italic (TrueType).
	//
	//go:embed fonts/NotoSans-Italic.ttf
	NotoSansItalic []byte

	// FontLicense is the licence text the fonts are distributed under.
	//
	//go:embed fonts/OFL.txt
	FontLicense string
)
