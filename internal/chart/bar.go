package chart

import (
	"fmt"
	"strconv"

	"github.com/minhbach/minhbach/internal/status"
)

// Geometry of Bar and AgencyChart, in viewBox units. The pictures scale to
// the width of their container up to maxWidth; at a 343 px phone column
// the 14-unit text is still 12 px.
const (
	barWidth      = 400
	barHeight     = 32
	barFont       = 14
	legendRow     = 24
	smallMaxWidth = "560px"
	hundredthsW   = barWidth * 100
)

// Bar draws a horizontal stacked bar of counts by status, in status.Order
// (worst first, NoData last), with a legend that lists every status present
// with its label, count and percentage. Each segment whose width allows it
// shows its count; statuses with no count, and keys that are not statuses,
// are left out. The picture is width-responsive (viewBox, width 100%).
// caption is the accessible title; the description states every count.
// idPrefix makes the ids inside unique on the page.
func Bar(counts map[status.Status]int, lang, idPrefix, caption string) string {
	id := cleanID(idPrefix)
	items, total := present(counts)
	if total == 0 {
		return empty(id, "chart-bar", lang, caption)
	}
	pcts := percents(items, total)
	h := float64(barHeight + 14 + legendRow*len(items))
	b := open(id, "chart-bar", barWidth, h, caption, countsWords(items, total, lang), false)

	// Segments: positions in hundredths of a unit, rounded from the
	// cumulative count, so that the widths add up to the full bar exactly.
	b.WriteString(`<g class="bar">`)
	prev, cum := 0, 0
	for i, it := range items {
		cum += it.n
		next := (hundredthsW*cum*2 + total) / (2 * total)
		w := next - prev
		fmt.Fprintf(b, `<rect class="%s" x="%s" y="0" width="%s" height="%d" fill="%s" stroke="#fff" stroke-width="1"><title>%s</title></rect>`,
			Class(it.st), hundredths(prev), hundredths(w), barHeight, color(it.st),
			esc(fmt.Sprintf("%s: %d (%d%%)", it.st.Label(lang), it.n, pcts[i])))
		label := strconv.Itoa(it.n)
		if float64(w)/100 >= textWidth(label, 13, true)+8 {
			b.text(float64(prev+w/2)/100, barHeight/2+13*0.36, 13, "middle", "#fff", true, label)
		}
		prev = next
	}
	b.WriteString(`</g>`)

	// Legend: one line per status, in the order of the segments.
	b.WriteString(`<g class="legend">`)
	for i, it := range items {
		y := float64(barHeight + 12 + legendRow*i)
		b.swatch(0, y+1, 14, it.st)
		fmt.Fprintf(b, `<text x="22" y="%s" font-size="%d" fill="%s">%s: <tspan font-weight="bold">%d</tspan> (%d%%)</text>`,
			num(y+13), barFont, ink, esc(it.st.Label(lang)), it.n, pcts[i])
	}
	b.WriteString(`</g>`)
	return b.close()
}

// AgencyChart draws, for one agency, a small bar chart of its shares by
// status (the milestones it leads and its shares of group milestones): one
// row per status present, worst first, with the label, a bar as long as
// the count relative to the largest, and the count. When every count is
// zero it draws a short "no data" picture instead.
func AgencyChart(counts map[status.Status]int, lang, idPrefix, caption string) string {
	id := cleanID(idPrefix)
	items, total := present(counts)
	if total == 0 {
		return empty(id, "chart-agency", lang, caption)
	}
	const (
		rowH   = 26
		font   = 13
		countW = 40 // room for the count after the longest bar
	)
	labelW := 0.0
	maxN := 0
	for _, it := range items {
		labelW = max(labelW, textWidth(it.st.Label(lang), font, false))
		maxN = max(maxN, it.n)
	}
	labelW = min(labelW, 220)
	x0 := labelW + 8
	span := barWidth - x0 - countW
	b := open(id, "chart-agency", barWidth, float64(rowH*len(items)+2), caption, countsWords(items, total, lang), false)
	for i, it := range items {
		y := float64(rowH*i) + 1
		mid := y + rowH/2
		w := max(span*float64(it.n)/float64(maxN), 2)
		b.WriteString(`<g class="row">`)
		b.text(0, mid+font*0.36, font, "start", ink, false, fit(it.st.Label(lang), labelW, font, false))
		fmt.Fprintf(b, `<rect class="%s" x="%s" y="%s" width="%s" height="16" fill="%s"/>`,
			Class(it.st), num(x0), num(mid-8), num(w), color(it.st))
		b.text(x0+w+6, mid+font*0.36, font, "start", ink, true, strconv.Itoa(it.n))
		b.WriteString(`</g>`)
	}
	return b.close()
}
