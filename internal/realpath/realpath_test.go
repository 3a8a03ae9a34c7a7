package realpath

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"
)

// links makes, in a temporary folder, a/b/file, a link a/up to "..", a
// link a/to-b to "b", a dangling link a/gone and a link a/loop to itself,
// and returns the folder, its links followed.
func links(t *testing.T) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "a", "b", "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"up": "..", "to-b": "b", "gone": "nowhere", "loop": "loop"} {
		if err := os.Symlink(target, filepath.Join(root, "a", name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	return root
}

func TestEvalAndResolve(t *testing.T) {
	root := links(t)
	osfs := afero.NewOsFs()
	p := func(s string) string { return root + string(filepath.Separator) + filepath.FromSlash(s) }
	for _, c := range []struct{ in, want string }{
		{"a/to-b/file", "a/b/file"},
		{"a/up/a/b", "a/b"},
		{"a/to-b/../b/file", "a/b/file"}, // ".." after the link's target
	} {
		for name, f := range map[string]func(afero.Fs, string) (string, error){"Eval": Eval, "Resolve": Resolve} {
			got, err := f(osfs, p(c.in))
			if err != nil || got != filepath.Clean(p(c.want)) {
				t.Errorf("%s(%s) = %s, %v; want %s", name, c.in, got, err, p(c.want))
			}
		}
	}
	// A missing part: Resolve appends it, Eval refuses.
	if got, err := Resolve(osfs, p("a/gone/x/../y")); err != nil || got != p("a/nowhere/y") {
		t.Errorf("Resolve(a/gone/x/../y) = %s, %v; want %s", got, err, p("a/nowhere/y"))
	}
	if _, err := Eval(osfs, p("a/gone")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Eval(a/gone): %v, want a missing file", err)
	}
	for name, f := range map[string]func(afero.Fs, string) (string, error){"Eval": Eval, "Resolve": Resolve} {
		if _, err := f(osfs, p("a/loop/x")); !errors.Is(err, ErrTooManyLinks) {
			t.Errorf("%s(a/loop/x): %v, want %v", name, err, ErrTooManyLinks)
		}
	}
}

// A file system without links: the path, cleaned, is its real path.
func TestNoLinks(t *testing.T) {
	mem := afero.NewMemMapFs()
	if err := mem.MkdirAll("/portal/content", 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.FromSlash("/portal/content")
	if got, err := Eval(mem, filepath.FromSlash("/portal/./content/")); err != nil || got != want {
		t.Errorf("Eval = %s, %v; want %s", got, err, want)
	}
	if _, err := Lstat(mem, want); err != nil {
		t.Errorf("Lstat: %v", err)
	}
}
