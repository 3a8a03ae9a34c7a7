package plan

import (
	"fmt"
	"slices"
	"testing"
)

// Agencies and groups take aliases (former ids whose pages redirect), as
// tasks do; an alias may not be a live id or another alias.
func TestAgencyAliases(t *testing.T) {
	t.Parallel()
	agency := func(alias string) string {
		return edit(t, baseAgencies, "id = \"huyen-a\"\n", "id = \"huyen-a\"\naliases = ["+alias+"]\n")
	}
	p, err := load(t, map[string]string{AgenciesFile: agency(`"ubnd-huyen-a", "huyen-a-cu"`)})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Agencies.Agency("huyen-a").Aliases; !slices.Equal(got, []string{"ubnd-huyen-a", "huyen-a-cu"}) {
		t.Errorf("aliases = %q", got)
	}
	if p.Agencies.Agency("ubnd-huyen-a") != nil {
		t.Error("an alias became an agency")
	}
	twice := edit(t, agency(`"cu"`), "id = \"huyen-b\"\n", "id = \"huyen-b\"\naliases = [\"cu\"]\n")
	tests := []struct {
		name string
		src  string
		key  string
		args []any
	}{
		{"the id of another agency", agency(`"so-noi-vu"`), "id.duplicate", []any{"so-noi-vu", "data/agencies.toml:6"}},
		{"its own id", agency(`"huyen-a"`), "id.duplicate", []any{"huyen-a", "data/agencies.toml:18"}},
		{"an alias of another agency", twice, "id.duplicate", []any{"cu", "data/agencies.toml:20"}},
		{"not an id", agency(`"Huyện A"`), "id.form", []any{"aliases", "Huyện A", "huyen-a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := problemsOf(t, func() error { _, err := load(t, map[string]string{AgenciesFile: tt.src}); return err }())
			if len(ps) != 1 || ps[0].Key != tt.key || fmt.Sprint(ps[0].Args) != fmt.Sprint(tt.args) {
				t.Errorf("problems = %v, want one %s %v", ps, tt.key, tt.args)
			}
		})
	}
	// A group's alias naming an agency that comes later in the file.
	group := baseAgencies + "\n[[groups]]\nid = \"nhom-moi\"\nname = \"Nhóm mới\"\nmembers = [\"huyen-a\"]\naliases = [\"ubnd-tinh\"]\n"
	ps := problemsOf(t, func() error { _, err := load(t, map[string]string{AgenciesFile: group}); return err }())
	if len(ps) != 1 || ps[0].Key != "id.duplicate" || ps[0].Args[0] != "ubnd-tinh" {
		t.Errorf("problems = %v, want ubnd-tinh as a duplicate", ps)
	}
}
