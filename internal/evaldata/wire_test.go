package evaldata

import (
	"strings"
	"testing"
)

// TestWireDevAnnotation checks the gold of the dev stories against their own
// text: it never runs Briefdesk's NLP. Heldout is left alone on purpose.
func TestWireDevAnnotation(t *testing.T) {
	stories, err := Wire("dev")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		verbatim := func(kind, x string) {
			if strings.TrimSpace(x) == "" {
				t.Errorf("%s: empty %s", s.Name, kind)
			} else if !strings.Contains(s.Text, x) {
				t.Errorf("%s: %s %q not in the text", s.Name, kind, x)
			}
		}
		for _, a := range s.Gold.Actors {
			switch a.Type {
			case "person", "org", "place":
			default:
				t.Errorf("%s: %s has type %q", s.Name, a.Name, a.Type)
			}
			if a.Salience < 1 || a.Salience > 3 {
				t.Errorf("%s: %s has salience %d", s.Name, a.Name, a.Salience)
			}
			verbatim("name", a.Name)
			for _, x := range a.Aliases {
				verbatim("alias of "+a.Name, x)
			}
			for _, x := range a.Quotes {
				verbatim("quote of "+a.Name, x)
			}
		}
		for _, x := range s.Gold.Staff {
			verbatim("staff", x)
		}
		for _, x := range s.Gold.Highlights {
			verbatim("highlight", x)
		}
		if n := len(s.Gold.Picks); n < 3 || n > 5 {
			t.Errorf("%s: %d picks, want 3 to 5", s.Name, n)
		}
		last := -1
		for _, x := range s.Gold.Picks {
			verbatim("pick", x)
			if i := strings.Index(s.Text, x); i >= 0 && i < last {
				t.Errorf("%s: pick %q out of story order", s.Name, x)
			} else if i >= 0 {
				last = i
			}
		}
		for _, d := range s.Gold.Dates {
			verbatim("date", d.Date)
		}
		for _, n := range s.Gold.Numbers {
			verbatim("figure", n.Figure)
		}
	}
}

func TestWireUnknownSplit(t *testing.T) {
	if _, err := Wire("test"); err == nil {
		t.Fatal("Wire(\"test\") gave no error")
	}
}
