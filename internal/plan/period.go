package plan

import (
	"fmt"
	"strings"

	"github.com/minhbach/minhbach/internal/msg"
)

// PeriodKind says what kind of reporting period an id names.
type PeriodKind int

// The reporting periods of the plan's duty to report.
const (
	PeriodHalf  PeriodKind = iota + 1 // "2018-H1": the first six months
	PeriodYear                        // "2018": the whole year
	PeriodAdHoc                       // "2018-05-10": a report asked for on that day (đột xuất)
)

// Period is a reporting period.
type Period struct {
	ID    string
	Kind  PeriodKind
	Year  int
	Start Date
	End   Date
}

// PeriodError is a period id outside the grammar.
type PeriodError struct{ Text string }

func (e *PeriodError) Error() string { return fmt.Sprintf("period %q is not understood", e.Text) }

// ParsePeriod reads a period id: "2018-H1", "2018" or "2018-05-10".
func ParsePeriod(s string) (Period, error) {
	switch {
	case len(s) == 4:
		if y, ok := parseYear(s); ok {
			return Period{ID: s, Kind: PeriodYear, Year: y, Start: NewDate(y, 1, 1), End: NewDate(y, 12, 31)}, nil
		}
	case len(s) == 7 && strings.HasSuffix(s, "-H1"):
		if y, ok := parseYear(s[:4]); ok {
			return Period{ID: s, Kind: PeriodHalf, Year: y, Start: NewDate(y, 1, 1), End: NewDate(y, 6, 30)}, nil
		}
	case len(s) == 10:
		if d, err := ParseDate(s); err == nil && d.Year >= minYear && d.Year <= maxYear {
			start := NewDate(d.Year, 1, 1)
			if d.Month > 6 {
				start = NewDate(d.Year, 7, 1)
			}
			return Period{ID: s, Kind: PeriodAdHoc, Year: d.Year, Start: start, End: d}, nil
		}
	}
	return Period{}, &PeriodError{Text: s}
}

// Regular reports whether p is one of the periods every unit must report
// for (6-monthly and yearly), as opposed to an ad hoc request.
func (p Period) Regular() bool { return p.Kind == PeriodHalf || p.Kind == PeriodYear }

// Previous returns the regular period before p: the year before a first
// half, the first half before a year; for an ad hoc period, the last regular
// period that ended before it.
func (p Period) Previous() Period {
	switch p.Kind {
	case PeriodHalf:
		q, _ := ParsePeriod(fmt.Sprintf("%04d", p.Year-1))
		return q
	case PeriodYear:
		q, _ := ParsePeriod(fmt.Sprintf("%04d-H1", p.Year))
		return q
	}
	if p.End.Month > 6 {
		q, _ := ParsePeriod(fmt.Sprintf("%04d-H1", p.Year))
		return q
	}
	q, _ := ParsePeriod(fmt.Sprintf("%04d", p.Year-1))
	return q
}

// Compare orders periods by their last day, then regular after ad hoc (an
// ad hoc report asked for on 30 June comes before the first-half report).
func (p Period) Compare(q Period) int {
	if c := p.End.Compare(q.End); c != 0 {
		return c
	}
	if p.Regular() != q.Regular() {
		if p.Regular() {
			return 1
		}
		return -1
	}
	return cmp(int(p.Kind), int(q.Kind))
}

// Words names the period in Vietnamese ("vi") or English (any other lang),
// from the catalogue's period_* words.
func (p Period) Words(lang string) string {
	l := msg.For(lang)
	switch p.Kind {
	case PeriodHalf:
		return msg.Get(l, "period_h1", p.Year)
	case PeriodYear:
		return msg.Get(l, "period_year", p.Year)
	case PeriodAdHoc:
		return msg.Get(l, "period_adhoc_on", msg.Date(l, p.End.Time()))
	}
	return p.ID
}
