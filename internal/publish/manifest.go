package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"
)

// MarkerName is the file, at the top of every folder minhbach builds, that
// proves the folder is minhbach's own and holds the build's manifest. It is
// published with the site (it says nothing that the site does not).
const MarkerName = "minhbach-manifest.json"

// Format names the manifest's format and version; a marker whose format is
// different is not minhbach's.
const Format = "minhbach-manifest/1"

// Manifest is what MarkerName holds: every file of the build with its size
// and SHA-256, and the public addresses of the pages that other sites link
// to, so that the next build can tell when one would disappear.
type Manifest struct {
	Format string `json:"format"`
	// Complete is false while the build is being written: a folder with an
	// incomplete manifest is a temporary folder of minhbach's.
	Complete bool `json:"complete"`
	// Tasks and Agencies are the task pages and agency (or group) pages.
	Tasks    []Page `json:"tasks"`
	Agencies []Page `json:"agencies"`
	// Files are every file of the build but the manifest itself, by path.
	Files []File `json:"files"`
}

// Page is a page with a stable public address: a task (ID is its slug) or
// an agency or group (ID is its id). Aliases are former ids whose
// addresses redirect to it.
type Page struct {
	ID      string   `json:"id"`
	Number  int      `json:"number,omitempty"` // a task's number
	URL     string   `json:"url"`              // relative to the site's root
	Aliases []string `json:"aliases,omitempty"`
}

// File is one file of a build: its path with slashes, relative to the
// output folder, its size in bytes and its SHA-256 in hex.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Encode returns the manifest as JSON: the same manifest always gives the
// same bytes.
func (m *Manifest) Encode() []byte {
	c := *m
	c.Format = Format
	c.Tasks, c.Agencies, c.Files = sortedPages(m.Tasks), sortedPages(m.Agencies), append([]File(nil), m.Files...)
	sort.Slice(c.Files, func(i, j int) bool { return c.Files[i].Path < c.Files[j].Path })
	if c.Files == nil {
		c.Files = []File{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	_ = enc.Encode(&c) // only strings, numbers and slices: cannot fail
	return buf.Bytes()
}

func sortedPages(ps []Page) []Page {
	out := make([]Page, 0, len(ps))
	for _, p := range ps {
		p.Aliases = append([]string(nil), p.Aliases...)
		sort.Strings(p.Aliases)
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// errNoMarker is returned by ReadManifest for a folder without a marker.
var errNoMarker = errors.New("no " + MarkerName)

// maxManifest bounds the size of a marker that is read: a national portal
// has a few hundred thousand files, well under this.
const maxManifest = 256 << 20

// ReadManifest reads the marker of the folder dir. It returns errNoMarker
// when there is none, and an error when the file is not a manifest of
// minhbach's.
func ReadManifest(fsys afero.Fs, dir string) (*Manifest, error) {
	name := filepath.Join(dir, MarkerName)
	info, err := lstat(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNoMarker
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a plain file", MarkerName)
	}
	if info.Size() > maxManifest {
		return nil, fmt.Errorf("%s is too large to be a manifest", MarkerName)
	}
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s is not a manifest: %v", MarkerName, err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("%s has format %q, not %q", MarkerName, m.Format, Format)
	}
	return &m, nil
}

// Walk calls fn for every entry under dir that is not a folder (links
// included, not followed), in lexical order, but the marker: rel is its
// slash path relative to dir, name its path in fsys. An error of fn, or of
// reading a folder, stops the walk and is returned.
func Walk(fsys afero.Fs, dir string, fn func(rel, name string, info fs.FileInfo) error) error {
	return afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == MarkerName {
			return nil
		}
		return fn(rel, p, info)
	})
}

// scan lists the files under dir as Walk visits them. With hashes, each
// file's SHA-256 is computed.
func scan(fsys afero.Fs, dir string, hashes bool) ([]File, error) {
	var files []File
	err := Walk(fsys, dir, func(rel, p string, info fs.FileInfo) (err error) {
		f := File{Path: rel, Size: info.Size()}
		if !info.Mode().IsRegular() {
			f.SHA256 = "not a plain file: " + info.Mode().Type().String()
			files = append(files, f)
			return nil
		}
		if hashes {
			if f.SHA256, err = hashFile(fsys, p); err != nil {
				return err
			}
		}
		files = append(files, f)
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, err
}

func hashFile(fsys afero.Fs, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// foreign returns the files under dir that the manifest m does not list
// as they are: added, changed or replaced since minhbach wrote them
// (compared by size, and with hashes by SHA-256 too). At most limit are
// returned, and whether there were more.
func foreign(fsys afero.Fs, dir string, m *Manifest, limit int, hashes bool) ([]string, bool, error) {
	files, err := scan(fsys, dir, false)
	if err != nil {
		return nil, false, err
	}
	known := make(map[string]File, len(m.Files))
	for _, f := range m.Files {
		known[f.Path] = f
	}
	var out []string
	for _, f := range files {
		if OSCache(f.Path) {
			continue
		}
		k, ok := known[f.Path]
		if ok && k.Size == f.Size && !strings.HasPrefix(f.SHA256, "not a plain file") {
			if !hashes {
				continue
			}
			h, err := hashFile(fsys, filepath.Join(dir, filepath.FromSlash(f.Path)))
			if err != nil {
				return nil, false, err
			}
			if h == k.SHA256 {
				continue
			}
		}
		if len(out) == limit {
			return out, true, nil
		}
		out = append(out, f.Path)
	}
	return out, false, nil
}

// osCaches are the files that file managers leave in every folder they
// show (Finder's .DS_Store, Explorer's Thumbs.db and desktop.ini): caches
// the system remakes, not anybody's work. A folder holding only these
// counts as empty, and a previous build holding them is still minhbach's.
var osCaches = []string{".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db"}

// OSCache reports whether the slash path p names one of osCaches: a
// build may hold them, but they are not published.
func OSCache(p string) bool {
	base := strings.ToLower(p[strings.LastIndex(p, "/")+1:])
	for _, c := range osCaches {
		if base == c {
			return true
		}
	}
	return false
}
