package main

import (
	"testing"

	"github.com/minhbach/minhbach/internal/gen"
	"github.com/spf13/afero"
)

func TestPrepare(t *testing.T) {
	fs := afero.NewMemMapFs()
	write := func(name string) {
		if err := afero.WriteFile(fs, name, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Missing and empty folders are fine.
	if err := prepare(fs, "/missing", "/repo"); err != nil {
		t.Errorf("missing folder: %v", err)
	}
	if err := fs.MkdirAll("/empty", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := prepare(fs, "/empty", "/repo"); err != nil {
		t.Errorf("empty folder: %v", err)
	}
	// A folder plangen did not make is refused and left alone.
	write("/other/notes.txt")
	if err := prepare(fs, "/other", "/repo"); err == nil {
		t.Error("a foreign folder was accepted")
	}
	if ok, _ := afero.Exists(fs, "/other/notes.txt"); !ok {
		t.Error("a foreign folder was changed")
	}
	// So is the repository itself, even when marked.
	write("/repo/" + gen.Marker)
	if err := prepare(fs, "/repo/.", "/repo"); err == nil {
		t.Error("the repository was accepted as output")
	}
	// A folder plangen made loses its portal files and keeps the rest.
	for _, name := range []string{gen.Marker, "site.toml", "data/plan.toml", "content/bao-cao/2018/x.md", "layouts/baseof.html", "public/index.html"} {
		write("/made/" + name)
	}
	if err := prepare(fs, "/made", "/repo"); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{gen.Marker: false, "site.toml": false, "data": false, "content": false, "layouts": false, "public/index.html": true} {
		if ok, _ := afero.Exists(fs, "/made/"+name); ok != want {
			t.Errorf("%s exists: %v, want %v", name, ok, want)
		}
	}
}
