//go:build race

package brief

// raceEnabled trims the BBC sweep under the race detector, which makes the
// layout several times slower; the plain run covers every article.
const raceEnabled = true
