package publish

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/realpath"
)

// portal makes, in a temporary folder of the operating system, a portal
// (portal/ with the folders minhbach reads), a user's folder beside it,
// a previous build, links, and returns the root.
func portal(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"portal/site.toml":                      "title = 'x'",
		"portal/data/plan.toml":                 "title = 'x'",
		"portal/content/bao-cao/2018-H1/a.md":   "+++\n+++",
		"portal/layouts/home.html":              "x",
		"portal/static/style.css":               "x",
		"portal/i18n/vi.toml":                   "x",
		"desktop/notes.txt":                     "mine",
		"portal/public/index.html":              "old site",
		"portal/backup/index.html":              "someone's",
		"elsewhere/data/plan.toml":              "x",
		"portal2/site.toml":                     "x",
		"portal/file.txt":                       "a file",
		"portal/empty/.keep-me-not-a-dir/x.txt": "x",
	}
	for name, data := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.RemoveAll(filepath.Join(root, "portal/empty"))
	os.MkdirAll(filepath.Join(root, "portal/empty"), 0o755)
	// The previous build carries the marker listing its one file.
	m := &Manifest{Complete: true, Files: []File{{Path: "index.html", Size: 8, SHA256: sha("old site")}}}
	os.WriteFile(filepath.Join(root, "portal/public", MarkerName), m.Encode(), 0o644)
	links := map[string]string{
		"portal/to-data":     "data",
		"portal/to-content":  filepath.Join(root, "portal/content"),
		"portal/to-desktop":  "../desktop",
		"portal/to-public":   "public",
		"portal/to-empty":    "empty",
		"portal/to-file":     "file.txt",
		"portal/to-nowhere":  "not-yet",
		"portal/to-portal":   ".",
		"portal/up":          "..",
		"portal/loop":        "loop",
		"portal/out/site":    "../public",
		"desktop/to-portal":  "../portal",
		"portal/data-linked": "../elsewhere/data",
		"portal2/data":       "../elsewhere/data",
	}
	for name, target := range links {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func sha(s string) string {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/f", []byte(s), 0o644)
	h, _ := hashFile(fsys, "/f")
	return h
}

func TestDestinationRules(t *testing.T) {
	root := portal(t)
	src := filepath.Join(root, "portal")
	cases := []struct {
		dest string // relative to the portal, or absolute when it starts with /
		key  string // "" when accepted
		real string // the folder replaced, relative to root, when accepted
	}{
		// Accepted: new, empty, a previous build, through links.
		{"public", "", "portal/public"},
		{"new", "", "portal/new"},
		{"new/deeper/site", "", "portal/new/deeper/site"},
		{"empty", "", "portal/empty"},
		{"to-public", "", "portal/public"},
		{"to-empty", "", "portal/empty"},
		{"to-nowhere", "", "portal/not-yet"},
		{"out/site", "", "portal/public"},
		{"data/../public", "", "portal/public"},
		{"../outside", "", "outside"},
		// The portal and above it.
		{".", "publish.isSource", ""},
		{"", "publish.isSource", ""},
		{"to-portal", "publish.isSource", ""},
		{"content/..", "publish.isSource", ""},
		{"to-data/..", "publish.isSource", ""},
		{"..", "publish.aboveSource", ""},
		{"up", "publish.aboveSource", ""},
		{"/", "publish.aboveSource", ""},
		{"../desktop/..", "publish.aboveSource", ""},
		// The folders minhbach reads, inside them, and links to them.
		{"content", "publish.readFolder", ""},
		{"data", "publish.readFolder", ""},
		{"layouts", "publish.readFolder", ""},
		{"static", "publish.readFolder", ""},
		{"i18n", "publish.readFolder", ""},
		{"content/bao-cao/2018-H1", "publish.readFolder", ""},
		{"content/bao-cao/new-period", "publish.readFolder", ""},
		{"to-data", "publish.readFolder", ""},
		{"to-content/bao-cao", "publish.readFolder", ""},
		{"./public/../data", "publish.readFolder", ""},
		{"../elsewhere/data", "publish.notOurs", ""}, // not read by this portal
		{"data-linked", "publish.notOurs", ""},
		// A portal whose data/ is a link: its target is read.
		{"@../elsewhere/data", "publish.readFolder", ""},
		{"@../portal/data-linked", "publish.readFolder", ""},
		{"@data", "publish.readFolder", ""},
		{"@../elsewhere", "publish.notOurs", ""},
		// Someone else's folder, and files.
		{"../desktop", "publish.notOurs", ""},
		{"to-desktop", "publish.notOurs", ""},
		{"backup", "publish.notOurs", ""},
		{"file.txt", "publish.notFolder", ""},
		{"to-file", "publish.notFolder", ""},
		{"site.toml", "publish.notFolder", ""},
		{"loop", "publish.cannotRead", ""},
	}
	osfs := afero.NewOsFs()
	for _, c := range cases {
		t.Run(c.dest, func(t *testing.T) {
			dest, src := c.dest, src
			if d, ok := strings.CutPrefix(dest, "@"); ok {
				dest, src = d, filepath.Join(root, "portal2")
			}
			if !strings.HasPrefix(dest, "/") {
				dest = src + string(filepath.Separator) + filepath.FromSlash(dest)
			}
			before := snapshot(t, root)
			tg, err := Begin(context.Background(), osfs, Options{Source: src, Dest: dest, Shown: strings.TrimPrefix(c.dest, "@")})
			if c.key == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				defer tg.Abort()
				if want := filepath.Join(root, filepath.FromSlash(c.real)); tg.Real() != want {
					t.Errorf("replaces %s, want %s", tg.Real(), want)
				}
				if filepath.Dir(tg.Dir()) != filepath.Dir(tg.Real()) {
					t.Errorf("temporary folder %s is not beside %s", tg.Dir(), tg.Real())
				}
				if _, err := ReadManifest(osfs, tg.Dir()); err != nil {
					t.Errorf("the temporary folder has no marker: %v", err)
				}
				return
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("accepted (err %v), want %s", err, c.key)
			}
			if pe.Key != c.key {
				t.Errorf("refused with %s (%v), want %s", pe.Key, err, c.key)
			}
			if c.key != "publish.cannotRead" && !strings.Contains(pe.Text(msg.VI), strings.TrimPrefix(c.dest, "@")) {
				t.Errorf("the message does not name %q: %s", c.dest, pe.Text(msg.VI))
			}
			if after := snapshot(t, root); strings.Join(after, "\n") != strings.Join(before, "\n") {
				t.Errorf("a refusal changed the files:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
}

// snapshot lists every path under root with its content or link target.
func snapshot(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			out = append(out, rel+" -> "+target)
		case info.IsDir():
			out = append(out, rel+"/")
		default:
			data, _ := os.ReadFile(p)
			out = append(out, rel+" = "+string(data))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func TestResolve(t *testing.T) {
	root := portal(t)
	osfs := afero.NewOsFs()
	// Not filepath.Join, which would take ".." before the links.
	p := func(s string) string { return root + string(filepath.Separator) + filepath.FromSlash(s) }
	cases := []struct{ in, want string }{
		{"portal/public", "portal/public"},
		{"portal/to-public", "portal/public"},
		{"portal/to-data/../public", "portal/public"},   // ".." after the link's target
		{"portal/up/desktop", "desktop"},                // a link to ".."
		{"portal/out/site/../data", "portal/data"},      // through two links
		{"desktop/to-portal/content", "portal/content"}, // an absolute-free relative link
		{"portal/to-nowhere/a/b", "portal/not-yet/a/b"}, // a dangling link, then missing parts
		{"portal/missing/../data", "portal/data"},       // missing parts are cleaned
		{"portal/to-content/bao-cao", "portal/content/bao-cao"},
	}
	for _, c := range cases {
		got, err := realpath.Resolve(osfs, p(c.in))
		if err != nil {
			t.Errorf("Resolve(%s): %v", c.in, err)
			continue
		}
		if got != filepath.Clean(p(c.want)) {
			t.Errorf("Resolve(%s) = %s, want %s", c.in, got, p(c.want))
		}
	}
	if _, err := realpath.Resolve(osfs, p("portal/loop/x")); err == nil {
		t.Error("a link to itself resolved")
	}
}

// A previous build with a file added, changed or replaced since is not
// minhbach's own any more.
func TestChangedBuildIsRefused(t *testing.T) {
	cases := []struct {
		name   string
		change func(fsys afero.Fs)
		ok     bool
	}{
		{"unchanged", func(afero.Fs) {}, true},
		{"file deleted", func(fsys afero.Fs) { fsys.Remove("/out/a.html") }, true},
		{"file added", func(fsys afero.Fs) { afero.WriteFile(fsys, "/out/CNAME", []byte("x"), 0o644) }, false},
		{"file added in a folder", func(fsys afero.Fs) { afero.WriteFile(fsys, "/out/sub/x/y.txt", []byte("x"), 0o644) }, false},
		{"same size, other bytes", func(fsys afero.Fs) { afero.WriteFile(fsys, "/out/a.html", []byte("AAAA"), 0o644) }, false},
		{"other size", func(fsys afero.Fs) { afero.WriteFile(fsys, "/out/a.html", []byte("aaaaa"), 0o644) }, false},
		{"empty folder added", func(fsys afero.Fs) { fsys.MkdirAll("/out/new", 0o755) }, true},
		{"a file manager's caches", func(fsys afero.Fs) {
			afero.WriteFile(fsys, "/out/.DS_Store", []byte("x"), 0o644)
			afero.WriteFile(fsys, "/out/sub/Thumbs.db", []byte("x"), 0o644)
			afero.WriteFile(fsys, "/out/sub/desktop.ini", []byte("x"), 0o644)
		}, true},
		{"a file inside a folder named like a cache", func(fsys afero.Fs) { afero.WriteFile(fsys, "/out/.DS_Store/x.txt", []byte("x"), 0o644) }, false},
		{"a cache-like name that is not one", func(fsys afero.Fs) { afero.WriteFile(fsys, "/out/my.DS_Store", []byte("x"), 0o644) }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			afero.WriteFile(fsys, "/src/data/plan.toml", []byte("x"), 0o644)
			afero.WriteFile(fsys, "/out/a.html", []byte("aaaa"), 0o644)
			afero.WriteFile(fsys, "/out/sub/b.html", []byte("bb"), 0o644)
			m := &Manifest{Complete: true, Files: []File{{"a.html", 4, sha("aaaa")}, {"sub/b.html", 2, sha("bb")}}}
			afero.WriteFile(fsys, "/out/"+MarkerName, m.Encode(), 0o644)
			c.change(fsys)
			tg, err := Begin(context.Background(), fsys, Options{Source: "/src", Dest: "/out"})
			if c.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				tg.Abort()
				return
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.Key != "publish.changed" {
				t.Fatalf("got %v, want publish.changed", err)
			}
		})
	}
}

func TestMarkers(t *testing.T) {
	cases := []struct {
		name, marker string
		key          string
	}{
		{"valid", `{"format": "minhbach-manifest/1", "complete": true, "files": []}`, ""},
		{"incomplete (a temporary folder renamed)", `{"format": "minhbach-manifest/1"}`, ""},
		{"other format", `{"format": "other"}`, "publish.badMarker"},
		{"not JSON", `<html>`, "publish.badMarker"},
		{"empty", ``, "publish.badMarker"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			afero.WriteFile(fsys, "/out/"+MarkerName, []byte(c.marker), 0o644)
			tg, err := Begin(context.Background(), fsys, Options{Source: "/src", Dest: "/out"})
			if c.key == "" {
				if err != nil {
					t.Fatal(err)
				}
				tg.Abort()
				return
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.Key != c.key {
				t.Fatalf("got %v, want %s", err, c.key)
			}
		})
	}
}

func TestManifestIsDeterministic(t *testing.T) {
	a := &Manifest{Complete: true,
		Tasks:    []Page{{ID: "b", Number: 2, URL: "nhiem-vu/b/", Aliases: []string{"z", "y"}}, {ID: "a", Number: 1, URL: "nhiem-vu/a/"}},
		Agencies: []Page{{ID: "so-noi-vu", URL: "co-quan/so-noi-vu/"}},
		Files:    []File{{"z.html", 1, "00"}, {"a.html", 2, "11"}}}
	b := &Manifest{Complete: true,
		Tasks:    []Page{{ID: "a", Number: 1, URL: "nhiem-vu/a/"}, {ID: "b", Number: 2, URL: "nhiem-vu/b/", Aliases: []string{"y", "z"}}},
		Agencies: []Page{{ID: "so-noi-vu", URL: "co-quan/so-noi-vu/"}},
		Files:    []File{{"a.html", 2, "11"}, {"z.html", 1, "00"}}}
	if string(a.Encode()) != string(b.Encode()) {
		t.Errorf("the same manifest encodes differently:\n%s\n%s", a.Encode(), b.Encode())
	}
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/out/"+MarkerName, a.Encode(), 0o644)
	got, err := ReadManifest(fsys, "/out")
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Encode()) != string(a.Encode()) {
		t.Errorf("read back differently: %s", got.Encode())
	}
}

func TestCompare(t *testing.T) {
	prev := &Manifest{
		Tasks:    []Page{{ID: "a", Number: 1}, {ID: "b", Number: 2, Aliases: []string{"old-b"}}},
		Agencies: []Page{{ID: "so-noi-vu"}, {ID: "cac-huyen"}},
	}
	cases := []struct {
		name            string
		tasks, agencies []Page
		want            []Gone
	}{
		{"same", prev.Tasks, prev.Agencies, nil},
		{"added pages", append(prev.Tasks, Page{ID: "c", Number: 3}), append(prev.Agencies, Page{ID: "x"}), nil},
		{"renamed with alias", []Page{{ID: "a2", Number: 1, Aliases: []string{"a"}}, prev.Tasks[1]}, prev.Agencies, nil},
		{"renamed without alias", []Page{{ID: "a2", Number: 1}, prev.Tasks[1]}, prev.Agencies,
			[]Gone{{Kind: "task", ID: "a", Number: 1, Now: "a2"}}},
		{"an alias dropped", []Page{prev.Tasks[0], {ID: "b", Number: 2}}, prev.Agencies,
			[]Gone{{Kind: "task", ID: "old-b", Number: 2, Now: "b"}}},
		{"task gone", []Page{prev.Tasks[1]}, prev.Agencies, []Gone{{Kind: "task", ID: "a", Number: 1}}},
		{"agency renamed without alias", prev.Tasks, []Page{{ID: "so-nv"}, {ID: "cac-huyen"}}, []Gone{{Kind: "agency", ID: "so-noi-vu"}}},
		{"agency renamed with alias", prev.Tasks, []Page{{ID: "so-nv", Aliases: []string{"so-noi-vu"}}, {ID: "cac-huyen"}}, nil},
		{"a task slug does not keep an agency's address", append(prev.Tasks, Page{ID: "so-noi-vu", Number: 9}), []Page{{ID: "cac-huyen"}},
			[]Gone{{Kind: "agency", ID: "so-noi-vu"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Compare(prev, c.tasks, c.agencies)
			if len(got) != len(c.want) {
				t.Fatalf("gone = %+v, want %+v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("gone[%d] = %+v, want %+v", i, got[i], c.want[i])
				}
			}
		})
	}
	// Begin refuses with the list, before creating anything.
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/out/"+MarkerName, (&Manifest{Complete: true, Tasks: prev.Tasks, Agencies: prev.Agencies}).Encode(), 0o644)
	_, err := Begin(context.Background(), fsys, Options{Source: "/src", Dest: "/out", Tasks: []Page{{ID: "a2", Number: 1}, prev.Tasks[1]}, Agencies: prev.Agencies})
	var le *LinksError
	if !errors.As(err, &le) || len(le.Gone) != 1 {
		t.Fatalf("got %v, want a LinksError", err)
	}
	if text := le.Text(msg.EN); !strings.Contains(text, `add aliases = ["a"] to task 1`) {
		t.Errorf("message: %s", text)
	}
	if entries, _ := afero.ReadDir(fsys, "/"); len(entries) != 1 {
		t.Errorf("the refusal created folders: %v", names(entries))
	}
}

func names(es []os.FileInfo) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestEmptyFolders(t *testing.T) {
	cases := []struct {
		name  string
		files []string
		ok    bool
	}{
		{"empty", nil, true},
		{"only a file manager's cache", []string{".DS_Store", "Thumbs.db"}, true},
		{"a cache and a file", []string{".DS_Store", "notes.txt"}, false},
		{"a hidden file", []string{".htaccess"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			fsys.MkdirAll("/out", 0o755)
			for _, f := range c.files {
				afero.WriteFile(fsys, "/out/"+f, []byte("x"), 0o644)
			}
			tg, err := Begin(context.Background(), fsys, Options{Source: "/src", Dest: "/out"})
			if c.ok {
				if err != nil {
					t.Fatal(err)
				}
				tg.Abort()
				return
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.Key != "publish.notOurs" {
				t.Fatalf("got %v, want publish.notOurs", err)
			}
		})
	}
}
