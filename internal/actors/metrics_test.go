package actors

import (
	"encoding/json"
	"testing"

	"briefdesk/internal/evaldata"
)

// TestSeedCardMetrics prints the card metrics on the seed gold (run with
// -v for `make eval`) and guards floors well below the measured figures.
func TestSeedCardMetrics(t *testing.T) {
	m, cards, err := EvalGold(evaldata.Path(t, "eval/seed-gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seed card metrics:\n%s", m)
	if testing.Verbose() {
		for _, cs := range cards {
			for _, c := range cs {
				b, _ := json.Marshal(c)
				t.Logf("%s", b)
			}
		}
	}
	if m.Recall() < 0.6 {
		t.Errorf("actor recall %.2f, want >= 0.6", m.Recall())
	}
	if m.Leaks > 0 {
		t.Errorf("%d byline/credit names became cards", m.Leaks)
	}
}
