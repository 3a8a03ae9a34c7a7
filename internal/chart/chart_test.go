package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/minhbach/minhbach"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

var allowedElems = map[string]bool{
	"svg": true, "g": true, "title": true, "desc": true, "rect": true, "line": true,
	"text": true, "tspan": true, "path": true, "circle": true, "a": true, "polygon": true,
}

var allowedAttrs = map[string]bool{
	"xmlns": true, "class": true, "viewBox": true, "width": true, "height": true,
	"role": true, "aria-labelledby": true, "aria-hidden": true, "font-family": true,
	"font-size": true, "font-weight": true, "style": true, "id": true,
	"x": true, "y": true, "x1": true, "y1": true, "x2": true, "y2": true,
	"cx": true, "cy": true, "r": true, "rx": true, "d": true, "points": true,
	"fill": true, "fill-opacity": true, "stroke": true, "stroke-width": true,
	"stroke-dasharray": true, "stroke-linejoin": true, "paint-order": true, "text-anchor": true, "text-decoration": true, "href": true,
}

// hostile strings that data might hold.
var hostile = []string{
	`<script>alert(1)</script>`,
	`" onload="x`,
	`]]>`,
	strings.Repeat("Ă", 5000),
	"\u202Egnp.exe\u202C",
	"a\x00b\x1bc\ufffe",
	`<foreignObject><image href="http://evil.example/x.png"/></foreignObject>`,
	"' style='fill:url(http://evil.example/)",
	"\xff\xfe bad utf-8",
}

// node is a parsed element.
type node struct {
	name  string
	attrs map[string]string
	text  string // character data directly inside
	kids  []*node
}

// parse reads s with encoding/xml, failing the test if it is not
// well-formed or holds anything outside the allow-lists.
func parse(t *testing.T, s string) *node {
	t.Helper()
	root, probs := check(s)
	for _, p := range probs {
		t.Error(p)
	}
	if root == nil {
		t.FailNow()
	}
	return root
}

// check parses s and returns it with every problem found: not
// well-formed, an element or attribute outside the allow-lists, an event
// attribute, a reference to elsewhere, or a picture without an accessible
// name.
func check(s string) (*node, []string) {
	var probs []string
	errorf := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	var root *node
	var stack []*node
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errorf("not well-formed: %v", err)
			return nil, probs
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: map[string]string{}}
			if !allowedElems[n.name] {
				errorf("element <%s> is not allowed", n.name)
			}
			if tok.Name.Space != "" && tok.Name.Space != "http://www.w3.org/2000/svg" {
				errorf("element <%s> in namespace %q", n.name, tok.Name.Space)
			}
			for _, a := range tok.Attr {
				name := a.Name.Local
				if a.Name.Space != "" {
					name = a.Name.Space + ":" + name
				}
				if !allowedAttrs[name] {
					errorf("attribute %s on <%s> is not allowed", name, n.name)
				}
				if strings.HasPrefix(strings.ToLower(name), "on") {
					errorf("event attribute %s", name)
				}
				low := strings.ToLower(a.Value)
				if strings.Contains(low, "url(") || strings.Contains(low, "javascript:") {
					errorf("attribute %s=%q holds a reference", name, a.Value)
				}
				if name == "href" && (!regexp.MustCompile(`^[a-z0-9/._-]+$`).MatchString(a.Value) || strings.HasPrefix(a.Value, "//")) {
					errorf("href %q is not a plain relative path", a.Value)
				}
				if name == "style" && strings.ContainsAny(a.Value, `"'<>()\`) {
					errorf("style %q", a.Value)
				}
				n.attrs[name] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					errorf("second root element")
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			}
		case xml.ProcInst:
			if tok.Target != "xml" {
				errorf("processing instruction %q", tok.Target)
			}
		case xml.Directive:
			errorf("directive %q", tok)
		}
	}
	if root == nil || root.name != "svg" {
		errorf("root is not <svg>")
		return nil, probs
	}
	checkAccessible(root, errorf)
	return root, probs
}

func hasLink(n *node) bool {
	if n.name == "a" {
		return true
	}
	for _, k := range n.kids {
		if hasLink(k) {
			return true
		}
	}
	return false
}

// checkAccessible checks the root's role, its labelling ids and text sizes.
func checkAccessible(root *node, errorf func(string, ...any)) {
	// An image must hold nothing focusable; a picture with links is a group.
	switch role := root.attrs["role"]; {
	case role == "img" && hasLink(root):
		errorf(`role="img" holds links`)
	case role == "group" && !hasLink(root):
		errorf(`role="group" without links: use img`)
	case role != "img" && role != "group":
		errorf("role = %q", role)
	}
	if root.attrs["xmlns"] != "http://www.w3.org/2000/svg" {
		errorf("xmlns = %q", root.attrs["xmlns"])
	}
	ids := map[string]*node{}
	walk(root, func(n *node) {
		if id, ok := n.attrs["id"]; ok {
			if ids[id] != nil {
				errorf("duplicate id %q", id)
			}
			ids[id] = n
		}
		if n.name == "text" || n.name == "tspan" {
			if fs, ok := n.attrs["font-size"]; ok {
				if v, err := strconv.ParseFloat(fs, 64); err != nil || v < 11 {
					errorf("text %q has font-size %q", n.text, fs)
				}
			}
		}
	})
	if fs, ok := root.attrs["font-size"]; ok {
		if v, _ := strconv.ParseFloat(fs, 64); v < 11 {
			errorf("root font-size %q", fs)
		}
	}
	refs := strings.Fields(root.attrs["aria-labelledby"])
	if len(refs) == 0 {
		errorf("no aria-labelledby")
		return
	}
	hasTitle := false
	for _, r := range refs {
		n := ids[r]
		if n == nil {
			errorf("aria-labelledby names %q, which is not in the picture", r)
			continue
		}
		if n.name != "title" && n.name != "desc" {
			errorf("aria-labelledby names a <%s>", n.name)
		}
		hasTitle = hasTitle || n.name == "title"
	}
	if !hasTitle {
		errorf("aria-labelledby names no <title>")
	}
}

func TestCheckerCatches(t *testing.T) {
	t.Parallel()
	const head = `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t"><title id="t">x</title>`
	for _, bad := range []string{
		head + `<script>alert(1)</script></svg>`,
		head + `<rect onload="x"/></svg>`,
		head + `<image href="http://evil.example/x.png"/></svg>`,
		head + `<a href="//evil.example/">x</a></svg>`,
		head + `<rect fill="url(http://evil.example/#p)"/></svg>`,
		head + `<text font-size="8">tiny</text></svg>`,
		head + `<text>unclosed</svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>x</title></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="none"></svg>`,
	} {
		if _, probs := check(bad); len(probs) == 0 {
			t.Errorf("the checker let through %s", bad)
		}
	}
	if _, probs := check(head + `<rect x="1"/></svg>`); len(probs) != 0 {
		t.Errorf("the checker rejects a good picture: %v", probs)
	}
}

func walk(n *node, f func(*node)) {
	f(n)
	for _, k := range n.kids {
		walk(k, f)
	}
}

// find returns every element named name.
func find(root *node, name string) []*node {
	var out []*node
	walk(root, func(n *node) {
		if n.name == name {
			out = append(out, n)
		}
	})
	return out
}

// child returns the first child of n named name.
func child(n *node, name string) *node {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// allText returns every character in the picture's text and titles.
func allText(root *node) string {
	var b strings.Builder
	walk(root, func(n *node) { b.WriteString(n.text); b.WriteString("\n") })
	return b.String()
}

// shape is the element names and attribute names of a picture, in order,
// without values: what data must never change.
func shape(root *node) string {
	var b strings.Builder
	walk(root, func(n *node) {
		b.WriteString(n.name)
		var names []string
		for k := range n.attrs {
			names = append(names, k)
		}
		sortStrings(names)
		b.WriteString(fmt.Sprint(names))
		b.WriteString(";")
	})
	return b.String()
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

var sampleCounts = map[status.Status]int{
	status.DoneOnTime:  5,
	status.Overdue:     2,
	status.NotReported: 1,
	status.InProgress:  3,
	status.DoneLate:    1,
	status.Ongoing:     1,
}

func d(s string) plan.Date {
	x, err := plan.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return x
}

func sampleRows() []TimelineRow {
	start := d("2018-04-20")
	return []TimelineRow{
		{Label: "1a", Title: "Tuyên truyền, phổ biến nội dung Kế hoạch", Start: start, End: d("2018-06-30"), Done: d("2018-06-15"), Status: status.DoneOnTime, URL: "nhiem-vu/tuyen-truyen/"},
		{Label: "1b", Title: "Tổ chức hội nghị quán triệt", Start: start, OpenEnded: true, Status: status.Ongoing, URL: "nhiem-vu/tuyen-truyen/"},
		{Label: "2a", Title: "Xây dựng Đề án vị trí việc làm", Start: start, End: d("2018-09-30"), Done: d("2019-03-01"), Status: status.DoneLate},
		{Label: "3a", Title: "Rà soát, sắp xếp tổ chức bộ máy", Start: start, End: d("2018-12-31"), Status: status.Overdue},
		{Label: "4a", Title: "Chờ hướng dẫn của Trung ương về tinh giản", Start: start, End: d("2019-06-30"), Status: status.Waiting},
		{Label: "5a", Title: "Triển khai phần mềm quản lý văn bản", Start: start, End: d("2019-12-31"), Status: status.InProgress},
		{Label: "5b", Title: "Báo cáo kết quả thực hiện", Start: start, End: d("2019-12-31"), Status: status.NotReported},
		{Label: "6a", Title: "Thực hiện thường xuyên, liên tục việc kiểm tra", Start: d("2019-01-01"), OpenEnded: true, Status: status.InProgress},
	}
}

var asOf = plan.NewDate(2019, 6, 30)

func TestBarStatesCountsAndIsSafe(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"vi", "en"} {
		s := Bar(sampleCounts, lang, "home-bar", "Trạng thái các mốc")
		root := parse(t, s)
		desc := child(root, "desc")
		if desc == nil {
			t.Fatal("no desc")
		}
		want := []string{"Tổng số: 13.", "Quá hạn: 2 (15%)", "Hoàn thành đúng hạn: 5 (38%)", "Chưa báo cáo: 1"}
		if lang == "en" {
			want = []string{"Total: 13.", "Overdue: 2 (15%)", "Done on time: 5 (38%)", "Not reported: 1"}
		}
		for _, w := range want {
			if !strings.Contains(desc.text, w) {
				t.Errorf("%s: desc %q lacks %q", lang, desc.text, w)
			}
		}
		if !strings.Contains(desc.text, "Trạng thái") && child(root, "title").text != "Trạng thái các mốc" {
			t.Errorf("title = %q", child(root, "title").text)
		}
		// The legend names every status present, with its count.
		legend := allText(root)
		for st, n := range sampleCounts {
			if !strings.Contains(legend, st.Label(lang)+": "+strconv.Itoa(n)) {
				t.Errorf("%s: legend lacks %s: %d", lang, st.Label(lang), n)
			}
		}
		if strings.Contains(legend, status.Waiting.Label(lang)) {
			t.Errorf("legend lists a status with no count")
		}
	}
}

func TestBarWidthsSumAndOrder(t *testing.T) {
	t.Parallel()
	cases := []map[status.Status]int{
		sampleCounts,
		{status.DoneOnTime: 1},
		{status.Overdue: 1, status.DoneOnTime: 2},
		{status.Overdue: 7, status.Waiting: 3, status.Ongoing: 13, status.DoneLate: 1, status.NotReported: 999},
		{status.Overdue: 1, status.InProgress: 1, status.DoneOnTime: 1, status.NoData: 1, "bogus": 5, status.DoneLate: -3},
	}
	for _, counts := range cases {
		root := parse(t, Bar(counts, "vi", "b", "c"))
		var bar *node
		for _, g := range find(root, "g") {
			if g.attrs["class"] == "bar" {
				bar = g
			}
		}
		if bar == nil {
			t.Fatal("no bar group")
		}
		rects := find(bar, "rect")
		sum, next := 0.0, 0.0
		var got []string
		for _, r := range rects {
			x, _ := strconv.ParseFloat(r.attrs["x"], 64)
			w, _ := strconv.ParseFloat(r.attrs["width"], 64)
			if math.Abs(x-next) > 1e-9 {
				t.Errorf("segment at %v, want %v", x, next)
			}
			next = x + w
			sum += w
			got = append(got, r.attrs["class"])
		}
		if math.Abs(sum-barWidth) > 1e-6 {
			t.Errorf("%v: widths sum to %v, want %v", counts, sum, barWidth)
		}
		var want []string
		total := 0
		for _, s := range known() {
			if counts[s] > 0 {
				want = append(want, Class(s))
				total += counts[s]
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("segments %v, want %v", got, want)
		}
		// Each segment's width is its share of the bar, to rounding.
		for i, r := range rects {
			var st status.Status
			for _, s := range known() {
				if Class(s) == want[i] {
					st = s
				}
			}
			w, _ := strconv.ParseFloat(r.attrs["width"], 64)
			if exp := barWidth * float64(counts[st]) / float64(total); math.Abs(w-exp) > 0.02 {
				t.Errorf("segment %s is %v wide, want %v", want[i], w, exp)
			}
		}
	}
}

func TestPercentsAddUp(t *testing.T) {
	t.Parallel()
	for _, counts := range []map[status.Status]int{sampleCounts, {status.Overdue: 1, status.Waiting: 1, status.Ongoing: 1}, {status.DoneLate: 2, status.DoneOnTime: 1}} {
		items, total := present(counts)
		sum := 0
		for _, p := range percents(items, total) {
			sum += p
		}
		if sum != 100 {
			t.Errorf("%v: percents add up to %d", counts, sum)
		}
	}
}

func TestEmptyPictures(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		Bar(nil, "vi", "x", "Trạng thái"),
		Bar(map[status.Status]int{status.Overdue: 0}, "vi", "x", "Trạng thái"),
		AgencyChart(map[status.Status]int{}, "vi", "x", "Sở Nội vụ"),
		Timeline(nil, asOf, "vi", "x", "Tiến độ"),
	} {
		root := parse(t, s)
		if !strings.Contains(allText(root), "Chưa có dữ liệu") {
			t.Errorf("empty picture does not say so: %s", s)
		}
		if len(find(root, "rect")) != 1 {
			t.Errorf("empty picture draws data: %s", s)
		}
	}
	root := parse(t, AgencyChart(nil, "en", "x", "Agency"))
	if !strings.Contains(allText(root), "No data") {
		t.Error("English empty picture")
	}
}

func TestAgencyChart(t *testing.T) {
	t.Parallel()
	counts := map[status.Status]int{status.DoneOnTime: 4, status.Overdue: 1, status.Waiting: 2}
	root := parse(t, AgencyChart(counts, "vi", "ag-snv", "Sở Nội vụ"))
	if got := child(root, "desc").text; !strings.Contains(got, "Tổng số: 7.") || !strings.Contains(got, "Quá hạn: 1") {
		t.Errorf("desc = %q", got)
	}
	rows := 0
	widths := map[string]float64{}
	for _, g := range find(root, "g") {
		if g.attrs["class"] != "row" {
			continue
		}
		rows++
		r := child(g, "rect")
		w, _ := strconv.ParseFloat(r.attrs["width"], 64)
		widths[r.attrs["class"]] = w
		texts := find(g, "text")
		if len(texts) != 2 {
			t.Fatalf("row has %d texts", len(texts))
		}
	}
	if rows != 3 {
		t.Errorf("%d rows, want 3", rows)
	}
	// Bars are proportional to the counts.
	if r := widths["st-waiting"] / widths["st-done-on-time"]; math.Abs(r-0.5) > 0.01 {
		t.Errorf("waiting/done bars = %v, want 0.5", r)
	}
}

func TestTimeline(t *testing.T) {
	t.Parallel()
	rows := sampleRows()
	for _, lang := range []string{"vi", "en"} {
		s := Timeline(rows, asOf, lang, "tl", "Tiến độ")
		root := parse(t, s)
		desc := child(root, "desc").text
		want := []string{"8 mốc, tính đến 30/6/2019", "Quá hạn 1", "Đang thực hiện 2", "1a, hạn cuối 30/6/2018, Hoàn thành đúng hạn, hoàn thành 15/6/2018", "1b, không có hạn cuối"}
		if lang == "en" {
			want = []string{"8 milestones, as of 30 Jun 2019", "Overdue 1", "In progress 2", "2a, deadline 30 Sep 2018, Done late, done 1 Mar 2019"}
		}
		for _, w := range want {
			if !strings.Contains(desc, w) {
				t.Errorf("%s: desc %q lacks %q", lang, desc, w)
			}
		}
		text := allText(root)
		asOfLine := map[string]string{"vi": "Tính đến 30/6/2019", "en": "As of 30 Jun 2019"}[lang]
		for _, w := range []string{"2018", "2019", asOfLine} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q in the picture", lang, w)
			}
		}
		// Every row names its status in words, not by colour alone.
		for _, r := range rows {
			if !strings.Contains(text, r.Status.Label(lang)) {
				t.Errorf("%s: status %s not written", lang, r.Status)
			}
		}
		if n := len(find(root, "circle")); n != 3 { // two done rows and the legend
			t.Errorf("%d circles, want 3", n)
		}
		if n := len(find(root, "a")); n != 2 {
			t.Errorf("%d links, want 2", n)
		}
		// Two open-ended rows end in an arrow, plus the legend's and the as-of pointer.
		if n := len(find(root, "polygon")); n != 4 {
			t.Errorf("%d arrows, want 4", n)
		}
	}
}

func TestTimelineBarsFollowDates(t *testing.T) {
	t.Parallel()
	rows := []TimelineRow{
		{Label: "1a", Start: d("2018-01-01"), End: d("2018-12-31"), Status: status.InProgress},
		{Label: "1b", Start: d("2018-01-01"), End: d("2019-12-31"), Status: status.InProgress},
	}
	root := parse(t, Timeline(rows, plan.Date{}, "vi", "tl", "x"))
	var ws []float64
	for _, g := range find(root, "g") {
		if g.attrs["class"] == "row" {
			w, _ := strconv.ParseFloat(child(g, "rect").attrs["width"], 64)
			ws = append(ws, w)
		}
	}
	if len(ws) != 2 {
		t.Fatalf("%d rows", len(ws))
	}
	full := float64(tlX1 - tlX0)
	if math.Abs(ws[0]-full/2) > 0.5 || math.Abs(ws[1]-full) > 0.5 {
		t.Errorf("bar widths %v, want %v and %v", ws, full/2, full)
	}
	if strings.Contains(allText(root), "Tính đến") {
		t.Error("as-of line drawn without an as-of date")
	}
}

func TestUnknownStatus(t *testing.T) {
	t.Parallel()
	bad := status.Status(`x" onload="alert(1)`)
	rows := []TimelineRow{
		{Label: "1a", Start: d("2018-01-01"), End: d("2018-06-30"), Status: bad},
		{Label: "1b", Start: d("2018-01-01"), End: d("2018-06-30"), Status: status.Overdue},
	}
	root := parse(t, Timeline(rows, asOf, "en", "tl", "x"))
	if desc := child(root, "desc").text; !strings.HasPrefix(desc, "2 milestones") {
		t.Errorf("desc = %q", desc)
	}
	if got := Class(bad); got != "st-unknown" {
		t.Errorf("Class = %q", got)
	}
	parse(t, Bar(map[status.Status]int{bad: 3, status.Overdue: 1}, "en", "b", "x"))
	parse(t, string(Badge("a", "b", bad)))
}

func TestTimelineLinks(t *testing.T) {
	t.Parallel()
	for url, ok := range map[string]bool{
		"nhiem-vu/6/":               true,
		"../nhiem-vu/cai-cach/":     true,
		"/minhbach/nhiem-vu/x/":     true,
		"":                          false,
		"//evil.example/x":          false,
		"javascript:alert(1)":       false,
		"https://evil.example/":     false,
		"nhiem-vu/X/":               false,
		`nhiem-vu/" onclick="x`:     false,
		"nhiem-vu/a b":              false,
		"nhiem-vu/\u202egnp":        false,
		"data:image/svg+xml,<svg/>": false,
	} {
		rows := []TimelineRow{{Label: "1a", Start: d("2018-01-01"), End: d("2018-06-30"), Status: status.Overdue, URL: url}}
		root := parse(t, Timeline(rows, asOf, "vi", "tl", "x"))
		as := find(root, "a")
		if ok != (len(as) == 1) {
			t.Errorf("URL %q: %d links", url, len(as))
		}
		if ok && as[0].attrs["href"] != url {
			t.Errorf("href %q, want %q", as[0].attrs["href"], url)
		}
	}
}

func TestHostileData(t *testing.T) {
	t.Parallel()
	benign := func(k int) string { return fmt.Sprintf("benign %d", k) }
	for k, h := range hostile {
		counts := map[status.Status]int{status.Overdue: 2, status.DoneOnTime: 3}
		type pair struct{ good, bad string }
		rowsOf := func(s string) []TimelineRow {
			rs := sampleRows()
			for i := range rs {
				rs[i].Label, rs[i].Title, rs[i].Group = s, s, ""
			}
			// Keep the groups of the benign rows.
			for i := range rs {
				rs[i].Group = sampleRows()[i].Label[:1]
			}
			return rs
		}
		pairs := []pair{
			{Bar(counts, "vi", "p", benign(k)), Bar(counts, "vi", "p", h)},
			{Bar(counts, "vi", "p", "c"), Bar(counts, "vi", h, "c")},
			{AgencyChart(counts, "en", "p", benign(k)), AgencyChart(counts, "en", "p", h)},
			{Timeline(rowsOf(benign(k)), asOf, "vi", "p", benign(k)), Timeline(rowsOf(h), asOf, "vi", "p", h)},
			{string(Badge(benign(k), benign(k), status.Overdue)), string(Badge(h, h, status.Overdue))},
		}
		for i, p := range pairs {
			good, bad := parse(t, p.good), parse(t, p.bad)
			if shape(good) != shape(bad) {
				t.Errorf("hostile %d, picture %d: data changed the elements or attributes:\n%s\n%s", k, i, shape(good), shape(bad))
			}
			for _, banned := range []string{"<script", `" onload="`, "<foreignObject", "<image", "\u202e", "\u202c", "\x00", "\x1b", "\ufffe"} {
				if strings.Contains(p.bad, banned) {
					t.Errorf("hostile %d, picture %d: output holds %q", k, i, banned)
				}
			}
			// A 5,000-character label must not make a huge picture.
			if len(p.bad) > 20000 {
				t.Errorf("hostile %d, picture %d: %d bytes", k, i, len(p.bad))
			}
		}
	}
}

func TestIDPrefix(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"home-bar":            "home-bar",
		"":                    "chart",
		"6a":                  "c6a",
		`x" onload="alert(1)`: "xonloadalert1",
		"Đắk Hà":              "kH",
	} {
		if got := cleanID(in); got != want {
			t.Errorf("cleanID(%q) = %q, want %q", in, got, want)
		}
	}
	// Two pictures on one page with different prefixes share no id.
	page := "<div>" + Bar(sampleCounts, "vi", "a", "x") + Bar(sampleCounts, "vi", "b", "x") +
		Timeline(sampleRows(), asOf, "vi", "c", "x") + AgencyChart(sampleCounts, "vi", "d", "x") + "</div>"
	ids := regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(page, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("id %q twice on the page", m[1])
		}
		seen[m[1]] = true
	}
	if len(seen) != 8 {
		t.Errorf("%d ids, want 8", len(seen))
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	first := [4]string{
		Bar(sampleCounts, "vi", "a", "x"),
		AgencyChart(sampleCounts, "en", "a", "x"),
		Timeline(sampleRows(), asOf, "vi", "a", "x"),
		string(Badge("minhbach", "Quá hạn", status.Overdue)),
	}
	for i := 0; i < 20; i++ {
		again := [4]string{
			Bar(sampleCounts, "vi", "a", "x"),
			AgencyChart(sampleCounts, "en", "a", "x"),
			Timeline(sampleRows(), asOf, "vi", "a", "x"),
			string(Badge("minhbach", "Quá hạn", status.Overdue)),
		}
		if again != first {
			t.Fatal("output differs between runs")
		}
	}
}

func TestBadge(t *testing.T) {
	short := Badge("6", "Quá hạn", status.Overdue)
	long := Badge("minhbach", "Chờ hướng dẫn của Trung ương", status.Waiting)
	if !bytes.HasPrefix(short, []byte("<?xml")) {
		t.Error("badge is not a standalone document")
	}
	for _, b := range [][]byte{short, long} {
		root := parse(t, string(b))
		if root.attrs["height"] != "20" {
			t.Errorf("height = %q", root.attrs["height"])
		}
		if root.attrs["width"] == "" || root.attrs["viewBox"] == "" {
			t.Error("badge has no size")
		}
	}
	ws, _ := strconv.ParseFloat(parse(t, string(short)).attrs["width"], 64)
	wl, _ := strconv.ParseFloat(parse(t, string(long)).attrs["width"], 64)
	if !(ws < wl) || ws < 40 || wl > 400 {
		t.Errorf("widths %v, %v", ws, wl)
	}
	root := parse(t, string(long))
	if got := child(root, "title").text; got != "minhbach: Chờ hướng dẫn của Trung ương" {
		t.Errorf("title = %q", got)
	}
	if !strings.Contains(string(long), `fill="`+Colors[status.Waiting]+`"`) || !strings.Contains(string(long), `class="st-waiting"`) {
		t.Error("right part is not in the status colour")
	}
}

// luminance is the WCAG relative luminance of #rrggbb.
func luminance(c string) float64 {
	v, _ := strconv.ParseUint(c[1:], 16, 32)
	ch := func(x uint64) float64 {
		f := float64(x) / 255
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(v>>16&255) + 0.7152*ch(v>>8&255) + 0.0722*ch(v&255)
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestPaletteContrast(t *testing.T) {
	for _, s := range known() {
		c, ok := Colors[s]
		if !ok || len(c) != 7 {
			t.Errorf("no #rrggbb colour for %q", s)
			continue
		}
		if r := contrast(c, "#ffffff"); r < 4.5 {
			t.Errorf("%s %s: contrast %.2f against white, want ≥ 4.5", Key(s), c, r)
		}
	}
	for _, c := range []string{ink, muted, link, badgeLeft} {
		if r := contrast(c, "#ffffff"); r < 4.5 {
			t.Errorf("text colour %s: contrast %.2f", c, r)
		}
		if r := contrast(c, "#f2f4f7"); r < 4.5 {
			t.Errorf("text colour %s on the band: contrast %.2f", c, r)
		}
	}
	seen := map[string]status.Status{}
	for _, s := range known() {
		if o, dup := seen[Colors[s]]; dup {
			t.Errorf("%s and %s share a colour", Key(s), Key(o))
		}
		seen[Colors[s]] = s
	}
}

// TestPalette checks that the colours come from the stylesheet's :root
// rule, one per status, and (counter-tests) that a status the stylesheet
// does not colour, or colours with something that is not a colour, has no
// palette entry.
func TestPalette(t *testing.T) {
	t.Parallel()
	for _, s := range known() {
		want := "--" + Class(s) + ":" + Colors[s] + ";"
		if Colors[s] == "" || !strings.Contains(string(minhbach.Stylesheet), want) {
			t.Errorf("%s: Colors has %q, the stylesheet lacks %s", Key(s), Colors[s], want)
		}
	}
	css := ":root {\n  --ink:#000;\n  --st-overdue: #C62828 ;\n  --st-waiting:url(x);\n}\n.x {--st-ongoing:#00796b;}\n"
	got := palette([]byte(css))
	if got[status.Overdue] != "#C62828" {
		t.Errorf("overdue = %q, want #C62828", got[status.Overdue])
	}
	for _, s := range []status.Status{status.Waiting, status.Ongoing, status.InProgress} {
		if c, ok := got[s]; ok {
			t.Errorf("%s = %q, want no colour", Key(s), c)
		}
	}
	if len(palette(nil)) != 0 {
		t.Error("a stylesheet without :root gave colours")
	}
}

func TestCSS(t *testing.T) {
	css := CSS()
	for _, s := range known() {
		rule := fmt.Sprintf(".st-%s{background-color:%s;color:#fff;fill:%s}", Key(s), Colors[s], Colors[s])
		if !strings.Contains(css, rule) {
			t.Errorf("CSS lacks %s", rule)
		}
	}
	old := Colors[status.Overdue]
	Colors[status.Overdue] = "red;}body{background:url(x)"
	defer func() { Colors[status.Overdue] = old }()
	if strings.Contains(CSS(), "url(") || strings.Contains(Bar(sampleCounts, "vi", "a", "x"), "url(") {
		t.Error("an unsafe palette value reached the output")
	}
}

func TestFit(t *testing.T) {
	t.Parallel()
	s := fit(strings.Repeat("Đ", 500), 100, 12, false)
	if w := textWidth(s, 12, false); w > 100 || !strings.HasSuffix(s, "…") {
		t.Errorf("fit gave %q (%v wide)", s, w)
	}
	if got := fit("6a", 100, 12, true); got != "6a" {
		t.Errorf("fit cut short text: %q", got)
	}
	if got := clean("a\u202Eb\u2067c\n\td\x00"); got != "abc d" {
		t.Errorf("clean = %q", got)
	}
}

// TestWriteExamples writes example pictures for a person to look at, into
// the folder named by MINHBACH_CHART_EXAMPLES (never into the source tree).
func TestWriteExamples(t *testing.T) {
	dir := os.Getenv("MINHBACH_CHART_EXAMPLES")
	if dir == "" {
		t.Skip("set MINHBACH_CHART_EXAMPLES to a folder to write examples")
	}
	long := append(sampleRows(), TimelineRow{Label: "7a", Title: strings.Repeat("Rất dài ", 40), Start: d("2018-04-20"), End: d("2020-12-31"), Status: status.InProgress, URL: "nhiem-vu/7/"})
	files := map[string]string{
		"bar-vi.svg":      Bar(sampleCounts, "vi", "a", "Trạng thái các mốc"),
		"bar-en.svg":      Bar(sampleCounts, "en", "a", "Milestones by status"),
		"bar-one.svg":     Bar(map[status.Status]int{status.Waiting: 1, status.DoneOnTime: 40}, "vi", "a", "x"),
		"bar-empty.svg":   Bar(nil, "vi", "a", "x"),
		"agency-vi.svg":   AgencyChart(map[status.Status]int{status.DoneOnTime: 4, status.Overdue: 1, status.Waiting: 2, status.NotReported: 10}, "vi", "a", "Sở Nội vụ"),
		"timeline-vi.svg": Timeline(long, asOf, "vi", "a", "Tiến độ"),
		"timeline-en.svg": Timeline(sampleRows(), plan.NewDate(2018, 12, 31), "en", "a", "Progress"),
		"timeline-span.svg": Timeline([]TimelineRow{
			{Label: "1a", Title: "Ngắn", Start: d("2018-04-20"), End: d("2018-04-20"), Status: status.Overdue},
			{Label: "2a", Title: "Dài", Start: d("2018-04-20"), End: d("2032-12-31"), Status: status.NoData},
			{Label: "3a", Title: "Mở", Start: d("2020-01-01"), OpenEnded: true, Status: status.NoData},
		}, d("2032-11-30"), "vi", "a", "Dài hạn"),
		"badge-1.svg": string(Badge("minhbach", "Hoàn thành đúng hạn", status.DoneOnTime)),
		"badge-2.svg": string(Badge("Nhiệm vụ 6", "Chờ hướng dẫn của Trung ương", status.Waiting)),
		"badge-3.svg": string(Badge("6", "Overdue", status.Overdue)),
		"badge-4.svg": string(BadgeParts{Left: "Nhiệm vụ 6", Right: "Quá hạn", Mark: "DỮ LIỆU MẪU", Status: status.Overdue}.SVG()),
		"hostile.svg": Timeline([]TimelineRow{{Label: hostile[0], Title: hostile[4] + hostile[3], Start: d("2018-01-01"), End: d("2018-03-31"), Status: status.Overdue, URL: "//evil"}}, asOf, "vi", hostile[1], hostile[2]),
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var page strings.Builder
	page.WriteString(`<!doctype html><meta charset="utf-8"><style>body{font-family:system-ui,sans-serif;margin:16px}.scroll{overflow-x:auto}</style><style>` + CSS() + `</style>`)
	for _, name := range []string{"bar-vi.svg", "agency-vi.svg", "timeline-vi.svg", "badge-2.svg"} {
		s := files[name]
		if strings.HasPrefix(s, "<?xml") {
			s = s[strings.Index(s, "?>")+2:]
		}
		fmt.Fprintf(&page, "<h2>%s</h2><div class=\"scroll\">%s</div>", name, s)
	}
	if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBadgeSampleMark: a badge of sample data has a third, yellow part
// with the marker's words; a badge of real data has neither (the
// counter-test), and both keep their status part.
func TestBadgeSampleMark(t *testing.T) {
	real := BadgeParts{Left: "Nhiệm vụ 6", Right: "Quá hạn", Title: "Nhiệm vụ 6: Quá hạn", Status: status.Overdue}
	sample := real
	sample.Mark, sample.Title = "DỮ LIỆU MẪU", "Nhiệm vụ 6: Quá hạn (dữ liệu mẫu)"
	rs, ss := string(real.SVG()), string(sample.SVG())
	for _, s := range []string{rs, ss} {
		parse(t, s)
		if !strings.Contains(s, `class="st-overdue"`) {
			t.Errorf("no status part: %s", s)
		}
	}
	if !strings.Contains(ss, `class="badge-sample"`) || !strings.Contains(ss, ">DỮ LIỆU MẪU</text>") || !strings.Contains(ss, "(dữ liệu mẫu)</title>") {
		t.Errorf("the sample badge has no marker: %s", ss)
	}
	if strings.Contains(rs, "badge-sample") || strings.Contains(rs, "MẪU") {
		t.Errorf("the real badge has a marker: %s", rs)
	}
	wr, _ := strconv.ParseFloat(parse(t, rs).attrs["width"], 64)
	ws, _ := strconv.ParseFloat(parse(t, ss).attrs["width"], 64)
	if ws < wr+60 {
		t.Errorf("widths %v (real) and %v (sample): the marker takes no room", wr, ws)
	}
	if got := string(BadgeTitled("a", "b", "", status.Overdue)); got != string(BadgeParts{Left: "a", Right: "b", Status: status.Overdue}.SVG()) {
		t.Error("BadgeTitled and BadgeParts differ")
	}
	if contrast(badgeMark, badgeMarkText) < 4.5 {
		t.Errorf("the marker's contrast is %.1f", contrast(badgeMark, badgeMarkText))
	}
}
