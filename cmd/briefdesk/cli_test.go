package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"briefdesk/internal/buildinfo"
	"briefdesk/internal/testuser"
)

// run runs a CLI command in-process and returns its exit status and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	if _, ok := commands[args[0]]; !ok {
		t.Fatalf("no command %q", args[0])
	}
	code := dispatch(args[0], args[1:], &out, &errb)
	return code, out.String(), errb.String()
}

const article = "testdata/ceasefire.txt"

func TestSummarizeJSON(t *testing.T) {
	code, out, errs := run(t, "summarize", "--json", "--sentences", "2", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Path, Title, Byline, Source, Published string
		Sentences                              []struct {
			Index int
			Text  string
			Score float64
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if got.Path != article || got.Title != "Border talks resume as both sides pull back artillery" {
		t.Errorf("path/title = %q / %q", got.Path, got.Title)
	}
	if len(got.Sentences) != 2 {
		t.Fatalf("want 2 sentences, got %d", len(got.Sentences))
	}
	if got.Sentences[0].Index >= got.Sentences[1].Index {
		t.Errorf("sentences not in article order: %d, %d", got.Sentences[0].Index, got.Sentences[1].Index)
	}
	body, _ := os.ReadFile(article)
	for _, s := range got.Sentences {
		if !strings.Contains(string(body), s.Text) {
			t.Errorf("sentence not verbatim from the article: %q", s.Text)
		}
		if strings.Contains(s.Text, "Mara Lindqvist") || strings.Contains(s.Text, "Credit") {
			t.Errorf("metadata summarised as content: %q", s.Text)
		}
	}
}

func TestSummarizeWords(t *testing.T) {
	code, out, errs := run(t, "summarize", "--json", "--words", "40", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct{ Sentences []struct{ Text string } }
	json.Unmarshal([]byte(out), &got)
	words := 0
	for _, s := range got.Sentences {
		words += len(strings.Fields(s.Text))
	}
	if len(got.Sentences) == 0 || words > 40 {
		t.Errorf("--words 40 gave %d sentences, %d words", len(got.Sentences), words)
	}
}

func TestActorsJSON(t *testing.T) {
	code, out, errs := run(t, "actors", "--json", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Path   string
		Actors []struct {
			Name, Type, Role string
			Aliases          []string
			Mentions         int
			Salience         float64
			Quotes           []string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if len(got.Actors) == 0 {
		t.Fatal("no actors")
	}
	for i, a := range got.Actors {
		if a.Type != "person" && a.Type != "organization" && a.Type != "place" {
			t.Errorf("actor %q has type %q", a.Name, a.Type)
		}
		if i > 0 && a.Salience > got.Actors[i-1].Salience {
			t.Errorf("actors not most salient first at %q", a.Name)
		}
		if a.Name == "Mara Lindqvist" {
			t.Errorf("byline shown as an actor")
		}
	}
	if !strings.Contains(out, "Reyes") {
		t.Errorf("the quoted mediator is missing: %s", out)
	}
}

// extract prints the article as imported: every field present (lists as
// [] rather than null), metadata apart from the body, the body verbatim.
func TestExtractJSON(t *testing.T) {
	code, out, errs := run(t, "extract", "--json", article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"path", "format", "title", "byline", "dateline", "source", "published", "language", "standfirst", "highlights", "paragraphs", "warnings"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("field %q missing", k)
		}
	}
	for _, k := range []string{"highlights", "warnings"} {
		if string(raw[k]) != "[]" {
			t.Errorf("%s = %s, want []", k, raw[k])
		}
	}
	var got struct {
		Path, Format, Title, Byline, Dateline, Source, Language string
		Paragraphs                                              []string
	}
	json.Unmarshal([]byte(out), &got)
	if got.Path != article || got.Format != "txt" || got.Title != "Border talks resume as both sides pull back artillery" ||
		got.Byline != "Mara Lindqvist" || got.Dateline != "VIENNA, June 4 (Northline)" || got.Language != "en" {
		t.Errorf("metadata = %+v", got)
	}
	if len(got.Paragraphs) != 6 || !strings.HasPrefix(got.Paragraphs[0], "Negotiators from Kestria") || got.Paragraphs[5] != "The talks are expected to last three days." {
		t.Errorf("paragraphs = %q", got.Paragraphs)
	}
	body, _ := os.ReadFile(article)
	for _, p := range got.Paragraphs {
		if !strings.Contains(string(body), p) {
			t.Errorf("paragraph not verbatim: %q", p)
		}
	}
}

func TestExtractText(t *testing.T) {
	code, out, errs := run(t, "extract", article, "nosuch.txt")
	if code != 1 || !strings.Contains(errs, "briefdesk: nosuch.txt: ") {
		t.Errorf("exit %d, stderr %q; want 1 and the failed file named", code, errs)
	}
	for _, want := range []string{article + "\nBorder talks resume", "  byline: Mara Lindqvist\n", "\n\nThe talks are expected to last three days.\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code, _, errs := run(t, "extract"); code != 2 || !strings.Contains(errs, "extract needs at least one file") {
		t.Errorf("no paths: exit %d, %q", code, errs)
	}
}

func TestImportAndSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	code, out, errs := run(t, "import", "--db", db, article)
	if code != 0 || !strings.HasPrefix(out, "imported "+article+": ") {
		t.Fatalf("import: exit %d, out %q, err %q", code, out, errs)
	}
	code, out, _ = run(t, "import", "--db", db, "--", article)
	if code != 0 || !strings.HasPrefix(out, "duplicate "+article+": ") {
		t.Fatalf("second import: exit %d, out %q", code, out)
	}
	for _, q := range []string{"artillery", `"heavy artillery"`, `"unbalanced`, "U.N.", "anti-corruption", "*", "NEAR", "AND OR NOT"} {
		code, _, errs = run(t, "search", "--db", db, "--json", "--limit", "5", q)
		if code != 0 {
			t.Errorf("search %q: exit %d: %s", q, code, errs)
		}
	}
	_, out, _ = run(t, "search", "--db", db, "--json", "artillery")
	var hit struct {
		ID      int64
		Title   string
		Path    string
		Snippet string
		Rank    float64
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &hit); err != nil {
		t.Fatalf("search output %q: %v", out, err)
	}
	if hit.ID == 0 || hit.Path != article || !strings.Contains(hit.Snippet, "artillery") {
		t.Errorf("hit = %+v", hit)
	}
}

func TestImportReportsEachFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	data, _ := os.ReadFile(article)
	os.WriteFile(filepath.Join(dir, "good.txt"), data, 0o644)
	code, out, _ := run(t, "import", "--db", filepath.Join(dir, "lib.db"), dir, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("exit %d, want 1 when a file failed", code)
	}
	for _, want := range []string{"imported " + filepath.Join(dir, "good.txt") + ": ", "failed " + filepath.Join(dir, "empty.txt") + ": ", "failed " + filepath.Join(dir, "missing.txt") + ": "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestBriefWritesOnePagePDF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "brief.pdf")
	code, _, errs := run(t, "brief", "--paper", "letter", "-o", out, article, "../../assets/samples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		info, _ := exec.Command("pdfinfo", out).Output()
		if !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(info) {
			t.Errorf("brief is not one page:\n%s", info)
		}
	}
}

func TestBriefExportFormats(t *testing.T) {
	dir := t.TempDir()
	for ext, magic := range map[string]string{".docx": "PK", ".md": "# Border talks resume", ".txt": "BORDER TALKS"} {
		out := filepath.Join(dir, "brief"+ext)
		if code, _, errs := run(t, "brief", "-o", out, article); code != 0 {
			t.Fatalf("%s: exit %d: %s", ext, code, errs)
		}
		data, _ := os.ReadFile(out)
		if !bytes.Contains(bytes.ToUpper(data[:min(len(data), 400)]), bytes.ToUpper([]byte(magic))) {
			t.Errorf("%s does not start as expected:\n%s", ext, data[:min(len(data), 200)])
		}
	}
	if code, _, errs := run(t, "brief", "-o", filepath.Join(dir, "x.odp"), article); code != 2 || !strings.Contains(errs, "unknown brief format") {
		t.Errorf("unknown extension: exit %d, %q", code, errs)
	}
}

func TestTagCoNLL(t *testing.T) {
	in := filepath.Join(t.TempDir(), "x.conll")
	os.WriteFile(in, []byte("-DOCSTART- -X- -X- O\n\nJens NNP B-NP B-PER\nStoltenberg NNP I-NP I-PER\nvisited VBD B-VP O\nLondon NNP B-NP B-LOC\n. . O O\n"), 0o644)
	code, out, errs := run(t, "tag", "--conll", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 7 || lines[0] != "-DOCSTART- -X- -X- O" || lines[1] != "" {
		t.Fatalf("lines not kept:\n%s", out)
	}
	for _, l := range lines[2:] {
		if len(strings.Fields(l)) != 5 {
			t.Errorf("want 5 columns: %q", l)
		}
	}
	if !strings.HasSuffix(lines[2], "B-PER") || !strings.HasSuffix(lines[5], "B-LOC") {
		t.Errorf("tags: %q %q", lines[2], lines[5])
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "gone.txt")
	os.Symlink(filepath.Join(dir, "nowhere"), dangling)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"summarize", "nosuch.txt"}, 1, "briefdesk: nosuch.txt: "},
		{[]string{"summarize", dangling}, 1, "briefdesk: " + dangling + ": "},
		{[]string{"actors", "--json", "nosuch.txt"}, 1, "briefdesk: nosuch.txt: "},
		{[]string{"summarize", "--bogus", article}, 2, "flag provided but not defined: -bogus"},
		{[]string{"summarize", "--sentences", "x", article}, 2, "invalid value"},
		{[]string{"summarize"}, 2, "needs at least one file"},
		{[]string{"brief", article}, 2, "needs -o OUT.pdf"},
		{[]string{"brief", "--paper", "a3", "-o", filepath.Join(dir, "x.pdf"), article}, 2, "unknown paper size"},
		{[]string{"tag"}, 2, "tag needs --conll FILE"},
		{[]string{"tag", "--conll", "nosuch.conll"}, 1, "briefdesk: nosuch.conll: "},
		{[]string{"search", "--db", filepath.Join(dir, "l.db")}, 2, "needs a query"},
		{[]string{"import", "--db", article, article}, 1, "briefdesk: "},
	}
	for _, c := range cases {
		code, _, errs := run(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", c.args, code, errs, c.code, c.want)
		}
		if strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic") {
			t.Errorf("%v: panic trace on stderr: %s", c.args, errs)
		}
	}
	if data, _ := os.ReadFile(article); !bytes.Contains(data, []byte("Border talks")) {
		t.Errorf("a bad library path damaged the file given as library")
	}
}

func TestUnreadableFile(t *testing.T) {
	if !testuser.Unprivileged(t) {
		return
	}
	p := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(p, []byte("A title\n\nSome text here."), 0o000)
	if f, err := os.Open(p); err == nil {
		f.Close()
		t.Fatal("a mode-000 file opened: the test is not running unprivileged")
	}
	code, _, errs := run(t, "summarize", p)
	if code != 1 || !strings.Contains(errs, "briefdesk: "+p+": ") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestFlagsStopAtFirstPath replays a shell glob that picks up a file named
// "--db=hijack.db": after the first path every argument is a path, so the
// import goes into the library asked for and the odd name is a failed file.
func TestFlagsStopAtFirstPath(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(article)
	good := filepath.Join(dir, "a.txt")
	os.WriteFile(good, data, 0o644)
	db := filepath.Join(dir, "lib.db")
	t.Chdir(dir)
	code, out, _ := run(t, "import", "--db", db, "a.txt", "--db=hijack.db")
	if _, err := os.Stat(filepath.Join(dir, "hijack.db")); err == nil {
		t.Fatal("a path after the first one was taken as --db")
	}
	if code != 1 || !strings.Contains(out, "imported a.txt: ") || !strings.Contains(out, "failed --db=hijack.db: no such file") {
		t.Errorf("exit %d, output %q", code, out)
	}
	// "--" ends the flags even before the first path.
	code, out, _ = run(t, "import", "--db", db, "--", "--json")
	if code != 1 || !strings.Contains(out, "failed --json: no such file") {
		t.Errorf("after --: exit %d, output %q", code, out)
	}
}

// TestPathsCannotForgeLines replays file names holding a newline, a carriage
// return, an escape sequence and a bidi override: each result is one line,
// the name spelled out, nothing raw reaches the terminal.
func TestPathsCannotForgeLines(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(article)
	names := []string{"x.txt\nimported SPOOFED.txt: fake", "cr\rimported y.txt", "esc\x1b]0;owned\x07.txt", "report\u202etxt.exe"}
	for i, n := range names {
		body := append([]byte(nil), data...)
		body = append(body, []byte(strings.Repeat(" extra", i+1))...)
		if err := os.WriteFile(filepath.Join(dir, n), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "lib.db")
	code, out, errs := run(t, "import", "--db", db, dir)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != len(names) {
		t.Fatalf("exit %d, %d lines for %d files:\n%s\n%s", code, len(lines), len(names), out, errs)
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "\r\x1b\u202e") || !strings.HasPrefix(l, "imported \"") {
			t.Errorf("line %q", l)
		}
	}
	if strings.Contains(out, "\nimported SPOOFED") {
		t.Error("a file name forged a result line")
	}
	_, out, _ = run(t, "search", "--db", db, "artillery")
	if strings.ContainsAny(out, "\r\x1b\u202e") {
		t.Errorf("search output carries control characters: %q", out)
	}
	bad := filepath.Join(dir, "gone\x1b[2J.txt")
	_, _, errs = run(t, "summarize", bad)
	if strings.ContainsRune(errs, '\x1b') || !strings.Contains(errs, `\x1b[2J`) {
		t.Errorf("stderr %q", errs)
	}
}

// TestVersion checks that `briefdesk --version` and `briefdesk version`
// print the one version the About box shows too.
func TestVersion(t *testing.T) {
	want := "briefdesk " + buildinfo.String() + "\n"
	if code, out, _ := run(t, "version"); code != 0 || out != want {
		t.Errorf("version: exit %d, %q, want %q", code, out, want)
	}
	cmd := exec.Command(os.Args[0], "--version")
	cmd.Env = append(os.Environ(), "BRIEFDESK_TEST_MAIN=1")
	out, err := cmd.Output()
	if err != nil || string(out) != want {
		t.Errorf("--version: %v, %q, want %q", err, out, want)
	}
}

// fullDisk is an output that fails after a few bytes, as a full disk or a
// closed pipe does.
type fullDisk struct{ left int }

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.left {
		n := f.left
		f.left = 0
		return n, syscall.ENOSPC
	}
	f.left -= len(p)
	return len(p), nil
}

// TestOutputErrorsFail checks that output that could not be written makes
// the command fail with a message instead of exiting 0.
func TestOutputErrorsFail(t *testing.T) {
	for _, args := range [][]string{
		{"summarize", "--json", article},
		{"actors", "--json", article},
		{"summarize", article},
	} {
		var errb bytes.Buffer
		code := dispatch(args[0], args[1:], &fullDisk{left: 20}, &errb)
		if code != 1 || !strings.Contains(errb.String(), "cannot write the output") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

// Importing into a library damaged in the middle fails with the reason and
// leaves the file as it was; searching it still works.
func TestImportRefusesDamagedLibrary(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "in")
	os.Mkdir(src, 0o755)
	data, _ := os.ReadFile(article)
	for i := range 24 {
		text := fmt.Sprintf("Harbour report %d\n\nDock %d reopened on day %d after repairs, the port authority said.\n\n%s", i, i, i*7, data)
		os.WriteFile(filepath.Join(src, fmt.Sprintf("a%02d.txt", i)), []byte(text), 0o644)
	}
	db := filepath.Join(dir, "lib.db")
	if code, out, errs := run(t, "import", "--db", db, src); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	lib, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib) < 16<<12 {
		t.Fatalf("library only %d bytes", len(lib))
	}
	mid := len(lib) / 2 &^ 4095
	for i := range 4096 {
		lib[mid+i] = byte(i*31 + 7)
	}
	os.WriteFile(db, lib, 0o644)

	code, out, errs := run(t, "import", "--db", db, article)
	if code != 1 || !strings.Contains(out+errs, "damaged") || !strings.Contains(out+errs, article) {
		t.Errorf("import into a damaged library: exit %d, out %q, err %q", code, out, errs)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, lib) {
		t.Error("the damaged library file was changed")
	}
	if code, _, errs := run(t, "search", "--db", db, "harbour"); code != 0 {
		t.Errorf("search of a damaged library: exit %d: %s", code, errs)
	}
}
