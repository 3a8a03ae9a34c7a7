package deploy

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/publish"
)

// localFile is a file of the build to publish.
type localFile struct {
	Path   string // slash path from the build's root
	Size   int64
	SHA256 string
	MD5    []byte
}

// build is the folder that build wrote, checked.
type build struct {
	dir      string
	manifest *publish.Manifest
	marker   []byte // the marker's bytes, published last
	files    []localFile
	caches   []string // file managers' caches, not published
}

// maxShown bounds the names a message lists.
const maxShown = 5

// readBuild reads the folder dir and proves that it is a complete build of
// minhbach's: it carries the marker, the marker says the build was
// complete, and the folder holds exactly the files it lists, unchanged.
// Anything else is refused: a deploy publishes only what build made.
func readBuild(fsys afero.Fs, dir string) (*build, error) {
	info, err := fsys.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{Key: "deploy.noBuild", Args: []any{dir}}
	}
	if err != nil {
		return nil, &Error{Key: "deploy.readBuild", Args: []any{dir, err}, Err: err}
	}
	if !info.IsDir() {
		return nil, &Error{Key: "deploy.notBuild", Args: []any{dir, publish.MarkerName}}
	}
	m, err := publish.ReadManifest(fsys, dir)
	if err != nil {
		if _, statErr := fsys.Stat(filepath.Join(dir, publish.MarkerName)); errors.Is(statErr, fs.ErrNotExist) {
			return nil, &Error{Key: "deploy.notBuild", Args: []any{dir, publish.MarkerName}}
		}
		return nil, &Error{Key: "deploy.badMarker", Args: []any{dir, err}, Err: err}
	}
	if !m.Complete {
		return nil, &Error{Key: "deploy.incompleteBuild", Args: []any{dir}}
	}
	marker, err := afero.ReadFile(fsys, filepath.Join(dir, publish.MarkerName))
	if err != nil {
		return nil, &Error{Key: "deploy.readBuild", Args: []any{dir, err}, Err: err}
	}
	b := &build{dir: dir, manifest: m, marker: marker}
	listed := make(map[string]publish.File, len(m.Files))
	for _, f := range m.Files {
		listed[f.Path] = f
	}
	var extra, changed []string
	seen := map[string]bool{}
	err = publish.Walk(fsys, dir, func(rel, p string, info fs.FileInfo) error {
		if publish.OSCache(rel) {
			b.caches = append(b.caches, rel)
			return nil
		}
		want, ok := listed[rel]
		if !ok || !info.Mode().IsRegular() {
			extra = append(extra, rel)
			return nil
		}
		seen[rel] = true
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		if int64(len(data)) != want.Size || hex.EncodeToString(sum[:]) != want.SHA256 {
			changed = append(changed, rel)
			return nil
		}
		m5 := md5.Sum(data)
		b.files = append(b.files, localFile{Path: rel, Size: want.Size, SHA256: want.SHA256, MD5: m5[:]})
		return nil
	})
	if err != nil {
		return nil, &Error{Key: "deploy.readBuild", Args: []any{dir, err}, Err: err}
	}
	var missing []string
	for _, f := range m.Files {
		if !seen[f.Path] && !slices.Contains(changed, f.Path) {
			missing = append(missing, f.Path)
		}
	}
	switch {
	case len(extra) > 0:
		return nil, &Error{Key: "deploy.buildExtra", Args: []any{dir, list(extra)}}
	case len(changed) > 0:
		return nil, &Error{Key: "deploy.buildChanged", Args: []any{dir, list(changed)}}
	case len(missing) > 0:
		return nil, &Error{Key: "deploy.buildMissing", Args: []any{dir, list(missing)}}
	}
	sort.Slice(b.files, func(i, j int) bool { return b.files[i].Path < b.files[j].Path })
	return b, nil
}

// list joins at most maxShown names, and says how many more there are.
func list(names []string) string {
	sort.Strings(names)
	if len(names) <= maxShown {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:maxShown], ", ") + " (+" + strconv.Itoa(len(names)-maxShown) + ")"
}
