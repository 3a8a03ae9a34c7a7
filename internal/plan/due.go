package plan

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/msg"
)

// DueKind says which form of deadline a milestone has.
type DueKind int

// The forms a deadline takes in a plan.
const (
	DueNone    DueKind = iota // the plan gives no time
	DueQuarter                // "2018-Q2": by the end of that quarter
	DueHalf                   // "2018-H1": by the end of that half-year
	DueYear                   // "2018": by the end of that year
	DueDate                   // "2018-09-30": by that day
	DueFrom                   // "from 2018": starts then and continues
	DueOngoing                // "ongoing": thường xuyên, liên tục
)

// Due is a milestone's deadline in the plan's own terms.
type Due struct {
	Kind DueKind
	Year int
	// N is the quarter (1–4) or the half (1–2).
	N    int
	Date Date
}

// minYear and maxYear bound the years a plan may name; anything outside is a
// typing mistake.
const (
	minYear = 1945
	maxYear = 2200
)

// DueError is a deadline that is not in the grammar, with a hint.
type DueError struct {
	Text string
}

func (e *DueError) Error() string {
	return fmt.Sprintf("deadline %q is not understood", e.Text)
}

// ParseDue reads a deadline: "2018-Q2", "2018-H1", "2018", "2018-09-30",
// "from 2018", "ongoing", or "" for none.
func ParseDue(s string) (Due, error) {
	bad := func() (Due, error) { return Due{}, &DueError{Text: s} }
	switch {
	case s == "":
		return Due{Kind: DueNone}, nil
	case s == "ongoing":
		return Due{Kind: DueOngoing}, nil
	case strings.HasPrefix(s, "from "):
		y, ok := parseYear(strings.TrimPrefix(s, "from "))
		if !ok {
			return bad()
		}
		return Due{Kind: DueFrom, Year: y}, nil
	case len(s) == 4:
		y, ok := parseYear(s)
		if !ok {
			return bad()
		}
		return Due{Kind: DueYear, Year: y}, nil
	case len(s) == 7 && s[4] == '-' && (s[5] == 'Q' || s[5] == 'H'):
		y, ok := parseYear(s[:4])
		if !ok {
			return bad()
		}
		n := int(s[6] - '0')
		if s[5] == 'Q' && n >= 1 && n <= 4 {
			return Due{Kind: DueQuarter, Year: y, N: n}, nil
		}
		if s[5] == 'H' && n >= 1 && n <= 2 {
			return Due{Kind: DueHalf, Year: y, N: n}, nil
		}
		return bad()
	case len(s) == 10:
		d, err := ParseDate(s)
		if err != nil || d.Year < minYear || d.Year > maxYear {
			return bad()
		}
		return Due{Kind: DueDate, Date: d, Year: d.Year}, nil
	}
	return bad()
}

func parseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < minYear || y > maxYear {
		return 0, false
	}
	return y, true
}

// LastDay returns the last day on which the milestone is on time, and false
// when the deadline has no last day (none, from, ongoing).
func (d Due) LastDay() (Date, bool) {
	switch d.Kind {
	case DueQuarter:
		return NewDate(d.Year, monthOf(d.N*3+1), 0), true
	case DueHalf:
		return NewDate(d.Year, monthOf(d.N*6+1), 0), true
	case DueYear:
		return NewDate(d.Year, 12, 31), true
	case DueDate:
		return d.Date, true
	}
	return Date{}, false
}

// String returns d in the data grammar, the inverse of ParseDue.
func (d Due) String() string {
	switch d.Kind {
	case DueQuarter:
		return fmt.Sprintf("%04d-Q%d", d.Year, d.N)
	case DueHalf:
		return fmt.Sprintf("%04d-H%d", d.Year, d.N)
	case DueYear:
		return fmt.Sprintf("%04d", d.Year)
	case DueDate:
		return d.Date.String()
	case DueFrom:
		return fmt.Sprintf("from %04d", d.Year)
	case DueOngoing:
		return "ongoing"
	}
	return ""
}

// Words returns the deadline as the plan words it, in Vietnamese ("vi") or
// English (any other lang), from the catalogue's due_* words.
func (d Due) Words(lang string) string {
	l := msg.For(lang)
	switch d.Kind {
	case DueQuarter:
		return msg.Get(l, fmt.Sprintf("due_q%d", d.N), d.Year)
	case DueHalf:
		return msg.Get(l, fmt.Sprintf("due_h%d", d.N), d.Year)
	case DueYear:
		return msg.Get(l, "due_year", d.Year)
	case DueDate:
		return msg.Get(l, "due_by", msg.Date(l, d.Date.Time()))
	case DueFrom:
		return msg.Get(l, "due_from", d.Year)
	case DueOngoing:
		return msg.Get(l, "due_ongoing")
	}
	return msg.Get(l, "due_none")
}

func monthOf(n int) time.Month { return time.Month(n) }
