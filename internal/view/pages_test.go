package view

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
)

// konTumPages presents the repository's own portal and returns what it
// hands on, by path relative to GenDir.
func konTumPages(t *testing.T) map[string][]byte {
	t.Helper()
	p, err := plan.Load(afero.NewOsFs(), "../..")
	if err != nil {
		t.Fatalf("the repository's portal does not load: %v", err)
	}
	files := map[string][]byte{}
	err = New(p, plan.Date{}, false).Pages(func(name string, data []byte) error {
		if _, dup := files[name]; dup {
			t.Errorf("%s is written twice", name)
		}
		files[name] = bytes.Clone(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// viewProblems checks the contract with the templates
// (layouts/_partials/view.html reads .Params.view): every content file
// has a JSON front matter whose view is a file that was handed on, holding
// a JSON object, and every view file belongs to a page. It returns the
// problems and the number of pages of each type.
func viewProblems(files map[string][]byte) (problems []string, types map[string]int) {
	out := &problemList{}
	used := map[string]bool{}
	types = map[string]int{}
	for name, data := range files {
		if !strings.HasPrefix(name, "content/") {
			continue
		}
		front, _, _ := bytes.Cut(data, []byte("\n"))
		var pg struct {
			Title  string `json:"title"`
			Type   string `json:"type"`
			Params struct {
				View string `json:"view"`
			} `json:"params"`
		}
		if err := json.Unmarshal(front, &pg); err != nil {
			out.Errorf("%s: front matter: %v", name, err)
			continue
		}
		if pg.Title == "" {
			out.Errorf("%s has no title", name)
		}
		types[pg.Type]++
		view, ok := strings.CutPrefix(pg.Params.View, GenDir+"/")
		if !ok {
			out.Errorf("%s: view %q is not under %s/", name, pg.Params.View, GenDir)
			continue
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(files[view], &obj); err != nil {
			out.Errorf("%s: its view %s is not a JSON object: %v", name, view, err)
		}
		used[view] = true
	}
	for name := range files {
		if strings.HasPrefix(name, ViewDir) && !used[name] {
			out.Errorf("%s belongs to no page", name)
		}
	}
	return out.list, types
}

// problemList collects problems as a test would report them.
type problemList struct{ list []string }

func (p *problemList) Errorf(format string, args ...any) {
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

func TestEveryPageNamesItsView(t *testing.T) {
	files := konTumPages(t)
	problems, types := viewProblems(files)
	for _, p := range problems {
		t.Error(p)
	}
	// Every page type is there, in both languages (the home page has no
	// type of its own).
	var got []string
	for ty := range types {
		got = append(got, ty)
	}
	sort.Strings(got)
	for _, ty := range []string{"", "agencies", "agency", "opendata", "period", "periods", "plan", "report", "search", "task", "tasks", "timeline"} {
		if types[ty] < 2 || types[ty]%2 != 0 {
			t.Errorf("page type %q: %d pages, want some in each language (types: %v)", ty, types[ty], got)
		}
	}
	if _, ok := files["data/minhbach.json"]; !ok {
		t.Error("no site data (data/minhbach.json)")
	}

	// The counter-test: a page whose view is missing, and a view no page
	// names, are found.
	var page, view string
	for name := range files {
		if strings.HasPrefix(name, "content/nhiem-vu/") && page == "" {
			page = name
		}
	}
	front, _, _ := bytes.Cut(files[page], []byte("\n"))
	var pg struct {
		Params struct {
			View string `json:"view"`
		} `json:"params"`
	}
	if err := json.Unmarshal(front, &pg); err != nil {
		t.Fatal(err)
	}
	view = strings.TrimPrefix(pg.Params.View, GenDir+"/")
	files[ViewDir+"orphan.vi.json"] = []byte("{}")
	delete(files, view)
	problems, _ = viewProblems(files)
	if len(problems) != 2 {
		t.Errorf("without %s and with an orphan view, the check found %q; want 2 problems", view, problems)
	}
}
