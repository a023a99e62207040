package ingest

import (
	"testing"
	"time"
)

// Dates as pages, wire copy and metadata write them.
func TestFindDate(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2026-03-09T08:15:00Z", "2026-03-09T08:15:00Z"},
		{"2026-03-09T10:15:00+02:00", "2026-03-09T08:15:00Z"},
		{"2026-03-09", "2026-03-09T00:00:00Z"},
		{"Mon, 09 Mar 2026 08:15:00 +0000", "2026-03-09T08:15:00Z"},
		{"10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", "2019-11-19T10:48:00Z"},
		{"14:05 GMT, 12 March 2026", "2026-03-12T14:05:00Z"},
		{"2:16 AM EST Nov 20, 2019", "2019-11-20T07:16:00Z"},
		{"Nov 18, 2019, 11:47am EST", "2019-11-18T16:47:00Z"},
		{"On 11/13/19 at 4:00 PM EST", "2019-11-13T21:00:00Z"},
		{"13.11.2019, 23:06", "2019-11-13T23:06:00Z"},
		{"Wed 4 Mar 2026 10.20 GMT", "2026-03-04T10:20:00Z"},
		{"Monday November 18, 2019 7:45 am PST", "2019-11-18T15:45:00Z"},
		{"March 4, 2026 at 9:12 am", "2026-03-04T09:12:00Z"},
		{"3rd March 2026", "2026-03-03T00:00:00Z"},
		{"Sept. 9, 2026", "2026-09-09T00:00:00Z"},
		{"13/11/2019", "2019-11-13T00:00:00Z"},
		{"31 February 2026", ""},
		{"the score was 10.20 in 2019", ""},
		{"no date here", ""},
	}
	for _, c := range cases {
		got, ok := findDate(c.in)
		s := ""
		if ok {
			s = got.Format(time.RFC3339)
		}
		if s != c.want {
			t.Errorf("findDate(%q) = %q, want %q", c.in, s, c.want)
		}
	}
}
