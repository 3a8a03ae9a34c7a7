package site

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// untrackedCounts returns the places where a count of the members of a
// group of n units reads as "every unit" ("15/30 đơn vị hoàn thành",
// "15/30 units done") rather than as the tracked list's.
func untrackedCounts(files map[string][]byte, n int) []string {
	re := regexp.MustCompile(fmt.Sprintf(`(Cả danh sách theo dõi: |Whole tracked list: )?\d+/%d (đơn vị hoàn thành|units done)`, n))
	var bad []string
	for _, name := range sortedNames(files) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		text := pageText(files[name])
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if m[1] == "" {
				bad = append(bad, name+": "+m[0])
			}
		}
	}
	return bad
}

// TestPartialListSaysSo: the group "các cơ quan, đơn vị" holds the units
// tracked, not every unit of the plan's definition; no page counts its
// members as if they were every unit, and its pages say that the list is
// partial. Counter-test: the same portal with the group not marked partial
// shows the plain counts, and they are found.
func TestPartialListSaysSo(t *testing.T) {
	fsys := memPortal(t)
	res := memBuild(t, fsys, "/out")
	files := tree(t, fsys, "/out")
	g := res.Project.Agencies.Group("cac-co-quan-don-vi")
	if g == nil || !g.Partial {
		t.Fatal("the group cac-co-quan-don-vi is not marked partial")
	}
	n := len(g.Members)
	for _, b := range untrackedCounts(files, n) {
		t.Error(b)
	}
	for _, name := range []string{"co-quan/cac-co-quan-don-vi/index.html", "nhiem-vu/pho-bien-quan-triet-tuyen-truyen/index.html"} {
		text := pageText(files[name])
		if !strings.Contains(text, "Danh sách chưa đủ") || !strings.Contains(text, g.Scope) {
			t.Errorf("%s does not say that the list is partial", name)
		}
		if en := pageText(files["en/"+name]); !strings.Contains(en, "The list is partial") || !strings.Contains(en, g.ScopeEn) {
			t.Errorf("en/%s does not say that the list is partial", name)
		}
	}
	if !strings.Contains(pageText(files["nhiem-vu/pho-bien-quan-triet-tuyen-truyen/index.html"]), fmt.Sprintf("/%d đơn vị trong danh sách theo dõi hoàn thành", n)) {
		t.Error("the task page does not count the tracked units")
	}

	// Counter-test.
	src := "/src/data/agencies.toml"
	data, err := afero.ReadFile(fsys, src)
	if err != nil {
		t.Fatal(err)
	}
	plain := strings.Replace(string(data), "partial = true\n", "", 1)
	if plain == string(data) {
		t.Fatal("no partial = true to take out")
	}
	if err := afero.WriteFile(fsys, src, []byte(plain), 0o644); err != nil {
		t.Fatal(err)
	}
	memBuild(t, fsys, "/out2")
	if bad := untrackedCounts(tree(t, fsys, "/out2"), n); len(bad) == 0 {
		t.Error("the counts of a group not marked partial are not found")
	}
}
