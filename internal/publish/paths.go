package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"
)

// lstat is Lstat where the file system has it, else Stat.
func lstat(fsys afero.Fs, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		info, _, err := l.LstatIfPossible(name)
		return info, err
	}
	return fsys.Stat(name)
}

// maxLinks bounds the symbolic links followed while resolving one path.
const maxLinks = 40

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

// Resolve returns the real location of the absolute path p: every
// symbolic link among its existing components is followed and ".." is
// taken after the link before it, as the operating system does. The part
// of p that does not exist yet is appended as written (cleaned).
func Resolve(fsys afero.Fs, p string) (string, error) {
	return resolve(fsys, p, 0)
}

func resolve(fsys afero.Fs, p string, hops int) (string, error) {
	vol := filepath.VolumeName(p)
	rest := filepath.ToSlash(p[len(vol):])
	cur := vol + string(filepath.Separator)
	parts := strings.Split(rest, "/")
	for i, part := range parts {
		switch part {
		case "", ".":
			continue
		case "..":
			cur = filepath.Dir(cur)
			continue
		}
		next := filepath.Join(cur, part)
		info, err := lstat(fsys, next)
		if errors.Is(err, fs.ErrNotExist) {
			return filepath.Join(append([]string{cur}, parts[i:]...)...), nil
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if hops >= maxLinks {
			return "", fmt.Errorf("%s: too many symbolic links", p)
		}
		lr, ok := fsys.(afero.LinkReader)
		if !ok {
			return "", fmt.Errorf("%s: cannot read the symbolic link", next)
		}
		target, err := lr.ReadlinkIfPossible(next)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = cur + string(filepath.Separator) + target
		}
		tail := strings.Join(parts[i+1:], "/")
		if tail != "" {
			target += string(filepath.Separator) + filepath.FromSlash(tail)
		}
		return resolve(fsys, target, hops+1)
	}
	return cur, nil
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
