package feed

import (
	"bytes"
	"encoding/xml"
	"html"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/leakcheck"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/testportal"
	"github.com/spf13/afero"
)

const root = testportal.Root

// testBase is hosted at a sub-path: every link must keep it.
const testBase = "https://example.gov.vn/minhbach/"

// hostile is a report note written to break out of the markup.
const hostile = testportal.Hostile

// draftSentence is written only into a draft report; it must reach no feed.
const draftSentence = testportal.DraftSentence

// testPlan is the test portal's plan with an English short title, and 2a
// without partners.
var testPlan = testportal.Edit(testportal.PlanWithBasis,
	"short_title = \"Kế hoạch thử\"\n", "short_title = \"Kế hoạch thử\"\nshort_title_en = \"Test plan\"\n",
	"  partners = [\"so-noi-vu\"]\n  action = \"Tuyên truyền\"", "  action = \"Tuyên truyền\"")

// testProject loads the test portal (with English names) and its reports.
func testProject(t *testing.T) *plan.Project {
	t.Helper()
	files := testportal.Reports()
	files[plan.PlanFile], files[plan.AgenciesFile] = testPlan, testportal.AgenciesEn
	p, err := plan.Load(testportal.Fs(t, files), root)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if len(p.Reports) != 4 || len(p.Published()) != 3 {
		t.Fatalf("fixture: %d reports, %d published; want 4 and 3", len(p.Reports), len(p.Published()))
	}
	return p
}

func build(t *testing.T, p *plan.Project, base, lang string) map[string][]byte {
	t.Helper()
	files, err := Files(p, status.History(p), base, lang)
	if err != nil {
		t.Fatalf("Files: %v", err)
	}
	return files
}

// The Atom elements as a reader parses them, independent of the writer's
// types.
type xFeed struct {
	XMLName  xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID       string   `xml:"http://www.w3.org/2005/Atom id"`
	Title    xText    `xml:"http://www.w3.org/2005/Atom title"`
	Subtitle xText    `xml:"http://www.w3.org/2005/Atom subtitle"`
	Updated  string   `xml:"http://www.w3.org/2005/Atom updated"`
	Links    []xLink  `xml:"http://www.w3.org/2005/Atom link"`
	Author   []struct {
		Name string `xml:"http://www.w3.org/2005/Atom name"`
	} `xml:"http://www.w3.org/2005/Atom author"`
	Entries []xEntry `xml:"http://www.w3.org/2005/Atom entry"`
}

type xEntry struct {
	ID      string  `xml:"http://www.w3.org/2005/Atom id"`
	Title   xText   `xml:"http://www.w3.org/2005/Atom title"`
	Updated string  `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []xLink `xml:"http://www.w3.org/2005/Atom link"`
	Summary xText   `xml:"http://www.w3.org/2005/Atom summary"`
	Content xText   `xml:"http://www.w3.org/2005/Atom content"`
}

type xText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type xLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
	Type string `xml:"type,attr"`
}

func linkOf(links []xLink, rel string) (string, bool) {
	for _, l := range links {
		if l.Rel == rel {
			return l.Href, true
		}
	}
	return "", false
}

// parse parses a feed and checks what RFC 4287 requires of it, and that
// every link is under langRoot.
func parse(t *testing.T, name string, b []byte, langRoot, lang string) xFeed {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(xml.Header)) || !bytes.HasSuffix(b, []byte("</feed>\n")) {
		t.Errorf("%s: no XML declaration or trailing newline", name)
	}
	var f xFeed
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if f.XMLName.Space != atomNS {
		t.Errorf("%s: namespace %q", name, f.XMLName.Space)
	}
	if f.Lang != lang {
		t.Errorf("%s: xml:lang %q, want %q", name, f.Lang, lang)
	}
	want := langRoot + name
	if f.ID != want {
		t.Errorf("%s: id %q, want %q", name, f.ID, want)
	}
	if self, ok := linkOf(f.Links, "self"); !ok || self != want || self != f.ID {
		t.Errorf("%s: self link %q, want %q", name, self, want)
	}
	if alt, ok := linkOf(f.Links, "alternate"); !ok || alt != langRoot+strings.TrimSuffix(name, "atom.xml") {
		t.Errorf("%s: alternate link %q", name, alt)
	}
	if strings.TrimSpace(f.Title.Body) == "" || f.Subtitle.Body == "" {
		t.Errorf("%s: no title or subtitle", name)
	}
	if len(f.Author) != 1 || f.Author[0].Name == "" {
		t.Errorf("%s: author %+v", name, f.Author)
	}
	feedUpdated := checkTime(t, name, f.Updated)
	var prev time.Time
	for i, e := range f.Entries {
		what := name + " entry " + e.ID
		if e.ID == "" || strings.TrimSpace(e.Title.Body) == "" {
			t.Errorf("%s %d: no id or title", name, i)
		}
		up := checkTime(t, what, e.Updated)
		if i == 0 && !up.Equal(feedUpdated) {
			t.Errorf("%s: updated %s, newest entry %s", name, f.Updated, e.Updated)
		}
		if i > 0 && up.After(prev) {
			t.Errorf("%s: entries not newest first", what)
		}
		prev = up
		if !strings.HasPrefix(e.ID, langRoot) {
			t.Errorf("%s: id not under %s", what, langRoot)
		}
		if alt, ok := linkOf(e.Links, "alternate"); !ok || !strings.HasPrefix(alt, langRoot) {
			t.Errorf("%s: alternate link %q", what, alt)
		}
		if e.Content.Type != "html" || e.Summary.Type != "text" || e.Content.Body == "" || e.Summary.Body == "" {
			t.Errorf("%s: content %q summary %q", what, e.Content.Type, e.Summary.Type)
		}
		for _, l := range e.Links {
			if !strings.HasPrefix(l.Href, langRoot) {
				t.Errorf("%s: link %q not under %s", what, l.Href, langRoot)
			}
		}
		for _, href := range hrefs(e.Content.Body) {
			if !strings.HasPrefix(href, langRoot) {
				t.Errorf("%s: content link %q not under %s", what, href, langRoot)
			}
		}
	}
	return f
}

// hrefs returns the link targets in HTML content.
func hrefs(s string) []string {
	var out []string
	for _, part := range strings.Split(s, `href="`)[1:] {
		out = append(out, html.UnescapeString(part[:strings.Index(part, `"`)]))
	}
	return out
}

func checkTime(t *testing.T, what, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil || !strings.HasSuffix(s, "T00:00:00Z") {
		t.Errorf("%s: updated %q is not a date at 00:00:00Z", what, s)
	}
	return tm
}

func entryIDs(f xFeed) []string {
	var out []string
	for _, e := range f.Entries {
		out = append(out, strings.TrimPrefix(e.ID, testBase))
	}
	return out
}

func TestFeeds(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	files := build(t, p, "https://example.gov.vn/minhbach", "vi") // no trailing slash
	var names []string
	for k := range files {
		names = append(names, k)
	}
	sort.Strings(names)
	want := []string{"atom.xml"}
	for _, a := range p.Agencies.Agencies {
		want = append(want, "co-quan/"+a.ID+"/atom.xml")
	}
	for _, tk := range p.Plan.Tasks {
		want = append(want, "nhiem-vu/"+tk.Slug+"/atom.xml")
	}
	sort.Strings(want)
	if !slices.Equal(names, want) {
		t.Fatalf("feeds %v, want %v", names, want)
	}
	feeds := map[string]xFeed{}
	for _, name := range names {
		feeds[name] = parse(t, name, files[name], testBase, "vi")
	}

	site := feeds["atom.xml"]
	if site.Title.Body != "Kế hoạch thử" || site.Author[0].Name != "Ủy ban nhân dân tỉnh" || site.Updated != "2019-01-05T00:00:00Z" {
		t.Errorf("site feed: title %q author %q updated %q", site.Title.Body, site.Author[0].Name, site.Updated)
	}
	if got := entryIDs(site); !slices.Equal(got, []string{"ky-bao-cao/2018/", "ky-bao-cao/2018-H1/"}) {
		t.Errorf("site entries %v", got)
	}
	h1 := site.Entries[1]
	if h1.Title.Body != "Kỳ báo cáo 6 tháng đầu năm 2018" || h1.Updated != "2018-07-10T00:00:00Z" {
		t.Errorf("H1 entry: %q %q", h1.Title.Body, h1.Updated)
	}
	for _, s := range []string{"45/BC-SNV", "12/BC-UBND", testBase + "ky-bao-cao/2018-H1/so-noi-vu/", "Chưa gửi báo cáo", "Sở Tư pháp"} {
		if !strings.Contains(h1.Content.Body, s) {
			t.Errorf("H1 entry does not say %q:\n%s", s, h1.Content.Body)
		}
	}
	year := site.Entries[0]
	for _, s := range []string{"Thay đổi trạng thái so với kỳ báo cáo 6 tháng đầu năm 2018", "Mốc 3b (nhiệm vụ 3)", "Chưa báo cáo → Quá hạn", "Chưa báo cáo → Thường xuyên"} {
		if !strings.Contains(year.Content.Body, s) {
			t.Errorf("year entry does not say %q:\n%s", s, year.Content.Body)
		}
	}

	task1 := feeds["nhiem-vu/nhiem-vu-mot/atom.xml"]
	if got := entryIDs(task1); !slices.Equal(got, []string{"nhiem-vu/nhiem-vu-mot/#2018", "nhiem-vu/nhiem-vu-mot/#2018-H1"}) {
		t.Errorf("task 1 entries %v", got)
	}
	if !strings.Contains(task1.Entries[1].Content.Body, html.EscapeString(hostile)) {
		t.Errorf("task 1 H1 entry does not carry the note, escaped:\n%s", task1.Entries[1].Content.Body)
	}
	// Task 2 had no report and no change: no entries, and updated is the
	// plan's latest basis date.
	task2 := feeds["nhiem-vu/nhiem-vu-hai/atom.xml"]
	if len(task2.Entries) != 0 || task2.Updated != "2017-10-25T00:00:00Z" {
		t.Errorf("task 2: %d entries, updated %s", len(task2.Entries), task2.Updated)
	}
	task3 := feeds["nhiem-vu/nhiem-vu-ba/atom.xml"]
	if got := entryIDs(task3); !slices.Equal(got, []string{"nhiem-vu/nhiem-vu-ba/#2018"}) {
		t.Errorf("task 3 entries %v (the draft must not make an H1 entry)", got)
	}

	snv := feeds["co-quan/so-noi-vu/atom.xml"]
	if got := entryIDs(snv); !slices.Equal(got, []string{"co-quan/so-noi-vu/#2018-3a", "ky-bao-cao/2018/so-noi-vu/", "ky-bao-cao/2018-H1/so-noi-vu/"}) {
		t.Errorf("so-noi-vu entries %v", got)
	}
	if e := snv.Entries[2]; e.Updated != "2018-07-10T00:00:00Z" || !strings.Contains(e.Title.Body, "45/BC-SNV") {
		t.Errorf("so-noi-vu H1 report entry %+v", e)
	}
	stp := feeds["co-quan/so-tu-phap/atom.xml"]
	if got := entryIDs(stp); !slices.Equal(got, []string{"co-quan/so-tu-phap/#2018-3b"}) {
		t.Errorf("so-tu-phap entries %v (only the change to overdue)", got)
	}
	ha := feeds["co-quan/huyen-a/atom.xml"]
	if got := entryIDs(ha); !slices.Equal(got, []string{"co-quan/huyen-a/#2018-1b", "ky-bao-cao/2018-H1/huyen-a/"}) {
		t.Errorf("huyen-a entries %v", got)
	}
}

func TestEscaping(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	for _, lang := range []string{"vi", "en"} {
		for name, b := range build(t, p, testBase, lang) {
			for _, raw := range []string{"<script", "]]>", "alert(1)</"} {
				if bytes.Contains(b, []byte(raw)) {
					t.Errorf("%s (%s): %q appears unescaped", name, lang, raw)
				}
			}
			if bytes.Contains(b, []byte("<![CDATA[")) {
				t.Errorf("%s: CDATA section", name)
			}
		}
	}
	// Once parsed, the HTML content shows the note as text, not markup.
	f := parse(t, "nhiem-vu/nhiem-vu-mot/atom.xml", build(t, p, testBase, "vi")["nhiem-vu/nhiem-vu-mot/atom.xml"], testBase, "vi")
	found := false
	for _, e := range f.Entries {
		if strings.Contains(e.Content.Body, "<script") {
			t.Errorf("entry %s: content HTML has a script element", e.ID)
		}
		if strings.Contains(html.UnescapeString(e.Content.Body), hostile) {
			found = true
		}
	}
	if !found {
		t.Error("the note is not in the feed at all")
	}
}

func TestNoDraft(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	for _, lang := range []string{"vi", "en"} {
		for name, b := range build(t, p, testBase, lang) {
			if bytes.Contains(b, []byte(draftSentence)) {
				t.Errorf("%s (%s) contains the draft's sentence", name, lang)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a := build(t, testProject(t), testBase, "vi")
	for i := 0; i < 3; i++ {
		b := build(t, testProject(t), testBase, "vi")
		if len(a) != len(b) {
			t.Fatal("different feeds")
		}
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Fatalf("%s differs between two builds", name)
			}
		}
	}
}

func TestEnglish(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	files := build(t, p, testBase, "en")
	en := testBase + "en/"
	for name, b := range files {
		parse(t, name, b, en, "en")
	}
	site := parse(t, "atom.xml", files["atom.xml"], en, "en")
	if site.Title.Body != "Test plan" || site.Author[0].Name != "Provincial People's Committee" {
		t.Errorf("title %q author %q", site.Title.Body, site.Author[0].Name)
	}
	if got := site.Entries[0].Title.Body; got != "Reporting period: Year 2018" {
		t.Errorf("entry title %q", got)
	}
	if c := site.Entries[0].Content.Body; !strings.Contains(c, "Not reported → Overdue") || strings.Contains(c, "Quá hạn") {
		t.Errorf("English content:\n%s", c)
	}
	task1 := parse(t, "nhiem-vu/nhiem-vu-mot/atom.xml", files["nhiem-vu/nhiem-vu-mot/atom.xml"], en, "en")
	if task1.Title.Body != "Task 1: Task one" {
		t.Errorf("task title %q", task1.Title.Body)
	}
}

func TestBadBaseURL(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	for _, base := range []string{"", "/minhbach/", "example.gov.vn", "ftp://example.gov.vn/"} {
		if _, err := Files(p, status.History(p), base, "vi"); err == nil {
			t.Errorf("base %q: no error", base)
		}
	}
}

func TestNoHistory(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	files, err := Files(p, nil, testBase, "vi")
	if err != nil {
		t.Fatal(err)
	}
	f := parse(t, "atom.xml", files["atom.xml"], testBase, "vi")
	if len(f.Entries) != 0 || f.Updated != "2017-10-25T00:00:00Z" {
		t.Errorf("%d entries, updated %s", len(f.Entries), f.Updated)
	}
}

// TestPortal builds the feeds of the real portal in this repository.
func TestPortal(t *testing.T) {
	t.Parallel()
	p, err := plan.Load(afero.NewOsFs(), "../..")
	if err != nil {
		t.Fatalf("the portal in this repository does not load: %v", err)
	}
	for _, lang := range []string{"vi", "en"} {
		files := build(t, p, testBase, lang)
		lroot := testBase
		if lang == "en" {
			lroot += "en/"
		}
		if len(files) != 1+len(p.Plan.Tasks)+len(p.Agencies.Agencies) {
			t.Errorf("%s: %d feeds", lang, len(files))
		}
		for name, b := range files {
			parse(t, name, b, lroot, lang)
		}
		leakcheck.Check(t, p, func(p *plan.Project) map[string][]byte { return build(t, p, testBase, lang) })
	}
}
