package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// earlierPeriods are the repository portal's periods before 2019.
var earlierPeriods = []string{"2018-05-10", "2018-H1", "2018"}

// periodOutput gathers everything a build says about the periods ids:
// every file of their period pages and report pages (in both languages),
// their entries in the open data (minhbach.json's periods, bao-cao.csv's
// rows) and their entries in the site feeds. The map's keys name where
// each piece comes from.
func periodOutput(t *testing.T, out map[string][]byte, ids []string) map[string][]byte {
	t.Helper()
	got := map[string][]byte{}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	for name, data := range out {
		for _, id := range ids {
			if strings.HasPrefix(name, "ky-bao-cao/"+id+"/") || strings.HasPrefix(name, "en/ky-bao-cao/"+id+"/") {
				got[name] = data
			}
		}
	}
	var doc struct {
		Periods []json.RawMessage `json:"periods"`
	}
	if err := json.Unmarshal(out["du-lieu/minhbach.json"], &doc); err != nil {
		t.Fatal(err)
	}
	for _, raw := range doc.Periods {
		var p struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatal(err)
		}
		if want[p.ID] {
			got["du-lieu/minhbach.json#periods/"+p.ID] = raw
		}
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out["du-lieu/bao-cao.csv"], []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if i > 0 && want[row[0]] {
			got["du-lieu/bao-cao.csv#"+row[0]+"/"+row[2]] = []byte(strings.Join(row, "\x00"))
		}
	}
	entry := regexp.MustCompile(`(?s)<entry>.*?</entry>`)
	for _, feed := range []string{"atom.xml", "en/atom.xml"} {
		for _, e := range entry.FindAll(out[feed], -1) {
			for _, id := range ids {
				if bytes.Contains(e, []byte("/ky-bao-cao/"+id+"/</id>")) {
					got[feed+"#"+id] = e
				}
			}
		}
	}
	return got
}

// diffKeys lists the keys of a and b whose values differ or that only one
// has.
func diffKeys(a, b map[string][]byte) []string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			out = append(out, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// addUnit adds the agency so-moi to agencies.toml, with the duty given, and
// member to the members of the group cac-co-quan-don-vi.
func addUnit(t *testing.T, fsys afero.Fs, duty, member string) {
	t.Helper()
	const file = "/src/data/agencies.toml"
	src, err := afero.ReadFile(fsys, file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	unit := "[[agencies]]\nid = \"so-moi\"\nname = \"Sở Mới Thành Lập\"\nname_en = \"New Department\"\nkind = \"so\"\n" + duty + "\n\n# --- Groups ---"
	g := strings.Index(text, "id = \"cac-co-quan-don-vi\"")
	m := strings.Index(text[max(g, 0):], "members = [\n")
	if strings.Count(text, "# --- Groups ---") != 1 || g < 0 || m < 0 {
		t.Fatal("the repository's agencies.toml no longer has the places this test edits")
	}
	at := g + m + len("members = [\n")
	text = text[:at] + "  " + member + ",\n" + text[at:]
	text = strings.Replace(text, "# --- Groups ---", unit, 1)
	if err := afero.WriteFile(fsys, file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAddingAMemberKeepsEarlierPeriods adds a new department to the group
// "các cơ quan, đơn vị" and to the duty to report from 2019: every output
// about the periods of 2018 stays byte for byte what it was.
//
// What legitimately changes is what describes the present or the group as
// a whole: the 2019-H1 period page (the new unit is judged, and listed as
// not having reported), the group's and the new unit's pages, the pages
// and badges of the tasks with a milestone of the group (their current
// status, "x/y đơn vị hoàn thành"), every agency page that lists a shared
// milestone's count, the home and progress pages, the current-status
// tables of the open data (moc.csv, nhiem-vu.csv and the current parts of
// minhbach.json), the feeds' 2019-H1 entries, the search index and the
// sitemaps (a new page).
func TestAddingAMemberKeepsEarlierPeriods(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/before")
	before := tree(t, fsys, "/before")

	addUnit(t, fsys, "reports = true\nreports_from = \"2019\"", `{ id = "so-moi", from = "2019" }`)
	memBuild(t, fsys, "/after")
	after := tree(t, fsys, "/after")

	old, now := periodOutput(t, before, earlierPeriods), periodOutput(t, after, earlierPeriods)
	if len(old) < 60 {
		t.Fatalf("only %d pieces of output describe the 2018 periods", len(old))
	}
	for _, must := range []string{"ky-bao-cao/2018-H1/index.html", "en/ky-bao-cao/2018/index.html", "du-lieu/minhbach.json#periods/2018", "atom.xml#2018-H1", "du-lieu/bao-cao.csv#2018/so-noi-vu"} {
		if _, ok := old[must]; !ok {
			t.Errorf("%s is not among the outputs compared", must)
		}
	}
	if d := diffKeys(old, now); len(d) > 0 {
		t.Errorf("adding a member from 2019 changed the 2018 periods: %v", d)
	}
	t.Logf("%d pieces of output about 2018 compared; %d of %d output files differ in all", len(old), len(diffKeys(before, after)), len(after))

	// Counter-tests: the same comparison sees the change where there is
	// one — in 2019-H1, where the new unit is judged and missing ...
	latest := []string{"2019-H1"}
	changed := diffKeys(periodOutput(t, before, latest), periodOutput(t, after, latest))
	for _, must := range []string{"ky-bao-cao/2019-H1/index.html", "en/ky-bao-cao/2019-H1/index.html", "du-lieu/minhbach.json#periods/2019-H1"} {
		if !contains(changed, must) {
			t.Errorf("%s did not change, though so-moi is a member from 2019 (changed: %v)", must, changed)
		}
	}
	if !bytes.Contains(after["ky-bao-cao/2019-H1/index.html"], []byte("Sở Mới Thành Lập")) {
		t.Error("the 2019-H1 page does not list the new unit")
	}
	// ... and in 2018 when the unit is added the old way, as a plain id
	// with reports = true: it is judged for periods before it existed.
	fsys = memPortal(t)
	addUnit(t, fsys, "reports = true", `"so-moi"`)
	memBuild(t, fsys, "/plain")
	plain := periodOutput(t, tree(t, fsys, "/plain"), earlierPeriods)
	if d := diffKeys(old, plain); !contains(d, "ky-bao-cao/2018-H1/index.html") || !contains(d, "du-lieu/minhbach.json#periods/2018") {
		t.Errorf("a plain member did not change the 2018 pages (changed: %v): the comparison cannot fail", d)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestRenamingReportFilesChangesNothing renames every report file inside
// its period folder — to a name with spaces and Vietnamese diacritics that
// also reverses their order — and builds again: the output tree is the
// same, byte for byte.
func TestRenamingReportFilesChangesNothing(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/before")
	before := tree(t, fsys, "/before")

	files := reportFiles(t, fsys)
	if len(files) < 40 {
		t.Fatalf("only %d report files", len(files))
	}
	for i, f := range files {
		dir, base := path.Split(f)
		name := "Báo cáo " + string(rune('z'-i%26)) + " " + reverse(strings.TrimSuffix(base, ".md")) + " năm.md"
		if err := fsys.Rename(f, dir+name); err != nil {
			t.Fatal(err)
		}
	}
	if got := reportFiles(t, fsys); len(got) != len(files) || got[0] == files[0] {
		t.Fatalf("renaming failed: %v", got)
	}
	memBuild(t, fsys, "/renamed")
	renamed := tree(t, fsys, "/renamed")
	if d := diffKeys(before, renamed); len(d) > 0 {
		t.Errorf("renaming report files changed %d output files: %v", len(d), d)
	}
	t.Logf("%d report files renamed, %d output files compared", len(files), len(renamed))

	// Counter-test: changing what one approved report says does change
	// the output, so the comparison above can fail.
	f := ""
	for _, g := range reportFiles(t, fsys) {
		if strings.Contains(g, "/2018-H1/") && strings.Contains(g, reverse("so-noi-vu")) {
			f = g
		}
	}
	src, err := afero.ReadFile(fsys, f)
	if err != nil || !bytes.Contains(src, []byte(`state = "approved"`)) {
		t.Fatalf("the approved report of so-noi-vu for 2018-H1 is not at %q: %v", f, err)
	}
	// The edit drops the digest, as a hand edit of a report approved by
	// hand: with it, the build would refuse the changed report.
	src = regexp.MustCompile(`(?m)^digest = .*\n`).ReplaceAll(src, nil)
	if err := afero.WriteFile(fsys, f, append(src, []byte("\nMột câu mới thêm.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	memBuild(t, fsys, "/edited")
	if d := diffKeys(before, tree(t, fsys, "/edited")); !contains(d, "ky-bao-cao/2018-H1/so-noi-vu/index.html") {
		t.Errorf("editing a report did not change its page (changed: %v)", d)
	}
}

// reportFiles lists the Markdown files under content/bao-cao, sorted.
func reportFiles(t *testing.T, fsys afero.Fs) []string {
	t.Helper()
	var out []string
	dirs, err := afero.ReadDir(fsys, "/src/content/bao-cao")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		entries, err := afero.ReadDir(fsys, "/src/content/bao-cao/"+d.Name())
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".md") {
				out = append(out, "/src/content/bao-cao/"+d.Name()+"/"+e.Name())
			}
		}
	}
	sort.Strings(out)
	return out
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
