package reportfile

import (
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
)

func TestKeep(t *testing.T) {
	t.Parallel()
	fs := afero.NewMemMapFs()
	r := &plan.Report{File: "content/bao-cao/2018-H1/so-noi-vu.md", Agency: "so-noi-vu", Period: "2018-H1",
		Approval: plan.Approval{State: plan.Approved, ApprovedOn: plan.NewDate(2018, 6, 25)}}
	write := func(name, text string) {
		t.Helper()
		if err := afero.WriteFile(fs, "/p/"+name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		t.Helper()
		b, err := afero.ReadFile(fs, "/p/"+name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	write(r.File, "v1")
	for i, c := range []struct{ text, want string }{
		{"v1", "ban-luu/bao-cao/2018-H1/so-noi-vu-2018-06-25.md"},
		{"v1", "ban-luu/bao-cao/2018-H1/so-noi-vu-2018-06-25.md"}, // the same bytes: the same copy
		{"v2", "ban-luu/bao-cao/2018-H1/so-noi-vu-2018-06-25-2.md"},
		{"v3", "ban-luu/bao-cao/2018-H1/so-noi-vu-2018-06-25-3.md"},
		{"v2", "ban-luu/bao-cao/2018-H1/so-noi-vu-2018-06-25-2.md"},
	} {
		write(r.File, c.text)
		got, err := Keep(fs, "/p", r)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want || read(got) != c.text {
			t.Errorf("%d: kept %s (%q), want %s (%q)", i, got, read(got), c.want, c.text)
		}
	}
	// No earlier copy was overwritten.
	if read("ban-luu/bao-cao/2018-H1/so-noi-vu-2018-06-25.md") != "v1" || read("ban-luu/bao-cao/2018-H1/so-noi-vu-2018-06-25-2.md") != "v2" {
		t.Error("an earlier copy changed")
	}
	// A read-only portal: an error, nothing half written.
	ro := afero.NewReadOnlyFs(fs)
	write(r.File, "v4")
	if _, err := Keep(ro, "/p", r); err == nil {
		t.Error("Keep wrote into a read-only portal")
	}
}
