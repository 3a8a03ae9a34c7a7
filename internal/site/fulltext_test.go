package site

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/view"
)

// The full-text page (ke-hoach/) against the document as issued: a copy of
// the source document, internal/plan/testdata/kontum-plan.txt, which
// TestKonTumTextIsTheDocument keeps equal to the data.

var (
	blockTagRE = regexp.MustCompile(`(?i)<(br|/p|/h[1-6]|/li|/div|/dd|/dt)\b[^>]*>`)
	anyTagRE   = regexp.MustCompile(`(?s)<[^>]*>`)
)

// pageText is an HTML page's text as a reader meets it: scripts and styles
// dropped, a line break at each block's end, other tags dropped, entities
// decoded, runs of white space one space.
func pageText(data []byte) string {
	s := scriptRE.ReplaceAllString(string(data), " ")
	s = blockTagRE.ReplaceAllString(s, " ")
	s = anyTagRE.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	return spaceRE.ReplaceAllString(s, " ")
}

// documentLines reads the source document: its non-blank lines, white
// space collapsed.
func documentLines(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "internal", "plan", "testdata", "kontum-plan.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(spaceRE.ReplaceAllString(l, " ")); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// missingLines returns the lines of the document that the text does not
// hold, whole and in order: each line is looked for after the one before.
func missingLines(text string, lines []string) []string {
	var bad []string
	at := 0
	for i, l := range lines {
		j := strings.Index(text[at:], l)
		if j < 0 {
			where := "anywhere"
			if strings.Contains(text, l) {
				where = "in order (it is there, before the line above it)"
			}
			bad = append(bad, fmt.Sprintf("line %d not found %s: %q", i+1, where, l))
			continue
		}
		at += j + len(l)
	}
	return bad
}

func TestFullTextPageIsTheDocument(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	files := tree(t, fsys, "/out")
	lines := documentLines(t)
	if len(lines) != 68 {
		t.Fatalf("the document has %d non-blank lines, want 68", len(lines))
	}
	for _, name := range []string{"ke-hoach/index.html", "en/ke-hoach/index.html"} {
		data, ok := files[name]
		if !ok {
			t.Fatalf("%s not built", name)
		}
		text := pageText(data)
		for _, b := range missingLines(text, lines) {
			t.Errorf("%s: %s", name, b)
		}
		// Held-out phrases: what the page used to leave out or correct.
		for _, p := range []string{
			"Căn cứ Kế hoạch số 07-KH/TW ngày 27 tháng 11 năm 2017 của Bộ Chính trị",
			"II. NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN",
			"b) Thời gian thực hiện: Trong năm 2018 (sau khi có hướng dẫn của Trung ương).",
			"b) Thời gian thực hiện: Từ năm 2018 (sau khi có quy định của Trung ương)",
			"- Chủ tịch Ủy ban nhân dân các huyện, thành phố hoàn thành việc tổng kết trong quý II/2018.",
			"- Giám đốc Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh chỉ đạo trong quý III/2018.",
			"kiến nghị Ủy ban nhân dân dân tỉnh (qua Sở Nội vụ)",
			"Nơi nhận: - Thủ tướng Chính phủ (b/c);",
			"- Lưu: VT, TH2.",
		} {
			if !strings.Contains(text, p) {
				t.Errorf("%s: held-out phrase missing: %q", name, p)
			}
		}
		// The typo is marked, and the note says what it means.
		if !strings.Contains(string(data), `<mark class="sic">Ủy ban nhân dân dân tỉnh</mark>`) || !strings.Contains(text, "[sic") {
			t.Errorf("%s: the typo “Ủy ban nhân dân dân tỉnh” is not marked [sic]", name)
		}
	}

	// Counter-tests on the Vietnamese page: a line dropped, a typo
	// corrected, two lines swapped are each caught.
	page := string(files["ke-hoach/index.html"])
	dropped := regexp.MustCompile(`(?s)<p id="vb-II-7-b-d1"[^>]*>.*?</p>`).ReplaceAllString(page, "")
	corrected := strings.Replace(page, "Ủy ban nhân dân dân tỉnh", "Ủy ban nhân dân tỉnh", 1)
	d1 := regexp.MustCompile(`(?s)<p id="vb-II-8-b-d1"[^>]*>.*?</p>`).FindString(page)
	d2 := regexp.MustCompile(`(?s)<p id="vb-II-8-b-d2"[^>]*>.*?</p>`).FindString(page)
	swapped := strings.NewReplacer(d1, d2, d2, d1).Replace(page)
	for _, c := range []struct{ name, page, want string }{
		{"line dropped", dropped, "hoàn thành việc tổng kết trong quý II/2018"},
		{"typo corrected", corrected, "Ủy ban nhân dân dân tỉnh"},
		{"lines swapped", swapped, "in order"},
	} {
		if c.page == page || d1 == "" || d2 == "" {
			t.Errorf("%s: the counter-test changed nothing", c.name)
			continue
		}
		bad := missingLines(pageText([]byte(c.page)), lines)
		if len(bad) == 0 || !strings.Contains(strings.Join(bad, "\n"), c.want) {
			t.Errorf("%s: not caught as %q: %v", c.name, c.want, bad)
		}
	}
}

// TestFullTextLinksMilestones: each milestone's task page names its place
// in the plan's own terms and links to that line of the full text, and the
// line links back to the milestone; the plan's own sentence about its time
// is shown with it and links to its line.
func TestFullTextLinksMilestones(t *testing.T) {
	fsys := memPortal(t)
	res := memBuild(t, fsys, "/out")
	files := tree(t, fsys, "/out")
	for _, lang := range []string{"vi", "en"} {
		prefix := ""
		if lang != "vi" {
			prefix = lang + "/"
		}
		full := string(files[prefix+"ke-hoach/index.html"])
		n := 0
		for _, task := range res.Project.Plan.Tasks {
			taskPage := string(files[prefix+view.TaskURL(task.Slug)+"index.html"])
			for _, m := range task.Milestones {
				n++
				anchor := view.TextAnchor(m.Source.Ref())
				if !strings.Contains(full, `id="`+anchor+`"`) {
					t.Errorf("%s: milestone %s: no line %s on the full-text page", lang, m.ID, anchor)
				}
				back := "/" + prefix + view.TaskURL(task.Slug) + "#moc-" + m.ID
				if !strings.Contains(full, `href="`+back+`"`) {
					t.Errorf("%s: the full text does not link to milestone %s (%s)", lang, m.ID, back)
				}
				to := `href="/` + prefix + "ke-hoach/#" + anchor + `">` + html.EscapeString(m.Citation(lang)) + `</a>`
				if !strings.Contains(taskPage, to) {
					t.Errorf("%s: task %d does not cite milestone %s as %s", lang, task.Number, m.ID, to)
				}
				if m.DueSource.IsZero() {
					continue
				}
				due := `href="/` + prefix + "ke-hoach/#" + view.TextAnchor(m.DueSource.Ref()) + `">` + html.EscapeString(m.DueCitation(lang)) + `</a>`
				if !strings.Contains(taskPage, due) {
					t.Errorf("%s: task %d does not link milestone %s's time to %s", lang, task.Number, m.ID, due)
				}
				if s := html.EscapeString(m.DueSentence()); !strings.Contains(taskPage, s) {
					t.Errorf("%s: task %d does not show the plan's sentence about %s's time: %q", lang, task.Number, m.ID, s)
				}
			}
		}
		if n < 10 {
			t.Fatalf("only %d milestones checked", n)
		}
	}
	// A typo of the plan is marked on the task page too, in both languages.
	for _, name := range []string{"nhiem-vu/khoan-phu-cap-khong-chuyen-trach/index.html", "en/nhiem-vu/khoan-phu-cap-khong-chuyen-trach/index.html"} {
		page := string(files[name])
		if !strings.Contains(page, `<mark class="sic">Ủy ban nhân dân dân tỉnh</mark>`) || !strings.Contains(page, `[sic: `) {
			t.Errorf("%s does not mark the plan's typo “Ủy ban nhân dân dân tỉnh”", name)
		}
	}

	// The plan's own terms, for the milestones the issue names.
	for id, want := range map[string]string{
		"6b": "đoạn thứ hai điểm a khoản 6 mục II",
		"7a": "đoạn thứ nhất điểm a khoản 7 mục II",
		"2a": "điểm a khoản 2 mục II",
		"5b": "gạch đầu dòng thứ hai điểm a khoản 5 mục II",
	} {
		m := milestoneByID(res.Project.Plan, id)
		if m == nil {
			t.Errorf("no milestone %s", id)
			continue
		}
		if m.Citation("vi") != want {
			t.Errorf("milestone %s cites %q, want %q", id, m.Citation("vi"), want)
		}
	}
}

func milestoneByID(pl *plan.Plan, id string) *plan.Milestone {
	for _, t := range pl.Tasks {
		for _, m := range t.Milestones {
			if m.ID == id {
				return m
			}
		}
	}
	return nil
}
