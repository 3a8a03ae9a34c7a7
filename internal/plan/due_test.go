package plan

import (
	"errors"
	"testing"
)

func TestParseDue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		kind    DueKind
		year, n int
		lastDay string // "" when the deadline has no last day
		vi, en  string
	}{
		{"2018-Q1", DueQuarter, 2018, 1, "2018-03-31", "Trong quý I/2018", "In Q1 2018"},
		{"2018-Q2", DueQuarter, 2018, 2, "2018-06-30", "Trong quý II/2018", "In Q2 2018"},
		{"2018-Q3", DueQuarter, 2018, 3, "2018-09-30", "Trong quý III/2018", "In Q3 2018"},
		{"2018-Q4", DueQuarter, 2018, 4, "2018-12-31", "Trong quý IV/2018", "In Q4 2018"},
		{"2018-H1", DueHalf, 2018, 1, "2018-06-30", "Trong 6 tháng đầu năm 2018", "In the first half of 2018"},
		{"2018-H2", DueHalf, 2018, 2, "2018-12-31", "Trong 6 tháng cuối năm 2018", "In the second half of 2018"},
		{"2018", DueYear, 2018, 0, "2018-12-31", "Trong năm 2018", "In 2018"},
		{"2018-09-30", DueDate, 2018, 0, "2018-09-30", "Chậm nhất ngày 30/9/2018", "By 30 September 2018"},
		{"2018-01-01", DueDate, 2018, 0, "2018-01-01", "Chậm nhất ngày 1/1/2018", "By 1 January 2018"},
		{"2020-02-29", DueDate, 2020, 0, "2020-02-29", "Chậm nhất ngày 29/2/2020", "By 29 February 2020"},
		{"from 2018", DueFrom, 2018, 0, "", "Từ năm 2018", "From 2018"},
		{"ongoing", DueOngoing, 0, 0, "", "Thường xuyên, liên tục", "Continuous"},
		{"", DueNone, 0, 0, "", "Kế hoạch không nêu thời hạn", "No deadline in the plan"},
		// The bounds of the years a plan may name.
		{"1945", DueYear, 1945, 0, "1945-12-31", "Trong năm 1945", "In 1945"},
		{"2200-Q4", DueQuarter, 2200, 4, "2200-12-31", "Trong quý IV/2200", "In Q4 2200"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDue(tt.in)
			if err != nil {
				t.Fatalf("ParseDue(%q): %v", tt.in, err)
			}
			if d.Kind != tt.kind || d.Year != tt.year || d.N != tt.n {
				t.Errorf("ParseDue(%q) = %+v, want kind %d, year %d, n %d", tt.in, d, tt.kind, tt.year, tt.n)
			}
			if got := d.String(); got != tt.in {
				t.Errorf("String() = %q, want %q", got, tt.in)
			}
			again, err := ParseDue(d.String())
			if err != nil || again != d {
				t.Errorf("ParseDue(String()) = %+v, %v; want %+v", again, err, d)
			}
			last, ok := d.LastDay()
			if ok != (tt.lastDay != "") {
				t.Errorf("LastDay() ok = %v, want %v", ok, tt.lastDay != "")
			}
			if got := last.String(); got != tt.lastDay {
				t.Errorf("LastDay() = %q, want %q", got, tt.lastDay)
			}
			if got := d.Words("vi"); got != tt.vi {
				t.Errorf("Words(vi) = %q, want %q", got, tt.vi)
			}
			if got := d.Words("en"); got != tt.en {
				t.Errorf("Words(en) = %q, want %q", got, tt.en)
			}
		})
	}
}

func TestParseDueInvalid(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"2018-Q5", "2018-Q0", "2018-Q", "2018-Q22", "2018-q2", "2018-h1",
		"2018-H3", "2018-H0", " 2018", "2018 ", "2018\n", "\t2018",
		"from2018", "from 18", "from  2018", "From 2018", "from 2018 ", "from 1800",
		"Ongoing", "ONGOING", "ongoing ", "none",
		"2018-13-01", "2018-00-10", "2018-06-31", "2019-02-29", "2018-9-30", "2018/09/30",
		"30/09/2018", "18-09-30", "+018-09-30", "-018-09-30",
		"1800", "1944", "2201", "9999", "0000", "+018", "-201", "201", "20180",
		"abcd", "Quý 2", "Quý II/2018", "Trong năm 2018", "2018-Q2/2018",
		"２０１８", "٢٠١٨", "2018-Ｑ2", "2018-Q２", "2018–Q2",
	} {
		d, err := ParseDue(in)
		if err == nil {
			t.Errorf("ParseDue(%q) = %+v, want an error", in, d)
			continue
		}
		var de *DueError
		if !errors.As(err, &de) || de.Text != in {
			t.Errorf("ParseDue(%q) error = %#v, want a *DueError for the input", in, err)
		}
		if d != (Due{}) {
			t.Errorf("ParseDue(%q) = %+v with its error, want the zero Due", in, d)
		}
	}
}
