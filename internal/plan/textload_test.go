package plan

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// textBlocks is the full text of the test plan: a title, a basis
// paragraph, one section with three clauses (points, a second paragraph,
// dashes, a "+" under a dash) and the recipients.
const textBlocks = `
[[basis]]
number = "18-NQ/TW"
title = "Một số vấn đề"

[[basis]]
number = "10/NQ-CP"
title = "Chương trình hành động"

[[text]]
kind = "title"
text = "KẾ HOẠCH THỬ NGHIỆM"

[[text]]
kind = "basis"
text = "Căn cứ Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017;"
basis = ["18-NQ/TW"]

[[text]]
kind = "paragraph"
text = "Ủy ban nhân dân tỉnh ban hành Kế hoạch:"

[[text]]
kind = "section"
label = "I."
text = "NỘI DUNG"

[[text]]
kind = "clause"
label = "1."
text = "Nhiệm vụ một:"

[[text]]
kind = "point"
label = "a)"
text = "Sở Nội vụ: Xây dựng đề án"

[[text]]
kind = "paragraph"
text = "Các huyện: Sắp xếp các phòng chuyên môn (sau khi có hướng dẫn của Trung ương)."

[[text]]
kind = "point"
label = "b)"
text = "Thời gian thực hiện:"

[[text]]
kind = "dash"
label = "-"
text = "Sở Nội vụ trong quý II/2018."

[[text]]
kind = "dash"
label = "-"
text = "Các huyện trong năm 2018."

[[text]]
kind = "clause"
label = "2."
text = "Nhiệm vụ hai: Tuyên truyền."

[[text]]
kind = "clause"
label = "3."
text = "Nhiệm vụ ba:"

[[text]]
kind = "dash"
label = "-"
text = "Rà soát"

[[text]]
kind = "dash"
label = "+"
text = "Báo cáo, từ năm 2018"

[[text]]
kind = "recipients"
text = "Nơi nhận:"

[[text]]
kind = "dash"
label = "-"
text = "Như trên;"
`

// textPlan is the test plan with its full text and every milestone's ref.
func textPlan(t testing.TB) string {
	t.Helper()
	s := basePlan + textBlocks
	for _, r := range [][2]string{
		{`id = "1a"`, `id = "1a"` + "\n  ref = \"I.1.a.p1\"\n  due_ref = \"I.1.b.d1\""},
		{`id = "1b"`, `id = "1b"` + "\n  ref = \"I.1.a.p2\"\n  due_ref = \"I.1.b.d2\""},
		{`id = "2a"`, `id = "2a"` + "\n  ref = \"I.2\""},
		{`id = "3a"`, `id = "3a"` + "\n  ref = \"I.3.d1\""},
		{`id = "3b"`, `id = "3b"` + "\n  ref = \"I.3.d1.d1\""},
	} {
		s = edit(t, s, r[0], r[1])
	}
	return s
}

func TestLoadText(t *testing.T) {
	t.Parallel()
	p, err := load(t, map[string]string{PlanFile: textPlan(t)})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	pl := p.Plan
	var refs []string
	for _, b := range pl.Text {
		refs = append(refs, b.Ref)
	}
	want := []string{"title.1", "basis.1", "p1", "I", "I.1", "I.1.a", "I.1.a.p2", "I.1.b", "I.1.b.d1", "I.1.b.d2",
		"I.2", "I.3", "I.3.d1", "I.3.d1.d1", "recipients", "recipients.d1"}
	if !slices.Equal(refs, want) {
		t.Errorf("refs\n%q\nwant\n%q", refs, want)
	}
	lines := pl.Text.Lines()
	if len(lines) != 16 || lines[5] != "a) Sở Nội vụ: Xây dựng đề án" || lines[13] != "+ Báo cáo, từ năm 2018" || lines[14] != "Nơi nhận:" {
		t.Errorf("lines %q", lines)
	}
	ms := map[string]*Milestone{}
	for _, task := range pl.Tasks {
		for _, m := range task.Milestones {
			ms[m.ID] = m
		}
	}
	for _, c := range []struct{ id, vi, en string }{
		{"1a", "đoạn thứ nhất điểm a khoản 1 mục I", "paragraph 1, point a, clause 1, section I"},
		{"1b", "đoạn thứ hai điểm a khoản 1 mục I", "paragraph 2, point a, clause 1, section I"},
		{"2a", "khoản 2 mục I", "clause 2, section I"},
		{"3b", "gạch đầu dòng thứ nhất gạch đầu dòng thứ nhất khoản 3 mục I", "dash 1, dash 1, clause 3, section I"},
	} {
		if got := ms[c.id].Citation("vi"); got != c.vi {
			t.Errorf("%s: %q, want %q", c.id, got, c.vi)
		}
		if got := ms[c.id].Citation("en"); got != c.en {
			t.Errorf("%s: %q, want %q", c.id, got, c.en)
		}
	}
	if got := ms["1b"].DueSentence(); got != "Các huyện trong năm 2018." {
		t.Errorf("1b's deadline sentence %q", got)
	}
	if got := ms["1b"].DueCitation("en"); got != "dash 2, point b, clause 1, section I" {
		t.Errorf("1b's deadline cited %q", got)
	}
	if ms["2a"].DueSentence() != "" || ms["2a"].DueCitation("vi") != "" {
		t.Errorf("2a has no due_ref, yet a sentence %q", ms["2a"].DueSentence())
	}
	if got := ms["3a"].Source.Lines(); !slices.Equal(got, []string{"- Rà soát", "+ Báo cáo, từ năm 2018"}) {
		t.Errorf("3a's place holds %q", got)
	}
	if got := ms["1b"].WaitingLabel("vi"); got != "Chờ hướng dẫn của Trung ương" {
		t.Errorf("1b's derived waiting label %q", got)
	}
	// Other places, in words.
	for ref, words := range map[string]string{
		"title.1": "dòng tiêu đề thứ nhất", "basis.1": "đoạn căn cứ thứ nhất", "p1": "đoạn mở đầu thứ nhất",
		"I": "mục I", "recipients.d1": "gạch đầu dòng thứ nhất phần Nơi nhận",
	} {
		pl, ok := pl.Text.Find(ref)
		if !ok || pl.Cite("vi") != words {
			t.Errorf("%s: %v %q, want %q", ref, ok, pl.Cite("vi"), words)
		}
	}
	if _, ok := pl.Text.Find("I.2.p1"); !ok {
		t.Error("a clause's own line is its paragraph 1")
	}
	for _, bad := range []string{"", "I.1.c", "II", "I.1.a.p3", "I.3.d2", "title.1.p1"} {
		if _, ok := pl.Text.Find(bad); ok {
			t.Errorf("Find(%q) found a place", bad)
		}
	}
}

func TestLoadTextProblems(t *testing.T) {
	t.Parallel()
	good := textPlan(t)
	f := PlanFile
	afterSection := "kind = \"section\"\nlabel = \"I.\"\ntext = \"NỘI DUNG\"\n"
	tests := []struct {
		name, old, new string
		// context and needle locate the problem in the edited file.
		context, needle, key string
	}{
		{"unknown ref", `ref = "I.1.a.p2"`, `ref = "I.1.c"`, `ref = "I.1.c"`, `"I.1.c"`, "text.refUnknown"},
		{"unknown due_ref", `due_ref = "I.1.b.d2"`, `due_ref = "I.1.b.d3"`, `due_ref = "I.1.b.d3"`, `"I.1.b.d3"`, "text.refUnknown"},
		{"missing ref", "\n  ref = \"I.2\"", "", "[[tasks.milestones]]\n  id = \"2a\"", "[[tasks.milestones]]", "field.required"},
		{"missing label", "label = \"b)\"\n", "", "[[text]]\nkind = \"point\"\ntext = \"Thời gian", "[[text]]", "text.labelMissing"},
		{"label out of order", `label = "b)"`, `label = "c)"`, `label = "c)"`, `"c)"`, "text.labelOrder"},
		{"clause out of order", `label = "3."`, `label = "4."`, `label = "4."`, `"4."`, "text.labelOrder"},
		{"label on a paragraph", "kind = \"paragraph\"\ntext = \"Các huyện", "kind = \"paragraph\"\nlabel = \"c)\"\ntext = \"Các huyện", `label = "c)"`, `"c)"`, "text.labelNotAllowed"},
		{"dash of another kind", "label = \"-\"\ntext = \"Như trên;\"", "label = \"*\"\ntext = \"Như trên;\"", `label = "*"`, `"*"`, "text.labelOrder"},
		{"unknown kind", `kind = "recipients"`, `kind = "heading"`, `kind = "heading"`, `"heading"`, "value.oneOf"},
		{"missing kind", "kind = \"title\"\n", "", "[[text]]\ntext = \"KẾ HOẠCH", "[[text]]", "field.required"},
		{"missing text", "text = \"Nhiệm vụ ba:\"\n", "", "[[text]]\nkind = \"clause\"\nlabel = \"3.\"", "[[text]]", "field.required"},
		{"point outside a clause", afterSection, afterSection + "\n[[text]]\nkind = \"point\"\nlabel = \"a)\"\ntext = \"Lạc chỗ\"\n",
			"kind = \"point\"\nlabel = \"a)\"\ntext = \"Lạc chỗ\"", `"point"`, "text.pointOutside"},
		{"+ without -", "text = \"Nhiệm vụ hai: Tuyên truyền.\"\n", "text = \"Nhiệm vụ hai: Tuyên truyền.\"\n\n[[text]]\nkind = \"dash\"\nlabel = \"+\"\ntext = \"Lạc chỗ\"\n",
			"label = \"+\"\ntext = \"Lạc chỗ\"", `"+"`, "text.subDashOutside"},
		{"a clause after the recipients", "label = \"-\"\ntext = \"Như trên;\"", "label = \"-\"\ntext = \"Như trên;\"\n\n[[text]]\nkind = \"clause\"\nlabel = \"4.\"\ntext = \"Lạc chỗ\"",
			"kind = \"clause\"\nlabel = \"4.\"\ntext = \"Lạc chỗ\"", `"clause"`, "text.afterRecipients"},
		{"two lines in one block", `text = "Nhiệm vụ hai: Tuyên truyền."`, `text = """Nhiệm vụ hai:` + "\n" + `Tuyên truyền."""`, `text = """Nhiệm vụ hai:`, `"""`, "text.newline"},
		{"sic not in the text", `text = "Nhiệm vụ ba:"`, "text = \"Nhiệm vụ ba:\"\nsic = [\"Nhiệm vu\"]", `sic = ["Nhiệm vu"]`, `["Nhiệm vu"]`, "text.sicMissing"},
		{"unknown basis", `basis = ["18-NQ/TW"]`, `basis = ["19-NQ/TW"]`, `basis = ["19-NQ/TW"]`, `["19-NQ/TW"]`, "text.basisUnknown"},
		{"basis not in the paragraph", `basis = ["18-NQ/TW"]`, `basis = ["18-NQ/TW", "10/NQ-CP"]`, `basis = ["18-NQ/TW", "10/NQ-CP"]`, `["18`, "text.basisNotInText"},
		{"basis on a title", `text = "KẾ HOẠCH THỬ NGHIỆM"`, "text = \"KẾ HOẠCH THỬ NGHIỆM\"\nbasis = [\"18-NQ/TW\"]", "THỬ NGHIỆM\"\nbasis = [", "basis", "text.basisNotAllowed"},
		{"action not word for word", `action = "Xây dựng đề án"`, `action = "Xây dựng Đề án"`, `action = "Xây dựng Đề án"`, `"Xây`, "text.actionNotQuoted"},
		{"action with a word left out", `action = "Sắp xếp các phòng chuyên môn"`, `action = "Sắp xếp phòng chuyên môn"`, `action = "Sắp xếp phòng chuyên môn"`, `"Sắp`, "text.actionNotQuoted"},
		{"action cut inside a word", `action = "Rà soát"`, `action = "Rà soá"`, `action = "Rà soá"`, `"Rà`, "text.actionNotQuoted"},
		{"condition not the plan's", `condition = "sau khi có hướng dẫn của Trung ương"`, `condition = "sau khi có quy định của Trung ương"`,
			`condition = "sau khi có quy định`, `"sau`, "text.conditionNotQuoted"},
		{"waiting without a condition", `action = "Tuyên truyền"`, "action = \"Tuyên truyền\"\n  waiting = \"Chờ\"", `waiting = "Chờ"`, `"Chờ"`, "milestone.waitingNoCondition"},
		{"waiting_en without a condition", `action = "Tuyên truyền"`, "action = \"Tuyên truyền\"\n  waiting_en = \"Waiting\"", `waiting_en = "Waiting"`, `"Waiting"`, "milestone.waitingNoCondition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := edit(t, good, tt.old, tt.new)
			loadProblems(t, map[string]string{PlanFile: src}, at(t, f, src, tt.context, tt.needle, tt.key))
		})
	}
}

// TestLoadTextOptional: a plan file without [[text]] loads as before; a
// ref in it is an error, since there is nothing to point into.
func TestLoadTextOptional(t *testing.T) {
	t.Parallel()
	if _, err := load(t, nil); err != nil {
		t.Fatalf("a plan without text: %v", err)
	}
	src := edit(t, basePlan, `id = "2a"`, "id = \"2a\"\n  ref = \"I.2\"")
	loadProblems(t, map[string]string{PlanFile: src}, at(t, PlanFile, src, `ref = "I.2"`, `"I.2"`, "text.refNoText"))
	src = edit(t, basePlan, `id = "2a"`, "id = \"2a\"\n  due_ref = \"I.2\"")
	loadProblems(t, map[string]string{PlanFile: src}, at(t, PlanFile, src, `due_ref = "I.2"`, `"I.2"`, "text.refNoText"))
}

// TestLoadTextMessages: the messages name the place and say how to fix it,
// in Vietnamese and English.
func TestLoadTextMessages(t *testing.T) {
	t.Parallel()
	src := edit(t, textPlan(t), `ref = "I.1.a.p2"`, `ref = "I.1.a.p3"`)
	_, err := load(t, map[string]string{PlanFile: src})
	ps := problemsOf(t, err)
	line, col := where(t, src, `ref = "I.1.a.p3"`, `"I.1.a.p3"`)
	vi, en := ps.Text("vi"), ps.Text("en")
	for _, s := range []string{PlanFile + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col) + ": ", `"I.1.a.p3"`, "II.6.a.p2"} {
		if !strings.Contains(vi, s) || !strings.Contains(en, s) {
			t.Errorf("want %q in\n%s\n%s", s, vi, en)
		}
	}
	if !strings.Contains(vi, "không có chỗ") || !strings.Contains(en, "there is no place") {
		t.Errorf("messages:\n%s\n%s", vi, en)
	}
}

// FuzzLoadPlanText: whatever the [[text]] blocks and references, Load does
// not panic, every problem has its place, and a plan that loads has every
// block placed and every reference resolved.
func FuzzLoadPlanText(f *testing.F) {
	good := textPlan(f)
	f.Add([]byte(good))
	f.Add([]byte(windows(good)))
	f.Add([]byte(strings.Replace(good, `label = "b)"`, `label = "c)"`, 1)))
	f.Add([]byte(strings.Replace(good, `kind = "clause"`, `kind = "point"`, 1)))
	f.Add([]byte(strings.Replace(good, `label = "+"`, `label = "-"`, 1)))
	f.Add([]byte(strings.Replace(good, `ref = "I.3.d1.d1"`, `ref = "I.3.d1.d1.p1"`, 1)))
	f.Add([]byte(strings.Replace(good, `kind = "recipients"`, `kind = "section"`, 1)))
	f.Add([]byte("[[text]]\nkind = \"dash\"\nlabel = \"+\"\ntext = \"x\"\n[[text]]\nkind = \"point\"\n"))
	f.Add([]byte("text = [{kind = \"section\", label = \"I.\", text = \"x\"}]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fs := newPortal(t, map[string]string{PlanFile: string(src)})
		checkFuzzLoad(t, fs)
		p, err := Load(fs, root)
		if err != nil {
			return
		}
		if got := p.Plan.Text.Lines(); len(got) != len(p.Plan.Text) {
			t.Fatalf("%d lines for %d blocks", len(got), len(p.Plan.Text))
		}
		for _, b := range p.Plan.Text {
			if pl, ok := p.Plan.Text.Find(b.Ref); !ok || pl.Block != b || pl.Cite("vi") == "" || pl.Cite("en") == "" {
				t.Fatalf("block %+v is not found at its ref %q", b, b.Ref)
			}
		}
		for _, task := range p.Plan.Tasks {
			for _, m := range task.Milestones {
				if len(p.Plan.Text) > 0 && (m.Source.IsZero() || m.Source.Ref() != m.Ref) {
					t.Fatalf("milestone %s: ref %q resolved to %q", m.ID, m.Ref, m.Source.Ref())
				}
			}
		}
	})
}

// TestLoadTextWindows: the same plan saved by a Windows editor (BOM, CRLF)
// gives the same lines and the same places.
func TestLoadTextWindows(t *testing.T) {
	t.Parallel()
	unix, err := load(t, map[string]string{PlanFile: textPlan(t)})
	if err != nil {
		t.Fatal(err)
	}
	win, err := load(t, map[string]string{PlanFile: windows(textPlan(t))})
	if err != nil {
		t.Fatalf("CRLF and BOM: %v", err)
	}
	if a, b := unix.Plan.Text.Lines(), win.Plan.Text.Lines(); !slices.Equal(a, b) || len(a) != 16 {
		t.Errorf("lines differ:\n%q\n%q", a, b)
	}
	if a, b := unix.Plan.Text.Refs(), win.Plan.Text.Refs(); !slices.Equal(a, b) {
		t.Errorf("refs differ:\n%q\n%q", a, b)
	}
}
