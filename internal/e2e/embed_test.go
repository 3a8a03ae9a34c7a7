package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// embedInfo is what embedJS finds in a task page's embed block.
type embedInfo struct {
	Fields []struct {
		ID      string `json:"id"`
		Value   string `json:"value"`
		Visible bool   `json:"visible"`
		Label   string `json:"label"`
	} `json:"fields"`
	Buttons []struct {
		Visible bool   `json:"visible"`
		Text    string `json:"text"`
		Done    string `json:"done"`
	} `json:"buttons"`
	Images   int      `json:"images"`
	Headings []string `json:"headings"`
}

const embedJS = `(() => {` + jsHelpers + `
  const out = {fields: [], buttons: [], images: 0, headings: []};
  for (const f of document.querySelectorAll('.embed textarea')) {
    const l = document.querySelector('label[for="' + f.id + '"]');
    out.fields.push({id: f.id, value: f.value, visible: __vis(f) && f.readOnly, label: l ? l.innerText.trim() : ''});
  }
  for (const b of document.querySelectorAll('.embed button.copy-button')) {
    out.buttons.push({visible: __vis(b), text: b.innerText.trim(), done: b.getAttribute('data-done')});
  }
  out.images = [...document.querySelectorAll('.embed img.badge')].filter(i => i.complete && i.naturalWidth > 0).length;
  out.headings = [...document.querySelectorAll('.embed h4')].map(h => h.innerText.trim());
  return out;
})()`

// TestEmbedCopy: on a task page, in both languages at 375 and 1280 px,
// the embed block shows the live and the frozen badge with their codes in
// readonly fields; with JavaScript each field has a copy button, which
// copies its code to the clipboard when clicked or pressed with Enter and
// says so in its live region. With JavaScript disabled the codes are still
// shown, selectable, and no button is (it would do nothing).
func TestEmbedCopy(t *testing.T) {
	b := newBrowser(t)
	s := rootSite(t)
	const task = "nhiem-vu/sap-xep-don-vi-cap-xa/"
	for _, l := range languages {
		for _, width := range []int64{1280, 375} {
			t.Run(fmt.Sprintf("%s/%d", l.code, width), func(t *testing.T) {
				tb := openPage(t, b, s.url(l.prefix+task), width)
				if _, err := chromedp.Call(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
					Permission: &browser.PermissionDescriptor{Name: "clipboard-read"}, Setting: browser.PermissionSettingGranted, Origin: s.origin,
				}); err != nil {
					t.Fatalf("granting clipboard-read: %v", err)
				}
				if !waitFor(t, tb, `[...document.querySelectorAll('.embed button.copy-button')].every(b => !b.hidden) && document.querySelectorAll('.embed button.copy-button').length === 2`, 5*time.Second) {
					t.Fatal("the two copy buttons are not shown with JavaScript")
				}
				info := eval[embedInfo](t, tb, embedJS)
				checkEmbed(t, tb.url, info)
				for i, bt := range info.Buttons {
					if !bt.Visible || bt.Text == "" || bt.Done == "" {
						t.Errorf("%s: copy button %d: %+v", tb.url, i, bt)
					}
				}
				for i, f := range info.Fields {
					id := f.ID
					button := chromedp.CSS(fmt.Sprintf(`button[data-copy="%s"]`, id))
					ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
					// A clean clipboard and live region first, so that what
					// is read after is what the button did.
					eval[bool](t, tb, `(document.querySelectorAll('.copy-status').forEach(s => s.textContent = ''), true)`)
					var err error
					if i == 0 {
						err = chromedp.Do(ctx, chromedp.Click(button))
					} else {
						err = chromedp.Do(ctx, chromedp.Focus(button), chromedp.KeyEvent(kb.Enter))
					}
					cancel()
					if err != nil {
						t.Fatalf("pressing the copy button of %s: %v", id, err)
					}
					status := fmt.Sprintf(`document.querySelector('#%s').closest('.embed').querySelector('.copy-status')`, id)
					if !waitFor(t, tb, status+`.textContent === `+jsString(info.Buttons[i].Done), 3*time.Second) {
						t.Errorf("%s: after copying %s the live region says %q, want %q", tb.url, id, eval[string](t, tb, status+`.textContent`), info.Buttons[i].Done)
					}
					if live := eval[string](t, tb, status+`.getAttribute('aria-live')`); live != "polite" {
						t.Errorf("%s: the status of %s has aria-live=%q", tb.url, id, live)
					}
					ctx, cancel = context.WithTimeout(tb.ctx, 10*time.Second)
					got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
					cancel()
					if err != nil {
						t.Errorf("%s: reading the clipboard: %v", tb.url, err)
					} else if got != f.Value {
						t.Errorf("%s: the clipboard holds %q, want the code of %s %q", tb.url, shorten(got, 200), id, shorten(f.Value, 200))
					}
				}
				// Without JavaScript: a new tab with scripts disabled
				// before the page loads.
				ctx, cancel := chromedp.NewContext(b)
				defer cancel()
				rec := newRecorder()
				if err := chromedp.Listen(ctx, rec.handle); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Do(ctx, viewport(width)); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
					t.Fatalf("disabling JavaScript: %v", err)
				}
				nctx, ncancel := context.WithTimeout(ctx, 30*time.Second)
				resp, err := chromedp.RunResponse(nctx, chromedp.Navigate(s.url(l.prefix+task)))
				ncancel()
				if err != nil {
					t.Fatal(err)
				}
				noJS := &tab{ctx: ctx, rec: rec, url: tb.url + " (no JavaScript)", resp: resp}
				// The evaluations below run through the protocol, which
				// disabling the page's scripts does not stop; the page's
				// own copy.js did not run, as its buttons show.
				info = eval[embedInfo](t, noJS, embedJS)
				checkEmbed(t, noJS.url, info)
				for i, bt := range info.Buttons {
					if bt.Visible {
						t.Errorf("%s: copy button %d is shown without JavaScript, where it cannot work", noJS.url, i)
					}
				}
			})
		}
	}
}

// checkEmbed checks what the embed block shows with or without JavaScript:
// the two kinds, named; both badges loaded; both codes in visible readonly
// fields with a label, each code an <a> with the badge's <img> and its alt.
func checkEmbed(t *testing.T, url string, info embedInfo) {
	t.Helper()
	if len(info.Headings) != 2 || len(info.Fields) != 2 || len(info.Buttons) != 2 {
		t.Fatalf("%s: the embed block has %d headings, %d fields, %d buttons; want 2 of each: %+v", url, len(info.Headings), len(info.Fields), len(info.Buttons), info)
	}
	if info.Images != 2 {
		t.Errorf("%s: %d of the 2 badges loaded", url, info.Images)
	}
	wants := []string{"/badge.svg", "/badge-2019-H1.svg"}
	for i, f := range info.Fields {
		if !f.Visible || f.Label == "" {
			t.Errorf("%s: the code %s is not shown in a labelled readonly field: %+v", url, f.ID, f)
		}
		if !strings.HasPrefix(f.Value, `<a href="`) || !strings.Contains(f.Value, wants[i]+`" alt="`) {
			t.Errorf("%s: the code %s is %q, want a link with the badge %s", url, f.ID, f.Value, wants[i])
		}
	}
	if info.Headings[0] == info.Headings[1] || !strings.Contains(info.Headings[1], "2019") {
		t.Errorf("%s: the two kinds are not named apart: %q", url, info.Headings)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`)
	return "'" + r.Replace(s) + "'"
}
