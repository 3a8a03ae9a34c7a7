package chart

import (
	"fmt"
	"strings"

	"github.com/minhbach/minhbach/internal/status"
)

// Geometry of a badge, in pixels.
const (
	badgeHeight  = 20
	badgeFont    = 11
	badgePad     = 6   // on each side of each part's text
	badgeMaxText = 240 // longer text is cut with "…"
	badgeLeft    = "#4a4a4a"
)

// Badge draws a shields.io-style badge: the left part (such as "minhbach"
// or a task number) in dark grey, the right part (the status label) in the
// status colour, both in white text. It is 20 pixels high and as wide as
// its text (estimated from glyph widths; long text is cut). The result is a
// complete standalone SVG document, with an XML declaration and xmlns, to be
// served as a file; its accessible name is "left: right".
func Badge(left, right string, st status.Status) []byte {
	return BadgeTitled(left, right, "", st)
}

// BadgeTitled is Badge whose title (what a screen reader and a tooltip
// say) is title, such as "Nhiệm vụ 6: Quá hạn, tính đến ngày 30/6/2019",
// instead of "left: right"; an empty title keeps "left: right".
func BadgeTitled(left, right, title string, st status.Status) []byte {
	return BadgeParts{Left: left, Right: right, Title: title, Status: st}.SVG()
}

// BadgeParts is what a badge shows: its left and right parts, its title
// (empty: "left: right") and, while the data is sample data, Mark, a third
// part on the right ("DỮ LIỆU MẪU") in dark text on yellow, which the
// title should say too.
type BadgeParts struct {
	Left, Right, Title, Mark string
	Status                   status.Status
}

// Colours of a badge's sample marker: dark ink on yellow (contrast above
// 10:1), a colour no status has.
const (
	badgeMark     = "#ffd54f"
	badgeMarkText = "#1f2328"
)

// SVG draws the badge: see Badge.
func (p BadgeParts) SVG() []byte {
	l := fit(clean(p.Left), badgeMaxText, badgeFont, false)
	r := fit(clean(p.Right), badgeMaxText, badgeFont, false)
	m := fit(clean(p.Mark), badgeMaxText, badgeFont, true)
	lw := float64(int(textWidth(l, badgeFont, false)+0.999)) + 2*badgePad
	rw := float64(int(textWidth(r, badgeFont, false)+0.999)) + 2*badgePad
	mw := 0.0
	if m != "" {
		mw = float64(int(textWidth(m, badgeFont, true)+0.999)) + 2*badgePad
	}
	w := lw + rw + mw
	c, cl := color(p.Status), Class(p.Status)

	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%d" viewBox="0 0 %s %d" role="img" aria-labelledby="badge-title" font-family="%s" font-size="%d">`,
		num(w), badgeHeight, num(w), badgeHeight, FontFamily, badgeFont)
	if t := clip(clean(p.Title), maxTitle); t != "" {
		fmt.Fprintf(&b, `<title id="badge-title">%s</title>`, esc(t))
	} else {
		fmt.Fprintf(&b, `<title id="badge-title">%s: %s</title>`, esc(l), esc(r))
	}
	// Two (or three) parts with rounded outer corners.
	fmt.Fprintf(&b, `<path d="M3 0H%s V20H3A3 3 0 0 1 0 17V3A3 3 0 0 1 3 0Z" fill="%s"/>`, num(lw), badgeLeft)
	end := lw + rw
	if m == "" {
		fmt.Fprintf(&b, `<path class="%s" d="M%s 0H%s A3 3 0 0 1 %s 3V17A3 3 0 0 1 %s 20H%s Z" fill="%s"/>`,
			cl, num(lw), num(w-3), num(w), num(w-3), num(lw), c)
	} else {
		fmt.Fprintf(&b, `<path class="%s" d="M%s 0H%s V20H%s Z" fill="%s"/>`, cl, num(lw), num(end), num(lw), c)
		fmt.Fprintf(&b, `<path class="badge-sample" d="M%s 0H%s A3 3 0 0 1 %s 3V17A3 3 0 0 1 %s 20H%s Z" fill="%s"/>`,
			num(end), num(w-3), num(w), num(w-3), num(end), badgeMark)
	}
	// Text with a faint shadow, as shields.io draws it.
	b.WriteString(`<g text-anchor="middle">`)
	for _, part := range []struct {
		x float64
		s string
	}{{lw / 2, l}, {lw + rw/2, r}} {
		fmt.Fprintf(&b, `<text x="%s" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">%s</text>`, num(part.x), esc(part.s))
		fmt.Fprintf(&b, `<text x="%s" y="14" fill="#fff">%s</text>`, num(part.x), esc(part.s))
	}
	if m != "" {
		fmt.Fprintf(&b, `<text x="%s" y="14" fill="%s" font-weight="bold">%s</text>`, num(end+mw/2), badgeMarkText, esc(m))
	}
	b.WriteString(`</g></svg>` + "\n")
	return []byte(b.String())
}
