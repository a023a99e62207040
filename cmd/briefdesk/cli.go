package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"briefdesk/app"
	"briefdesk/internal/actors"
	"briefdesk/internal/brief"
	"briefdesk/internal/buildinfo"
	"briefdesk/internal/domain"
	"briefdesk/internal/engine"
	"briefdesk/internal/ingest"
)

type command struct {
	usage string
	help  string
	run   func(args []string, stdout, stderr io.Writer) int
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"import":    {"import [--db FILE] PATH...", "import files, folders and links into the library", cmdImport},
		"summarize": {"summarize [--sentences N | --words N] [--json] PATH...", "print the summary of each file without storing it", cmdSummarize},
		"actors":    {"actors [--json] PATH...", "print the key actors of each file", cmdActors},
		"extract":   {"extract [--json] PATH...", "print each file's article as imported: metadata and body paragraphs", cmdExtract},
		"brief":     {"brief [--paper a4|letter] [--classification TEXT] -o OUT.pdf|.docx|.md|.txt PATH...", "write one briefing of all PATHs as a one-page brief (PDF, or DOCX/Markdown/text by OUT's extension)", cmdBrief},
		"search":    {"search [--db FILE] [--json] [--limit N] QUERY", "full-text search of the library", cmdSearch},
		"tag":       {"tag --conll FILE", "tag the tokens of a CoNLL file with entity labels (IOB2)", cmdTag},
		"version":   {"version", "print the version", cmdVersion},
		"help":      {"help", "print this help", cmdHelp},
	}
}

// dispatch runs the command name and returns its exit status. Output that
// could not be written (a full disk, a closed pipe) fails the command with
// a message, rather than exiting 0 on a truncated result.
func dispatch(name string, args []string, stdout, stderr io.Writer) int {
	w := &checkedWriter{w: stdout}
	code := commands[name].run(args, w, stderr)
	if w.err != nil {
		if !errors.Is(w.err, syscall.EPIPE) {
			fmt.Fprintf(stderr, "briefdesk: cannot write the output: %v\n", w.err)
		}
		return max(code, 1)
	}
	return code
}

// checkedWriter keeps the first write error and writes nothing after it.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.err = err
	return n, err
}

func cmdHelp(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintln(stdout, "Briefdesk turns news articles into one-minute briefings.")
	fmt.Fprintln(stdout, "\nUsage:\n  briefdesk [PATH...]          open the window, importing PATHs as if dropped")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(stdout, "  briefdesk %s\n      %s\n", commands[n].usage, commands[n].help)
	}
	fmt.Fprintln(stdout, "\nThe library is", libraryHint())
	return 0
}

func libraryHint() string {
	p, err := app.DefaultLibraryPath()
	if err != nil {
		return "not set: " + err.Error()
	}
	return p + " (set --db or BRIEFDESK_DB to use another)"
}

func cmdVersion(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintln(stdout, "briefdesk", buildinfo.String())
	return 0
}

// flags is a command's flag set with the writer it reports errors on.
type flags struct {
	*flag.FlagSet
	stderr io.Writer
}

// newFlags makes a command's flag set. Parse errors are reported by parse in
// the CLI's own "briefdesk: ..." form, followed by the usage.
func newFlags(name string, stderr io.Writer) *flags {
	fs := &flags{flag.NewFlagSet(name, flag.ContinueOnError), stderr}
	fs.SetOutput(io.Discard)
	return fs
}

func (fs *flags) usage() {
	fmt.Fprintf(fs.stderr, "usage: briefdesk %s\n", commands[fs.Name()].usage)
	fs.SetOutput(fs.stderr)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// parse parses the flags and returns the paths after them. Flags come
// first: parsing stops at the first argument that is not a flag, or at
// "--", as with Go's flag package and POSIX tools, so a file named
// "--db=other.db" among the paths (from a shell glob) stays a path.
func (fs *flags) parse(args []string) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		if err != flag.ErrHelp {
			fmt.Fprintf(fs.stderr, "briefdesk: %s: %v\n", fs.Name(), err)
		}
		fs.usage()
		return nil, err
	}
	return fs.Args(), nil
}

// exitUsage reports a usage error and returns the exit status for it.
func (fs *flags) exitUsage(msg string) int {
	fmt.Fprintf(fs.stderr, "briefdesk: %s\n", msg)
	fs.usage()
	return 2
}

// fail reports err as "briefdesk: PATH: reason"; an error without a reason
// for the user is an internal error, and stderr, the command line's log, also
// gets its detail.
func fail(stderr io.Writer, err error) {
	for e := err; e != nil; {
		var de *domain.Error
		if !errors.As(e, &de) {
			break
		}
		if de.Reason != "" {
			if de.Path == "" {
				fmt.Fprintf(stderr, "briefdesk: %s\n", plain(de.Reason))
			} else {
				fmt.Fprintf(stderr, "briefdesk: %s: %s\n", quotePath(de.Path), plain(de.Reason))
			}
			return
		}
		e = de.Err
	}
	fmt.Fprintf(stderr, "briefdesk: %s\nbriefdesk: detail: %s\n", domain.Message(err), plain(err.Error()))
}

func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

func openLibrary(db string) (*engine.Engine, error) {
	if db == "" {
		var err error
		if db, err = app.DefaultLibraryPath(); err != nil {
			return nil, err
		}
	}
	return engine.Open(db)
}

func cmdImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", stderr)
	db := fs.String("db", "", "library file (default: the app's library, or $BRIEFDESK_DB)")
	paths, err := fs.parse(args)
	if err != nil {
		return 2
	}
	if len(paths) == 0 {
		return fs.exitUsage("import needs at least one file, folder or link")
	}
	eng, err := openLibrary(*db)
	if err != nil {
		fail(stderr, err)
		return 1
	}
	defer eng.Close()
	ctx, cancel := signalContext()
	defer cancel()
	status := 0
	eng.Import(ctx, paths, 0, func(p domain.Progress) {
		fmt.Fprintln(stdout, resultLine(p.Result))
		if p.Result.Status == domain.Failed {
			status = 1
		}
	})
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "briefdesk: import interrupted; what was imported is kept")
		return 1
	}
	return status
}

type jsonSentence struct {
	Index int     `json:"index"`
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

type jsonSummary struct {
	Path      string         `json:"path"`
	Title     string         `json:"title"`
	Byline    string         `json:"byline"`
	Source    string         `json:"source"`
	Published string         `json:"published"`
	Language  string         `json:"language"`
	Note      string         `json:"note,omitempty"`
	Sentences []jsonSentence `json:"sentences"`
}

func published(a *domain.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format(time.RFC3339)
}

func source(a *domain.Article) string {
	if a.Source != "" {
		return a.Source
	}
	return a.Credit
}

const unsupported = "the article's language is not supported yet: no summary or actors"

// eachArticle loads every file, folder entry or link in paths and calls fn,
// reporting failures on stderr. It returns 1 if any failed.
func eachArticle(paths []string, stderr io.Writer, fn func(path string, a *domain.Article)) int {
	ctx, cancel := signalContext()
	defer cancel()
	files, errs := ingest.Expand(paths)
	status := 0
	for _, err := range errs {
		fail(stderr, err)
		status = 1
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return 1
		}
		a, err := engine.Load(ctx, f)
		if err != nil {
			fail(stderr, err)
			status = 1
			continue
		}
		fn(f, a)
	}
	return status
}

func cmdSummarize(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("summarize", stderr)
	n := fs.Int("sentences", 0, "number of sentences (default: the summariser's choice)")
	words := fs.Int("words", 0, "at most this many words (whole sentences only)")
	asJSON := fs.Bool("json", false, "one JSON object per line")
	paths, err := fs.parse(args)
	if err != nil {
		return 2
	}
	if len(paths) == 0 {
		return fs.exitUsage("summarize needs at least one file")
	}
	if *n < 0 || *words < 0 || (*n > 0 && *words > 0) {
		return fs.exitUsage("give either --sentences N or --words N, with N > 0")
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	return eachArticle(paths, stderr, func(path string, a *domain.Article) {
		out := jsonSummary{Path: path, Title: a.Title, Byline: a.Byline, Source: source(a), Published: published(a), Language: a.Language, Sentences: []jsonSentence{}}
		if !a.Supported() {
			out.Note = unsupported
		} else {
			sum := engine.Summarize([]*domain.Article{a}, domain.Length{Sentences: *n, Words: *words}, domain.Edits{})
			for _, s := range sum.Sentences {
				out.Sentences = append(out.Sentences, jsonSentence{Index: s.Index, Text: s.Text, Score: round(s.Score)})
			}
		}
		if *asJSON {
			enc.Encode(out)
			return
		}
		fmt.Fprintf(stdout, "%s\n%s\n", quotePath(path), plain(out.Title))
		if out.Note != "" {
			fmt.Fprintf(stdout, "  (%s)\n", out.Note)
		}
		for _, s := range out.Sentences {
			fmt.Fprintf(stdout, "  • %s\n", plain(s.Text))
		}
		fmt.Fprintln(stdout)
	})
}

func round(x float64) float64 {
	return float64(int64(x*10000+0.5)) / 10000
}

// jsonExtract is an article exactly as imported: what the library stores
// and the summariser reads.
type jsonExtract struct {
	Path       string   `json:"path"`
	Format     string   `json:"format"`
	Title      string   `json:"title"`
	Byline     string   `json:"byline"`
	Dateline   string   `json:"dateline"`
	Source     string   `json:"source"`
	Published  string   `json:"published"`
	Language   string   `json:"language"`
	Standfirst string   `json:"standfirst"`
	Highlights []string `json:"highlights"`
	Paragraphs []string `json:"paragraphs"`
	Warnings   []string `json:"warnings"`
}

func cmdExtract(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("extract", stderr)
	asJSON := fs.Bool("json", false, "one JSON object per line")
	paths, err := fs.parse(args)
	if err != nil {
		return 2
	}
	if len(paths) == 0 {
		return fs.exitUsage("extract needs at least one file")
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	return eachArticle(paths, stderr, func(path string, a *domain.Article) {
		out := jsonExtract{Path: path, Format: string(a.Origin.Format), Title: a.Title, Byline: a.Byline, Dateline: a.Dateline,
			Source: source(a), Published: published(a), Language: a.Language, Standfirst: a.Standfirst,
			Highlights: nonNil(a.Highlights), Paragraphs: nonNil(a.Paragraphs), Warnings: nonNil(a.Warnings)}
		if *asJSON {
			enc.Encode(out)
			return
		}
		fmt.Fprintf(stdout, "%s\n%s\n", quotePath(path), plain(out.Title))
		for _, f := range [][2]string{{"byline", out.Byline}, {"dateline", out.Dateline}, {"source", out.Source},
			{"published", out.Published}, {"language", out.Language}, {"format", out.Format}} {
			if f[1] != "" {
				fmt.Fprintf(stdout, "  %s: %s\n", f[0], plain(f[1]))
			}
		}
		for _, w := range out.Warnings {
			fmt.Fprintf(stdout, "  warning: %s\n", plain(w))
		}
		if out.Standfirst != "" {
			fmt.Fprintf(stdout, "\n%s\n", plain(out.Standfirst))
		}
		if len(out.Highlights) > 0 {
			fmt.Fprintln(stdout)
			for _, h := range out.Highlights {
				fmt.Fprintf(stdout, "  • %s\n", plain(h))
			}
		}
		for _, p := range out.Paragraphs {
			fmt.Fprintf(stdout, "\n%s\n", plain(p))
		}
		fmt.Fprintln(stdout)
	})
}

// nonNil makes an absent list print as [] rather than null, so scripts
// need not tell the two apart.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

type jsonActor struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Role     string   `json:"role"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
	Salience float64  `json:"salience"`
	Level    string   `json:"level"`
	Quotes   []string `json:"quotes"`      // direct quotes, verbatim
	Reported []string `json:"paraphrases"` // reported speech ("he said that ...")
	Did      string   `json:"did,omitempty"`
}

type jsonFact struct {
	Kind string `json:"kind"`
	Text string `json:"text"`
}

type jsonActors struct {
	Path   string      `json:"path"`
	Note   string      `json:"note,omitempty"`
	Actors []jsonActor `json:"actors"`
	Facts  []jsonFact  `json:"facts"`
}

func cmdActors(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("actors", stderr)
	asJSON := fs.Bool("json", false, "one JSON object per line")
	paths, err := fs.parse(args)
	if err != nil {
		return 2
	}
	if len(paths) == 0 {
		return fs.exitUsage("actors needs at least one file")
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	return eachArticle(paths, stderr, func(path string, a *domain.Article) {
		out := jsonActors{Path: path, Actors: []jsonActor{}, Facts: []jsonFact{}}
		if !a.Supported() {
			out.Note = unsupported
		} else {
			an := engine.Analyze([]*domain.Article{a}, domain.Length{}, domain.Edits{})
			for _, ac := range an.Actors {
				j := jsonActor{Name: ac.Name, Type: string(ac.Type), Role: ac.Role, Aliases: ac.Aliases, Mentions: ac.Mentions, Salience: round(ac.Salience), Level: ac.Level, Quotes: []string{}, Reported: []string{}, Did: ac.Did}
				if j.Aliases == nil {
					j.Aliases = []string{}
				}
				for _, q := range ac.Quotes {
					if q.Direct {
						j.Quotes = append(j.Quotes, q.Text)
					} else {
						j.Reported = append(j.Reported, q.Text)
					}
				}
				out.Actors = append(out.Actors, j)
			}
			for _, f := range an.Facts {
				out.Facts = append(out.Facts, jsonFact{Kind: string(f.Kind), Text: f.Text})
			}
		}
		if *asJSON {
			enc.Encode(out)
			return
		}
		fmt.Fprintln(stdout, quotePath(path))
		if out.Note != "" {
			fmt.Fprintf(stdout, "  (%s)\n", out.Note)
		}
		for _, ac := range out.Actors {
			role := ""
			if ac.Role != "" {
				role = ", " + ac.Role
			}
			fmt.Fprintf(stdout, "  %-12s %s (%d mentions, %s)\n", ac.Type, plain(ac.Name+role), ac.Mentions, ac.Level)
			if len(ac.Aliases) > 0 {
				fmt.Fprintf(stdout, "               also: %s\n", plain(strings.Join(ac.Aliases, "; ")))
			}
			for _, q := range ac.Quotes {
				fmt.Fprintf(stdout, "               “%s”\n", plain(q))
			}
			for _, q := range ac.Reported {
				fmt.Fprintf(stdout, "               said: %s\n", plain(q))
			}
		}
		fmt.Fprintln(stdout)
	})
}

func cmdBrief(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("brief", stderr)
	out := fs.String("o", "", "output file, .pdf (default), .docx, .md or .txt (required)")
	paper := fs.String("paper", "a4", "paper size: a4 or letter")
	class := fs.String("classification", "", "classification line, e.g. \"UNCLASSIFIED // FOR OFFICIAL USE\"")
	paths, err := fs.parse(args)
	if err != nil {
		return 2
	}
	if *out == "" {
		return fs.exitUsage("brief needs -o OUT.pdf")
	}
	if len(paths) == 0 {
		return fs.exitUsage("brief needs at least one file")
	}
	p, err := brief.ParsePaper(*paper)
	if err != nil {
		return fs.exitUsage(fmt.Sprintf("unknown paper size %q: use a4 or letter", *paper))
	}
	format, ok := brief.FormatOf(*out)
	if !ok {
		return fs.exitUsage(fmt.Sprintf("%s: unknown brief format: name the file .pdf, .docx, .md or .txt", *out))
	}
	var arts []*domain.Article
	status := eachArticle(paths, stderr, func(_ string, a *domain.Article) { arts = append(arts, a) })
	if len(arts) == 0 {
		fmt.Fprintln(stderr, "briefdesk: no article could be read; no brief written")
		return 1
	}
	b := &domain.Briefing{Title: arts[0].Title, Articles: arts, Classification: *class, Created: time.Now(), Length: domain.Length{Words: engine.PageWords}}
	if err := writeFileAtomic(*out, func(w io.Writer) error {
		return engine.ExportBrief(w, b, brief.Options{Paper: p}, format)
	}); err != nil {
		fail(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", quotePath(*out))
	return status
}

// writeFileAtomic writes a file through a temporary file in the same folder,
// so a failure never leaves a half-written output behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".briefdesk-*")
	if err != nil {
		return &domain.InputError{Path: path, Reason: "cannot write here", Err: err}
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return &domain.InputError{Path: path, Reason: "cannot write file", Err: err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &domain.InputError{Path: path, Reason: "cannot write file", Err: err}
	}
	return nil
}

type jsonHit struct {
	ID      int64    `json:"id"`
	Title   string   `json:"title"`
	Path    string   `json:"path"`
	Snippet string   `json:"snippet"`
	Marks   [][2]int `json:"marks"`   // [start, end) of each match in snippet, in characters (code points)
	Matches []string `json:"matches"` // the matched words, in order
	Rank    float64  `json:"rank"`
}

// newJSONHit turns a hit into its JSON form, its snippet's byte marks into
// character offsets a script can index with.
func newJSONHit(h domain.Hit) jsonHit {
	j := jsonHit{ID: h.ArticleID, Title: h.Title, Path: h.Path, Snippet: h.Snippet.Text, Rank: h.Rank,
		Marks: [][2]int{}, Matches: h.Snippet.Matches()}
	if j.Matches == nil {
		j.Matches = []string{}
	}
	for _, m := range h.Snippet.Marks {
		if m.Start < 0 || m.End > len(h.Snippet.Text) || m.Start > m.End {
			continue
		}
		start := utf8.RuneCountInString(h.Snippet.Text[:m.Start])
		j.Marks = append(j.Marks, [2]int{start, start + utf8.RuneCountInString(h.Snippet.Text[m.Start:m.End])})
	}
	return j
}

func cmdSearch(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("search", stderr)
	db := fs.String("db", "", "library file (default: the app's library, or $BRIEFDESK_DB)")
	asJSON := fs.Bool("json", false, "one JSON object per hit")
	limit := fs.Int("limit", 20, "at most this many hits")
	words, err := fs.parse(args)
	if err != nil {
		return 2
	}
	if len(words) == 0 {
		return fs.exitUsage("search needs a query")
	}
	if *limit <= 0 {
		return fs.exitUsage("--limit must be greater than 0")
	}
	eng, err := openLibrary(*db)
	if err != nil {
		fail(stderr, err)
		return 1
	}
	defer eng.Close()
	hits, err := eng.Search(context.Background(), strings.Join(words, " "), *limit)
	if err != nil {
		fail(stderr, err)
		return 1
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, h := range hits {
		if *asJSON {
			enc.Encode(newJSONHit(h))
			continue
		}
		fmt.Fprintf(stdout, "%d\t%s\n\t%s\n\t%s\n", h.ArticleID, plain(h.Title), quotePath(h.Path), plain(h.Snippet.Text))
	}
	return 0
}

func cmdTag(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("tag", stderr)
	conll := fs.String("conll", "", "CoNLL file to tag (token in the first column)")
	rest, err := fs.parse(args)
	if err != nil {
		return 2
	}
	if *conll == "" || len(rest) > 0 {
		return fs.exitUsage("tag needs --conll FILE and nothing else")
	}
	f, err := os.Open(*conll)
	if err != nil {
		fail(stderr, &domain.InputError{Path: *conll, Reason: "cannot open file", Err: err})
		return 1
	}
	defer f.Close()
	if err := actors.TagCoNLL(f, stdout); err != nil {
		fail(stderr, &domain.InputError{Path: *conll, Reason: err.Error(), Err: err})
		return 1
	}
	return 0
}
