//go:build race

package ingest

// raceEnabled makes the evaluation tests sample their data: the race
// detector slows parsing about fifteen-fold.
const raceEnabled = true
