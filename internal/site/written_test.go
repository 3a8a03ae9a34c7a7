package site

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/opendata"
	"github.com/minhbach/minhbach/internal/status"
)

// TestOpenDataWrittenAsMade: the open data a build writes straight into
// the output (before the pages) is the bytes opendata.Files makes, the
// open-data page shows their sizes, and a file of the same name in
// static/ does not replace it (as when the open data was written after
// static/ was copied).
func TestOpenDataWrittenAsMade(t *testing.T) {
	fsys := memPortal(t)
	if err := afero.WriteFile(fsys, "/src/static/du-lieu/nhiem-vu.csv", []byte("not the open data"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(fsys, "/src/static/du-lieu/readme.txt", []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := memBuild(t, fsys, "/out")
	out := tree(t, fsys, "/out")
	want, err := opendata.Files(res.Project, res.Snapshot, status.History(res.Project), "https://minhbach.kontum.gov.vn/")
	if err != nil {
		t.Fatal(err)
	}
	page := string(out["du-lieu/index.html"])
	for name, data := range want {
		if !bytes.Equal(out[name], data) {
			t.Errorf("%s: %d bytes written, not the %d opendata.Files makes", name, len(out[name]), len(data))
		}
		if kb := fmt.Sprintf("(%.0f KB)", float64(len(data))/1024); !strings.Contains(page, kb) {
			t.Errorf("the open-data page does not show %s for %s", kb, name)
		}
	}
	if string(out["du-lieu/readme.txt"]) != "kept" {
		t.Error("static/du-lieu/readme.txt was not copied")
	}
}
