package site

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/testportal"
	"github.com/minhbach/minhbach/internal/view"
)

// testPortal is memPortal with the data and reports of internal/testportal
// in place of Kon Tum's.
func testPortal(t *testing.T) afero.Fs {
	t.Helper()
	fsys := memPortal(t)
	if err := fsys.RemoveAll("/src/content/bao-cao"); err != nil {
		t.Fatal(err)
	}
	for name, data := range testportal.Files(testportal.Reports()) {
		if err := afero.WriteFile(fsys, "/src/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

// The Kon Tum portal and the test portal build with no two files at one
// path; and the record the guard keeps is the build: every file claimed
// is in the output, and every file of the output is claimed but Hugo's
// own, static/'s and the manifest. Were the record to put a page where
// Hugo does not, the guard would be watching the wrong paths.
func TestOutputsAreTheBuilds(t *testing.T) {
	for name, fsys := range map[string]afero.Fs{"Kon Tum": memPortal(t), "testportal": testPortal(t)} {
		t.Run(name, func(t *testing.T) {
			res := memBuild(t, fsys, "/out")
			out := tree(t, fsys, "/out")
			static := tree(t, fsys, "/src/static")
			claimed := res.Outputs.Paths()
			for _, p := range claimed {
				if _, ok := out[p]; !ok {
					t.Errorf("%s is claimed, not built", p)
				}
			}
			hugo := []string{"404.html", "en/404.html", "sitemap.xml", "en/sitemap.xml", "vi/sitemap.xml", "robots.txt", "vi/index.html", publish.MarkerName}
			pages := 0
			for p := range out {
				if _, ok := slices.BinarySearch(claimed, p); ok {
					if strings.HasSuffix(p, "/index.html") {
						pages++
					}
					continue
				}
				if _, ok := static[p]; !ok && !slices.Contains(hugo, p) {
					t.Errorf("%s is built, not claimed", p)
				}
			}
			if pages < 50 {
				t.Errorf("only %d pages claimed", pages)
			}
		})
	}
}

// The files Go writes after Hugo are claimed as they are written: one at
// a path already claimed fails (crafted: the site's feed, atom.xml, claimed
// first by another writer; no data can do it), and the counter-test, the
// same jobs without that claim, pass.
func TestGoWrittenFilesAreClaimed(t *testing.T) {
	fsys := memPortal(t)
	p, err := Load(Options{Source: "/src", Fs: fsys})
	if err != nil {
		t.Fatal(err)
	}
	none := func(map[string][]byte) error { return nil }
	for _, crafted := range []bool{false, true} {
		m := view.New(p, plan.Date{}, false)
		if err := generate(m, "https://example.gov.vn/", func(string) {}, func(string, []byte) error { return nil }, discard); err != nil {
			t.Fatal(err)
		}
		if crafted {
			if err := m.Outputs().Claim("atom.xml", view.Writer{Kind: view.WriterData}); err != nil {
				t.Fatal(err)
			}
		}
		err := runJobs(outputJobs(m, m.BaseURL, nil, nil, none), none)
		var ce *view.ClashError
		switch {
		case !crafted && err != nil:
			t.Fatalf("the portal's own files: %v", err)
		case crafted && (!errors.As(err, &ce) || ce.Path != "atom.xml"):
			t.Fatalf("the feed over a claimed file: %v, want a ClashError at atom.xml", err)
		case crafted:
			t.Log(ce.Text(msg.VI))
		}
	}
}
