package app

import (
	"context"
	"log"

	"briefdesk/internal/domain"
)

// action is one thing the officer did that Undo can take back: a summary
// edit, a rename, a move, taking an article out, deleting an article or a
// briefing, a merge. undo and redo run off the UI goroutine, through the
// engine, and return the briefing to show afterwards (0 for none).
type action struct {
	label      string // "pin sentence": the menu reads "Undo pin sentence"
	undo, redo func(ctx context.Context) (int64, error)
}

// history is the window's undo and redo stacks, newest last.
type history struct {
	done, undone []*action
	busy         bool // an undo or redo is running
}

// maxHistory bounds the undo stack; older actions cannot be undone.
const maxHistory = 100

// record adds a to the undo stack; a new action clears what could be redone.
func (d *desk) record(a *action) {
	h := &d.history
	h.done = append(h.done, a)
	if len(h.done) > maxHistory {
		h.done = h.done[1:]
	}
	h.undone = nil
	d.updateHistory()
}

// clearHistory forgets every action, after a restore from backup replaced
// what they refer to.
func (d *desk) clearHistory() {
	d.history.done, d.history.undone = nil, nil
	d.updateHistory()
}

func (d *desk) onUndo() { d.undoStep(&d.history.done, &d.history.undone, true) }
func (d *desk) onRedo() { d.undoStep(&d.history.undone, &d.history.done, false) }

// undoStep takes the newest action off from, undoes or redoes it, and puts
// it on to. An action that fails (its briefing is gone) is dropped with a
// message.
func (d *desk) undoStep(from, to *[]*action, undo bool) {
	d.enqueue(func() func() func() {
		h := &d.history
		if len(*from) == 0 {
			return nil
		}
		a := (*from)[len(*from)-1]
		*from = (*from)[:len(*from)-1]
		h.busy = true
		d.updateHistory()
		verb, doing, done, fn := "redo", "Redoing", "Redone", a.redo
		if undo {
			verb, doing, done, fn = "undo", "Undoing", "Undone", a.undo
		}
		d.setStatus(doing + " " + a.label + "…")
		return func() func() {
			id, err := fn(context.Background())
			return func() {
				h.busy = false
				if err != nil {
					d.updateHistory()
					d.showError("Could not "+verb+" "+a.label, err,
						"The library has been reloaded, so what you see is what is stored.")
					d.reloadAll()
					return
				}
				*to = append(*to, a)
				d.updateHistory()
				d.setStatus(done + ": " + a.label + ".")
				d.sidebar.reload()
				if id != 0 {
					d.openBriefing(id)
				} else {
					d.reloadAll() // the briefing shown may have gone (a delete redone)
				}
			}
		}
	})
}

// updateHistory shows what Undo and Redo would do in the Edit menu and the
// status bar.
func (d *desk) updateHistory() {
	h := &d.history
	if d.undoItem != nil {
		d.undoItem.Label, d.undoItem.Disabled = "Undo", len(h.done) == 0 || h.busy
		if n := len(h.done); n > 0 {
			d.undoItem.Label = "Undo " + h.done[n-1].label
		}
		d.redoItem.Label, d.redoItem.Disabled = "Redo", len(h.undone) == 0 || h.busy
		if n := len(h.undone); n > 0 {
			d.redoItem.Label = "Redo " + h.undone[n-1].label
		}
		if m := d.win.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	if d.undoButton != nil {
		if len(h.done) > 0 {
			d.undoButton.SetText("Undo " + h.done[len(h.done)-1].label)
			d.undoButton.Show()
		} else {
			d.undoButton.Hide()
		}
		if h.busy {
			d.undoButton.Disable()
		} else {
			d.undoButton.Enable()
		}
		d.statusBar.Refresh()
	}
}

// reloadAll shows the library as stored: the list and the open briefing.
func (d *desk) reloadAll() {
	d.sidebar.reload()
	if b := d.view.current(); b != nil {
		id := b.ID
		d.run(func() {
			nb, err := d.svc.Briefing(context.Background(), id)
			d.do(func() {
				if cur := d.view.current(); cur == nil || cur.ID != id {
					return
				}
				if err != nil {
					if domain.KindOf(err) != domain.NotFound {
						log.Printf("briefdesk: reload briefing %d: %v", id, err)
					}
					d.showEmpty()
					return
				}
				d.view.show(nb)
			})
		})
	}
}

// A change to the library (an edit, an undo, a delete) runs one at a time
// and in the order the officer asked for it, so that each starts from the
// result of the one before and Undo records the state it really replaced.

// step is one queued change: it runs on the UI goroutine when its turn
// comes and returns the work to do off it (nil to do nothing), which
// returns what to show on the UI goroutine afterwards.
type step func() (work func() (finish func()))

// enqueue queues s behind the changes already asked for.
func (d *desk) enqueue(s step) {
	d.changes = append(d.changes, s)
	if !d.changing {
		d.nextChange()
	}
}

func (d *desk) nextChange() {
	for len(d.changes) > 0 {
		s := d.changes[0]
		d.changes = d.changes[1:]
		work := s()
		if work == nil {
			continue
		}
		d.changing = true
		d.run(func() {
			finish := work()
			d.do(func() {
				d.changing = false
				if finish != nil {
					finish()
				}
				d.nextChange()
			})
		})
		return
	}
}
