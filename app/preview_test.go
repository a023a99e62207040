package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"briefdesk/internal/brief"
)

// TestPreviewRunsDoNotOverlap draws the laid-out page the way the print
// preview does and checks that no run of text on a line reaches into the run
// placed after it (a bold "Source" label used to touch the source name).
func TestPreviewRunsDoNotOverlap(t *testing.T) {
	test.NewApp()
	drv := fyne.CurrentApp().Driver()
	b := goldenBriefing()
	b.Articles[0].Source = ""
	for _, paper := range []brief.Paper{brief.A4, brief.Letter} {
		pg, err := brief.Layout(b, brief.Options{Paper: paper})
		if err != nil {
			t.Fatal(err)
		}
		// Preview scales from a small dialog to a maximised one.
		for _, scale := range []float32{1.4, 1.7, 1.95, 2.3, 2.75, 3.1} {
			var prev *brief.Item
			for i := range pg.Items {
				it := &pg.Items[i]
				if it.Kind != brief.TextItem {
					continue
				}
				if prev != nil && prev.Y == it.Y && it.X > prev.X {
					txt := previewText(*prev, scale)
					w, _ := drv.RenderedTextSize(txt.Text, txt.TextSize, txt.TextStyle, txt.FontSource)
					if room := float32(it.X-prev.X) * scale; w.Width > room+0.5 {
						t.Errorf("paper %v scale %.2f: %q is %.1f px wide, but %q starts %.1f px after it", paper, scale, prev.Text, w.Width, it.Text, room)
					}
				}
				prev = it
			}
		}
	}
}
