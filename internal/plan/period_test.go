package plan

import (
	"errors"
	"math/rand"
	"slices"
	"testing"
)

func TestParsePeriod(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in         string
		kind       PeriodKind
		year       int
		start, end string
		regular    bool
		previous   string
		vi, en     string
	}{
		{"2018-H1", PeriodHalf, 2018, "2018-01-01", "2018-06-30", true, "2017", "6 tháng đầu năm 2018", "First half of 2018"},
		{"2018", PeriodYear, 2018, "2018-01-01", "2018-12-31", true, "2018-H1", "Năm 2018", "Year 2018"},
		{"2018-05-10", PeriodAdHoc, 2018, "2018-01-01", "2018-05-10", false, "2017", "Đột xuất ngày 10/5/2018", "Ad hoc, 10 May 2018"},
		// An ad hoc period runs from the start of its half of the year.
		{"2018-09-15", PeriodAdHoc, 2018, "2018-07-01", "2018-09-15", false, "2018-H1", "Đột xuất ngày 15/9/2018", "Ad hoc, 15 September 2018"},
		// On the last day of a regular period, that period has not ended
		// before it: the previous one is the one before.
		{"2018-06-30", PeriodAdHoc, 2018, "2018-01-01", "2018-06-30", false, "2017", "Đột xuất ngày 30/6/2018", "Ad hoc, 30 June 2018"},
		{"2018-07-01", PeriodAdHoc, 2018, "2018-07-01", "2018-07-01", false, "2018-H1", "Đột xuất ngày 1/7/2018", "Ad hoc, 1 July 2018"},
		{"2018-12-31", PeriodAdHoc, 2018, "2018-07-01", "2018-12-31", false, "2018-H1", "Đột xuất ngày 31/12/2018", "Ad hoc, 31 December 2018"},
		{"2020-02-29", PeriodAdHoc, 2020, "2020-01-01", "2020-02-29", false, "2019", "Đột xuất ngày 29/2/2020", "Ad hoc, 29 February 2020"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			p, err := ParsePeriod(tt.in)
			if err != nil {
				t.Fatalf("ParsePeriod(%q): %v", tt.in, err)
			}
			if p.ID != tt.in || p.Kind != tt.kind || p.Year != tt.year {
				t.Errorf("ParsePeriod(%q) = %+v, want kind %d, year %d", tt.in, p, tt.kind, tt.year)
			}
			if p.Start.String() != tt.start || p.End.String() != tt.end {
				t.Errorf("Start, End = %s, %s; want %s, %s", p.Start, p.End, tt.start, tt.end)
			}
			if p.Regular() != tt.regular {
				t.Errorf("Regular() = %v, want %v", p.Regular(), tt.regular)
			}
			prev := p.Previous()
			if prev.ID != tt.previous {
				t.Errorf("Previous() = %q, want %q", prev.ID, tt.previous)
			}
			if !prev.Regular() || !prev.End.Before(p.End) {
				t.Errorf("Previous() = %+v: want a regular period that ended before %s", prev, p.End)
			}
			if got := p.Words("vi"); got != tt.vi {
				t.Errorf("Words(vi) = %q, want %q", got, tt.vi)
			}
			if got := p.Words("en"); got != tt.en {
				t.Errorf("Words(en) = %q, want %q", got, tt.en)
			}
		})
	}
}

func TestParsePeriodInvalid(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"", "2018-H2", "2018-h1", "2018-H", "2018-H0", "2018-Q1", "2018-Q2",
		"18", "201", "20180", "1800", "1944", "2201", " 2018", "2018 ", "2018-H1 ",
		"2018-13-01", "2018-02-30", "2019-02-29", "2018-5-10", "10/05/2018", "1800-05-10",
		"２０１８", "2018-Ｈ1", "ongoing", "from 2018", "../2018", "2018/H1",
	} {
		p, err := ParsePeriod(in)
		if err == nil {
			t.Errorf("ParsePeriod(%q) = %+v, want an error", in, p)
			continue
		}
		var pe *PeriodError
		if !errors.As(err, &pe) || pe.Text != in {
			t.Errorf("ParsePeriod(%q) error = %#v, want a *PeriodError for the input", in, err)
		}
	}
}

func TestPeriodCompare(t *testing.T) {
	t.Parallel()
	// In order: by last day; on the same last day, ad hoc before regular.
	ordered := []string{
		"2017-H1", "2017-11-20", "2017",
		"2018-01-01", "2018-05-10", "2018-06-30", "2018-H1",
		"2018-07-01", "2018-12-31", "2018", "2019-H1",
	}
	var ps []Period
	for _, id := range ordered {
		p, err := ParsePeriod(id)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	for i := range ps {
		for j := range ps {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := ps[i].Compare(ps[j]); got != want {
				t.Errorf("%s.Compare(%s) = %d, want %d", ps[i].ID, ps[j].ID, got, want)
			}
		}
	}
	shuffled := slices.Clone(ps)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	slices.SortFunc(shuffled, Period.Compare)
	for i := range ps {
		if shuffled[i].ID != ps[i].ID {
			t.Fatalf("sorted: position %d is %s, want %s", i, shuffled[i].ID, ps[i].ID)
		}
	}
}

func TestPeriodPreviousChain(t *testing.T) {
	t.Parallel()
	// Going back from a year alternates first halves and years.
	p, _ := ParsePeriod("2019")
	var got []string
	for range 4 {
		p = p.Previous()
		got = append(got, p.ID)
	}
	want := []string{"2019-H1", "2018", "2018-H1", "2017"}
	if !slices.Equal(got, want) {
		t.Errorf("Previous chain = %v, want %v", got, want)
	}
}
