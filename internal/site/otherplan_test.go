package site

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/msg"
)

// konTum are the spellings of the Kon Tum portal's name that leaks looks
// for (it compares in lower case): the words and the address's.
var konTum = []string{"Kon Tum", "kontum"}

// konTumLeaks returns the output files under dir that name Kon Tum.
func konTumLeaks(t *testing.T, fsys afero.Fs, dir string) []string {
	t.Helper()
	files := tree(t, fsys, dir)
	if len(files) < 100 {
		t.Fatalf("only %d files built", len(files))
	}
	var out []string
	for _, s := range konTum {
		out = append(out, leaks(files, s)...)
	}
	return out
}

// otherPortal is the test portal (another plan, with agencies of its
// own) with a site.toml that names its own portal: every setting that
// named Kon Tum names it, and it gives no tagline or description of its
// own, so that the pages say the catalogue's defaults.
func otherPortal(t *testing.T) afero.Fs {
	t.Helper()
	fsys := testPortal(t)
	src, err := afero.ReadFile(fsys, "/src/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	own := regexp.MustCompile(`(?m)^(tagline|description) = .*\n`)
	if n := len(own.FindAll(src, -1)); n != 4 {
		t.Fatalf("site.toml has %d tagline and description settings, want 4 (one each per language)", n)
	}
	src = own.ReplaceAll(src, nil)
	named := regexp.MustCompile(`(?mi)^(\w+) = ".*(kon tum|kontum).*"$`)
	src = named.ReplaceAllFunc(src, func(line []byte) []byte {
		key := named.FindSubmatch(line)[1]
		if string(key) == "baseURL" {
			return []byte(`baseURL = "https://minhbach.example.gov.vn/"`)
		}
		return []byte(string(key) + ` = "Bộ Thử nghiệm"`)
	})
	if err := afero.WriteFile(fsys, "/src/site.toml", src, 0o644); err != nil {
		t.Fatal(err)
	}
	return fsys
}

// A portal of another plan says nothing of Kon Tum: built from the test
// portal's data and its own site.toml (otherPortal), no output file, HTML,
// XML, JSON, CSV, SVG, robots.txt or manifest, holds "Kon Tum" or
// "kontum" in any case (the text a card draws is pixels and not read).
// Its pages without a description of their own say the catalogue's
// default naming its plan, and its header the default tagline. The
// counter-test: the same check on the Kon Tum portal's build finds it (on
// the site.toml's words: every page's title, description and tagline).
func TestOtherPlanSaysNothingOfKonTum(t *testing.T) {
	t.Parallel()
	t.Run("other plan", func(t *testing.T) {
		t.Parallel()
		fsys := otherPortal(t)
		memBuild(t, fsys, "/out")
		for _, name := range konTumLeaks(t, fsys, "/out") {
			t.Errorf("%s names Kon Tum", name)
		}
		files := tree(t, fsys, "/out")
		for page, lang := range map[string]msg.Lang{"co-quan/index.html": msg.VI, "en/co-quan/index.html": msg.EN} {
			desc := msg.T(lang, "site_description", map[string]any{"Plan": "Kế hoạch thử nghiệm"})
			for _, want := range []string{
				`<meta name="description" content="` + html.EscapeString(desc) + `">`,
				`<span class="brand-tag">` + html.EscapeString(msg.Get(lang, "tagline")) + `</span>`,
			} {
				if !strings.Contains(string(files[page]), want) {
					t.Errorf("%s does not hold %s", page, want)
				}
			}
		}
	})
	t.Run("Kon Tum, counter-test", func(t *testing.T) {
		t.Parallel()
		fsys := memPortal(t)
		memBuild(t, fsys, "/out")
		found := konTumLeaks(t, fsys, "/out")
		for _, want := range []string{"index.html", "en/index.html", "co-quan/index.html", "robots.txt"} {
			if !strings.Contains("\n"+strings.Join(found, "\n")+"\n", "\n"+want+"\n") {
				t.Errorf("the check does not find Kon Tum in the Kon Tum portal's %s", want)
			}
		}
	})
}
