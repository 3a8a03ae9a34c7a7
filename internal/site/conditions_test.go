package site

import (
	"fmt"
	"html"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/view"
)

var (
	tagRE    = regexp.MustCompile(`(?s)<[^>]*>`)
	scriptRE = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)>`)
	spaceRE  = regexp.MustCompile(`\s+`)
)

// visibleText returns a file's text as a reader meets it: tags dropped,
// entities decoded (twice, for the escaped HTML inside a feed), spaces
// collapsed.
func visibleText(data []byte) string {
	s := string(data)
	for range 2 {
		s = scriptRE.ReplaceAllString(s, " ")
		s = tagRE.ReplaceAllString(s, "")
		s = html.UnescapeString(s)
	}
	return spaceRE.ReplaceAllString(s, " ")
}

// conditionalDue is one way a conditional deadline is worded: the bare
// words and the words with the condition, as DueWords gives them.
type conditionalDue struct {
	id, bare, full string
}

// conditionalDues lists, for every milestone with a condition and in both
// languages, its deadline words. Words that an unconditional milestone also
// has ("Thường xuyên, liên tục" for 5a and 5b) cannot be told apart in the
// text and are returned as ambiguous instead.
func conditionalDues(p *plan.Project) (checked []conditionalDue, ambiguous []string) {
	bare := map[string]bool{}
	for _, t := range p.Plan.Tasks {
		for _, m := range t.Milestones {
			if m.Condition == "" {
				bare[m.Due.Words("vi")], bare[m.Due.Words("en")] = true, true
			}
		}
	}
	for _, t := range p.Plan.Tasks {
		for _, m := range t.Milestones {
			if m.Condition == "" {
				continue
			}
			for _, lang := range []string{"vi", "en"} {
				w := m.Due.Words(lang)
				if bare[w] {
					ambiguous = append(ambiguous, m.ID+" "+w)
					continue
				}
				checked = append(checked, conditionalDue{m.ID, w, m.DueWords(lang)})
			}
		}
	}
	return checked, ambiguous
}

// conditionlessDeadlines returns every place in the files (HTML pages,
// feeds, CSV and JSON files) where a conditional deadline's words appear
// without its condition right after them.
func conditionlessDeadlines(files map[string][]byte, dues []conditionalDue) []string {
	var bad []string
	names := make([]string, 0, len(files))
	for name := range files {
		switch {
		case strings.HasSuffix(name, ".html"), strings.HasSuffix(name, ".xml"),
			strings.HasSuffix(name, ".csv"), strings.HasSuffix(name, ".json"):
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		text := visibleText(files[name])
		for _, d := range dues {
			for i := 0; ; {
				j := strings.Index(text[i:], d.bare)
				if j < 0 {
					break
				}
				at := i + j
				i = at + len(d.bare)
				if !wordEdges(text, at, i) {
					continue
				}
				if !strings.HasPrefix(text[at:], d.full) {
					end := min(len(text), i+60)
					bad = append(bad, fmt.Sprintf("%s: milestone %s: %q", name, d.id, strings.ToValidUTF8(text[max(0, at-40):end], "")))
				}
			}
		}
	}
	return bad
}

// wordEdges reports whether text[from:to] stands as words of its own: no
// letter or digit just before or after it.
func wordEdges(text string, from, to int) bool {
	if r, _ := utf8.DecodeLastRuneInString(text[:from]); from > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[to:]); to < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return false
	}
	return true
}

func TestDeadlinesKeepTheirConditions(t *testing.T) {
	fsys := memPortal(t)
	res := memBuild(t, fsys, "/out")
	files := tree(t, fsys, "/out")
	dues, ambiguous := conditionalDues(res.Project)
	if len(dues) < 4 {
		t.Fatalf("only %d conditional deadline wordings to check: %v", len(dues), dues)
	}
	t.Logf("not checkable (an unconditional milestone has the same words): %v", ambiguous)
	for _, b := range conditionlessDeadlines(files, dues) {
		t.Error(b)
	}

	// Every wording checked is actually met in the output, with its
	// condition, on the pages that show deadlines.
	for _, d := range dues {
		n := 0
		for name, data := range files {
			if strings.HasSuffix(name, ".html") && strings.Contains(visibleText(data), d.full) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("milestone %s: %q is on no page", d.id, d.full)
		}
	}

	// Counter-test: a copy of the task list, home page and CSV with the
	// conditions stripped is caught, at the place stripped.
	for _, name := range []string{"nhiem-vu/index.html", "en/nhiem-vu/index.html", "index.html", "du-lieu/moc.csv"} {
		data, ok := files[name]
		if !ok {
			t.Errorf("%s not built", name)
			continue
		}
		stripped := string(data)
		for _, t := range res.Project.Plan.Tasks {
			for _, m := range t.Milestones {
				if m.Condition != "" {
					stripped = strings.ReplaceAll(stripped, m.Condition, "")
				}
			}
		}
		if stripped == string(data) {
			t.Errorf("%s shows no condition to strip", name)
			continue
		}
		if bad := conditionlessDeadlines(map[string][]byte{name: []byte(stripped)}, dues); len(bad) == 0 {
			t.Errorf("%s with its conditions stripped: not caught", name)
		}
	}
}

func TestWaitingLabelsNameTheirConditions(t *testing.T) {
	fsys := memPortal(t)
	res := memBuild(t, fsys, "/out")
	files := tree(t, fsys, "/out")
	var t2, t3 *plan.Task
	for _, task := range res.Project.Plan.Tasks {
		switch task.Number {
		case 2:
			t2 = task
		case 3:
			t3 = task
		}
	}
	if t2 == nil || t3 == nil {
		t.Fatal("tasks 2 and 3 not in the plan")
	}
	for _, lang := range []string{"vi", "en"} {
		prefix := ""
		if lang != "vi" {
			prefix = lang + "/"
		}
		l2, l3 := t2.Milestones[0].WaitingLabel(lang), t3.Milestones[0].WaitingLabel(lang)
		if l2 == "" || l3 == "" || l2 == l3 {
			t.Fatalf("%s: waiting labels of 2 and 3: %q, %q; want two different labels", lang, l2, l3)
		}
		for _, c := range []struct {
			task       *plan.Task
			own, other string
		}{{t2, l2, l3}, {t3, l3, l2}} {
			name := prefix + view.TaskURL(c.task.Slug) + "index.html"
			data, ok := files[name]
			if !ok {
				t.Errorf("%s not built", name)
				continue
			}
			text := visibleText(data)
			if !strings.Contains(text, c.own) {
				t.Errorf("%s does not show its waiting label %q", name, c.own)
			}
			// The status badge itself (a link to the methodology page), not
			// only the report's words.
			if badge := regexp.MustCompile(`class="status st-waiting" href="[^"]*">` + regexp.QuoteMeta(c.own) + `<`); !badge.Match(data) {
				t.Errorf("%s has no waiting badge %q", name, c.own)
			}
			if strings.Contains(text, c.other) {
				t.Errorf("%s shows the other task's waiting label %q", name, c.other)
			}
		}
	}
}
