package site

import (
	"html"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
)

// TestNoApprovedReportYet: a portal whose plan has no approved report yet
// (a new plan, before its first period) shows the plan without statuses,
// and no sentence waits for a date it does not have: the task pages'
// citation hint says to give the address, with no empty "()".
func TestNoApprovedReportYet(t *testing.T) {
	t.Parallel()
	fsys := memPortal(t)
	if err := fsys.RemoveAll("/src/content/bao-cao"); err != nil {
		t.Fatal(err)
	}
	res := memBuild(t, fsys, "/out")
	if len(res.Published) != 0 {
		t.Fatalf("%d reports published, want none", len(res.Published))
	}
	files := tree(t, fsys, "/out")
	for _, c := range []struct{ page, hint string }{
		{"nhiem-vu/sap-xep-don-vi-cap-xa/index.html", msg.Get(msg.VI, "cite_hint_none")},
		{"en/nhiem-vu/sap-xep-don-vi-cap-xa/index.html", msg.Get(msg.EN, "cite_hint_none")},
	} {
		page, ok := files[c.page]
		if !ok {
			t.Fatalf("no %s", c.page)
		}
		if !strings.Contains(string(page), html.EscapeString(c.hint)) {
			t.Errorf("%s does not say %q", c.page, c.hint)
		}
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && strings.Contains(string(data), "()") {
			i := strings.Index(string(data), "()")
			t.Errorf("%s holds an empty \"()\": …%s…", name, data[max(0, i-80):i+2])
		}
	}
}
