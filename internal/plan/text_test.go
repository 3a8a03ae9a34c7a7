package plan

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/text/unicode/norm"
)

// seedFile is a byte-for-byte copy of the plan as issued
// (shared/seeds/000_62b1e7e5e0e1f105.txt).
const seedFile = "testdata/kontum-plan.txt"

// seedLines returns the document's lines, white space aside, without the
// blank ones.
func seedLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(norm.NFC.String(string(b)), "\n") {
		if l = squashSpaces(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func squashSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// compareLines lists every difference between the document's lines and
// the rendered ones, white space aside: a line missing, extra, out of
// place or not word for word.
func compareLines(want, got []string) []string {
	var diffs []string
	for i := 0; i < max(len(want), len(got)); i++ {
		var w, g string
		if i < len(want) {
			w = squashSpaces(want[i])
		}
		if i < len(got) {
			g = squashSpaces(got[i])
		}
		if w != g {
			diffs = append(diffs, fmt.Sprintf("line %d:\n  plan: %q\n  data: %q", i+1, w, g))
		}
	}
	return diffs
}

func loadKonTum(t *testing.T) *Plan {
	t.Helper()
	p, err := Load(afero.NewOsFs(), "../..")
	if err != nil {
		t.Fatalf("the Kon Tum portal does not load:\n%v", err)
	}
	return p.Plan
}

// TestKonTumTextIsTheDocument compares the text rendered from the data
// with the plan as issued, line by line: every line, in order, word for
// word, typos included.
func TestKonTumTextIsTheDocument(t *testing.T) {
	t.Parallel()
	want := seedLines(t)
	if len(want) != 68 {
		t.Fatalf("the document has %d non-blank lines, want 68", len(want))
	}
	got := loadKonTum(t).Text.Lines()
	for _, d := range compareLines(want, got) {
		t.Error(d)
	}
	if !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "Ủy ban nhân dân dân tỉnh") }) {
		t.Error("the plan's typo \"Ủy ban nhân dân dân tỉnh\" was corrected")
	}
}

// TestCompareLinesFindsChanges is the counter-test: the comparison fails
// on a copy of the document with a line dropped, a word changed, a typo
// corrected, two lines swapped or a numbering label removed.
func TestCompareLinesFindsChanges(t *testing.T) {
	t.Parallel()
	want := seedLines(t)
	got := loadKonTum(t).Text.Lines()
	if d := compareLines(want, got); len(d) != 0 {
		t.Fatalf("the data does not match to begin with: %v", d)
	}
	mutations := map[string]func([]string) []string{
		"a line dropped": func(l []string) []string { return slices.Delete(l, 40, 41) },
		"a word changed": func(l []string) []string {
			l[39] = strings.Replace(l[39], "quý II/2018", "quý III/2018", 1)
			return l
		},
		"the typo corrected": func(l []string) []string {
			for i := range l {
				l[i] = strings.Replace(l[i], "nhân dân dân tỉnh", "nhân dân tỉnh", 1)
			}
			return l
		},
		"two lines swapped": func(l []string) []string { l[33], l[34] = l[34], l[33]; return l },
		"a label removed":   func(l []string) []string { l[17] = strings.TrimPrefix(l[17], "b) "); return l },
		"a line added":      func(l []string) []string { return slices.Insert(l, 60, "- Sở Tư pháp;") },
	}
	for name, mutate := range mutations {
		// Mutate the document: the data no longer matches it.
		doc := mutate(slices.Clone(want))
		if slices.Equal(doc, want) {
			t.Fatalf("%s: the mutation changed nothing", name)
		}
		if d := compareLines(doc, got); len(d) == 0 {
			t.Errorf("%s in the document: the comparison found no difference", name)
		}
		// Mutate the rendered text: it no longer matches the document.
		if d := compareLines(want, mutate(slices.Clone(got))); len(d) == 0 {
			t.Errorf("%s in the data: the comparison found no difference", name)
		}
	}
	// White space alone is not a difference.
	spaced := slices.Clone(got)
	spaced[0] = "  " + strings.ReplaceAll(spaced[0], " ", "\t ") + " "
	if d := compareLines(want, spaced); len(d) != 0 {
		t.Errorf("white space counted as a difference: %v", d)
	}
}

// TestKonTumTextStructure checks the structure built from the blocks: the
// sections, clauses and points of the plan, and that the older fields
// (preamble, purpose, requirements, implementation) say what the text says.
func TestKonTumTextStructure(t *testing.T) {
	t.Parallel()
	pl := loadKonTum(t)
	var sections, clausesII []string
	for _, b := range pl.Text {
		switch {
		case b.Kind == KindSection:
			sections = append(sections, b.Ref)
		case b.Kind == KindClause && b.Parent() != nil && b.Parent().Ref == "II":
			clausesII = append(clausesII, b.Ref)
		}
	}
	if want := []string{"I", "II", "III"}; !slices.Equal(sections, want) {
		t.Errorf("sections %v, want %v", sections, want)
	}
	if len(clausesII) != 8 || len(clausesII) != len(pl.Tasks) {
		t.Errorf("section II has clauses %v, the plan has %d tasks", clausesII, len(pl.Tasks))
	}
	for _, task := range pl.Tasks {
		c, ok := pl.Text.Find(fmt.Sprintf("II.%d", task.Number))
		if !ok {
			t.Errorf("task %d has no clause", task.Number)
			continue
		}
		if got := strings.TrimRight(c.Block.Text, ".:"); got != task.Title {
			t.Errorf("task %d: title %q, the text says %q", task.Number, task.Title, got)
		}
	}
	lines := func(ref string) []string {
		p, ok := pl.Text.Find(ref)
		if !ok {
			t.Fatalf("no %s", ref)
		}
		return p.Lines()
	}
	if got := lines("p1"); !slices.Equal(got, []string{pl.Preamble}) {
		t.Errorf("preamble %q, the text says %q", pl.Preamble, got)
	}
	if got := lines("I.1")[1:]; !slices.Equal(got, pl.Purpose) {
		t.Errorf("purpose %q, the text says %q", pl.Purpose, got)
	}
	var req []string
	for _, l := range lines("I.2")[1:] {
		req = append(req, strings.TrimPrefix(l, "- "))
	}
	if !slices.Equal(req, pl.Requirements) {
		t.Errorf("requirements %q, the text says %q", pl.Requirements, req)
	}
	for i, para := range pl.Implementation {
		got := lines(fmt.Sprintf("III.%d", i+1))
		got[0] = strings.TrimPrefix(got[0], fmt.Sprintf("%d. ", i+1))
		if strings.Join(got, "\n") != para {
			t.Errorf("implementation %d:\n%q\nthe text says\n%q", i+1, para, strings.Join(got, "\n"))
		}
	}
	if got := lines("III.2.d2"); !slices.Equal(got, []string{"- " + pl.Reporting.Text}) {
		t.Errorf("reporting text %q, the text says %q", pl.Reporting.Text, got)
	}
	// The basis paragraphs cite the structured basis documents.
	var cited []string
	for _, b := range pl.Text {
		if b.Kind == KindBasis {
			cited = append(cited, b.Basis...)
		}
	}
	if want := []string{"07-KH/TW", "56/2017/QH14", "10/NQ-CP"}; !slices.Equal(cited, want) {
		t.Errorf("the basis paragraphs cite %v, want %v", cited, want)
	}
	// The typo is marked, as data beside the text.
	b := lines("II.7.a.p1")
	if p, _ := pl.Text.Find("II.7.a.p1"); len(p.Block.Sic) != 1 || p.Block.Note == "" || !strings.Contains(b[0], p.Block.Sic[0]) {
		t.Errorf("7 a)'s typo is not marked: sic %q note %q", p.Block.Sic, p.Block.Note)
	}
	r, _ := pl.Text.Find("recipients")
	if len(r.Block.Children) != 10 || r.Block.Children[9].Ref != "recipients.d10" {
		t.Errorf("recipients: %d, want 10", len(r.Block.Children))
	}
}

// TestKonTumMilestoneReferences checks that every milestone points to its
// place in the text, in the plan's own terms, and to the plan's sentence
// about its time.
func TestKonTumMilestoneReferences(t *testing.T) {
	t.Parallel()
	pl := loadKonTum(t)
	byID := map[string]*Milestone{}
	for _, task := range pl.Tasks {
		for _, m := range task.Milestones {
			byID[m.ID] = m
			if m.Source.IsZero() || m.Source.Ref() != m.Ref {
				t.Errorf("%s: ref %q resolves to %q", m.ID, m.Ref, m.Source.Ref())
			}
			if want := fmt.Sprintf("II.%d.", task.Number); !strings.HasPrefix(m.Ref, want) {
				t.Errorf("%s: ref %q is not in clause %d of section II", m.ID, m.Ref, task.Number)
			}
			if !quotes(m.Source.Lines(), m.Action, true) {
				t.Errorf("%s: the action is not the text at %s", m.ID, m.Ref)
			}
			// The deadline, in words, is what the plan's sentence says.
			if m.Due.Kind == DueNone {
				if m.DueRef != "" {
					t.Errorf("%s: no due, but due_ref %q", m.ID, m.DueRef)
				}
				continue
			}
			words := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(m.Due.Words("vi"), "Trong "), "Từ "))
			if s := m.DueSentence(); !strings.Contains(strings.ToLower(s), words) {
				t.Errorf("%s: due %q (%q), the plan's sentence says %q", m.ID, m.Due, words, s)
			}
		}
	}
	if len(byID) != 13 {
		t.Errorf("%d milestones, want 13", len(byID))
	}
	for _, c := range []struct{ id, vi, en string }{
		{"6b", "đoạn thứ hai điểm a khoản 6 mục II", "paragraph 2, point a, clause 6, section II"},
		{"6a", "đoạn thứ nhất điểm a khoản 6 mục II", "paragraph 1, point a, clause 6, section II"},
		{"2a", "điểm a khoản 2 mục II", "point a, clause 2, section II"},
		{"5b", "gạch đầu dòng thứ hai điểm a khoản 5 mục II", "dash 2, point a, clause 5, section II"},
		{"1b", "điểm b khoản 1 mục II", "point b, clause 1, section II"},
	} {
		m := byID[c.id]
		if got := m.Citation("vi"); got != c.vi {
			t.Errorf("%s cited %q, want %q", c.id, got, c.vi)
		}
		if got := m.Citation("en"); got != c.en {
			t.Errorf("%s cited %q, want %q", c.id, got, c.en)
		}
	}
	// Per-actor deadlines: the actor's own sentence.
	for id, want := range map[string]string{
		"7a": "Chủ tịch Ủy ban nhân dân các huyện, thành phố hoàn thành việc tổng kết trong quý II/2018.",
		"7b": "Giám đốc Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh chỉ đạo trong quý III/2018.",
		"6b": "Giám đốc Sở Nội vụ hoàn thành việc tổng hợp, tham mưu Ban cán sự đảng Ủy ban nhân dân tỉnh trình Ban Thường vụ Tỉnh ủy xem xét, quyết định trong quý IV/2018.",
		"2a": "Thời gian thực hiện: Trong năm 2018 (sau khi có hướng dẫn của Trung ương).",
		"5b": "Thời gian thực hiện: Thường xuyên, liên tục.",
	} {
		if got := byID[id].DueSentence(); got != want {
			t.Errorf("%s's deadline sentence %q, want %q", id, got, want)
		}
	}
	if got := byID["8a"].DueCitation("vi"); got != "gạch đầu dòng thứ nhất điểm b khoản 8 mục II" {
		t.Errorf("8a's deadline is cited %q", got)
	}
	// Task 1 gives no time: neither milestone says "Thường xuyên, liên tục".
	for _, id := range []string{"1a", "1b"} {
		if m := byID[id]; m.DueText != "" || m.DueSentence() != "" {
			t.Errorf("%s: due %q, sentence %q; the plan gives task 1 no time", id, m.DueText, m.DueSentence())
		}
	}
	// The milestone ids are not the plan's letters: 6b comes from 6 a).
	if byID["6b"].Source.Block.Parent().Label != "a)" {
		t.Error("6b does not come from point a")
	}
}

func TestWaitingLabel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		m      Milestone
		vi, en string
	}{
		{"central guidance, from the data", Milestone{Condition: "sau khi có hướng dẫn của Trung ương", Waiting: "Chờ hướng dẫn của Trung ương", WaitingEn: "Waiting for central guidance"},
			"Chờ hướng dẫn của Trung ương", "Waiting for central guidance"},
		{"central regulations, from the data", Milestone{Condition: "sau khi có quy định của Trung ương", Waiting: "Chờ quy định của Trung ương", WaitingEn: "Waiting for central regulations"},
			"Chờ quy định của Trung ương", "Waiting for central regulations"},
		{"derived from the condition", Milestone{Condition: "sau khi có quy định của Trung ương"},
			"Chờ quy định của Trung ương", "Waiting for the condition set by the plan"},
		{"derived, in brackets", Milestone{Condition: "(sau khi có hướng dẫn của Trung ương)."},
			"Chờ hướng dẫn của Trung ương", "Waiting for the condition set by the plan"},
		{"a condition of another form", Milestone{Condition: "khi Bộ Nội vụ đồng ý"},
			"Chờ: khi Bộ Nội vụ đồng ý", "Waiting for the condition set by the plan"},
		{"no condition, no waiting", Milestone{}, "", ""},
	}
	for _, tt := range tests {
		if got := tt.m.WaitingLabel("vi"); got != tt.vi {
			t.Errorf("%s: vi %q, want %q", tt.name, got, tt.vi)
		}
		if got := tt.m.WaitingLabel("en"); got != tt.en {
			t.Errorf("%s: en %q, want %q", tt.name, got, tt.en)
		}
	}
	// The Kon Tum plan: two conditions, two labels in each language, each
	// written in the data (not the fallback).
	guidance := [2]string{"Chờ hướng dẫn của Trung ương", "Waiting for central guidance"}
	regulations := [2]string{"Chờ quy định của Trung ương", "Waiting for central regulations"}
	want := map[string][2]string{"2a": guidance, "3a": regulations, "5b": guidance}
	pl := loadKonTum(t)
	for _, task := range pl.Tasks {
		for _, m := range task.Milestones {
			got := [2]string{m.WaitingLabel("vi"), m.WaitingLabel("en")}
			if got != want[m.ID] {
				t.Errorf("%s (condition %q): waiting labels %q, want %q", m.ID, m.Condition, got, want[m.ID])
			}
			if m.Condition != "" && (m.Waiting == "" || m.WaitingEn == "") {
				t.Errorf("%s: the data does not name its waiting status", m.ID)
			}
		}
	}
	if a, b := pl.Tasks[1].Milestones[0].WaitingLabel("vi"), pl.Tasks[2].Milestones[0].WaitingLabel("vi"); a == b {
		t.Errorf("tasks 2 and 3 wait for different things, yet both read %q", a)
	}
}

// TestKonTumSectionIICovered: every line of section II below its clauses
// (what is to be done, by whom, by when) is the place of some milestone or
// of some milestone's deadline, so nothing the plan asks is left untracked;
// and the counter-check finds a line no milestone points to.
func TestKonTumSectionIICovered(t *testing.T) {
	t.Parallel()
	pl := loadKonTum(t)
	uncovered := func(pl *Plan) []string {
		covered := map[string]bool{}
		for _, task := range pl.Tasks {
			for _, m := range task.Milestones {
				for _, place := range []Place{m.Source, m.DueSource} {
					for _, l := range place.Lines() {
						covered[l] = true
					}
				}
			}
		}
		var out []string
		for _, b := range pl.Text {
			if strings.HasPrefix(b.Ref, "II.") && b.Kind != KindClause && !covered[b.Line()] {
				// A "Thời gian thực hiện:" head whose dashes are the deadlines.
				if b.Text == "Thời gian thực hiện:" && len(b.Children) > 0 {
					continue
				}
				out = append(out, b.Ref)
			}
		}
		return out
	}
	if u := uncovered(pl); len(u) != 0 {
		t.Errorf("lines of section II no milestone points to: %v", u)
	}
	// Counter-check: without 6b, its paragraph and its deadline are found.
	six := pl.Tasks[5]
	all := six.Milestones
	six.Milestones = all[:1]
	defer func() { six.Milestones = all }()
	if u := uncovered(pl); !slices.Equal(u, []string{"II.6.a.p2", "II.6.b.d2"}) {
		t.Errorf("without 6b, uncovered lines %v, want II.6.a.p2 and II.6.b.d2", u)
	}
}

// TestMilestonesAt: from a line of the text to the milestones and back.
func TestMilestonesAt(t *testing.T) {
	t.Parallel()
	pl := loadKonTum(t)
	ids := func(ms []*Milestone) string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct{ ref, from, due string }{
		{"II.6.a.p1", "6a", ""},    // the point's own line: 6a alone
		{"II.6.a.p2", "6b", ""},    // its second paragraph: 6b, not "6 b)"
		{"II.6.b.d2", "", "6b"},    // the Sở Nội vụ deadline
		{"II.5.a.d2", "5a 5b", ""}, // 5a is all of 5 a), 5b its second dash
		{"II.5.b", "", "5a 5b"},    // one time for both
		{"II.1.b", "1b", ""},       // task 1 gives no time
		{"III.1", "", ""},          // section III is no milestone's
		{"recipients.d3", "", ""},  // nor are the recipients
	} {
		place, ok := pl.Text.Find(c.ref)
		if !ok {
			t.Fatalf("no %s", c.ref)
		}
		from, due := pl.MilestonesAt(place.Block)
		if ids(from) != c.from || ids(due) != c.due {
			t.Errorf("%s: from %q due %q, want %q and %q", c.ref, ids(from), ids(due), c.from, c.due)
		}
	}
}
