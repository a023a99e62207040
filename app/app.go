// Package app is Briefdesk's desktop window: a library sidebar, the briefing
// view, imports by drag and drop, print and export. It holds no NLP and no
// SQL: everything it shows comes from the engine through the small service
// interface below, so the window can be tested against a real library file.
package app

import (
	"briefdesk/assets"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/brief"
	"briefdesk/internal/domain"
	"briefdesk/internal/engine"
)

// Options say what the window opens with.
type Options struct {
	DBPath string   // library file; empty means the preference, then the default location
	Paths  []string // files, folders and links to import at start, as if dropped
}

// service is what the window needs from the engine. *engine.Engine satisfies
// it; the window never sees SQL or NLP. Every edit names the briefing and
// its articles by ID and is applied by the engine to the stored briefing, so
// the window's copy, which an import may have overtaken, is never saved.
type service interface {
	domain.Importer
	domain.BriefingService
	domain.LibraryService
}

// sampler is implemented by an engine that can fill an empty library with the
// bundled sample articles. It is optional so the window works before it lands.
type sampler interface {
	EnsureSamples(ctx context.Context) ([]domain.ImportResult, error)
}

// renderFunc writes briefing b in format f.
type renderFunc func(w io.Writer, b *domain.Briefing, f exportFormat, opts brief.Options) error

// Run opens the library and shows the main window until it is closed.
func Run(opts Options) error {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("Briefdesk")
	w.Resize(fyne.NewSize(1280, 820))

	path, err := libraryPath(opts.DBPath, a.Preferences())
	if err != nil {
		return err
	}
	start := func(eng *engine.Engine) {
		d := newDesk(a, w, eng)
		d.closeLibrary = eng.Close
		w.SetContent(d.buildUI())
		w.SetMainMenu(d.buildMenu())
		d.installShortcuts()
		w.SetOnDropped(d.onDrop)
		w.SetCloseIntercept(func() { d.onClose(); w.Close() })
		d.start(opts.Paths)
	}
	eng, err := engine.Open(path)
	if err != nil {
		log.Printf("briefdesk: open library %s: %v", path, err)
		showOpenFailure(a, w, path, err, start)
	} else {
		start(eng)
	}
	w.ShowAndRun()
	return nil
}

// AppID is the application's reverse-DNS ID; the default library lives in
// the storage folder Fyne gives this ID.
const AppID = "io.briefdesk.app"

// DefaultLibraryPath returns the library file used when none is given:
// $BRIEFDESK_DB if set, else library.db in the app's storage folder (the
// one Fyne's preferences use), shared by the window and the CLI.
func DefaultLibraryPath() (string, error) {
	if p := os.Getenv("BRIEFDESK_DB"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a folder for the library: %w", err)
	}
	return filepath.Join(dir, "fyne", AppID, "library.db"), nil
}

// libraryPath picks the library file: the command line, then the preference,
// then the default.
func libraryPath(given string, p fyne.Preferences) (string, error) {
	if given != "" {
		return given, nil
	}
	if s := p.String(prefLibraryPath); s != "" {
		return s, nil
	}
	return DefaultLibraryPath()
}

// showOpenFailure explains why the library did not open and offers to
// create a new one elsewhere instead of crashing or quitting silently.
func showOpenFailure(a fyne.App, w fyne.Window, path string, err error, start func(*engine.Engine)) {
	reason := domain.Message(err)
	var de *domain.Error
	if errors.As(err, &de) && de.Reason != "" && de.Path == path {
		reason = de.Reason // the path is shown above
	}
	msg := &widget.Label{
		Text: fmt.Sprintf("Briefdesk could not open the library at\n%s\n\nReason: %s\n\n"+
			"The file may be damaged, locked by another program or not a Briefdesk library. "+
			"Your file has not been changed. You can create a new library somewhere else "+
			"(and keep the old file for recovery), or quit and check the file.", path, reason),
		Wrapping: fyne.TextWrapWord,
	}
	var create *widget.Button
	create = &widget.Button{Text: "Create a new library…", Icon: theme.FolderNewIcon(), Importance: widget.HighImportance, OnTapped: func() {
		fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil || wc == nil {
				return
			}
			newPath := wc.URI().Path()
			wc.Close()
			os.Remove(newPath) // the save dialog creates an empty file; the library creates its own
			eng, err := engine.Open(newPath)
			if err != nil {
				log.Printf("briefdesk: create library %s: %v", newPath, err)
				dialog.ShowInformation("Could not create the library",
					domain.Message(err)+"\n\nChoose another folder, one you may write in.", w)
				return
			}
			a.Preferences().SetString(prefLibraryPath, newPath)
			start(eng)
		}, w)
		fd.SetFileName("library.db")
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(path))); err == nil {
			fd.SetLocation(dir)
		}
		fd.Resize(fyne.NewSize(800, 560))
		fd.Show()
	}}
	quit := &widget.Button{Text: "Quit", OnTapped: a.Quit}
	card := widget.NewCard("The library could not be opened", "", container.NewVBox(msg, container.NewHBox(layout.NewSpacer(), quit, create)))
	w.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 320), card)))
}
