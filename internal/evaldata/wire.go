package evaldata

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// WireActor is one hand-made gold card of a wire story.
type WireActor struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"` // person, org or place
	Role     string   `json:"role"`
	Aliases  []string `json:"aliases"`
	Salience int      `json:"salience"` // 3 central, 2 supporting, 1 mentioned
	Quotes   []string `json:"quotes"`   // verbatim snippets of the actor's direct quotes
}

// WireNumber is a key figure with what it counts.
type WireNumber struct {
	Figure string `json:"figure"`
	Counts string `json:"counts"`
}

// WireDate is a key date with its event.
type WireDate struct {
	Date  string `json:"date"`
	Event string `json:"event"`
}

// WireGold is the annotation of one wire story, written before any code ran on it.
type WireGold struct {
	Actors     []WireActor  `json:"actors"`
	NotActors  []string     `json:"not_actors"`
	Staff      []string     `json:"staff"`
	Highlights []string     `json:"highlights"`
	Picks      []string     `json:"picks"`
	Numbers    []WireNumber `json:"numbers"`
	Dates      []WireDate   `json:"dates"`
}

// WireStory is one evaluation story: its text and its gold.
type WireStory struct {
	Name string // file stem, e.g. "quake_relief"
	Path string // path of the .txt
	Text string
	Gold WireGold
}

// WireSplits are the splits Wire accepts. Only "dev" may be read while
// working; "heldout" is scored by the lead at the end, in aggregate.
var WireSplits = []string{"dev", "heldout"}

// WireDir returns the folder of a split, found beside this source file so it
// works from any package's tests and from tools run at the module root.
func WireDir(split string) (string, error) {
	ok := false
	for _, s := range WireSplits {
		ok = ok || s == split
	}
	if !ok {
		return "", fmt.Errorf("evaldata.Wire: unknown split %q (want one of %v)", split, WireSplits)
	}
	_, file, _, found := runtime.Caller(0)
	if found {
		dir := filepath.Join(filepath.Dir(file), "wire", split)
		if _, err := os.Stat(dir); err == nil {
			return dir, nil
		}
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "internal", "evaldata", "wire", split), nil
}

// Wire loads every story of a split ("dev" or "heldout"), sorted by name.
// Each NAME.txt must have a NAME.json beside it and the other way round.
func Wire(split string) ([]WireStory, error) {
	dir, err := WireDir(split)
	if err != nil {
		return nil, err
	}
	txts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	jsons, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(txts) == 0 {
		return nil, fmt.Errorf("evaldata.Wire: no stories in %s", dir)
	}
	if len(txts) != len(jsons) {
		return nil, fmt.Errorf("evaldata.Wire: %s has %d .txt and %d .json files", dir, len(txts), len(jsons))
	}
	sort.Strings(txts)
	var out []WireStory
	for _, p := range txts {
		s, err := loadWire(p)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func loadWire(txtPath string) (WireStory, error) {
	stem := strings.TrimSuffix(filepath.Base(txtPath), ".txt")
	text, err := os.ReadFile(txtPath)
	if err != nil {
		return WireStory{}, err
	}
	raw, err := os.ReadFile(strings.TrimSuffix(txtPath, ".txt") + ".json")
	if err != nil {
		return WireStory{}, err
	}
	s := WireStory{Name: stem, Path: txtPath, Text: string(text)}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s.Gold); err != nil {
		return WireStory{}, fmt.Errorf("evaldata.Wire: %s.json: %w", stem, err)
	}
	if len(s.Gold.Actors) == 0 {
		return WireStory{}, errors.New("evaldata.Wire: " + stem + ".json has no actors")
	}
	return s, nil
}
