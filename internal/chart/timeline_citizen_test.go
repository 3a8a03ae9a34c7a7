package chart

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/status"
)

func attrF(t *testing.T, n *node, name string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(n.attrs[name], 64)
	if err != nil {
		t.Fatalf("%s=%q: %v", name, n.attrs[name], err)
	}
	return f
}

// TestOverdueRunsToAsOf: an overdue bar goes on to the as-of line; a bar
// of any other status stops at its deadline.
func TestOverdueRunsToAsOf(t *testing.T) {
	rows := []TimelineRow{
		{Label: "6a", Start: d("2018-01-01"), End: d("2018-09-30"), Status: status.Overdue},
		{Label: "6b", Start: d("2018-01-01"), End: d("2018-09-30"), Status: status.InProgress},
	}
	root := parse(t, Timeline(rows, asOf, "vi", "tl", "x"))
	var ax float64
	for _, g := range find(root, "g") {
		if g.attrs["class"] == "as-of" {
			ax = attrF(t, child(g, "line"), "x1")
		}
	}
	if ax == 0 {
		t.Fatal("no as-of line")
	}
	var runs []float64
	for _, g := range find(root, "g") {
		if g.attrs["class"] != "row" {
			continue
		}
		n := 0
		for _, r := range find(g, "rect") {
			if strings.Contains(r.attrs["class"], "overdue-run") {
				n++
				runs = append(runs, attrF(t, r, "x")+attrF(t, r, "width"))
			}
		}
		_ = n
	}
	if len(runs) != 1 {
		t.Fatalf("%d overdue runs, want 1 (6a only)", len(runs))
	}
	if math.Abs(runs[0]-ax) > 0.01 {
		t.Errorf("the overdue run ends at %v, the as-of line is at %v", runs[0], ax)
	}
}

// TestNothingCrossesAsOf: no status word beside a bar crosses the as-of
// line, whatever the bars' ends.
func TestNothingCrossesAsOf(t *testing.T) {
	var rows []TimelineRow
	for _, end := range []string{"2019-03-31", "2019-04-30", "2019-05-31", "2019-06-15", "2019-06-29", "2018-12-31"} {
		for _, st := range []status.Status{status.InProgress, status.DoneLate, status.NotReported, status.Waiting} {
			rows = append(rows, TimelineRow{Label: "1a", Start: d("2018-01-01"), End: d(end), Status: st})
		}
	}
	root := parse(t, Timeline(rows, asOf, "vi", "tl", "x"))
	var ax float64
	for _, g := range find(root, "g") {
		if g.attrs["class"] == "as-of" {
			ax = attrF(t, child(g, "line"), "x1")
		}
	}
	checked := 0
	for _, g := range find(root, "g") {
		if g.attrs["class"] != "row" {
			continue
		}
		for _, tx := range find(g, "text") {
			if tx.attrs["stroke"] != "#fff" { // the words beside a bar have a halo
				continue
			}
			checked++
			w := textWidth(tx.text, tlFont, false)
			x := attrF(t, tx, "x")
			if tx.attrs["text-anchor"] == "end" {
				x -= w
			}
			if x-1 < ax && x+w+1 > ax {
				t.Errorf("%q spans %.1f–%.1f across the as-of line at %.1f", tx.text, x, x+w, ax)
			}
		}
	}
	if checked < len(rows)/2 {
		t.Fatalf("only %d status words beside bars checked", checked)
	}
	// Counter-test: clearOf does move a span that crosses the line.
	if got := clearOf(ax-10, 40, ax); got <= ax {
		t.Errorf("clearOf left a crossing span at %v", got)
	}
	if got := clearOf(ax+20, 40, ax); got != ax+20 {
		t.Errorf("clearOf moved a span clear of the line to %v", got)
	}
}

// TestTimelineKey: one short label per row, at the rows' heights, hidden
// from assistive technology.
func TestTimelineKey(t *testing.T) {
	rows := sampleRows()
	for i := range rows {
		rows[i].Owner = "SNV"
	}
	key := TimelineKey(rows, "tl")
	// The key is hidden from assistive technology (it repeats the
	// timeline's labels), so it has no name; every other rule holds.
	root, probs := check(key)
	for _, p := range probs {
		if p != "role = \"\"" && p != "no aria-labelledby" {
			t.Error(p)
		}
	}
	if root == nil {
		t.FailNow()
	}
	if root.attrs["aria-hidden"] != "true" || root.attrs["width"] != strconv.Itoa(TimelineKeyWidth) {
		t.Errorf("key svg attrs %v", root.attrs)
	}
	main := parse(t, Timeline(rows, asOf, "vi", "tl", "x"))
	var mainY []string
	for _, g := range find(main, "g") {
		if g.attrs["class"] == "row" {
			for _, tx := range find(g, "text") {
				if tx.attrs["font-weight"] == "bold" {
					mainY = append(mainY, tx.attrs["y"])
					break
				}
			}
		}
	}
	var keyY []string
	for _, tx := range find(root, "text") {
		if tx.attrs["font-weight"] == "bold" {
			keyY = append(keyY, tx.attrs["y"])
		}
	}
	if strings.Join(keyY, ",") != strings.Join(mainY, ",") || len(keyY) != len(rows) {
		t.Errorf("key labels at %v, rows at %v", keyY, mainY)
	}
	if !strings.Contains(allText(root), "SNV") {
		t.Error("the key does not name the owner")
	}
	if TimelineKey(nil, "tl") != "" {
		t.Error("a key with no rows")
	}
}
