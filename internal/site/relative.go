package site

import (
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/afero"
)

// linkAttr finds the attributes that hold a site link written
// root-relative ("/nhiem-vu/x/").
var linkAttr = regexp.MustCompile(`\b(href|src|data-index|data-base)="(/[^"]*)"`)

// refresh finds the target of a redirecting page's meta refresh, which Hugo
// writes absolute (the /vi/ page, aliases).
var refresh = regexp.MustCompile(`(http-equiv="refresh" content="\d+; url=)([^"]*)"`)

// relativize rewrites every root-relative link to the site (under base,
// the path of the base URL such as "/" or "/minhbach/") in the HTML pages
// under dir into a link relative to the page, pointing at index.html for
// folders, so that the site works opened from a plain folder (file://),
// where a browser neither resolves "/" to the site's root nor a folder to
// its index.html. Hugo's relativeURLs does the first half only. Absolute
// URLs (canonical, Open Graph, feeds, sitemap) stay absolute, except the
// target of a meta refresh under siteURL (the base URL), so that a redirect
// such as /vi/ stays inside the folder.
func relativize(fsys afero.Fs, dir, base, siteURL string) error {
	siteURL = strings.TrimSuffix(siteURL, "/") + "/"
	return afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		pageDir := path.Dir("/" + filepath.ToSlash(rel))
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		out := linkAttr.ReplaceAllStringFunc(string(data), func(m string) string {
			sub := linkAttr.FindStringSubmatch(m)
			target, ok := strings.CutPrefix(sub[2], base)
			if !ok && sub[2]+"/" != base {
				return m // not a link into the site
			}
			out := sub[1] + `="` + relativeLink(pageDir, "/"+target, sub[1] == "href") + `"`
			if sub[1] == "data-base" {
				// The search client links results to folders under
				// data-base: tell it to name their index.html.
				out += ` data-folder-index="index.html"`
			}
			return out
		})
		out = refresh.ReplaceAllStringFunc(out, func(m string) string {
			sub := refresh.FindStringSubmatch(m)
			target, ok := strings.CutPrefix(sub[2], siteURL)
			if !ok {
				if target, ok = strings.CutPrefix(sub[2], base); !ok {
					return m // another site
				}
			}
			return sub[1] + relativeLink(pageDir, "/"+target, true) + `"`
		})
		return afero.WriteFile(fsys, p, []byte(out), 0o644)
	})
}

// relativeLink returns target (root-relative, with an optional #fragment or
// ?query) relative to the folder from; with index, a folder target gets
// index.html.
func relativeLink(from, target string, index bool) string {
	if strings.HasPrefix(target, "//") {
		return target // another host
	}
	suffix := ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target, suffix = target[:i], target[i:]
	}
	folder := strings.HasSuffix(target, "/")
	r, err := filepath.Rel(filepath.FromSlash(from), filepath.FromSlash(path.Clean(target)))
	if err != nil {
		return target + suffix
	}
	r = filepath.ToSlash(r)
	if folder {
		if index {
			if r == "." {
				r = "index.html"
			} else {
				r += "/index.html"
			}
		} else if r == "." {
			r = "./"
		} else {
			r += "/"
		}
	}
	return r + suffix
}
