package site

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/view"
)

// TestFrozenBadges: a task's badge of a published period does not change
// when a later period's reports are published, byte for byte, in both
// languages; the live badge does (the counter-test), and the later
// period's own badge appears. The task page offers both, saying which is
// which.
func TestFrozenBadges(t *testing.T) {
	fsys := memPortal(t)
	later, err := afero.ReadDir(fsys, "/src/content/bao-cao/2019-H1")
	if err != nil || len(later) < 10 {
		t.Fatalf("the 2019-H1 reports are not there: %v", err)
	}
	held := map[string][]byte{}
	for _, f := range later {
		name := "/src/content/bao-cao/2019-H1/" + f.Name()
		held[name], _ = afero.ReadFile(fsys, name)
	}
	if err := fsys.RemoveAll("/src/content/bao-cao/2019-H1"); err != nil {
		t.Fatal(err)
	}
	memBuild(t, fsys, "/before")
	for name, data := range held {
		if err := afero.WriteFile(fsys, name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	memBuild(t, fsys, "/after")
	before, after := tree(t, fsys, "/before"), tree(t, fsys, "/after")

	frozen, live := 0, 0
	periodBadge := regexp.MustCompile(`^(en/)?nhiem-vu/[^/]+/badge-[^/]+\.svg$`)
	for name, b := range before {
		switch {
		case periodBadge.MatchString(name):
			frozen++
			if !bytes.Equal(b, after[name]) {
				t.Errorf("%s changed when a later period was published:\n%s\n%s", name, b, after[name])
			}
		case strings.HasSuffix(name, "/badge.svg") && strings.Contains(name, "nhiem-vu/"):
			live++
			if bytes.Equal(b, after[name]) {
				t.Errorf("the live badge %s did not change when a later period was published", name)
			}
		}
	}
	// 8 tasks, 2 languages; 3 periods published before 2019-H1.
	if frozen != 8*2*3 || live != 8*2 {
		t.Errorf("%d frozen and %d live badges before, want 48 and 16", frozen, live)
	}
	for _, name := range []string{"nhiem-vu/sap-xep-don-vi-cap-xa/badge-2019-H1.svg", "en/nhiem-vu/sap-xep-don-vi-cap-xa/badge-2019-H1.svg"} {
		if _, ok := before[name]; ok {
			t.Errorf("%s exists before its period was published", name)
		}
		if b, ok := after[name]; !ok || !bytes.Equal(b, after[strings.Replace(name, "badge-2019-H1.svg", "badge.svg", 1)]) {
			t.Errorf("%s is missing, or differs from the live badge as of the same date", name)
		}
	}
	if s := string(after["nhiem-vu/sap-xep-don-vi-cap-xa/badge-2018-H1.svg"]); !strings.Contains(s, "tính đến ngày 30/6/2018") {
		t.Errorf("the 2018-H1 badge is not as of the period's end: %s", s)
	}

	page := string(after["nhiem-vu/sap-xep-don-vi-cap-xa/index.html"])
	for _, want := range []string{
		"<h4>Luôn cập nhật</h4>",
		`src="/nhiem-vu/sap-xep-don-vi-cap-xa/badge.svg"`,
		"<h4>Cố định tại kỳ 6 tháng đầu năm 2019</h4>",
		"Hiện trạng thái tính đến ngày 30/6/2019: hình không bao giờ thay đổi",
		`src="/nhiem-vu/sap-xep-don-vi-cap-xa/badge-2019-H1.svg"`,
		`img src=&#34;https://minhbach.kontum.gov.vn/nhiem-vu/sap-xep-don-vi-cap-xa/badge-2019-H1.svg&#34;`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the task page lacks %q", want)
		}
	}
	if en := string(after["en/nhiem-vu/sap-xep-don-vi-cap-xa/index.html"]); !strings.Contains(en, "<h4>Always up to date</h4>") || !strings.Contains(en, "<h4>Fixed at the period: First half of 2019</h4>") {
		t.Error("the English task page does not say which badge is which")
	}
}

// TestBadgeSampleMarker: while the data is sample data, every badge shows
// the marker and its title says so, as does the embed code's alt text; in
// a portal whose reports are not sample data, no badge has it (the
// counter-test, on the same portal with its sample flags removed).
func TestBadgeSampleMarker(t *testing.T) {
	count := func(out map[string][]byte) (badges, marked, titled int) {
		for name, b := range out {
			if !strings.HasSuffix(name, ".svg") || !strings.Contains(name, "nhiem-vu/") || !strings.Contains(name, "/badge") {
				continue
			}
			badges++
			s := string(b)
			if strings.Contains(s, `class="badge-sample"`) && (strings.Contains(s, ">DỮ LIỆU MẪU</text>") || strings.Contains(s, ">SAMPLE DATA</text>")) {
				marked++
			}
			if strings.Contains(s, "— dữ liệu mẫu</title>") || strings.Contains(s, "— sample data</title>") {
				titled++
			}
		}
		return
	}
	fsys := memPortal(t)
	memBuild(t, fsys, "/sample")
	out := tree(t, fsys, "/sample")
	if n, m, ti := count(out); n != 8*2*5 || m != n || ti != n {
		t.Errorf("sample data: %d badges, %d with the marker, %d saying so in their title; want 80 of each", n, m, ti)
	}
	if !strings.Contains(string(out["nhiem-vu/sap-xep-don-vi-cap-xa/index.html"]), "30/6/2019 — dữ liệu mẫu (nguồn:") {
		t.Error("the embed code's alt text does not say the data is sample data")
	}

	reports, err := afero.Glob(fsys, "/src/content/bao-cao/*/*.md")
	if err != nil || len(reports) < 40 {
		t.Fatalf("%d reports: %v", len(reports), err)
	}
	unmarked := 0
	for _, name := range reports {
		b, _ := afero.ReadFile(fsys, name)
		// The digest covers the sample flag: without it the report is
		// published with a notice.
		s := regexp.MustCompile(`(?m)^(sample = true|digest = .*)\r?\n`).ReplaceAllString(string(b), "")
		if s != string(b) {
			unmarked++
		}
		if err := afero.WriteFile(fsys, name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if unmarked < 40 {
		t.Fatalf("only %d reports were sample data", unmarked)
	}
	memBuild(t, fsys, "/real")
	out = tree(t, fsys, "/real")
	if n, m, ti := count(out); n != 8*2*5 || m != 0 || ti != 0 {
		t.Errorf("real data: %d badges, %d with the marker, %d saying so; want 80, 0, 0", n, m, ti)
	}
	if p := string(out["nhiem-vu/sap-xep-don-vi-cap-xa/index.html"]); strings.Contains(p, "dữ liệu mẫu (nguồn:") || !strings.Contains(p, "30/6/2019 (nguồn:") {
		t.Error("the embed code's alt text of real data is wrong")
	}
}

// renameTask gives the task whose slug is old the slug now, keeping old
// as an alias, in the portal's data/plan.toml.
func renameTask(t *testing.T, fsys afero.Fs, old, now string) {
	t.Helper()
	data, err := afero.ReadFile(fsys, "/src/data/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	from := "slug = \"" + old + "\"\n"
	i := strings.Index(src, from)
	if i < 0 {
		t.Fatalf("no task %s", old)
	}
	rest := strings.Replace(src[i+len(from):], "aliases = []", "aliases = [\""+old+"\"]", 1)
	src = src[:i] + "slug = \"" + now + "\"\n" + rest
	if err := afero.WriteFile(fsys, "/src/data/plan.toml", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A task's slug changes and the old one is kept as an alias: the old
// page is a redirect, and its badges (live and frozen, both languages)
// and its card are still at the old addresses, the same bytes as at the
// new ones, listed in the manifest, because an embedded image cannot
// follow an HTML redirect.
func TestBadgesStayAtAnAlias(t *testing.T) {
	fsys := memPortal(t)
	const old, now = "sap-xep-don-vi-cap-xa", "sap-xep-don-vi-hanh-chinh-cap-xa"
	memBuild(t, fsys, "/pub")
	before := tree(t, fsys, "/pub")
	renameTask(t, fsys, old, now)
	memBuild(t, fsys, "/pub")
	after := tree(t, fsys, "/pub")

	data, err := afero.ReadFile(fsys, filepath.Join("/pub", publish.MarkerName))
	if err != nil {
		t.Fatal(err)
	}
	var man publish.Manifest
	if err := json.Unmarshal(data, &man); err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, f := range man.Files {
		listed[f.Path] = f.SHA256
	}
	n := 0
	for name, b := range before {
		dir, file, ok := strings.Cut(name, "nhiem-vu/"+old+"/")
		if !ok || !(strings.HasPrefix(file, "badge") || file == view.CardName) {
			continue
		}
		n++
		moved := dir + "nhiem-vu/" + now + "/" + file
		if !bytes.Equal(after[moved], b) {
			t.Errorf("%s is not what %s was", moved, name)
		}
		if !bytes.Equal(after[name], after[moved]) {
			t.Errorf("%s at the old address is not the same as %s", name, moved)
		}
		if listed[name] == "" || listed[name] != listed[moved] {
			t.Errorf("the manifest lists %s as %q, %s as %q", name, listed[name], moved, listed[moved])
		}
	}
	// 2 languages × (the live badge, 4 frozen ones, the card).
	if n != 2*6 {
		t.Errorf("%d badges and cards at the old address, want 12", n)
	}
	if page := string(after["nhiem-vu/"+old+"/index.html"]); !strings.Contains(page, "nhiem-vu/"+now+"/") {
		t.Errorf("the old page does not redirect to the new one:\n%s", page)
	}
}
