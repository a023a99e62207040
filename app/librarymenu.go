package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"briefdesk/internal/domain"
)

// The Library menu: back up and restore the whole library, the trash
// (restore, empty), an integrity check and compaction. Each runs off the UI
// goroutine in the queue of changes, so none overlaps an edit.

// backupName is the file a backup is offered under.
func (d *desk) backupName() string {
	return "briefdesk-backup-" + d.now().Format("2006-01-02") + ".db"
}

// libraryFolder lists the folder of the library file, where dialogs open.
func (d *desk) libraryFolder() fyne.ListableURI {
	dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(d.svc.Path())))
	if err != nil {
		return nil
	}
	return dir
}

func (d *desk) onBackup() {
	fd := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			d.showError("Could not back up the library", err, "Choose another folder.")
			return
		}
		if wc == nil {
			return
		}
		dest := wc.URI().Path()
		wc.Close() // the library writes the backup beside it and renames it into place
		d.backup(dest)
	}, d.win)
	fd.SetFileName(d.backupName())
	if dir := d.libraryFolder(); dir != nil {
		fd.SetLocation(dir)
	}
	fd.Resize(dialogSize(d.win, fyne.NewSize(860, 600)))
	fd.Show()
}

// backup writes a copy of the library to dest (SQLite's online backup:
// imports and edits may go on).
func (d *desk) backup(dest string) {
	d.enqueue(func() func() func() {
		d.setStatus("Backing up the library…")
		return func() func() {
			err := d.svc.Backup(context.Background(), dest)
			return func() {
				if err != nil {
					d.showError("Could not back up the library", err, "Choose a folder you may write in, on a disk with room.")
					return
				}
				d.prefs.SetString(prefLastBackup, dest)
				d.setStatus("Library backed up to " + dest + ".")
			}
		}
	})
}

func (d *desk) onRestore() {
	fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			d.showError("Could not open the backup", err, "Check that the file exists and you may read it.")
			return
		}
		if rc == nil {
			return
		}
		src := rc.URI().Path()
		rc.Close()
		d.confirmRestore(src)
	}, d.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".briefdesk"}))
	if dir := d.libraryFolder(); dir != nil {
		fd.SetLocation(dir)
	}
	fd.Resize(dialogSize(d.win, fyne.NewSize(860, 600)))
	fd.Show()
}

// keptAs says where a restore leaves the library it replaces: a damaged
// library is kept byte for byte under a dated name, a sound one as a backup.
func (d *desk) keptAs() string {
	base := filepath.Base(d.svc.Path())
	if d.svc.Damaged() != nil {
		return base + ".damaged-<date>-<time>, unchanged"
	}
	return base + ".before-restore"
}

// confirmRestore says what a restore replaces before doing it.
func (d *desk) confirmRestore(src string) {
	msg := &widget.Label{Wrapping: fyne.TextWrapWord, Text: fmt.Sprintf(
		"Replace everything in the library with the backup %s?\n\n"+
			"The library as it is now is first kept as %s, so this can be reversed by restoring that file.",
		filepath.Base(src), d.keptAs())}
	dlg := dialog.NewCustomConfirm("Restore from backup", "Restore", "Cancel", msg, func(ok bool) {
		if ok {
			d.restore(src)
		}
	}, d.win)
	dlg.Resize(fyne.NewSize(520, 240))
	dlg.Show()
}

// restore replaces the library with the backup src and shows it afresh.
func (d *desk) restore(src string) {
	d.enqueue(func() func() func() {
		d.setStatus("Restoring the library from " + filepath.Base(src) + "…")
		kept := d.keptAs()
		return func() func() {
			err := d.svc.Restore(context.Background(), src)
			return func() {
				if err != nil {
					d.showError("Could not restore the library", err, "The library is as it was.")
					return
				}
				d.clearHistory() // what Undo knew refers to the library replaced
				d.showEmpty()
				d.sidebar.reload()
				d.sidebar.reloadSources()
				d.setStatus(fmt.Sprintf("Library restored from %s. The library as it was is kept as %s.", filepath.Base(src), kept))
			}
		}
	})
}

// offerRestore tells the officer the library is damaged and offers the
// latest backup. The library stays open for reading: nothing is written to
// the damaged file, and a restore keeps its bytes beside the restored one.
func (d *desk) offerRestore() {
	d.setStatus("The library is damaged: it can be read but not changed. Library > Restore from backup replaces it.")
	latest := d.prefs.String(prefLastBackup)
	if latest != "" {
		if st, err := os.Stat(latest); err != nil || !st.Mode().IsRegular() {
			latest = ""
		}
	}
	text := fmt.Sprintf("Briefdesk found damage in the library file %s, so it will not write to it. "+
		"You can still read, search and print what it holds.\n\n"+
		"Restore a backup to go on working; the damaged file is kept beside it, unchanged.", d.svc.Path())
	if latest != "" {
		text += fmt.Sprintf("\n\nYour latest backup is %s, in %s.", filepath.Base(latest), filepath.Dir(latest))
	} else {
		text += "\n\nNo backup made with Briefdesk was found: choose one, or keep reading and copy out what you need."
	}
	var dlg *dialog.CustomDialog
	keep := &widget.Button{Text: "Keep reading", OnTapped: func() { dlg.Hide() }}
	choose := &widget.Button{Text: "Choose a backup…", Icon: theme.FolderOpenIcon(), OnTapped: func() { dlg.Hide(); d.onRestore() }}
	buttons := []fyne.CanvasObject{keep, layout.NewSpacer(), choose}
	if latest != "" {
		buttons = append(buttons, &widget.Button{Text: "Restore latest backup", Icon: theme.HistoryIcon(), Importance: widget.HighImportance,
			OnTapped: func() { dlg.Hide(); d.restore(latest) }})
	} else {
		choose.Importance = widget.HighImportance
	}
	body := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	dlg = dialog.NewCustomWithoutButtons("This library is damaged", container.NewBorder(nil, container.NewHBox(buttons...), nil, nil, body), d.win)
	dlg.Resize(fyne.NewSize(560, 300))
	d.showDialog(dlg)
}

// trashDialog lists the trash with Restore on every row and Empty Trash.
type trashDialog struct {
	d     *desk
	items []domain.TrashItem
	list  *widget.List
	empty *widget.Button
	note  *widget.Label
	dlg   *dialog.CustomDialog
}

func (d *desk) onTrash() {
	t := &trashDialog{d: d}
	t.note = &widget.Label{Wrapping: fyne.TextWrapWord, Text: "Loading the trash…"}
	t.list = &widget.List{
		Length:     func() int { return len(t.items) },
		CreateItem: t.createRow,
		UpdateItem: t.updateRow,
	}
	t.list.ExtendBaseWidget(t.list)
	t.empty = &widget.Button{Text: "Empty Trash…", Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: t.onEmpty}
	t.empty.Disable()
	closeButton := &widget.Button{Text: "Close", OnTapped: func() { t.dlg.Hide() }}
	top := container.NewVBox(t.note)
	bottom := container.NewHBox(t.empty, layout.NewSpacer(), closeButton)
	t.dlg = dialog.NewCustomWithoutButtons("Trash", container.NewBorder(top, bottom, nil, nil, t.list), d.win)
	t.dlg.Resize(dialogSize(d.win, fyne.NewSize(640, 480)))
	d.showDialog(t.dlg)
	t.load()
}

func (t *trashDialog) load() {
	d := t.d
	d.run(func() {
		items, err := d.svc.Trash(context.Background(), 500)
		d.do(func() {
			if err != nil {
				t.note.SetText("The trash could not be read. " + domain.Message(err))
				return
			}
			t.items = items
			switch len(items) {
			case 0:
				t.note.SetText("The trash is empty. Deleted briefings and articles wait here until you empty it (or for 30 days).")
				t.empty.Disable()
			default:
				t.note.SetText(fmt.Sprintf("%s. Nothing here is searched or listed; Restore puts it back where it was.", plural(len(items), "item")))
				t.empty.Enable()
			}
			t.list.Refresh()
		})
	})
}

func (t *trashDialog) createRow() fyne.CanvasObject {
	restore := &widget.Button{Text: "Restore", Icon: theme.ContentUndoIcon()}
	return container.NewBorder(nil, nil, nil, container.NewCenter(restore), container.NewVBox(
		&widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		newNote("", false),
	))
}

func (t *trashDialog) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	it := t.items[id]
	c := o.(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container)
	restore := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Button)
	texts.Objects[0].(*widget.Label).SetText(oneLine(it.Title))
	kind := "Briefing"
	if it.Briefing == 0 {
		kind = "Article"
	} else if it.Articles > 1 {
		kind = fmt.Sprintf("Briefing of %d articles", it.Articles)
	}
	parts := []string{kind}
	if it.Sources != "" {
		parts = append(parts, it.Sources)
	}
	parts = append(parts, "deleted "+it.Deleted.Local().Format("2 Jan 2006 15:04"))
	setNote(texts.Objects[1].(*widget.RichText), strings.Join(parts, " · "))
	restore.OnTapped = func() { t.onRestore(it) }
}

// onRestore brings one item back and opens it.
func (t *trashDialog) onRestore(it domain.TrashItem) {
	d := t.d
	d.enqueue(func() func() func() {
		return func() func() {
			ctx := context.Background()
			id, err := it.Briefing, error(nil)
			if it.Briefing != 0 {
				err = d.svc.Undelete(ctx, it.Briefing)
			} else {
				id, err = d.svc.UndeleteArticle(ctx, it.Article)
			}
			return func() {
				if err != nil {
					d.showError("Could not restore it", err, "It stays in the trash.")
					t.load()
					return
				}
				d.setStatus(fmt.Sprintf("Restored “%s” from the trash.", oneLine(it.Title)))
				d.record(&action{label: "restore from trash",
					undo: func(ctx context.Context) (int64, error) {
						if it.Briefing != 0 {
							return 0, d.svc.Delete(ctx, it.Briefing)
						}
						return 0, d.svc.DeleteArticle(ctx, it.Article)
					},
					redo: func(ctx context.Context) (int64, error) {
						if it.Briefing != 0 {
							return it.Briefing, d.svc.Undelete(ctx, it.Briefing)
						}
						return d.svc.UndeleteArticle(ctx, it.Article)
					},
				})
				t.dlg.Hide() // show what came back
				d.sidebar.reload()
				d.openBriefing(id)
			}
		}
	})
}

// onEmpty deletes the trash for good, after asking: it cannot be undone.
func (t *trashDialog) onEmpty() {
	d := t.d
	msg := fmt.Sprintf("Delete the %s in the trash for good? This cannot be undone; a backup made before keeps them.", plural(len(t.items), "item"))
	dialog.ShowCustomConfirm("Empty the trash", "Delete for good", "Cancel", &widget.Label{Text: msg, Wrapping: fyne.TextWrapWord}, func(ok bool) {
		if !ok {
			return
		}
		d.enqueue(func() func() func() {
			return func() func() {
				n, err := d.svc.EmptyTrash(context.Background())
				return func() {
					if err != nil {
						d.showError("Could not empty the trash", err, "What was in it is still there.")
						return
					}
					d.clearHistory() // Undo could refer to what is gone
					d.setStatus(fmt.Sprintf("Trash emptied: %s deleted for good.", plural(n, "item")))
					t.load()
				}
			}
		})
	}, d.win)
}

// onCheck runs the integrity check and says what it found.
func (d *desk) onCheck() {
	d.enqueue(func() func() func() {
		d.setStatus("Checking the library…")
		return func() func() {
			ctx := context.Background()
			problems, err := d.svc.Check(ctx)
			st, serr := d.svc.Stats(ctx)
			return func() {
				if err == nil {
					err = serr
				}
				if err != nil {
					d.showError("Could not check the library", err, "Try again; if it keeps failing, restore a backup from the Library menu.")
					return
				}
				summary := fmt.Sprintf("%s in %s, %s in the trash; the file takes %s.",
					plural(st.Articles, "article"), plural(st.Briefings, "briefing"), plural(st.Trash, "item"), megabytes(st.Bytes))
				if len(problems) == 0 {
					d.setStatus("Library checked: no problems found.")
					d.showInfo("The library is healthy", "No problems found. "+summary)
					return
				}
				shown := problems
				if len(shown) > 5 {
					shown = append(shown[:5:5], fmt.Sprintf("… and %d more", len(problems)-5))
				}
				d.setStatus("Library checked: problems found.")
				d.showInfo("The library has problems", "The check found:\n"+strings.Join(shown, "\n")+
					"\n\nBack up the library now, then restore an earlier backup from the Library menu. "+summary)
			}
		}
	})
}

// onCompact rebuilds the library file to give back the room of what was
// deleted for good, and says how much it saved.
func (d *desk) onCompact() {
	d.enqueue(func() func() func() {
		d.setStatus("Compacting the library…")
		return func() func() {
			ctx := context.Background()
			before, _ := d.svc.Stats(ctx)
			err := d.svc.Vacuum(ctx)
			after, _ := d.svc.Stats(ctx)
			return func() {
				if err != nil {
					d.showError("Could not compact the library", err, "The library is unchanged. Compacting needs free disk space about the size of the library.")
					return
				}
				d.setStatus(fmt.Sprintf("Library compacted: %s, was %s.", megabytes(after.Bytes), megabytes(before.Bytes)))
			}
		}
	})
}

// megabytes says a file size in words.
func megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// onMerge offers the other briefings to merge the open one into.
func (d *desk) onMerge() {
	b := d.view.current()
	if b == nil {
		return
	}
	from, title := b.ID, oneLine(b.Title)
	var items []domain.BriefingItem
	list := &widget.List{
		Length:     func() int { return len(items) },
		CreateItem: func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(oneLine(items[id].Title)) },
	}
	list.ExtendBaseWidget(list)
	search := &widget.Entry{PlaceHolder: "Find the briefing to merge into"}
	search.ExtendBaseWidget(search)
	load := func(q string) {
		d.run(func() {
			got, err := d.svc.List(context.Background(), domain.ListQuery{Search: q, Limit: 200})
			d.do(func() {
				if err != nil {
					return
				}
				items = items[:0]
				for _, it := range got {
					if it.ID != from {
						items = append(items, it)
					}
				}
				list.UnselectAll()
				list.Refresh()
			})
		})
	}
	search.OnChanged = load
	note := newNote("Its articles join the briefing you pick, with your pins and drops; “"+title+"” goes to the trash. Undo takes it back.", true)
	var dlg *dialog.CustomDialog
	list.OnSelected = func(id widget.ListItemID) {
		if id < 0 || id >= len(items) {
			return
		}
		dlg.Hide()
		d.merge(items[id].ID, from, title)
	}
	dlg = dialog.NewCustom("Merge “"+title+"” into…", "Cancel", container.NewBorder(container.NewVBox(note, search), nil, nil, nil, list), d.win)
	dlg.Resize(dialogSize(d.win, fyne.NewSize(560, 460)))
	d.showDialog(dlg)
	d.win.Canvas().Focus(search)
	load("")
}

// merge moves briefing from's articles into briefing into and opens it.
func (d *desk) merge(into, from int64, title string) {
	d.enqueue(func() func() func() {
		d.setStatus("Merging…")
		return func() func() {
			b, added, err := d.svc.Merge(context.Background(), into, from, -1, false)
			return func() {
				if err != nil {
					d.showError("Could not merge the briefings", err, "Both briefings are unchanged.")
					return
				}
				d.setStatus(fmt.Sprintf("“%s” merged into “%s”.", title, oneLine(b.Title)))
				d.record(&action{label: "merge briefings",
					undo: func(ctx context.Context) (int64, error) {
						_, err := d.svc.Unmerge(ctx, into, from, added)
						return from, err
					},
					redo: func(ctx context.Context) (int64, error) {
						var err error
						_, added, err = d.svc.Merge(ctx, into, from, -1, false)
						return into, err
					},
				})
				d.sidebar.reload()
				d.showBriefing(b)
			}
		}
	})
}
