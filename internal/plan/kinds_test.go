package plan

import (
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
)

// kindsAgencies is the test portal's agencies.toml with kinds of its own
// (a ministry's), and its agencies given them.
func kindsAgencies(t *testing.T) string {
	t.Helper()
	src := edit(t, baseAgencies, "[[agencies]]\nid = \"so-noi-vu\"", `[[kinds]]
id = "vu"
name = "Vụ"
name_en = "Departments"

[[kinds]]
id = "dia-phuong"
name = "Địa phương"

[[agencies]]
id = "so-noi-vu"`)
	src = strings.ReplaceAll(src, `kind = "so"`, `kind = "vu"`)
	src = strings.ReplaceAll(src, `kind = "huyen"`, `kind = "dia-phuong"`)
	return strings.ReplaceAll(src, `kind = "tinh"`, `kind = "vu"`)
}

// TestPlanKinds: a plan may declare its own agency kinds, which then are
// the only ones its agencies may have, in its order; without any, the
// built-in AgencyKinds.
func TestPlanKinds(t *testing.T) {
	t.Parallel()
	p, err := load(t, map[string]string{AgenciesFile: kindsAgencies(t)})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Agencies.KindIDs(); !slices.Equal(got, []string{"vu", "dia-phuong"}) {
		t.Errorf("KindIDs = %v", got)
	}
	if k := p.Agencies.Kind("vu"); k == nil || k.Name != "Vụ" || k.NameEn != "Departments" || k.Pos.Line == 0 {
		t.Errorf("Kind(vu) = %+v", k)
	}
	// Counter-case: the test portal declares none.
	p, err = load(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Agencies.KindIDs(); !slices.Equal(got, AgencyKinds) || p.Agencies.Kind("so") != nil {
		t.Errorf("without [[kinds]]: KindIDs = %v", got)
	}
}

func TestPlanKindsProblems(t *testing.T) {
	t.Parallel()
	good := kindsAgencies(t)
	// A built-in kind is not one of the plan's once it declares its own.
	src := strings.Replace(good, `kind = "vu"`, `kind = "so"`, 1)
	ps := loadProblems(t, map[string]string{AgenciesFile: src}, at(t, AgenciesFile, src, "", `"so"`, "value.oneOf"))
	if ps[0].Args[2] != "vu, dia-phuong" {
		t.Errorf("the kinds offered are %v", ps[0].Args[2])
	}
	src = strings.Replace(good, `id = "dia-phuong"`, `id = "vu"`, 1)
	_, err := load(t, map[string]string{AgenciesFile: src})
	dup := false
	for _, p := range problemsOf(t, err) {
		dup = dup || p.Key == "id.duplicate" && p.Pos.File == AgenciesFile && p.Pos.Line == 12
	}
	if !dup {
		t.Errorf("a kind declared twice is not found: %v", err)
	}
	src = strings.Replace(good, "name = \"Địa phương\"\n", "", 1)
	loadProblems(t, map[string]string{AgenciesFile: src}, want{AgenciesFile, 11, 1, "field.required"})
}

func TestKindName(t *testing.T) {
	t.Parallel()
	r := &Registry{Kinds: []*Kind{{ID: "vu", Name: "Vụ, cục", NameEn: "Departments"}, {ID: "dia-phuong", Name: "Địa phương"}}}
	built := &Registry{}
	for _, c := range []struct {
		r        *Registry
		l        msg.Lang
		id, want string
	}{
		{r, msg.VI, "vu", "Vụ, cục"},
		{r, msg.EN, "vu", "Departments"},
		{r, msg.EN, "dia-phuong", "Địa phương"},
		{built, msg.VI, "so", msg.Get(msg.VI, "kind_so")},
		{built, msg.EN, "so", msg.Get(msg.EN, "kind_so")},
		{built, msg.VI, "chua-co", "chua-co"},
	} {
		if got := c.r.KindName(c.l, c.id); got != c.want {
			t.Errorf("KindName(%s, %s) = %q, want %q", c.l, c.id, got, c.want)
		}
	}
	if msg.Get(msg.VI, "kind_so") == "kind_so" {
		t.Error("the catalogue has no kind_so")
	}
}
