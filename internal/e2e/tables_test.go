package e2e

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
)

// tableShape is the structure of one table: as the DOM has it, or as the
// browser's accessibility tree (what screen readers get) exposes it.
type tableShape struct {
	Rows       int `json:"rows"`
	ColHeaders int `json:"colHeaders"`
	RowHeaders int `json:"rowHeaders"`
	Cells      int `json:"cells"`
}

// domTablesJS counts the rows and cells of every table of the page.
const domTablesJS = `[...document.querySelectorAll('table')].map(t => ({
  rows: t.querySelectorAll('tr').length,
  colHeaders: t.querySelectorAll('thead th').length,
  rowHeaders: t.querySelectorAll('tbody th').length,
  cells: t.querySelectorAll('td').length,
}))`

// axTables reads Chromium's accessibility tree of the tab and returns the
// shape of every table in it, in document order.
func axTables(t *testing.T, tb *tab) []tableShape {
	t.Helper()
	res, err := chromedp.Call(tb.ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatalf("%s: reading the accessibility tree: %v", tb.url, err)
	}
	byID := map[accessibility.NodeID]*accessibility.Node{}
	for _, n := range res.Nodes {
		byID[n.NodeID] = n
	}
	role := func(n *accessibility.Node) string {
		if n == nil || n.Ignored || n.Role == nil {
			return ""
		}
		var s string
		_ = json.Unmarshal(n.Role.Value, &s)
		return s
	}
	var shapes []tableShape
	var count func(id accessibility.NodeID, sh *tableShape)
	count = func(id accessibility.NodeID, sh *tableShape) {
		n := byID[id]
		if n == nil {
			return
		}
		switch role(n) {
		case "table":
			return // a table inside: counted on its own
		case "row":
			sh.Rows++
		case "columnheader":
			sh.ColHeaders++
		case "rowheader":
			sh.RowHeaders++
		case "cell", "gridcell":
			sh.Cells++
		}
		for _, c := range n.ChildIDs {
			count(c, sh)
		}
	}
	// The nodes come in tree order, so the tables do too.
	for _, n := range res.Nodes {
		if role(n) == "table" {
			var sh tableShape
			for _, c := range n.ChildIDs {
				count(c, &sh)
			}
			shapes = append(shapes, sh)
		}
	}
	return shapes
}

// tableProblems compares the tables of the DOM with those the
// accessibility tree exposes.
func tableProblems(t *testing.T, tb *tab) (problems []string, tables int) {
	t.Helper()
	dom := eval[[]tableShape](t, tb, domTablesJS)
	ax := axTables(t, tb)
	if len(ax) != len(dom) {
		problems = append(problems, fmt.Sprintf("%d tables in the page, %d in the accessibility tree", len(dom), len(ax)))
	}
	for i := 0; i < len(dom) && i < len(ax); i++ {
		if dom[i] != ax[i] {
			problems = append(problems, fmt.Sprintf("table %d: the page has %+v, the accessibility tree %+v", i+1, dom[i], ax[i]))
		}
	}
	return problems, len(dom)
}

// TestTablesKeepTheirSemantics checks that every table keeps its rows,
// column headers, row headers and cells in Chromium's accessibility tree at
// a desktop width and at the phone width, where the cells are stacked into
// cards by CSS alone (no ARIA roles, which HTML forbids on them). A table
// turned into role=presentation shows that the check can fail.
func TestTablesKeepTheirSemantics(t *testing.T) {
	browser := newBrowser(t)
	s := rootSite(t)
	checked := 0
	for _, l := range languages {
		for _, p := range pageTypes {
			t.Run(l.code+"/"+p.name, func(t *testing.T) {
				tb := openPage(t, browser, s.url(l.prefix+p.path), 1280)
				for _, width := range []int64{1280, 375} {
					if width != 1280 {
						resize(t, tb, width)
					}
					problems, n := tableProblems(t, tb)
					for _, pr := range problems {
						t.Errorf("%s at %d px: %s", tb.url, width, pr)
					}
					checked += n
					if n == 0 || width != 375 || l.code != "vi" || p.name != "home" {
						continue
					}
					// The counter-test, once: a table without its semantics.
					eval[bool](t, tb, `(document.querySelector('table').setAttribute('role', 'presentation'), true)`)
					if problems, _ := tableProblems(t, tb); len(problems) == 0 {
						t.Errorf("%s: a table with role=presentation passed the check", tb.url)
					}
				}
			})
		}
	}
	t.Logf("%d tables (counted once per width) keep their structure in the accessibility tree", checked)
}
