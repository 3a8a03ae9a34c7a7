package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/realpath"
)

// lstat is Lstat where the file system has it, else Stat.
func lstat(fsys afero.Fs, name string) (fs.FileInfo, error) { return realpath.Lstat(fsys, name) }

// Abs returns p as an absolute path: relative paths are taken from the
// working directory for the operating system's file system and from the
// root for any other. ".." is kept, to be resolved with the links.
func Abs(fsys afero.Fs, p string) (string, error) {
	if p == "" {
		p = "."
	}
	if filepath.IsAbs(p) {
		return p, nil
	}
	if _, ok := fsys.(*afero.OsFs); ok {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		return wd + string(filepath.Separator) + p, nil
	}
	if strings.HasPrefix(filepath.ToSlash(p), "/") {
		return p, nil
	}
	return string(filepath.Separator) + p, nil
}

// within reports whether path p is dir or inside it (both clean and
// absolute).
func within(p, dir string) bool {
	if p == dir {
		return true
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// sameFile reports whether a and b are the same existing folder, by the
// operating system's identity of files (which sees through bind mounts
// and case-insensitive names); false when either does not exist or the
// file system cannot tell.
func sameFile(fsys afero.Fs, a, b string) bool {
	ia, errA := fsys.Stat(a)
	ib, errB := fsys.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// ancestors returns p and every folder above it, p first.
func ancestors(p string) []string {
	out := []string{p}
	for {
		d := filepath.Dir(p)
		if d == p {
			return out
		}
		out = append(out, d)
		p = d
	}
}
