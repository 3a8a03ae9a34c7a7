package plan

import (
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/msg"
)

// Text is the plan's full text as issued: one Block per line of the
// document, in the document's order, word for word (typos included). It is
// decoded from the [[text]] tables of the plan file; Load checks it and
// fills in each block's place in the document's structure (Ref, Parent,
// Children).
type Text []*Block

// The kinds of block. A section (mục, "I."), a clause (khoản, "1.") and a
// point (điểm, "a)") open a level of the document; a paragraph and a dash
// ("-" item, gạch đầu dòng) belong to the innermost level open above them;
// "recipients" is the "Nơi nhận:" line, and the dashes after it are the
// recipients.
const (
	KindTitle      = "title"
	KindBasis      = "basis"
	KindParagraph  = "paragraph"
	KindSection    = "section"
	KindClause     = "clause"
	KindPoint      = "point"
	KindDash       = "dash"
	KindRecipients = "recipients"
)

// BlockKinds lists the kinds a [[text]] block may have.
var BlockKinds = []string{KindTitle, KindBasis, KindParagraph, KindSection, KindClause, KindPoint, KindDash, KindRecipients}

// Block is one line of the plan's text.
type Block struct {
	// Kind is one of BlockKinds.
	Kind string `toml:"kind"`
	// Label is the numbering as printed: "I.", "1.", "a)", "-" or "+".
	// Only sections, clauses, points and dashes have one.
	Label string `toml:"label"`
	// Text is the line as written, without its label.
	Text string `toml:"text"`
	// Basis lists the numbers of the [[basis]] documents a "Căn cứ …"
	// paragraph cites.
	Basis []string `toml:"basis"`
	// Sic lists the phrases of Text kept as written although they are
	// wrong ("Ủy ban nhân dân dân tỉnh"); a page may mark them "[sic]".
	Sic []string `toml:"sic"`
	// Note and NoteEn are an editor's note on the line, never part of it.
	Note   string `toml:"note"`
	NoteEn string `toml:"note_en"`

	// Ref is the block's address in the document, filled in by Load:
	// "II" (section II), "II.6" (clause 6 of section II), "II.6.a"
	// (point a), "II.6.a.p2" (its second paragraph), "II.6.b.d1" (the
	// first dash of point b), "II.5.a.d1.d2" (a "+" under a dash),
	// "title.1", "basis.2", "p1" (a paragraph outside any section),
	// "recipients" and "recipients.d3".
	Ref string `toml:"-"`
	// N is the block's number among its parent's paragraphs (from 2: the
	// parent's own line is paragraph 1) or dashes (from 1), or among the
	// title lines, basis paragraphs or opening paragraphs.
	N int `toml:"-"`
	// Children are the blocks this one holds, in order.
	Children []*Block `toml:"-"`
	Pos      Pos      `toml:"-"`

	parent *Block
}

// Parent returns the block that holds b, or nil at the top of the text.
func (b *Block) Parent() *Block { return b.parent }

// Line returns the block as the document prints it: label, a space, text.
func (b *Block) Line() string {
	if b.Label == "" {
		return b.Text
	}
	return b.Label + " " + b.Text
}

// Lines returns the text as plain lines, one per block, in the document's
// order, each with its numbering as printed: the whole plan word for word.
func (t Text) Lines() []string {
	out := make([]string, len(t))
	for i, b := range t {
		out[i] = b.Line()
	}
	return out
}

// Refs lists every address a reference may use, in document order.
func (t Text) Refs() []string {
	var out []string
	for _, b := range t {
		if b.Ref == "" {
			continue // a block Load could not place
		}
		out = append(out, b.Ref)
		if ownsLine(b) {
			out = append(out, b.Ref+".p1")
		}
	}
	return out
}

// ownsLine reports whether b's own line counts as its first paragraph, so
// that "<ref>.p1" is that line alone.
func ownsLine(b *Block) bool {
	switch b.Kind {
	case KindSection, KindClause, KindPoint, KindRecipients:
		return true
	}
	return false
}

// Place is a part of the text that a reference points to: a block with
// everything it holds or, for a reference ending in ".p1", the block's own
// line alone.
type Place struct {
	Block *Block
	// Alone is true when the place is the block's own line, without the
	// paragraphs and items it holds.
	Alone bool
}

// Find returns the place of ref ("II.6.a", "II.6.a.p2", "II.6.b.d1"…).
func (t Text) Find(ref string) (Place, bool) {
	if ref == "" {
		return Place{}, false
	}
	for _, b := range t {
		switch {
		case b.Ref == ref:
			return Place{Block: b}, true
		case ownsLine(b) && b.Ref+".p1" == ref:
			return Place{Block: b, Alone: true}, true
		}
	}
	return Place{}, false
}

// IsZero reports whether p points nowhere.
func (p Place) IsZero() bool { return p.Block == nil }

// Ref returns p's address.
func (p Place) Ref() string {
	switch {
	case p.Block == nil:
		return ""
	case p.Alone:
		return p.Block.Ref + ".p1"
	}
	return p.Block.Ref
}

// Lines returns the lines of p, as the document prints them.
func (p Place) Lines() []string {
	if p.Block == nil {
		return nil
	}
	if p.Alone {
		return []string{p.Block.Line()}
	}
	var out []string
	var walk func(b *Block)
	walk = func(b *Block) {
		out = append(out, b.Line())
		for _, c := range b.Children {
			walk(c)
		}
	}
	walk(p.Block)
	return out
}

// Contains reports whether block b is part of p: p's block itself or,
// unless p is that block's own line alone, a block it holds.
func (p Place) Contains(b *Block) bool {
	if p.Block == nil || b == nil {
		return false
	}
	if p.Alone {
		return b == p.Block
	}
	for ; b != nil; b = b.parent {
		if b == p.Block {
			return true
		}
	}
	return false
}

// MilestonesAt returns the milestones that come from block b (Source) or
// whose deadline the plan gives there (DueSource), in plan order: the links
// from a line of the text to the milestones and back.
func (pl *Plan) MilestonesAt(b *Block) (from, due []*Milestone) {
	for _, t := range pl.Tasks {
		for _, m := range t.Milestones {
			if m.Source.Contains(b) {
				from = append(from, m)
			}
			if m.DueSource.Contains(b) {
				due = append(due, m)
			}
		}
	}
	return from, due
}

// Cite returns the place in the plan's own terms, in Vietnamese ("vi"):
// "đoạn thứ hai điểm a khoản 6 mục II", or English (any other lang):
// "paragraph 2, point a, clause 6, section II".
func (p Place) Cite(lang string) string {
	if p.Block == nil {
		return ""
	}
	vi := lang == "vi"
	var parts []string
	if p.Alone {
		parts = append(parts, paragraphWords(1, vi))
	}
	for b := p.Block; b != nil; b = b.parent {
		parts = append(parts, citeOne(b, vi))
	}
	if vi {
		return strings.Join(parts, " ")
	}
	return strings.Join(parts, ", ")
}

func citeOne(b *Block, vi bool) string {
	l := msg.EN
	if vi {
		l = msg.VI
	}
	// The number is the address's, which follows the document's order
	// even where a label was mistyped (Load reports that label).
	n := b.Ref[strings.LastIndex(b.Ref, ".")+1:]
	switch b.Kind {
	case KindSection:
		return msg.Get(l, "cite_section", n)
	case KindClause:
		return msg.Get(l, "cite_clause", n)
	case KindPoint:
		return msg.Get(l, "cite_point", n)
	case KindDash:
		return msg.Get(l, "cite_dash", ordinal(l, b.N))
	case KindRecipients:
		return msg.Get(l, "cite_recipients")
	case KindTitle:
		return msg.Get(l, "cite_title", ordinal(l, b.N))
	case KindBasis:
		return msg.Get(l, "cite_basis", ordinal(l, b.N))
	}
	if b.parent == nil {
		return msg.Get(l, "cite_opening", ordinal(l, b.N))
	}
	return paragraphWords(b.N, vi)
}

func paragraphWords(n int, vi bool) string {
	l := msg.EN
	if vi {
		l = msg.VI
	}
	return msg.Get(l, "cite_paragraph", ordinal(l, n))
}

// ordinal names the n-th in l: "thứ nhất" … "thứ mười", then "thứ 11" in
// Vietnamese; "1", "2" … in English (the catalogue's ordinal_*).
func ordinal(l msg.Lang, n int) string {
	if k := "ordinal_" + strconv.Itoa(n); msg.Has(k) {
		return msg.Get(l, k)
	}
	return msg.Get(l, "ordinal_n", n)
}

// Citation returns where in the plan's text the milestone comes from, in
// the plan's terms ("đoạn thứ hai điểm a khoản 6 mục II"), or "" when the
// plan file has no text.
func (m *Milestone) Citation(lang string) string { return m.Source.Cite(lang) }

// DueCitation returns where the plan gives the milestone's time, or "".
func (m *Milestone) DueCitation(lang string) string { return m.DueSource.Cite(lang) }

// DueSentence returns the plan's own sentence about the milestone's time,
// without its numbering: "Chủ tịch Ủy ban nhân dân các huyện, thành phố
// hoàn thành việc tổng kết trong quý II/2018." for a deadline given per
// actor, "Thời gian thực hiện: Trong quý II/2018" for one given to the
// whole clause (a place that holds more lines gives them all, one a
// line). It is "" when the plan gives the milestone no time.
func (m *Milestone) DueSentence() string {
	b := m.DueSource.Block
	if b == nil {
		return ""
	}
	if m.DueSource.Alone || len(b.Children) == 0 {
		return b.Text
	}
	return strings.Join(m.DueSource.Lines(), "\n")
}

// WaitingLabel names the status of a milestone that waits for its
// condition, in Vietnamese ("vi") or English (any other lang). It is the
// milestone's waiting (waiting_en) label from the data; without one, the
// Vietnamese label is derived from the condition by the rule "sau khi có
// X" → "Chờ X" ("sau khi có quy định của Trung ương" → "Chờ quy định của
// Trung ương"), else "Chờ: <condition>", and the English label is
// "Waiting for the condition set by the plan". A milestone without a
// condition never waits: the label is "".
func (m *Milestone) WaitingLabel(lang string) string {
	if m.Condition == "" {
		return ""
	}
	if lang != "vi" {
		if m.WaitingEn != "" {
			return m.WaitingEn
		}
		return msg.Get(msg.EN, "waiting_plan")
	}
	if m.Waiting != "" {
		return m.Waiting
	}
	c := strings.TrimRight(strings.TrimSpace(m.Condition), ".;)")
	c = strings.TrimLeft(c, "(")
	for _, prefix := range []string{"sau khi có ", "Sau khi có "} { // the plan's own wording, not words
		if rest, ok := strings.CutPrefix(c, prefix); ok && rest != "" {
			return msg.Get(msg.VI, "waiting_for", rest)
		}
	}
	return msg.Get(msg.VI, "waiting_on", c)
}
