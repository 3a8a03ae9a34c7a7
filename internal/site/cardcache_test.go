package site

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/card"
)

// TestCardCacheGivesTheSameBytes: a card read from the cache is the card
// drawn; a damaged cached card is drawn again; a card is kept by its
// content, so another card is not served for it.
func TestCardCacheGivesTheSameBytes(t *testing.T) {
	t.Parallel()
	fsys := afero.NewMemMapFs()
	c := &cardCache{fs: fsys, dir: "/cache/cards"}
	a := card.Card{Title: "Nhiệm vụ 6", Status: "Quá hạn", StatusColor: "#c62828"}
	want, err := a.PNG()
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.draw(a)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("first draw differs from the card (%v)", err)
	}
	name := filepath.Join(c.dir, c.key(a))
	if ok, _ := afero.Exists(fsys, name); !ok {
		t.Fatal("the card was not kept")
	}
	// The cached copy is what is used: planting different (whole) bytes
	// shows the read path is taken, then the real bytes are put back.
	fake := append([]byte("\x89PNG\r\n\x1a\n"), []byte("planted IEND\xaeB`\x82")...)
	afero.WriteFile(fsys, name, fake, 0o644)
	if got, _ := c.draw(a); !bytes.Equal(got, fake) {
		t.Fatal("the cache was not read")
	}
	// A half-written card is not used: it is drawn again and replaced.
	afero.WriteFile(fsys, name, want[:len(want)/2], 0o644)
	if got, _ := c.draw(a); !bytes.Equal(got, want) {
		t.Fatal("a damaged cached card was used")
	}
	if kept, _ := afero.ReadFile(fsys, name); !bytes.Equal(kept, want) {
		t.Fatal("a damaged cached card was not replaced")
	}
	b := a
	b.Status = "Hoàn thành"
	if c.key(a) == c.key(b) {
		t.Fatal("two different cards share a key")
	}
}

// TestCardCachePrunesOnlyItsOwnOldFiles: cards unused for 90 days go,
// recent ones and files minhbach did not name stay.
func TestCardCachePrunesOnlyItsOwnOldFiles(t *testing.T) {
	t.Parallel()
	fsys := afero.NewMemMapFs()
	c := &cardCache{fs: fsys, dir: "/cache/cards"}
	old := time.Now().Add(-100 * 24 * time.Hour)
	files := map[string]bool{ // name → should stay
		"0000000000000000000000000000000000000000000000000000000000000000.png": false,
		"1111111111111111111111111111111111111111111111111111111111111111.png": true,
		"notes.txt": true,
		"0000.png":  true,
	}
	for name, stays := range files {
		p := filepath.Join(c.dir, name)
		afero.WriteFile(fsys, p, []byte("x"), 0o644)
		if !stays || name != "1111111111111111111111111111111111111111111111111111111111111111.png" {
			fsys.Chtimes(p, old, old)
		}
	}
	c.prune()
	for name, stays := range files {
		ok, _ := afero.Exists(fsys, filepath.Join(c.dir, name))
		if ok != stays {
			t.Errorf("%s: there %v, want %v", name, ok, stays)
		}
	}
}

// TestCardCacheOff: MINHBACH_CACHE_DIR=off turns the cache off.
func TestCardCacheOff(t *testing.T) {
	t.Setenv("MINHBACH_CACHE_DIR", "off")
	if d := cardCacheDir(); d != "" {
		t.Fatalf("cache dir %q with the cache off", d)
	}
	t.Setenv("MINHBACH_CACHE_DIR", "/tmp/x")
	if d := cardCacheDir(); d != filepath.Join("/tmp/x", "cards") {
		t.Fatalf("cache dir %q", d)
	}
}
