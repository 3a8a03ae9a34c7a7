package reportfile

import (
	"testing"

	"github.com/spf13/afero"
)

// A user's file named like a temporary one is never touched, and nothing
// is left beside the report.
func TestReplace(t *testing.T) {
	t.Parallel()
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/a.md", []byte("old"), 0o644)
	afero.WriteFile(fsys, "/p/a.md.tmp", []byte("a user's file"), 0o644)
	if err := Replace(fsys, "/p/a.md", []byte("new")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"/p/a.md": "new", "/p/a.md.tmp": "a user's file"} {
		if got, _ := afero.ReadFile(fsys, name); string(got) != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if entries, _ := afero.ReadDir(fsys, "/p"); len(entries) != 2 {
		t.Errorf("%d files beside the report, want 2", len(entries))
	}
	// A failed rename leaves the report as it was and no temporary file.
	ro := afero.NewReadOnlyFs(fsys)
	if err := Replace(ro, "/p/a.md", []byte("newer")); err == nil {
		t.Error("a read-only file system accepted the write")
	}
	if got, _ := afero.ReadFile(fsys, "/p/a.md"); string(got) != "new" {
		t.Errorf("after a failed write: %q", got)
	}
}
