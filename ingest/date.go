package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

const monthRE = `(January|February|March|April|May|June|July|August|September|October|November|December)`

var (
	// "March 11", "March 11, 2025"
	mdyRE = regexp.MustCompile(`\b` + monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`)
	// "11 March", "11 March 2025"
	dmyRE  = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRE + `\b(?:\s+(\d{4}))?`)
	yearRE = regexp.MustCompile(`\b(19[5-9]\d|20\d\d)\b`)
)

// docYear returns the year a document mentions most (the latest on a
// tie), or 0: the year a date without one is read in.
func docYear(text string) int {
	count := map[int]int{}
	for _, m := range yearRE.FindAllString(text, -1) {
		y, _ := strconv.Atoi(m)
		count[y]++
	}
	var ys []int
	for y := range count {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	best := 0
	for _, y := range ys {
		if best == 0 || count[y] >= count[best] {
			best = y
		}
	}
	return best
}

// dateOf returns the first date a sentence states as YYYY-MM-DD, reading
// a date without a year in year (none when year is 0), or "".
func dateOf(s string, year int) string {
	type hit struct {
		at, y, m, d int
	}
	var hits []hit
	if m := mdyRE.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y := year
		if m[6] >= 0 {
			y, _ = strconv.Atoi(s[m[6]:m[7]])
		}
		hits = append(hits, hit{m[0], y, months[strings.ToLower(s[m[2]:m[3]])], d})
	}
	if m := dmyRE.FindStringSubmatchIndex(s); m != nil {
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		y := year
		if m[6] >= 0 {
			y, _ = strconv.Atoi(s[m[6]:m[7]])
		}
		hits = append(hits, hit{m[0], y, months[strings.ToLower(s[m[4]:m[5]])], d})
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	for _, h := range hits {
		if h.y == 0 || h.d < 1 || h.d > daysIn(h.y, h.m) {
			continue
		}
		return fmt.Sprintf("%04d-%02d-%02d", h.y, h.m, h.d)
	}
	return ""
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
