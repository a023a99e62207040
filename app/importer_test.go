package app

import (
	"fmt"
	"testing"

	"briefdesk/internal/domain"
)

// A folder of hundreds of small files must not cost one UI update per file:
// the first result shows at once, the rest arrive in one batch per tick.
func TestImportProgressIsCoalesced(t *testing.T) {
	h := newHarness(t)
	job := newImportJob(h.d, []string{"/news"}, 0)
	h.d.lastJob = job
	job.start()
	h.queue = nil // the reports below stand in for the engine's
	do := h.d.do
	calls := 0
	h.d.do = func(fn func()) { calls++; do(fn) }

	const total = 300
	result := func(i int) domain.ImportResult {
		if i%50 == 0 {
			return domain.ImportResult{Path: fmt.Sprintf("/news/bad%03d.txt", i), Status: domain.Failed, Detail: "empty file"}
		}
		return domain.ImportResult{Path: fmt.Sprintf("/news/a%03d.txt", i), Status: domain.Imported, Detail: "Story", BriefingID: int64(i)}
	}
	job.report(progressOf(1, total, result(0)))
	if calls != 1 || len(job.results) != 1 || job.bar.Value != 1 {
		t.Fatalf("first result: %d UI calls, %d results, bar %v; want it shown at once", calls, len(job.results), job.bar.Value)
	}
	for i := 1; i < total; i++ {
		job.report(progressOf(i+1, total, result(i)))
	}
	if calls != 1 || len(h.timers) != 1 {
		t.Fatalf("%d more results made %d UI calls and %d timers, want 1 and 1", total-1, calls, len(h.timers))
	}
	if len(job.results) != 1 {
		t.Fatalf("results shown before the tick: %d", len(job.results))
	}
	h.timers[0].fn()
	h.timers = nil
	if len(job.results) != total {
		t.Fatalf("after the tick %d results, want %d", len(job.results), total)
	}
	if job.bar.Value != total || job.bar.Max != total {
		t.Errorf("bar %v of %v, want %d of %d", job.bar.Value, job.bar.Max, total, total)
	}
	if want := "294 imported, 6 failed."; job.summary.Text != want {
		t.Errorf("summary %q, want %q", job.summary.Text, want)
	}
	if want := "300 of 300: a299.txt"; job.current.Text != want {
		t.Errorf("current %q, want %q", job.current.Text, want)
	}
	for i, r := range job.results {
		if r.Path != result(i).Path {
			t.Fatalf("result %d is %s, want %s: order lost in the batch", i, r.Path, result(i).Path)
		}
	}

	// A tick that fires after the import finished changes nothing.
	job.report(progressOf(total, total, result(0)))
	job.onDone(job.results[:total])
	for _, ft := range h.timers {
		ft.fn()
	}
	if len(job.results) != total {
		t.Errorf("a late tick added results: %d", len(job.results))
	}
}

// A cancelled import leaves its bar where it stopped and says how far it got.
func TestCancelledImportShowsWhereItStopped(t *testing.T) {
	h := newHarness(t)
	job := newImportJob(h.d, []string{"/news"}, 0)
	h.d.lastJob = job
	job.start()
	h.queue = nil
	var rs []domain.ImportResult
	for i := range 4 {
		r := domain.ImportResult{Path: fmt.Sprintf("/news/a%d.txt", i), Status: domain.Imported, Detail: "Story", BriefingID: int64(i + 1)}
		rs = append(rs, r)
		job.onProgress(progressOf(i+1, 10, r))
	}
	job.onCancel()
	if !job.stop.Disabled() || job.ctx.Err() == nil {
		t.Fatal("Cancel did not stop the engine's context")
	}
	job.onDone(rs)
	if job.bar.Value != 4 || job.bar.Max != 10 {
		t.Errorf("bar %v of %v after cancelling, want 4 of 10", job.bar.Value, job.bar.Max)
	}
	if want := "Import cancelled after 4 of 10. What was imported stays in the library."; job.current.Text != want {
		t.Errorf("message %q, want %q", job.current.Text, want)
	}
	if !job.close.Visible() || job.stop.Visible() {
		t.Error("a cancelled import should offer Close, not Cancel")
	}
}
