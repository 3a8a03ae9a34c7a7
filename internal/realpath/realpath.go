// Package realpath finds where a path really leads on an afero file
// system: every symbolic link on the way is followed and ".." is taken
// after the link before it, as the operating system does. The loader of
// the portal's sources (package plan) and the publisher (package publish)
// both need it.
package realpath

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"
)

// MaxLinks bounds the symbolic links followed while resolving one path.
const MaxLinks = 40

// ErrTooManyLinks is the error (wrapped with the path) of a path that goes
// through more than MaxLinks links, as a loop of links does.
var ErrTooManyLinks = errors.New("too many symbolic links")

// Lstat is Lstat where the file system has it, else Stat.
func Lstat(fsys afero.Fs, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		info, _, err := l.LstatIfPossible(name)
		return info, err
	}
	return fsys.Stat(name)
}

// Resolve returns the real location of the absolute path p: every
// symbolic link among its existing components is followed and ".." is
// taken after the link before it, as the operating system does. The part
// of p that does not exist yet is appended as written (cleaned).
func Resolve(fsys afero.Fs, p string) (string, error) {
	return resolve(fsys, p, 0, false)
}

// Eval is Resolve for a path that must exist, as filepath.EvalSymlinks
// does: a component that does not exist is an error (fs.ErrNotExist).
func Eval(fsys afero.Fs, p string) (string, error) {
	return resolve(fsys, p, 0, true)
}

// resolve resolves p, which has gone through hops links already; strict
// makes a missing component an error.
func resolve(fsys afero.Fs, p string, hops int, strict bool) (string, error) {
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
		info, err := Lstat(fsys, next)
		if !strict && errors.Is(err, fs.ErrNotExist) {
			return filepath.Join(append([]string{cur}, parts[i:]...)...), nil
		}
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		if hops >= MaxLinks {
			return "", fmt.Errorf("%s: %w", p, ErrTooManyLinks)
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
		return resolve(fsys, target, hops+1, strict)
	}
	return cur, nil
}
