// Package reportfile writes progress report files (content/bao-cao/<period>/<agency>.md):
// TOML front matter between two "+++" lines, then the narrative in Markdown.
//
// Encode writes a report deterministically, in a fixed key order, so that a
// report read with plan.Load and written again gives the same bytes; Template
// writes a new draft for an agency to fill in. Shares and Target are the
// rules both use (and the spreadsheet round trip of package workbook) to
// decide what an agency reports on and whether a request names a real
// agency and period.
package reportfile

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/plan"
)

// Encode returns the bytes of a report file: "+++\n", the TOML front matter
// in a fixed key order, "+++\n", then the body.
//
// The front matter holds agency, period, number, date (left out when zero)
// and sample (only when true); then [approval] with state, approved_by,
// approved_on and note, each left out when empty (and the table too when
// all are); then one [[updates]] per update with milestone, member (left
// out when it is the reporting agency), state, done_on (left out when
// zero), progress (left out when nil), evidence and note (left out when
// empty). Dates are TOML local dates (2018-06-30); text is a TOML basic
// string on one line, with quotes, backslashes and control characters
// escaped, so no line of the front matter can ever read as "+++".
//
// Reading the result with plan.Load gives back an equal report, with two
// exceptions that Load itself would make: Windows line ends (CR LF) in the
// body are written as LF, and bytes that are not UTF-8 are written as
// U+FFFD.
func Encode(r *plan.Report) []byte {
	var e encoder
	e.report(r, nil)
	return []byte(e.b.String())
}

// notes are comments that Template puts above parts of the front matter.
type notes struct {
	top      []string          // above everything
	key      map[string]string // above a top-level key: "number", "date"
	approval []string          // above [approval]
	updates  [][]string        // above each [[updates]]
	// keepEmpty writes evidence = [] and note = "" for every update, so
	// that staff see where to write them.
	keepEmpty bool
}

type encoder struct{ b strings.Builder }

func (e *encoder) line(format string, args ...any) {
	fmt.Fprintf(&e.b, format, args...)
	e.b.WriteByte('\n')
}

func (e *encoder) comment(lines ...string) {
	for _, l := range lines {
		if l = commentText(l); l == "" {
			e.b.WriteString("#\n")
		} else {
			e.line("# %s", l)
		}
	}
}

func (e *encoder) report(r *plan.Report, n *notes) {
	if n == nil {
		n = &notes{}
	}
	e.b.WriteString("+++\n")
	e.comment(n.top...)
	// agency, period and number are always written, so that the front
	// matter is never empty and staff see the keys to fill in.
	e.line("agency = %s", Quote(r.Agency))
	e.line("period = %s", Quote(r.Period))
	if c, ok := n.key["number"]; ok {
		e.comment(c)
	}
	e.line("number = %s", Quote(r.Number))
	if !r.Date.IsZero() {
		if c, ok := n.key["date"]; ok {
			e.comment(c)
		}
		e.line("date = %s", r.Date)
	}
	if r.Sample {
		e.line("sample = true")
	}
	a := r.Approval
	if a.State != "" || a.ApprovedBy != "" || !a.ApprovedOn.IsZero() || a.Note != "" || a.Digest != "" || len(a.Amendments) > 0 {
		e.b.WriteByte('\n')
		e.comment(n.approval...)
		e.line("[approval]")
		if a.State != "" {
			e.line("state = %s", Quote(a.State))
		}
		if a.ApprovedBy != "" {
			e.line("approved_by = %s", Quote(a.ApprovedBy))
		}
		if !a.ApprovedOn.IsZero() {
			e.line("approved_on = %s", a.ApprovedOn)
		}
		if a.Note != "" {
			e.line("note = %s", Quote(a.Note))
		}
		if a.Digest != "" {
			e.line("digest = %s", Quote(a.Digest))
		}
		if len(a.Amendments) > 0 {
			e.line("amendments = %s", amendmentsValue(a.Amendments))
		}
	}
	for i, u := range r.Updates {
		e.b.WriteByte('\n')
		if i < len(n.updates) {
			e.comment(n.updates[i]...)
		}
		e.line("[[updates]]")
		e.line("milestone = %s", Quote(u.Milestone))
		if u.Member != "" && u.Member != r.Agency {
			e.line("member = %s", Quote(u.Member))
		}
		e.line("state = %s", Quote(u.State))
		if !u.DoneOn.IsZero() {
			e.line("done_on = %s", u.DoneOn)
		}
		if u.Progress != nil {
			e.line("progress = %d", *u.Progress)
		}
		if len(u.Evidence) > 0 || n.keepEmpty {
			q := make([]string, len(u.Evidence))
			for j, s := range u.Evidence {
				q[j] = Quote(s)
			}
			e.line("evidence = [%s]", strings.Join(q, ", "))
		}
		if u.Note != "" || n.keepEmpty {
			e.line("note = %s", Quote(u.Note))
		}
	}
	e.b.WriteString("+++\n")
	e.b.WriteString(strings.ReplaceAll(r.Body, "\r\n", "\n"))
}

// Quote returns s as a TOML basic string: in double quotes, with '"', '\'
// and every control character escaped (newlines as \n), so that it stays
// on one line. Bytes that are not UTF-8 become U+FFFD.
func Quote(s string) string {
	s = strings.ToValidUTF8(s, string(utf8.RuneError))
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// commentText makes s safe inside a TOML comment: one line, no control
// characters, spaces collapsed.
func commentText(s string) string {
	s = strings.ToValidUTF8(s, string(utf8.RuneError))
	var b strings.Builder
	space := false
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == ' ' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shorten cuts s to at most n characters at a word boundary, with "…".
func shorten(s string, n int) string {
	s = commentText(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)[:n]
	cut := len(rs)
	for i := len(rs) - 1; i > n/2; i-- {
		if rs[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(rs[:cut]), " ,;:.") + "…"
}
