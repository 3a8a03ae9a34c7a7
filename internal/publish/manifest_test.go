package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"
)

// TestScanHashesEveryFile: scan, hashing on several workers, gives every
// file under the folder, sorted, each with the SHA-256 of its own bytes
// and its size, a link as not a plain file, and the marker left out.
func TestScanHashesEveryFile(t *testing.T) {
	dir := t.TempDir()
	want := map[string]File{}
	for i := range 300 {
		rel := fmt.Sprintf("d%d/f%03d.html", i%7, i)
		data := []byte(fmt.Sprintf("file %d %s", i, make([]byte, i*37)))
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		want[rel] = File{Path: rel, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
	}
	if err := os.WriteFile(filepath.Join(dir, MarkerName), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("d0/f000.html", filepath.Join(dir, "link")); err == nil {
		want["link"] = File{Path: "link", Size: 12, SHA256: "not a plain file: L---------"}
	}
	files, err := scan(afero.NewOsFs(), dir, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(want) {
		t.Fatalf("%d files, want %d", len(files), len(want))
	}
	for i, f := range files {
		if i > 0 && files[i-1].Path >= f.Path {
			t.Errorf("not sorted: %s after %s", f.Path, files[i-1].Path)
		}
		if w := want[f.Path]; f != w {
			t.Errorf("%s: got %+v, want %+v", f.Path, f, w)
		}
	}
	// Without hashes, sizes only.
	files, err = scan(afero.NewOsFs(), dir, false)
	if err != nil || len(files) != len(want) || files[0].SHA256 != "" {
		t.Errorf("without hashes: %d files, first %+v, err %v", len(files), files[0], err)
	}
}
