package site

import (
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestPlanOwnKinds: a plan that declares its own agency kinds
// ([[kinds]] in agencies.toml) gets a list page for each, named as it
// names them in both languages (the Vietnamese name where it gives no
// English one), and none of the built-in kinds' pages.
func TestPlanOwnKinds(t *testing.T) {
	t.Parallel()
	fsys := memPortal(t)
	src, err := afero.ReadFile(fsys, "/src/data/agencies.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`kind = "[a-z-]+"`).ReplaceAllString(string(src), `kind = "vu"`)
	text = strings.Replace(text, "[[roles]]", "[[kinds]]\nid = \"vu\"\nname = \"Vụ, cục\"\nname_en = \"Departments and agencies\"\n\n[[kinds]]\nid = \"dia-phuong\"\nname = \"Địa phương\"\n\n[[roles]]", 1)
	if text == string(src) {
		t.Fatal("data/agencies.toml has no [[roles]]")
	}
	text = strings.Replace(text, `kind = "vu"`, `kind = "dia-phuong"`, 1)
	afero.WriteFile(fsys, "/src/data/agencies.toml", []byte(text), 0o644)
	memBuild(t, fsys, "/out")
	out := tree(t, fsys, "/out")
	for page, h1 := range map[string]string{
		"loai-co-quan/vu/index.html":            "<h1>Vụ, cục</h1>",
		"en/loai-co-quan/vu/index.html":         "<h1>Departments and agencies</h1>",
		"loai-co-quan/dia-phuong/index.html":    "<h1>Địa phương</h1>",
		"en/loai-co-quan/dia-phuong/index.html": "<h1>Địa phương</h1>",
	} {
		if b, ok := out[page]; !ok {
			t.Errorf("no %s", page)
		} else if !strings.Contains(string(b), h1) {
			t.Errorf("%s lacks %s", page, h1)
		}
	}
	for name := range out {
		if strings.HasPrefix(name, "loai-co-quan/so/") || strings.HasPrefix(name, "loai-co-quan/huyen/") {
			t.Errorf("a built-in kind's page is written: %s", name)
		}
	}
	if a := string(out["co-quan/index.html"]); !strings.Contains(a, `href="/loai-co-quan/vu/"`) || !strings.Contains(a, `href="/loai-co-quan/dia-phuong/"`) {
		t.Error("the agencies page does not link the plan's kinds")
	}
}
