package plan

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// englishNames returns every body's English name in r, keyed by the name
// folded to lower case, with the ids that carry it.
func englishNames(r *Registry) map[string][]string {
	out := map[string][]string{}
	add := func(id, name string) {
		if name != "" {
			k := strings.ToLower(name)
			out[k] = append(out[k], id)
		}
	}
	for _, a := range r.Agencies {
		add(a.ID, a.NameEn)
	}
	for _, g := range r.Groups {
		add(g.ID, g.NameEn)
	}
	for _, x := range r.Roles {
		add(x.ID, x.TitleEn)
	}
	return out
}

// TestKonTumOneEnglishNamePerBody checks data/agencies.toml: every agency,
// group and role has an English name, and no two bodies share one. (That
// the English pages call each body by that one name only is checked on the
// built site, internal/site/english_test.go.)
func TestKonTumOneEnglishNamePerBody(t *testing.T) {
	p, err := Load(afero.NewOsFs(), "../..")
	if err != nil {
		t.Fatalf("the Kon Tum portal does not load:\n%v", err)
	}
	r := p.Agencies
	for _, a := range r.Agencies {
		if a.NameEn == "" {
			t.Errorf("agency %s has no name_en", a.ID)
		}
	}
	for _, g := range r.Groups {
		if g.NameEn == "" {
			t.Errorf("group %s has no name_en", g.ID)
		}
	}
	for _, x := range r.Roles {
		if x.TitleEn == "" {
			t.Errorf("role %s has no title_en", x.ID)
		}
	}
	for name, ids := range englishNames(r) {
		if len(ids) > 1 {
			t.Errorf("%d bodies share the English name %q: %v", len(ids), name, ids)
		}
	}
	// "Thường trực Tỉnh ủy" is the standing members, not an office.
	if a := r.Agency("thuong-truc-tinh-uy"); a == nil || !strings.Contains(a.NameEn, "Standing Members") {
		t.Errorf("thuong-truc-tinh-uy: %+v, want the Standing Members of the Provincial Party Committee", a)
	}

	// Counter-test: a second body given an existing English name is caught.
	r2 := &Registry{Agencies: append([]*Agency{{ID: "copy", NameEn: strings.ToUpper(r.Agencies[0].NameEn)}}, r.Agencies...)}
	if ids := englishNames(r2)[strings.ToLower(r.Agencies[0].NameEn)]; len(ids) != 2 {
		t.Errorf("a duplicated English name is not caught: %v", ids)
	}
}
