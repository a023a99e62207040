package rouge

import (
	"math"
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	got := Tokens("The U.S. GDP rose 3.1% — “fast”, naïve!")
	want := []string{"the", "u", "s", "gdp", "rose", "3", "1", "fast", "na", "ve"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func TestScore(t *testing.T) {
	// sys "the cat sat on the mat", ref "the cat lay on the mat":
	// unigram overlap 5/6, bigrams 3/5, LCS 5.
	s := Score(Tokens("the cat sat on the mat"), Tokens("The cat lay on the mat."))
	for name, c := range map[string][2]float64{"R1": {s.R1, 5.0 / 6}, "R2": {s.R2, 3.0 / 5}, "RL": {s.RL, 5.0 / 6}} {
		if math.Abs(c[0]-c[1]) > 1e-12 {
			t.Errorf("%s = %v, want %v", name, c[0], c[1])
		}
	}
	if z := Score(nil, Tokens("x")); z != (Scores{}) {
		t.Errorf("empty system: %v", z)
	}
}
