package view

import (
	"strings"

	"github.com/minhbach/minhbach/internal/plan"
)

// The full-text page (ke-hoach/): the plan as issued, one line per
// [[text]] block, word for word, with its numbering as text, the typos the
// data marks as sic marked (never corrected), and links from the lines
// that define milestones to the milestones and back (TextAnchor).

// TextLineV is one line of the plan's full text.
type TextLineV struct {
	// Anchor is the line's id on the page (TextAnchor), Ref its address
	// in the data ("II.6.a.p2"), Cite that address in the plan's own terms
	// ("đoạn thứ hai điểm a khoản 6 mục II").
	Anchor string `json:"anchor"`
	Ref    string `json:"ref"`
	Cite   string `json:"cite"`
	// Kind is the block's kind; Depth how deep it sits (0 for a section,
	// a title or a basis line, 1 for a clause, 2 for a point, 3 for what a
	// point holds), for the indent.
	Kind  string `json:"kind"`
	Depth int    `json:"depth"`
	// Heading is the heading level the line is shown at: 2 for a
	// section, 3 for a clause that holds further lines, 0 for a line
	// shown as a paragraph (a clause that is one sentence, like III.3).
	Heading int `json:"heading,omitempty"`
	// Label is the numbering as printed ("II.", "6.", "a)", "-"); Parts
	// the rest of the line as written, cut where a phrase is kept as
	// written although it is wrong (Sic).
	Label string      `json:"label,omitempty"`
	Parts []TextPartV `json:"parts"`
	// Sic lists the phrases kept as written; Note is the editor's note.
	Sic  []string `json:"sic,omitempty"`
	Note string   `json:"note,omitempty"`
	// Task is the task a clause of the content section is; From the
	// milestones that come from this line; Due the milestones whose time
	// the plan gives on it.
	Task *LinkV  `json:"task,omitempty"`
	From []LinkV `json:"from,omitempty"`
	Due  []LinkV `json:"due,omitempty"`
}

// TextPartV is a piece of a line: Sic is true for a phrase kept as written
// although it is wrong.
type TextPartV struct {
	Text string `json:"text"`
	Sic  bool   `json:"sic,omitempty"`
}

// TextAnchor is the id, on the full-text page, of the line at ref: "vb-"
// and the address with its dots as hyphens ("II.6.a.p2" → "vb-II-6-a-p2").
// A ".p1" address (a block's own line) is the block's line.
func TextAnchor(ref string) string {
	if ref == "" {
		return ""
	}
	ref = strings.TrimSuffix(ref, ".p1")
	return "vb-" + strings.ReplaceAll(ref, ".", "-")
}

// TextURL is the address of the place ref on the full-text page, relative
// to the language's root, or "" for no place.
func TextURL(ref string) string {
	if ref == "" {
		return ""
	}
	return "ke-hoach/#" + TextAnchor(ref)
}

// sicParts cuts s around every occurrence of the sic phrases.
func sicParts(s string, sic []string) []TextPartV {
	var out []TextPartV
	for s != "" {
		at, n := -1, 0
		for _, p := range sic {
			if p == "" {
				continue
			}
			if i := strings.Index(s, p); i >= 0 && (at < 0 || i < at || i == at && len(p) > n) {
				at, n = i, len(p)
			}
		}
		if at < 0 {
			out = append(out, TextPartV{Text: s})
			break
		}
		if at > 0 {
			out = append(out, TextPartV{Text: s[:at]})
		}
		out = append(out, TextPartV{Text: s[at : at+n], Sic: true})
		s = s[at+n:]
	}
	return out
}

// textDepth is how deep b sits, for the indent.
func textDepth(b *plan.Block) int {
	d := 0
	for p := b.Parent(); p != nil; p = p.Parent() {
		d++
	}
	if b.Kind == plan.KindParagraph && b.Parent() != nil {
		d-- // a further paragraph of a point or clause stands with it
	}
	return d
}

// textLines is the plan's text as the full-text page shows it.
func (pr *presenter) textLines() []TextLineV {
	pl := pr.p.Plan
	from := map[*plan.Block][]*plan.Milestone{}
	due := map[*plan.Block][]*plan.Milestone{}
	task := map[*plan.Block]*plan.Task{}
	for _, t := range pl.Tasks {
		for _, m := range t.Milestones {
			if b := m.Source.Block; b != nil {
				from[b] = append(from[b], m)
				// The clause a milestone's place is in is its task.
				for c := b; c != nil; c = c.Parent() {
					if c.Kind == plan.KindClause {
						task[c] = t
						break
					}
				}
			}
			if b := m.DueSource.Block; b != nil {
				due[b] = append(due[b], m)
			}
		}
	}
	out := make([]TextLineV, 0, len(pl.Text))
	for _, b := range pl.Text {
		l := TextLineV{Anchor: TextAnchor(b.Ref), Ref: b.Ref, Cite: plan.Place{Block: b}.Cite(pr.lang), Kind: b.Kind,
			Depth: textDepth(b), Label: b.Label, Parts: sicParts(b.Text, b.Sic), Sic: b.Sic, Note: pr.t(b.Note, b.NoteEn)}
		if b.Ref == "" {
			l.Anchor = ""
		}
		switch {
		case b.Kind == plan.KindSection:
			l.Heading = 2
		case b.Kind == plan.KindClause && len(b.Children) > 0:
			l.Heading = 3
		}
		if t := task[b]; t != nil {
			l.Task = &LinkV{Name: pr.w("text_task_progress", t.Number), URL: TaskURL(t.Slug)}
		}
		for _, m := range from[b] {
			l.From = append(l.From, LinkV{Name: pr.w("text_milestone", m.ID), URL: milestoneURL(m)})
		}
		for _, m := range due[b] {
			l.Due = append(l.Due, LinkV{Name: pr.w("text_milestone_due", m.ID), URL: milestoneURL(m)})
		}
		out = append(out, l)
	}
	return out
}

// milestoneURL is the address of a milestone on its task page.
func milestoneURL(m *plan.Milestone) string { return TaskURL(m.Task.Slug) + "#moc-" + m.ID }

// TocV is an entry of the full-text page's table of contents: a line's
// anchor and a name for it; VI says that the name is the plan's own
// (Vietnamese) words.
type TocV struct {
	Anchor   string `json:"anchor"`
	Name     string `json:"name"`
	VI       bool   `json:"vi,omitempty"`
	Children []TocV `json:"children,omitempty"`
}

// textToc lists the sections of the text, the tasks of each (its clauses
// that are tasks), the recipients and the list of basis documents.
func (pr *presenter) textToc(lines []TextLineV) []TocV {
	var out []TocV
	for _, l := range lines {
		switch {
		case l.Kind == plan.KindSection || l.Kind == plan.KindRecipients:
			out = append(out, TocV{Anchor: l.Anchor, Name: strings.TrimSpace(l.Label + " " + partsText(l.Parts)), VI: true})
		case l.Kind == plan.KindClause && l.Task != nil && len(out) > 0:
			last := &out[len(out)-1]
			last.Children = append(last.Children, TocV{Anchor: l.Anchor, Name: pr.w("text_toc_task", strings.TrimSuffix(l.Label, "."))})
		}
	}
	if len(pr.p.Plan.Basis) > 0 {
		out = append(out, TocV{Anchor: "can-cu", Name: pr.w("plan_basis")})
	}
	return out
}

func partsText(ps []TextPartV) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
	}
	return b.String()
}

// actionSic cuts a milestone's words around the sic phrases of the lines
// it comes from, with their editor's notes, so that the task page marks a
// typo of the plan as the full text does; nil when there is none.
func (pr *presenter) actionSic(m *plan.Milestone) ([]TextPartV, string) {
	var sic, notes []string
	for _, b := range pr.p.Plan.Text {
		if !m.Source.Contains(b) || len(b.Sic) == 0 {
			continue
		}
		for _, p := range b.Sic {
			if strings.Contains(m.Action, p) {
				sic = append(sic, p)
			}
		}
		if n := pr.t(b.Note, b.NoteEn); n != "" {
			notes = append(notes, n)
		}
	}
	if len(sic) == 0 {
		return nil, ""
	}
	return sicParts(m.Action, sic), strings.Join(notes, " ")
}
