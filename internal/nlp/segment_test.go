package nlp

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"briefdesk/internal/evaldata"
)

// segCase is one hard case in the style of the Golden Rules of sentence
// segmentation; the texts are written for this project.
type segCase struct {
	name string
	text string
	want []string
}

// segKnownFailures are cases the segmenter gets wrong on purpose or for
// now; they count in the pass rate but do not fail the test.
var segKnownFailures = map[string]bool{
	"lowercase sentence start":             true, // rare in edited news; splitting would break "etc. and"
	"ellipsis before I inside one thought": true,
	"a.m. before a title":                  true, // indistinguishable from "at 7 a.m. Mr. X spoke" ending a sentence
	"lowercase list lines":                 true, // would break hard-wrapped text
}

var segCases = []segCase{
	{"simple period", "The talks ended. Both sides left.", []string{"The talks ended.", "Both sides left."}},
	{"question", "Will the deal hold? Nobody knows.", []string{"Will the deal hold?", "Nobody knows."}},
	{"exclamation", "It worked! The crowd cheered.", []string{"It worked!", "The crowd cheered."}},
	{"U.S. mid sentence", "The U.S. Navy sent two ships to the region.", []string{"The U.S. Navy sent two ships to the region."}},
	{"U.S. at end", "The envoy flew back to the U.S. The talks were over.", []string{"The envoy flew back to the U.S.", "The talks were over."}},
	{"U.K. and U.N.", "The U.K. and the U.N. issued a joint statement on Monday.", []string{"The U.K. and the U.N. issued a joint statement on Monday."}},
	{"general", "Gen. Mark Hale said the brigade would stay. It will leave in May.", []string{"Gen. Mark Hale said the brigade would stay.", "It will leave in May."}},
	{"No. 10", "Aides at No. 10 Downing Street denied it.", []string{"Aides at No. 10 Downing Street denied it."}},
	{"Mr and Dr", "Mr. Ortiz met Dr. Lena Park on Friday. They spoke for an hour.", []string{"Mr. Ortiz met Dr. Lena Park on Friday.", "They spoke for an hour."}},
	{"Mrs Ms Prof", "Mrs. Cole and Prof. Adeyemi wrote to Ms. Ray.", []string{"Mrs. Cole and Prof. Adeyemi wrote to Ms. Ray."}},
	{"initials", "The novel by J. K. Rowling sold well. Critics were kinder this time.", []string{"The novel by J. K. Rowling sold well.", "Critics were kinder this time."}},
	{"middle initial", "George W. Bush visited the base.", []string{"George W. Bush visited the base."}},
	{"decimal percent", "Growth slowed to 3.1% in the third quarter. Exports fell.", []string{"Growth slowed to 3.1% in the third quarter.", "Exports fell."}},
	{"money", "The firm raised $4.2bn from investors. Its shares rose 2.5 per cent.", []string{"The firm raised $4.2bn from investors.", "Its shares rose 2.5 per cent."}},
	{"number ends sentence", "The death toll rose to 45. Rescuers are still searching.", []string{"The death toll rose to 45.", "Rescuers are still searching."}},
	{"quote attribution comma", "\"We will go forward,\" the chief said. The board agreed.", []string{"\"We will go forward,\" the chief said.", "The board agreed."}},
	{"quote ends sentence", "\"We will win.\" He left the room.", []string{"\"We will win.\"", "He left the room."}},
	{"quote question lowercase", "\"Why now?\" she asked. Nobody answered.", []string{"\"Why now?\" she asked.", "Nobody answered."}},
	{"quote exclamation attribution", "\"Get out!\" he shouted at the reporters.", []string{"\"Get out!\" he shouted at the reporters."}},
	{"curly quotes", "“It is over.” The minister resigned the next day.", []string{"“It is over.”", "The minister resigned the next day."}},
	{"single quotes", "He called it 'a disgrace.' Others disagreed.", []string{"He called it 'a disgrace.'", "Others disagreed."}},
	{"new sentence opens with quote", "The vote passed. \"This is a great day,\" she said.", []string{"The vote passed.", "\"This is a great day,\" she said."}},
	{"parenthesis closes", "The bill failed (again.) Its sponsor vowed to return.", []string{"The bill failed (again.)", "Its sponsor vowed to return."}},
	{"parenthetical sentence", "Prices rose. (Wages did not.) Unions were angry.", []string{"Prices rose.", "(Wages did not.)", "Unions were angry."}},
	{"ellipsis mid sentence", "He paused... then carried on speaking.", []string{"He paused... then carried on speaking."}},
	{"ellipsis ends sentence", "The line went dead... Nobody called back.", []string{"The line went dead...", "Nobody called back."}},
	{"unicode ellipsis", "She waited… The bus never came.", []string{"She waited…", "The bus never came."}},
	{"paragraph without punctuation", "Crisis in the north\n\nFighting resumed on Sunday.", []string{"Crisis in the north", "Fighting resumed on Sunday."}},
	{"heading line", "Key points\nTroops will withdraw by June.", []string{"Key points", "Troops will withdraw by June."}},
	{"bullets", "The plan has three parts:\n- a ceasefire\n- prisoner swaps\n- new elections", []string{"The plan has three parts:", "- a ceasefire", "- prisoner swaps", "- new elections"}},
	{"numbered list", "Next steps\n1. Draft the text.\n2. Sign it.", []string{"Next steps", "1. Draft the text.", "2. Sign it."}},
	{"hard wrapped line", "The committee said it would\npublish its report next week.", []string{"The committee said it would\npublish its report next week."}},
	{"time a.m.", "The blast happened at 9 a.m. on Tuesday.", []string{"The blast happened at 9 a.m. on Tuesday."}},
	{"a.m. at end", "Polls opened at 7 a.m. The turnout was high.", []string{"Polls opened at 7 a.m.", "The turnout was high."}},
	{"company Inc", "Shares of Acme Inc. rose sharply. Analysts were surprised.", []string{"Shares of Acme Inc. rose sharply.", "Analysts were surprised."}},
	{"Inc at end", "He joined Acme Inc. The deal closed later.", []string{"He joined Acme Inc.", "The deal closed later."}},
	{"e.g.", "Some states, e.g. Ohio, changed the rules.", []string{"Some states, e.g. Ohio, changed the rules."}},
	{"etc lowercase", "They sold food, fuel, etc. and made a profit.", []string{"They sold food, fuel, etc. and made a profit."}},
	{"month segAbbreviation", "The law takes effect on Jan. 1 next year.", []string{"The law takes effect on Jan. 1 next year."}},
	{"St.", "They met at St. Paul's Cathedral.", []string{"They met at St. Paul's Cathedral."}},
	{"Sen. and Rep.", "Sen. Ana Ruiz and Rep. Tom Bell voted no.", []string{"Sen. Ana Ruiz and Rep. Tom Bell voted no."}},
	{"URL", "Details are at www.example.org. The site went live today.", []string{"Details are at www.example.org.", "The site went live today."}},
	{"email", "Write to press@example.org for details.", []string{"Write to press@example.org for details."}},
	{"multiple punctuation", "You did what?! That is absurd.", []string{"You did what?!", "That is absurd."}},
	{"no space after period", "The score was 2.0.He left.", []string{"The score was 2.0.He left."}},
	{"double space", "It rained.  The match was off.", []string{"It rained.", "The match was off."}},
	{"lowercase after period not split", "The device was named the iPhone. iPhones sold well.", []string{"The device was named the iPhone. iPhones sold well."}},
	{"sentence starts with number", "Turnout fell. 45 per cent voted.", []string{"Turnout fell.", "45 per cent voted."}},
	{"segAbbreviation Jr", "Martin Luther King Jr. spoke here in 1963.", []string{"Martin Luther King Jr. spoke here in 1963."}},
	{"Gov. at start of paragraph", "Gov. Lee signed it.\n\nThe law starts in May.", []string{"Gov. Lee signed it.", "The law starts in May."}},
	{"trailing spaces", "  One.   Two.  ", []string{"One.", "Two."}},
	{"spaced ellipsis", "He said . . . nothing at all.", []string{"He said . . . nothing at all."}},
	{"dash quote", "It was, he said, \"a mistake.\" Then he resigned.", []string{"It was, he said, \"a mistake.\"", "Then he resigned."}},
	{"CNN prefix", "(CNN)The storm hit at dawn. Thousands fled.", []string{"(CNN)The storm hit at dawn.", "Thousands fled."}},
	{"Washington D.C.", "The march in Washington D.C. drew thousands.", []string{"The march in Washington D.C. drew thousands."}},
	{"missing space after period", "Talks resumed today.Both delegations attended.", []string{"Talks resumed today.", "Both delegations attended."}},
	{"missing space after amount", "The fund paid out 2,000.That was the limit.", []string{"The fund paid out 2,000.", "That was the limit."}},
	{"domain name not split", "See the notice on example.Org.uk today.", []string{"See the notice on example.Org.uk today."}},
	{"email with dots", "Write to Ana.Lopez@example.org. She answers quickly.", []string{"Write to Ana.Lopez@example.org.", "She answers quickly."}},
	{"U.S.A. then lowercase-led phrase", "She toured the U.S.A. last spring.", []string{"She toured the U.S.A. last spring."}},
	{"abbreviation then pronoun", "Ask Ruiz and co. They know the file.", []string{"Ask Ruiz and co.", "They know the file."}},
	{"dotted abbreviation then pronoun", "The nurse fitted the i.v. It kept him alive.", []string{"The nurse fitted the i.v.", "It kept him alive."}},
	{"bracket mid sentence", "He teaches law (he once worked as a judge.) at the university.", []string{"He teaches law (he once worked as a judge.) at the university."}},
	{"exclamation inside dashes", "Add the salt and -- presto! -- the soup is done.", []string{"Add the salt and -- presto! -- the soup is done."}},
	{"amount then sentence", "She carried $100.00. It was all she had.", []string{"She carried $100.00.", "It was all she had."}},
	{"quote then lowercase attribution", "He turned to her, 'This is over.' she said.", []string{"He turned to her, 'This is over.' she said."}},
	{"four dots", "I never said that.... She walked out.", []string{"I never said that....", "She walked out."}},
	// Known failures, kept so the pass rate stays honest.
	{"lowercase sentence start", "We may go to Leeds. many fans will follow.", []string{"We may go to Leeds.", "many fans will follow."}},
	{"ellipsis before I inside one thought", "The point is . . . I did not mean it.", []string{"The point is . . . I did not mean it."}},
	{"a.m. before a title", "At 5 a.m. Mr. Ortiz went to the bank.", []string{"At 5 a.m. Mr. Ortiz went to the bank."}},
	{"lowercase list lines", "services\ncontact desk\nevents, visits", []string{"services", "contact desk", "events, visits"}},
	{"D.C. at end", "She moved to Washington, D.C. It was 1999.", []string{"She moved to Washington, D.C.", "It was 1999."}},
}

func segTexts(text string, spans []Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func segEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSegment(t *testing.T) {
	pass := 0
	for _, c := range segCases {
		got := segTexts(c.text, Segment(c.text))
		if segEqual(got, c.want) {
			pass++
			continue
		}
		if segKnownFailures[c.name] {
			t.Logf("known failure %s: got %q", c.name, got)
			continue
		}
		t.Errorf("%s:\n got  %q\n want %q", c.name, got, c.want)
	}
	t.Logf("Segment passes %d/%d hard cases", pass, len(segCases))
}

// TestSegmentProse measures prose's segmenter on the same table, for the
// comparison in the summary issue; it never fails.
func TestSegmentProse(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	pass := 0
	for _, c := range segCases {
		doc, err := prose.NewDocument(c.text, prose.WithTagging(false), prose.WithExtraction(false), prose.WithTokenization(false))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range doc.Sentences() {
			for _, p := range strings.Split(s.Text, "\n\n") {
				if p = strings.TrimSpace(p); p != "" {
					got = append(got, p)
				}
			}
		}
		if segEqual(got, c.want) {
			pass++
		}
	}
	t.Logf("prose passes %d/%d hard cases", pass, len(segCases))
}

func TestSegmentSpansTrimmed(t *testing.T) {
	text := "  First one.  \n\n Second one!\n\n\nThird  "
	for _, sp := range Segment(text) {
		s := text[sp.Start:sp.End]
		if strings.TrimSpace(s) != s || s == "" {
			t.Errorf("span %v = %q not trimmed", sp, s)
		}
	}
}

// TestSegmentBBC checks how many BBC reference summary sentences (cut by a
// punkt-like segmenter) are exactly one of our segments.
func TestSegmentBBC(t *testing.T) {
	f, err := os.Open(evaldata.Path(t, "eval/summaries/bbc.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	total, hit := 0, 0
	for sc.Scan() {
		var rec struct {
			Text      string   `json:"text"`
			Sentences []string `json:"summary_sentences"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		segs := map[string]bool{}
		for _, s := range segTexts(rec.Text, Segment(rec.Text)) {
			segs[s] = true
		}
		for _, s := range rec.Sentences {
			total++
			if segs[strings.TrimSpace(s)] {
				hit++
			} else if os.Getenv("BRIEFDESK_SEGDEBUG") != "" {
				t.Logf("miss %q", s)
			}
		}
	}
	frac := float64(hit) / float64(total)
	t.Logf("BBC reference sentences matching a segment: %d/%d = %.1f%%", hit, total, 100*frac)
	if frac < 0.95 {
		t.Errorf("only %.1f%% of BBC reference sentences match a segment", 100*frac)
	}
}

// A sentence the tagger cannot read keeps its words, tagged by shape, with
// offsets into the text (issue 11 item 9).
func TestShapeTokens(t *testing.T) {
	s := "Officials in Kyiv said 14 people, including Müller, were hurt."
	toks := shapeTokens(s, 100)
	var got []string
	for _, tk := range toks {
		if s[tk.Start-100:tk.End-100] != tk.Text {
			t.Fatalf("token %q at %d-%d does not point into the text", tk.Text, tk.Start, tk.End)
		}
		got = append(got, tk.Text+"/"+tk.Tag)
	}
	want := "Officials/NNP in/NN Kyiv/NNP said/NN 14/CD people/NN ,/, including/NN Müller/NNP ,/, were/NN hurt/NN ./."
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}
