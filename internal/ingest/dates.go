package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// Publication dates come in every form: ISO stamps from metadata, and the
// lines pages and wire copy print ("PUBLISHED: 10:48, Tue, Nov 19, 2019",
// "Updated 14:05 GMT, 12 March 2026", "2:16 AM EST Nov 20, 2019",
// "11/13/19 at 4:00 PM EST", "13.11.2019, 23:06", "Wed 4 Mar 2026 10.20
// GMT"). dateparse reads whole stamps; a line is read by finding its date,
// the time of day beside it and the zone.

const (
	dMonth = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	dDay   = `(\d{1,2})(?:st|nd|rd|th)?`
)

var (
	// "Nov 19, 2019", "November 19 2019", "19 November 2019", "19 Nov. 2019".
	mdyRe = regexp.MustCompile(`\b(` + dMonth + `)\s+` + dDay + `,?\s+(\d{4})\b`)
	dmyRe = regexp.MustCompile(`\b` + dDay + `\s+(` + dMonth + `),?\s+(\d{4})\b`)
	// "2019-11-19", "2019/11/19".
	ymdRe = regexp.MustCompile(`\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:T|\b)`)
	// "11/13/19", "13/11/2019", "13.11.2019", "13-11-2019".
	numRe = regexp.MustCompile(`\b(\d{1,2})([./-])(\d{1,2})([./-])(\d{2}|\d{4})\b`)
	// "10:48", "2:16 AM", "11:47am", "10.20 GMT", "23:06:15".
	clockRe = regexp.MustCompile(`(?i)\b(\d{1,2})([:.])(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\b\.?)?(?:\s*(` + zoneNames + `|[+-]\d{2}:?\d{2})\b)?`)
)

// zoneNames are the time zone abbreviations news sites print.
const zoneNames = `GMT|UTC|BST|CET|CEST|EET|EEST|WET|WEST|MSK|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|AEST|AEDT|ACST|AWST|NZST|NZDT|JST|KST|HKT|SGT|SAST`

// zoneOffsets are their offsets from UTC, in hours.
var zoneOffsets = map[string]float64{"GMT": 0, "UTC": 0, "WET": 0, "BST": 1, "CET": 1, "WEST": 1, "CEST": 2, "EET": 2,
	"SAST": 2, "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8,
	"PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "AEST": 10, "AEDT": 11, "ACST": 9.5, "AWST": 8, "NZST": 12,
	"NZDT": 13, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8}

// findDate parses the first date in s, with its time of day and zone when
// they stand beside it. Times without a zone are taken as UTC.
func findDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.Trim(s, "|·-–— "))
	if s == "" {
		return time.Time{}, false
	}
	if looksStamp(s) {
		if t, err := dateparse.ParseAny(s); err == nil {
			return t.UTC(), true
		}
	}
	// "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: ...": the first
	// part that holds a date is the one meant.
	for _, part := range strings.Split(s, "|") {
		if t, ok := lineDate(part); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// looksStamp reports a machine-written date (ISO 8601, RFC 1123), which
// dateparse reads whole; free text goes to lineDate.
func looksStamp(s string) bool {
	if len(s) > 40 {
		return false
	}
	if ymdRe.MatchString(s) && strings.IndexFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' && r != 't' && r != 'z' }) < 0 {
		return true // "2019-11-18T22:05:36Z", "2019-11-18 22:05:36+00:00"
	}
	_, err := time.Parse(time.RFC1123Z, s)
	if err == nil {
		return true
	}
	_, err = time.Parse(time.RFC1123, s)
	return err == nil
}

// lineDate reads a date written in words or numbers, with the time of day
// and zone found before or after it.
func lineDate(s string) (time.Time, bool) {
	var y, m, d int
	var at []int // where the date stands in s
	switch {
	case mdyRe.MatchString(s):
		loc := mdyRe.FindStringSubmatchIndex(s)
		m, d, y = monthNum(s[loc[2]:loc[3]]), atoi(s[loc[4]:loc[5]]), atoi(s[loc[6]:loc[7]])
		at = loc[:2]
	case dmyRe.MatchString(s):
		loc := dmyRe.FindStringSubmatchIndex(s)
		d, m, y = atoi(s[loc[2]:loc[3]]), monthNum(s[loc[4]:loc[5]]), atoi(s[loc[6]:loc[7]])
		at = loc[:2]
	case ymdRe.MatchString(s):
		loc := ymdRe.FindStringSubmatchIndex(s)
		y, m, d = atoi(s[loc[2]:loc[3]]), atoi(s[loc[4]:loc[5]]), atoi(s[loc[6]:loc[7]])
		at = loc[:2]
	case numRe.MatchString(s):
		loc := numRe.FindStringSubmatchIndex(s)
		a, b := atoi(s[loc[2]:loc[3]]), atoi(s[loc[6]:loc[7]])
		y = atoi(s[loc[10]:loc[11]])
		if loc[11]-loc[10] == 2 {
			y += 2000
		}
		// Dots mean day first (13.11.2019); slashes are month first, as
		// American sites write them, unless the first number cannot be a
		// month (13/11/2019).
		if s[loc[4]:loc[5]] == "." || a > 12 {
			d, m = a, b
		} else {
			m, d = a, b
		}
		at = loc[:2]
	default:
		return time.Time{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200 {
		return time.Time{}, false
	}
	hour, min, sec, off := 0, 0, 0, 0.0
	if c := nearestClock(s, at); c != nil {
		hour, min, sec, off = c.hour, c.min, c.sec, c.offset
	}
	t := time.Date(y, time.Month(m), d, hour, min, sec, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31 February
	}
	return t.Add(-time.Duration(off * float64(time.Hour))), true
}

type clock struct {
	hour, min, sec int
	offset         float64 // hours east of UTC
}

// nearestClock finds the time of day written nearest to the date at
// s[at[0]:at[1]], outside it.
func nearestClock(s string, at []int) *clock {
	var best *clock
	bestDist := 1 << 30
	for _, loc := range clockRe.FindAllStringSubmatchIndex(s, -1) {
		if loc[0] >= at[0] && loc[1] <= at[1] {
			continue // "2019-11-18" holds no clock
		}
		if loc[0] < at[1] && loc[1] > at[0] {
			continue
		}
		c := clock{hour: atoi(s[loc[2]:loc[3]]), min: atoi(s[loc[6]:loc[7]])}
		sep := s[loc[4]:loc[5]]
		ampm := loc[10] >= 0
		zone := loc[12] >= 0
		// "10.20" is a time only with a zone or am/pm beside it; else it
		// may be a score or a price.
		if sep == "." && !ampm && !zone {
			continue
		}
		if loc[8] >= 0 {
			c.sec = atoi(s[loc[8]:loc[9]])
		}
		if ampm {
			pm := strings.EqualFold(s[loc[10]:loc[11]], "p")
			if c.hour == 12 {
				c.hour = 0
			}
			if pm {
				c.hour += 12
			}
		}
		if zone {
			c.offset = zoneOffset(s[loc[12]:loc[13]])
		}
		if c.hour > 23 || c.min > 59 || c.sec > 59 {
			continue
		}
		dist := at[0] - loc[1]
		if loc[0] >= at[1] {
			dist = loc[0] - at[1]
		}
		if dist < bestDist {
			best, bestDist = &c, dist
		}
	}
	if bestDist > 30 {
		return nil // too far to belong to this date
	}
	return best
}

// zoneOffset is the offset of an abbreviation or a "+01:00" offset, in hours.
func zoneOffset(z string) float64 {
	if off, ok := zoneOffsets[strings.ToUpper(z)]; ok {
		return off
	}
	sign := 1.0
	if z[0] == '-' {
		sign = -1
	}
	z = strings.ReplaceAll(z[1:], ":", "")
	if len(z) != 4 {
		return 0
	}
	return sign * (float64(atoi(z[:2])) + float64(atoi(z[2:]))/60)
}

// monthNum is the number of an English month name or abbreviation.
func monthNum(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, m) {
			return i + 1
		}
	}
	return 0
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
