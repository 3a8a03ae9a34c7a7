package chart

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// TimelineRow is one milestone on the timeline, already mapped from the
// domain by the caller.
type TimelineRow struct {
	// Label is the short name shown first: task number and milestone id,
	// such as "6a". Title is the milestone's text, shown cut to fit and in
	// full in the row's tooltip.
	Label, Title string
	// Start is where the bar begins (the plan's start, or the year a "from"
	// deadline names); End is the deadline's last day.
	Start plan.Date
	End   plan.Date
	// OpenEnded marks a milestone with no last day (ongoing, from, none):
	// its bar runs to the right edge and ends in an arrow. A row with a zero
	// End is drawn open-ended too.
	OpenEnded bool
	// Done is the day it was reported done, or zero.
	Done   plan.Date
	Status status.Status
	// URL is a site-relative link for the row's label. It is drawn as a
	// link only when it is relative and matches ^[a-z0-9/._-]*$ (and does
	// not start with "//"); anything else is ignored.
	URL string
	// Group keeps rows of one task together: consecutive rows with the same
	// Group share a band. When empty, the leading digits of Label are used
	// ("6a" and "6b" are both task 6).
	Group string
	// Owner is the owner's short name ("SNV", "Các huyện"), shown beside
	// the label in TimelineKey.
	Owner string
}

// TimelineMinWidth is the smallest width, in CSS pixels, at which the
// timeline is drawn (its viewBox width, so text is never below its drawn
// size). The site should wrap it in a horizontally scrollable container
// for narrower screens.
const TimelineMinWidth = 760

// Geometry of the timeline, in viewBox units.
const (
	tlWidth          = TimelineMinWidth
	tlLabelX         = 8
	tlX0             = 232 // left edge of the time axis
	tlX1             = tlWidth - 16
	tlAxisY          = 56
	tlTop            = 62 // top of the first row
	tlRowH           = 28
	tlGroupGap       = 6
	tlBarH           = 16
	tlFont           = 12
	timelineMaxWidth = "1280px"
	// tlLegendWidth is how wide the legend's lines run from tlLabelX: what
	// a 320 px screen shows of the chart before it is scrolled sideways
	// (the page's margins and the box's border taken off), so that a phone
	// shows the whole legend without scrolling.
	tlLegendWidth = 276
)

// safeURL matches the links the timeline may draw.
var safeURL = regexp.MustCompile(`^[a-z0-9/._-]*$`)

// okURL reports whether u may be drawn as a link: non-empty, relative to
// the site (no scheme, no host) and made of the allowed characters only.
func okURL(u string) bool {
	return u != "" && safeURL.MatchString(u) && !strings.HasPrefix(u, "//")
}

// groupOf returns the group key of r.
func groupOf(r TimelineRow) string {
	if r.Group != "" {
		return r.Group
	}
	l := strings.TrimSpace(r.Label)
	i := 0
	for i < len(l) && '0' <= l[i] && l[i] <= '9' {
		i++
	}
	if i == 0 {
		return l
	}
	return l[:i]
}

// daysBetween returns the number of days from a to b.
func daysBetween(a, b plan.Date) int64 {
	return (b.Time().Unix() - a.Time().Unix()) / 86400
}

// dateWords writes d as the reader expects: 30/6/2018 or 30 Jun 2018.
func dateWords(d plan.Date, lang string) string {
	return d.Time().Format(say(lang, "date_layout_short"))
}

// say formats the catalogue's message key in lang (internal/msg).
func say(lang, key string, args ...any) string { return msg.Get(msg.For(lang), key, args...) }

// Timeline draws every milestone as a row, grouped by task: its label and
// title, a bar from Start to the end of End (or to the right edge with an
// arrow when open-ended), a ring at its done date if done, coloured by
// status with the status named beside the bar, a dashed vertical line at
// asOf labelled with the date, and years and quarters on the axis. A legend
// lists the statuses with their counts. The description states the counts
// and every row in words. With no rows it draws a "no data" picture.
func Timeline(rows []TimelineRow, asOf plan.Date, lang, idPrefix, caption string) string {
	id := cleanID(idPrefix)
	if len(rows) == 0 {
		return empty(id, "chart-timeline", lang, caption)
	}
	vi := lang == "vi"

	// The axis runs over whole years, from the first to the last date seen.
	first, last := plan.Date{}, plan.Date{}
	see := func(d plan.Date) {
		if d.IsZero() {
			return
		}
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if last.IsZero() || d.After(last) {
			last = d
		}
	}
	for _, r := range rows {
		see(r.Start)
		see(r.End)
		see(r.Done)
	}
	see(asOf)
	if first.IsZero() {
		first = plan.NewDate(2000, 1, 1)
		last = first
	}
	axisStart := plan.NewDate(first.Year, 1, 1)
	axisEnd := plan.NewDate(last.Year+1, 1, 1)
	dayW := float64(tlX1-tlX0) / float64(daysBetween(axisStart, axisEnd))
	// x returns the left edge of day d; the right edge is x(d)+dayW.
	x := func(d plan.Date) float64 {
		return tlX0 + float64(daysBetween(axisStart, d))*dayW
	}

	// Counts for the legend and the description.
	counts := map[status.Status]int{}
	for _, r := range rows {
		counts[r.Status]++
	}
	items, _ := present(counts)

	ys, groupStart, rowsBottom := layout(rows)

	// The legend flows under the rows, in lines no wider than a phone
	// shows (tlLegendWidth).
	type entry struct {
		kind  string // "status", "done", "open"
		st    status.Status
		label string
	}
	var legend []entry
	for _, it := range items {
		legend = append(legend, entry{"status", it.st, fmt.Sprintf("%s (%d)", it.st.Label(lang), it.n)})
	}
	anyDone, anyOpen := false, false
	for _, r := range rows {
		anyDone = anyDone || !r.Done.IsZero()
		anyOpen = anyOpen || r.OpenEnded || r.End.IsZero()
	}
	if anyDone {
		legend = append(legend, entry{kind: "done", label: say(lang, "chart_done_legend")})
	}
	if anyOpen {
		legend = append(legend, entry{kind: "open", label: say(lang, "chart_open")})
	}
	type placed struct {
		entry
		x, y float64
	}
	var lp []placed
	lx, ly := float64(tlLabelX), rowsBottom+14
	for _, e := range legend {
		w := 18 + textWidth(e.label, tlFont, false) + 18
		if lx+w > tlLabelX+tlLegendWidth && lx > tlLabelX {
			lx, ly = tlLabelX, ly+22
		}
		lp = append(lp, placed{e, lx, ly})
		lx += w
	}
	height := ly + 22

	linked := false
	for _, r := range rows {
		linked = linked || okURL(r.URL)
	}
	b := open(id, "chart-timeline", tlWidth, height, caption, timelineWords(rows, items, asOf, lang), linked)

	// Bands behind alternate tasks.
	b.WriteString(`<g class="bands">`)
	bands(b, len(rows), ys, groupStart, tlWidth)
	b.WriteString(`</g>`)

	// The axis: year gridlines and labels, quarter ticks and labels.
	b.WriteString(`<g class="axis">`)
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="1"/>`, tlX0, tlAxisY, tlX1, tlAxisY, muted)
	years := axisEnd.Year - axisStart.Year
	yearW := float64(tlX1-tlX0) / float64(years)
	step := 1
	for yearW*float64(step) < 44 {
		step++
	}
	quarterW := yearW / 4
	for yr := axisStart.Year; yr <= axisEnd.Year; yr++ {
		gx := x(plan.NewDate(yr, 1, 1))
		if (yr-axisStart.Year)%step == 0 || yr == axisEnd.Year {
			fmt.Fprintf(b, `<line x1="%s" y1="%d" x2="%s" y2="%s" stroke="#c4cad1" stroke-width="1"/>`, num(gx), tlAxisY-10, num(gx), num(rowsBottom))
		}
		if yr == axisEnd.Year {
			break
		}
		if (yr-axisStart.Year)%step == 0 {
			if step == 1 {
				b.text(gx+yearW/2, 34, tlFont, "middle", ink, true, fmt.Sprint(yr))
			} else {
				b.text(gx+3, 34, tlFont, "start", ink, true, fmt.Sprint(yr))
			}
		}
		if quarterW < 6 {
			continue
		}
		for q := 0; q < 4; q++ {
			qx := x(plan.NewDate(yr, time.Month(1+3*q), 1))
			qnext := x(plan.NewDate(yr, time.Month(4+3*q), 1))
			if q > 0 {
				fmt.Fprintf(b, `<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="%s" stroke-width="1"/>`, num(qx), tlAxisY-5, num(qx), tlAxisY, muted)
			}
			if quarterW >= 26 {
				b.text((qx+qnext)/2, 49, 11, "middle", muted, false, quarterName(q+1, vi))
			}
		}
	}
	b.WriteString(`</g>`)

	// The as-of line, under the rows so that their words stay readable.
	ax := 0.0
	if !asOf.IsZero() {
		ax = x(asOf) + dayW
		// The line starts at the axis, under a pointer, so that it does not
		// cross the year and quarter names; its label is above them.
		fmt.Fprintf(b, `<g class="as-of"><line x1="%s" y1="%d" x2="%s" y2="%s" stroke="%s" stroke-width="1.5" stroke-dasharray="4 3"/>`,
			num(ax), tlAxisY, num(ax), num(rowsBottom), ink)
		fmt.Fprintf(b, `<polygon points="%s,%d %s,%d %s,%d" fill="%s"/>`,
			num(ax-5), tlAxisY-7, num(ax+5), tlAxisY-7, num(ax), tlAxisY, ink)
		label := say(lang, "chart_asof", dateWords(asOf, lang))
		lw := textWidth(label, tlFont, true)
		switch {
		case ax+lw/2 > tlWidth-4:
			b.text(ax+4, 14, tlFont, "end", ink, true, label)
		case ax-lw/2 < 4:
			b.text(ax-4, 14, tlFont, "start", ink, true, label)
		default:
			b.text(ax, 14, tlFont, "middle", ink, true, label)
		}
		b.WriteString(`</g>`)
	}

	// The rows.
	for i, r := range rows {
		drawRow(b, r, ys[i], x, dayW, lang, ax)
	}

	// The legend.
	b.WriteString(`<g class="legend">`)
	for _, e := range lp {
		mid := e.y + 6
		switch e.kind {
		case "status":
			b.swatch(e.x, e.y, 12, e.st)
		case "done":
			fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="5" fill="#fff" stroke="%s" stroke-width="2.5"/>`, num(e.x+6), num(mid), ink)
		case "open":
			fmt.Fprintf(b, `<polygon points="%s,%s %s,%s %s,%s" fill="%s"/>`,
				num(e.x+2), num(mid-6), num(e.x+12), num(mid), num(e.x+2), num(mid+6), muted)
		}
		b.text(e.x+18, mid+tlFont*0.36, tlFont, "start", ink, false, e.label)
	}
	b.WriteString(`</g>`)
	return b.close()
}

// layout places the rows: the top of each, the first row of each task's
// group, and the bottom of the last row, with a gap between tasks.
func layout(rows []TimelineRow) (ys []float64, groupStart []int, bottom float64) {
	ys = make([]float64, len(rows))
	groupStart = []int{0}
	y := float64(tlTop)
	for i, r := range rows {
		if i > 0 && groupOf(r) != groupOf(rows[i-1]) {
			y += tlGroupGap
			groupStart = append(groupStart, i)
		}
		ys[i] = y
		y += tlRowH
	}
	return ys, groupStart, y
}

// TimelineKeyWidth is the width of TimelineKey, in CSS pixels.
const TimelineKeyWidth = 84

// bands draws the band behind every other task's rows (the second, the
// fourth…), width wide: n rows at ys, a task's first row at groupStart.
func bands(b *svg, n int, ys []float64, groupStart []int, width int) {
	for g, s := range groupStart {
		if g%2 == 1 {
			e := n
			if g+1 < len(groupStart) {
				e = groupStart[g+1]
			}
			top := ys[s] - 2
			fmt.Fprintf(b, `<rect x="0" y="%s" width="%d" height="%s" fill="#f2f4f7"/>`, num(top), width, num(ys[e-1]+tlRowH+2-top))
		}
	}
}

// TimelineKey draws the short labels of the timeline's rows (the plan
// reference, such as "6a", and the owner's short name) at the rows'
// heights, on a white column TimelineKeyWidth wide: the site lays it over
// the timeline's left edge and keeps it there (position: sticky) while the
// timeline scrolls sideways on a phone. It repeats what the timeline says
// and is hidden from assistive technology. With no rows it is "".
func TimelineKey(rows []TimelineRow, idPrefix string) string {
	if len(rows) == 0 {
		return ""
	}
	ys, groupStart, bottom := layout(rows)
	var b svg
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-timeline-key" id="%s-key" viewBox="0 0 %d %s" width="%d" height="%s" aria-hidden="true" font-family="%s">`,
		cleanID(idPrefix), TimelineKeyWidth, num(bottom+2), TimelineKeyWidth, num(bottom+2), FontFamily)
	fmt.Fprintf(&b, `<rect x="0" y="%d" width="%d" height="%s" fill="#fff"/>`, tlTop-2, TimelineKeyWidth, num(bottom-tlTop+4))
	bands(&b, len(rows), ys, groupStart, TimelineKeyWidth)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%s" stroke="#c4cad1" stroke-width="1"/>`, TimelineKeyWidth-1, tlTop-2, TimelineKeyWidth-1, num(bottom+2))
	for i, r := range rows {
		base := ys[i] + tlRowH/2 + tlFont*0.36
		lab := fit(clean(r.Label), 30, tlFont, true)
		b.text(4, base, tlFont, "start", ink, true, lab)
		if o := clean(r.Owner); o != "" {
			x := 4 + max(textWidth(lab, tlFont, true), 18) + 4
			b.text(x, base, 11, "start", muted, false, fit(o, float64(TimelineKeyWidth)-x-3, 11, false))
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// clearOf moves a span of text [x, x+w] off the as-of line at ax: when the
// span would cross the line (with a margin), it starts just right of it.
func clearOf(x, w, ax float64) float64 {
	if ax > 0 && x-3 < ax && x+w+3 > ax {
		return ax + 5
	}
	return x
}

// drawRow draws one milestone at the top y.
func drawRow(b *svg, r TimelineRow, y float64, x func(plan.Date) float64, dayW float64, lang string, ax float64) {
	mid := y + tlRowH/2
	base := mid + tlFont*0.36
	label, title := clean(r.Label), clean(r.Title)
	open := r.OpenEnded || r.End.IsZero()

	b.WriteString(`<g class="row">`)
	tip := clip(label, 60)
	if title != "" {
		tip += " — " + clip(title, maxTitle)
	}
	if open {
		tip += ". " + say(lang, "chart_open")
	} else {
		tip += ". " + say(lang, "chart_deadline", dateWords(r.End, lang))
	}
	if !r.Done.IsZero() {
		tip += ". " + say(lang, "chart_done", dateWords(r.Done, lang))
	}
	if r.Status != status.NoData {
		tip += ". " + r.Status.Label(lang)
	}
	fmt.Fprintf(b, `<title>%s</title>`, esc(tip+"."))

	// Label and title, a link when the URL is safe.
	linked := okURL(r.URL)
	if linked {
		fmt.Fprintf(b, `<a href="%s">`, esc(r.URL))
	}
	lab := fit(label, 52, tlFont, true)
	lw := textWidth(lab, tlFont, true)
	fill := ink
	if linked {
		fill = link
	}
	fmt.Fprintf(b, `<text x="%d" y="%s" font-size="%d" font-weight="bold" fill="%s"`, tlLabelX, num(base), tlFont, fill)
	if linked {
		b.WriteString(` text-decoration="underline"`)
	}
	fmt.Fprintf(b, `>%s</text>`, esc(lab))
	tx := float64(tlLabelX) + max(lw, 20) + 8
	if t := fit(title, tlX0-12-tx, tlFont, false); title != "" {
		// A group of its own, which the site hides where TimelineKey
		// covers the label column.
		b.WriteString(`<g class="tl-title">`)
		b.text(tx, base, tlFont, "start", muted, false, t)
		b.WriteString(`</g>`)
	}
	if linked {
		b.WriteString(`</a>`)
	}

	// The bar.
	xs := float64(tlX0)
	if !r.Start.IsZero() {
		xs = x(r.Start)
	}
	var xe float64
	c, cl := color(r.Status), Class(r.Status)
	if open {
		xe = tlX1
		fmt.Fprintf(b, `<rect class="%s" x="%s" y="%s" width="%s" height="%d" fill="%s"/>`,
			cl, num(xs), num(mid-tlBarH/2), num(max(xe-10-xs, 2)), tlBarH, c)
		fmt.Fprintf(b, `<polygon class="%s" points="%s,%s %s,%s %s,%s" fill="%s"/>`,
			cl, num(xe-10), num(mid-tlBarH/2-3), num(xe), num(mid), num(xe-10), num(mid+tlBarH/2+3), c)
	} else {
		xe = x(r.End) + dayW
		if xe-xs < 3 {
			xs = xe - 3
		}
		fmt.Fprintf(b, `<rect class="%s" x="%s" y="%s" width="%s" height="%d" rx="2" fill="%s"/>`,
			cl, num(xs), num(mid-tlBarH/2), num(xe-xs), tlBarH, c)
	}
	right := xe
	if r.Status == status.Overdue && !open && ax > xe {
		// Overdue: the bar goes on, in red and hatched, from the deadline to
		// the as-of date, so that its length shows how late it is.
		fmt.Fprintf(b, `<rect class="%s overdue-run" x="%s" y="%s" width="%s" height="%d" fill="%s" fill-opacity=".45" stroke="%s" stroke-width="1"/>`,
			cl, num(xe), num(mid-tlBarH/2+2), num(ax-xe), tlBarH-4, c, c)
		right = ax
	}
	if !r.Done.IsZero() {
		dx := x(r.Done) + dayW/2
		if dx > xe+6 {
			// Done after the deadline: a dotted line shows the delay.
			fmt.Fprintf(b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2" stroke-dasharray="2 3"/>`,
				cl, num(xe), num(mid), num(dx-5), num(mid), c)
		}
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="5" fill="#fff" stroke="%s" stroke-width="2.5"/>`, num(dx), num(mid), ink)
		right = max(right, dx+6)
	}

	// The status in words, beside the bar where there is room.
	if r.Status != status.NoData {
		s := r.Status.Label(lang)
		sw := textWidth(s, tlFont, false)
		// Words beside the bar never cross the as-of line (clearOf).
		rx := clearOf(right+6, sw, ax)
		switch {
		case rx+sw <= tlWidth-4:
			b.haloText(rx, base, tlFont, "start", s)
		case xe-xs >= textWidth(s, tlFont, true)+16 && r.Done.IsZero():
			b.text(xs+8, base, tlFont, "start", "#fff", true, s)
		case xs-6-sw >= tlX0 && clearOf(xs-6-sw, sw, ax) == xs-6-sw:
			b.haloText(xs-6, base, tlFont, "end", s)
		default:
			b.text(xs+8, base, tlFont, "start", "#fff", true, fit(s, max(xe-xs-16, 10), tlFont, true))
		}
	}
	b.WriteString(`</g>`)
}

// timelineWords states the timeline in words: the counts, then each row.
func timelineWords(rows []TimelineRow, items []item, asOf plan.Date, lang string) string {
	total := len(rows)
	var b strings.Builder
	b.WriteString(msg.Plural(msg.For(lang), "n_milestones", total, total))
	if !asOf.IsZero() {
		b.WriteString(", " + say(lang, "chart_asof_lower", dateWords(asOf, lang)))
	}
	for i, it := range items {
		sep := ", "
		if i == 0 {
			sep = ": "
		}
		fmt.Fprintf(&b, "%s%s %d", sep, it.st.Label(lang), it.n)
	}
	b.WriteString(".")
	for i, r := range rows {
		sep := "; "
		if i == 0 {
			sep = " " + say(lang, "chart_each") + " "
		}
		b.WriteString(sep)
		b.WriteString(clip(clean(r.Label), 40))
		if r.OpenEnded || r.End.IsZero() {
			b.WriteString(", " + say(lang, "chart_open_lower"))
		} else {
			b.WriteString(", " + say(lang, "chart_deadline_lower", dateWords(r.End, lang)))
		}
		if r.Status != status.NoData {
			b.WriteString(", " + r.Status.Label(lang))
		}
		if !r.Done.IsZero() {
			b.WriteString(", " + say(lang, "chart_done_lower", dateWords(r.Done, lang)))
		}
	}
	b.WriteString(".")
	return b.String()
}

// quarterName names quarter n on the axis: QI…QIV in Vietnamese (as the
// plan writes "quý II"), Q1…Q4 in English.
func quarterName(n int, vi bool) string {
	if vi {
		return "Q" + [...]string{"", "I", "II", "III", "IV"}[n]
	}
	return fmt.Sprintf("Q%d", n)
}
