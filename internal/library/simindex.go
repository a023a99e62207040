package library

import (
	"context"
	"database/sql"
	"math/bits"
	"sort"
	"sync"
)

// simIndex holds every article's SimHash in memory so that AddArticle can
// find near-duplicates up to NearDupDistance bits apart. Banding in SQL only
// finds pairs that agree exactly on one band, which stops at 3 bits for four
// 16-bit bands; at 10 bits it would need dozens of permuted tables. A linear
// scan of 100,000 uint64s takes well under a millisecond and is exact.
//
// The index may hold stale entries (deleted articles, a SimHash since
// replaced): lookups re-check every candidate in SQL, so staleness only costs
// a query. It must never miss a live article, so it is loaded lazily from
// the file, extended after each committed import, dropped when this process
// rewrites articles in other ways (restore), and reloaded when PRAGMA
// data_version says another process has written the file.
type simIndex struct {
	mu      sync.Mutex
	loaded  bool
	version int64 // data_version of the writer connection when loaded
	ids     []int64
	hashes  []uint64
}

// invalidate makes the next lookup reload from the file.
func (x *simIndex) invalidate() {
	x.mu.Lock()
	x.loaded, x.ids, x.hashes = false, nil, nil
	x.mu.Unlock()
}

// add records an article's SimHash after its transaction committed.
func (x *simIndex) add(id int64, h uint64) {
	if h == 0 {
		return
	}
	x.mu.Lock()
	if x.loaded {
		x.ids = append(x.ids, id)
		x.hashes = append(x.hashes, h)
	}
	x.mu.Unlock()
}

// sync (re)loads the index inside the writer's transaction when it is not
// loaded or another connection has changed the file since. The writer holds
// the write lock, so nothing can change between the check and the load.
func (x *simIndex) sync(ctx context.Context, tx *sql.Tx) error {
	var v int64
	if err := tx.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.loaded && x.version == v {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, simhash FROM article WHERE simhash <> 0`)
	if err != nil {
		return err
	}
	defer rows.Close()
	ids, hashes := x.ids[:0], x.hashes[:0]
	for rows.Next() {
		var id, h int64
		if err := rows.Scan(&id, &h); err != nil {
			return err
		}
		ids, hashes = append(ids, id), append(hashes, uint64(h))
	}
	if err := rows.Err(); err != nil {
		x.loaded = false
		return err
	}
	x.ids, x.hashes, x.version, x.loaded = ids, hashes, v, true
	return nil
}

// candidates returns the articles within maxD bits of h, closest first.
func (x *simIndex) candidates(h uint64, maxD int, except int64) []int64 {
	type cand struct {
		id int64
		d  int
	}
	var cs []cand
	x.mu.Lock()
	for i, o := range x.hashes {
		if d := bits.OnesCount64(o ^ h); d <= maxD && x.ids[i] != except {
			cs = append(cs, cand{x.ids[i], d})
		}
	}
	x.mu.Unlock()
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].id < cs[j].id
	})
	ids := make([]int64, 0, len(cs))
	for _, c := range cs {
		ids = append(ids, c.id)
	}
	return ids
}
