package app

import (
	"math"
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

// TestPreviewBodyTextTrueSize checks that the preview scales the page so the
// body text is drawn at its true size, not rounded down a pixel.
func TestPreviewBodyTextTrueSize(t *testing.T) {
	pg, err := brief.Layout(goldenBriefing(), brief.Options{Paper: brief.A4})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []fyne.Size{{Width: 420, Height: 600}, {Width: 640, Height: 760}, {Width: 880, Height: 1000}} {
		scale := previewScale(pg, s)
		if w, h := float32(pg.Width)*scale, float32(pg.Height)*scale; w > s.Width || h > s.Height || w < s.Width*0.85 && h < s.Height*0.85 {
			t.Errorf("in %v the page is drawn %.0fx%.0f", s, w, h)
		}
		body := 0
		for _, it := range pg.Items {
			if it.Kind != brief.TextItem || it.Size != pg.BodySize {
				continue
			}
			body++
			want := float32(it.Size*ptToMM) * scale
			if got := previewText(it, scale).TextSize; math.Abs(float64(got-want)) > 0.05 {
				t.Fatalf("in %v body text %q drawn at %.2f px, want %.2f", s, it.Text, got, want)
			}
		}
		if body == 0 {
			t.Fatal("no body text on the page")
		}
	}
}
