package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/site"
)

// The preview builds into folders of its own, outside the portal, each
// carrying minhbach's marker, and removes them when it stops.
func TestPreviewFoldersAreMinhbachs(t *testing.T) {
	src := portal(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := Start(ctx, Options{Build: site.Options{Source: src}, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	srv.mu.RLock()
	dir, lastErr := srv.current, srv.lastErr
	srv.mu.RUnlock()
	if dir == "" {
		t.Fatalf("no build: %s", lastErr)
	}
	if rel, err := filepath.Rel(src, dir); err == nil && !strings.HasPrefix(rel, "..") {
		t.Errorf("the preview builds inside the portal: %s", dir)
	}
	if _, err := publish.ReadManifest(afero.NewOsFs(), dir); err != nil {
		t.Errorf("the preview folder has no marker: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") || strings.Contains(e.Name(), ".old-") {
			t.Errorf("left beside the preview: %s", e.Name())
		}
	}
	srv.Close()
	if _, err := os.Stat(srv.tmp); !os.IsNotExist(err) {
		t.Errorf("the preview's folder %s is still there: %v", srv.tmp, err)
	}
}
