package site

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestPortalGivesHugoNothingToSay: the Kon Tum portal builds without a word
// from Hugo, not even of a deprecated function (which Hugo only warns of
// until it fails builds, some releases later). The counter-test: a
// template that uses one is heard.
func TestPortalGivesHugoNothingToSay(t *testing.T) {
	fsys := memPortal(t)
	var log strings.Builder
	if _, err := Build(Options{Source: "/src", Dest: "/out", Fs: fsys, Log: &log}); err != nil {
		t.Fatalf("build: %v", err)
	}
	if log.Len() > 0 {
		t.Errorf("Hugo said:\n%s", log.String())
	}

	home, err := afero.ReadFile(fsys, "/src/layouts/home.html")
	if err != nil {
		t.Fatal(err)
	}
	old := strings.Replace(string(home), "hugo.Data.minhbach", "site.Data.minhbach", 1)
	if old == string(home) {
		t.Fatal("layouts/home.html no longer reads hugo.Data.minhbach: change this test")
	}
	if err := afero.WriteFile(fsys, "/src/layouts/home.html", []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	log.Reset()
	if _, err := Build(Options{Source: "/src", Dest: "/out2", Fs: fsys, Log: &log}); err != nil {
		t.Fatalf("build: %v", err)
	}
	if !strings.Contains(log.String(), "deprecated") {
		t.Errorf("a deprecated function went unheard: %q", log.String())
	}
}
