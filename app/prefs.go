package app

import "briefdesk/internal/engine"

// Preference keys, in one place so the preferences dialog, Run and the
// briefing view cannot drift apart.
const (
	prefPaper          = "paper"          // "a4" or "letter"
	prefDefaultLength  = "default_length" // sentences; fitOnePage for "fit one page"
	prefClassification = "classification" // printed on every brief; empty for none
	prefLibraryPath    = "library_path"   // library file used when none is given; applies at the next start
	prefExportDir      = "export_dir"     // folder the last brief was exported to; the save dialog opens there
	prefLastBackup     = "last_backup"    // the backup written last, offered when the library is found damaged
)

// fitOnePage is the default-length preference value meaning "fit one page".
const fitOnePage = -1

// fitWords is the summary length that fills a one-page brief (see
// engine.PageWords). Length has no "fit" flag, so the window stores "fit one
// page" as this word count and recognises it when reopened.
const fitWords = engine.PageWords

// defaultSentences is the default summary length when no preference is set.
const defaultSentences = 4
