package plan

import (
	"fmt"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
)

// An id, slug or alias equal to a segment the site makes itself at its
// level is refused at its line, with the address it would take and an id
// to use instead.
func TestReservedIDsAreRefused(t *testing.T) {
	t.Parallel()
	agency := func(id string) string {
		return baseAgencies + "\n[[agencies]]\nid = \"" + id + "\"\nname = \"Tổ mới\"\n"
	}
	group := func(id string) string {
		return baseAgencies + "\n[[groups]]\nid = \"" + id + "\"\nname = \"Nhóm mới\"\nmembers = [\"huyen-a\"]\n"
	}
	alias := func(list string) string {
		return edit(t, baseAgencies, "id = \"huyen-a\"\n", "id = \"huyen-a\"\naliases = ["+list+"]\n")
	}
	slug := func(s string) string { return edit(t, basePlan, `slug = "nhiem-vu-hai"`, `slug = "`+s+`"`) }
	taskAlias := func(list string) string {
		return edit(t, basePlan, "slug = \"nhiem-vu-hai\"\n", "slug = \"nhiem-vu-hai\"\naliases = ["+list+"]\n")
	}
	tests := []struct {
		name, file, src string
		line, col       int
		key             string
		args            []any
	}{
		{"an agency tong-hop (the period summary beside its reports)", AgenciesFile, agency("tong-hop"), 41, 6,
			"id.reservedSummary", []any{"id", "tong-hop", "ky-bao-cao/…/tong-hop/", "co-quan-tong-hop"}},
		{"an agency trang (the further pages beside its reports)", AgenciesFile, agency("trang"), 41, 6,
			"id.reservedFurther", []any{"id", "trang", "ky-bao-cao/…/trang/", "co-quan-trang"}},
		{"a task slug trang (the further pages of the tasks)", PlanFile, slug("trang"), 30, 8,
			"id.reservedFurther", []any{"slug", "trang", "nhiem-vu/trang/", "nhiem-vu-trang"}},
		{"a task alias trang", PlanFile, taskAlias(`"cu", "trang"`), 31, 11,
			"id.reservedFurther", []any{"aliases", "trang", "nhiem-vu/trang/", "nhiem-vu-trang"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := problemsOf(t, func() error { _, err := load(t, map[string]string{tt.file: tt.src}); return err }())
			if len(ps) != 1 || ps[0].Key != tt.key || fmt.Sprint(ps[0].Args) != fmt.Sprint(tt.args) {
				t.Fatalf("problems = %v, want one %s %v", ps, tt.key, tt.args)
			}
			if p := ps[0].Pos; p.File != tt.file || p.Line != tt.line || p.Col != tt.col {
				t.Errorf("at %s:%d:%d, want %s:%d:%d", p.File, p.Line, p.Col, tt.file, tt.line, tt.col)
			}
			for _, l := range []msg.Lang{msg.VI, msg.EN} {
				t.Log(ps[0].Text(l))
			}
		})
	}
	// Where the site makes nothing of its own, the same words are ids like
	// any other: a group (no reports) or an agency's former id (co-quan/)
	// may be tong-hop, and a task's slug too (nhiem-vu/).
	for name, files := range map[string]map[string]string{
		"a group tong-hop":        {AgenciesFile: group("tong-hop")},
		"an agency alias trang":   {AgenciesFile: alias(`"trang"`)},
		"a task slug tong-hop":    {PlanFile: slug("tong-hop")},
		"an agency tong-hop-moi":  {AgenciesFile: agency("tong-hop-moi")},
		"a task slug trang-chu":   {PlanFile: slug("trang-chu")},
		"a task alias tong-hop-2": {PlanFile: taskAlias(`"tong-hop-2"`)},
	} {
		if _, err := load(t, files); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Period ids have a form of their own: no segment the site reserves at
// any level can be one, so a report's period never takes one's address.
func TestNoReservedSegmentIsAPeriod(t *testing.T) {
	for _, l := range Levels {
		for _, seg := range Reserved(l) {
			if _, err := ParsePeriod(seg); err == nil {
				t.Errorf("%q, reserved at %s, reads as a period", seg, l.Prefix())
			}
			if !ValidID(seg) {
				t.Errorf("%q, reserved at %s, is no id: the check can never find it", seg, l.Prefix())
			}
		}
	}
	if len(Reserved(PeriodLevel)) != 0 {
		t.Error("a segment is reserved beside the periods: the loader does not check period ids against it")
	}
}
