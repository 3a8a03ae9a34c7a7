package view

import (
	"maps"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
)

// TestPagesInParallel: the languages are made in parallel, but put is
// called one at a time (this sink writes a plain map; go test -race finds
// any overlap) and the files are the same from one run to the next.
func TestPagesInParallel(t *testing.T) {
	p, err := plan.Load(afero.NewOsFs(), "../..")
	if err != nil {
		t.Fatal(err)
	}
	run := func() map[string]string {
		files := map[string]string{}
		m := New(p, plan.Date{}, false)
		m.BasePath = "/"
		if err := m.Pages(func(name string, data []byte) error {
			if _, ok := files[name]; ok {
				t.Errorf("%s made twice", name)
			}
			files[name] = string(data)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return files
	}
	a, b := run(), run()
	if !maps.Equal(a, b) {
		t.Error("two runs of Pages made different files")
	}
	for _, name := range []string{"content/_index.vi.md", "content/_index.en.md", "views/nhiem-vu/_index.vi.json", "data/minhbach.json"} {
		if _, ok := a[name]; !ok {
			t.Errorf("%s not made", name)
		}
	}
}
