package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// TextHash returns the hex SHA-256 of the normalised words of a body: lower
// case, letters and digits only, single spaces. The same article saved as a
// web page, a PDF or a Word file gives the same hash, whatever the line
// breaks, quote styles or file name.
func TextHash(body string) string { return textHash(words(body)) }

func textHash(ws []string) string {
	sum := sha256.Sum256([]byte(strings.Join(ws, " ")))
	return hex.EncodeToString(sum[:])
}

// SimHash returns the 64-bit SimHash of a body's word 3-shingles (Charikar).
// Small edits (a changed word, an added sentence) flip few bits, so the
// library can flag re-published wire stories by Hamming distance.
func SimHash(body string) uint64 { return simHash(words(body)) }

func simHash(ws []string) uint64 {
	var v [64]int
	add := func(s string) {
		x := fnv64a(s)
		for i := range v {
			if x&(1<<uint(i)) != 0 {
				v[i]++
			} else {
				v[i]--
			}
		}
	}
	const k = 3
	if len(ws) < k {
		if len(ws) > 0 {
			add(strings.Join(ws, " "))
		}
	} else {
		for i := 0; i+k <= len(ws); i++ {
			add(ws[i] + " " + ws[i+1] + " " + ws[i+2])
		}
	}
	var x uint64
	for i, n := range v {
		if n > 0 {
			x |= 1 << uint(i)
		}
	}
	return x
}

// fnv64a is FNV-1a without the allocation of hash/fnv's interface.
func fnv64a(s string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}

// Distance returns the Hamming distance between two SimHashes. Articles of a
// few hundred words that share a story but differ in a sentence or two land
// within NearDuplicate bits of each other.
func Distance(a, b uint64) int {
	x := a ^ b
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

// NearDuplicate is the Hamming distance up to which two SimHashes are taken
// for the same story with small edits.
const NearDuplicate = 10
