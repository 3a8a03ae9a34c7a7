package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
)

// longWord is a word longer than any line, with no place a browser may
// break it (no space, hyphen or slash): figures and letters run together,
// as a pasted identifier or a botched copy gives.
var longWord = strings.Repeat("QuyetDinhSo1234QDUBND", 25)

// longWordReport is the approved report the long word is put in.
const longWordReport = "content/bao-cao/2019-H1/so-noi-vu.md"

// longWordPortal copies the repository's portal and puts longWord into a
// task's English title, a milestone's deliverable and an approved report's
// evidence and note (with the report's digest recorded again, as approve
// --amend would), and returns its folder.
func longWordPortal() (string, error) {
	dir := filepath.Join(tmpRoot, "long-words-src")
	for _, d := range []string{"data", "content", "layouts", "static", "i18n"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(repoRoot, d))); err != nil {
			return "", err
		}
	}
	b, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), b, 0o644); err != nil {
		return "", err
	}
	edit := func(file string, pairs ...string) error {
		name := filepath.Join(dir, filepath.FromSlash(file))
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		s := string(b)
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				return fmt.Errorf("%s no longer holds %q", file, pairs[i])
			}
			s = strings.Replace(s, pairs[i], pairs[i+1], 1)
		}
		return os.WriteFile(name, []byte(s), 0o644)
	}
	if err := edit(plan.PlanFile,
		`title_en = "Dissemination, thorough instruction and communication"`, `title_en = "Dissemination `+longWord+`"`,
		`id = "6b"`, `id = "6b"`+"\n  deliverable = \""+longWord+"\""); err != nil {
		return "", err
	}
	if err := edit(longWordReport,
		`evidence = ["`, `evidence = ["`+longWord+`", "`,
		`note = "Chỉ số cải cách hành chính năm 2018`, `note = "`+longWord+` Chỉ số cải cách hành chính năm 2018`,
		`state = "approved"`, `state = "submitted"`); err != nil {
		return "", err
	}
	// The digest leaves the approval out: read it from the report as
	// submitted, then approve it again with it.
	p, err := plan.Load(afero.NewOsFs(), dir)
	if err != nil {
		return "", err
	}
	digest := ""
	for _, r := range p.Reports {
		if filepath.ToSlash(r.File) == longWordReport {
			digest = r.ContentDigest()
		}
	}
	if digest == "" {
		return "", fmt.Errorf("%s did not load", longWordReport)
	}
	name := filepath.Join(dir, filepath.FromSlash(longWordReport))
	b, err = os.ReadFile(name)
	if err != nil {
		return "", err
	}
	s := regexp.MustCompile(`(?m)^digest = ".*"$`).ReplaceAllString(string(b), `digest = "`+digest+`"`)
	s = strings.Replace(s, `state = "submitted"`, `state = "approved"`, 1)
	return dir, os.WriteFile(name, []byte(s), 0o644)
}

// cardsScrollJS lists the scrolling regions of phone-card tables that are
// wider than their box.
const cardsScrollJS = `[...document.querySelectorAll('.table-wrap')].filter(w => w.querySelector('table.cards') && w.scrollWidth > w.clientWidth + 1).map(w => (w.getAttribute('aria-label') || '') + ' ' + w.scrollWidth + '>' + w.clientWidth)`

// TestLongWordsWrap: a word longer than a phone's line, in a report's
// evidence and note, a task's title and a milestone's deliverable, wraps
// where it is shown (fact lists, the phone cards of the tables), so that no
// page scrolls sideways at 375 px (WCAG 1.4.10, reflow).
func TestLongWordsWrap(t *testing.T) {
	browser := newBrowser(t)
	s := getSite(t, "long-words")
	for _, p := range []string{
		"ky-bao-cao/2019-H1/so-noi-vu/",    // the report: evidence and note in its facts
		"en/ky-bao-cao/2019-H1/so-noi-vu/", //
		"en/",                              // the task table, as cards
		"en/nhiem-vu/",                     //
		"en/nhiem-vu/pho-bien-quan-triet-tuyen-truyen/", // the title
		"nhiem-vu/sap-xep-don-vi-cap-xa/",               // the deliverable, the report's note as a source
		"ky-bao-cao/2019-H1/tong-hop/",                  // the summary's share table, as cards
	} {
		t.Run(p, func(t *testing.T) {
			tb := openPage(t, browser, s.url(p), 375)
			tb.rec.settle(3 * time.Second)
			if !eval[bool](t, tb, `document.body.textContent.includes(`+jsString(longWord[:60])+`)`) {
				t.Fatalf("%s does not show the long word", tb.url)
			}
			checkReflow(t, tb)
			// A table that becomes cards on a phone scrolls no more
			// than the page: its region would otherwise hide the
			// card's end, and its status, off to the right.
			for _, w := range eval[[]string](t, tb, cardsScrollJS) {
				t.Errorf("%s: at 375 px the cards scroll sideways: %s", tb.url, w)
			}
		})
	}
}
