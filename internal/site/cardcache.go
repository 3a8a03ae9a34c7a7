package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/card"
	"github.com/minhbach/minhbach/internal/view"
)

// cardCache keeps the link-preview cards drawn by earlier builds, by the
// SHA-256 of what they show and of the drawing code's version, as Hugo
// keeps processed images in its file cache: a card costs about 8 ms of
// CPU, and most cards do not change from one build to the next. A card
// read from the cache is the card drawing would make (drawing is
// deterministic), so the output stays byte for byte the same. The folder
// holds only files named <64 hex digits>.png that minhbach wrote; files
// unused for 90 days are removed, nothing else ever is.
type cardCache struct {
	fs  afero.Fs
	dir string // "" when the cache is off
}

// cardCacheDir is where the cache lives: $MINHBACH_CACHE_DIR/cards, or the
// user's cache folder (~/.cache/minhbach/cards on Linux,
// %LocalAppData%\minhbach\cards on Windows); "off" turns it off.
func cardCacheDir() string {
	if d := os.Getenv("MINHBACH_CACHE_DIR"); d != "" {
		if d == "off" {
			return ""
		}
		return filepath.Join(d, "cards")
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "minhbach", "cards")
}

var cachedCard = regexp.MustCompile(`^[0-9a-f]{64}\.png$`)

// keepUnused is how long a cached card not used by any build is kept.
const keepUnused = 90 * 24 * time.Hour

func (c *cardCache) key(cd card.Card) string {
	b, _ := json.Marshal(cd)
	h := sha256.New()
	h.Write([]byte(card.Version))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)) + ".png"
}

// draw returns the card's PNG: from the cache when it is there and whole,
// else drawn (and kept for the next build).
func (c *cardCache) draw(cd card.Card) ([]byte, error) {
	if c == nil || c.dir == "" {
		return cd.PNG()
	}
	name := filepath.Join(c.dir, c.key(cd))
	if b, err := afero.ReadFile(c.fs, name); err == nil && wholePNG(b) {
		now := time.Now()
		_ = c.fs.Chtimes(name, now, now) // used: kept another 90 days
		return b, nil
	}
	b, err := cd.PNG()
	if err != nil {
		return nil, err
	}
	c.put(name, b)
	return b, nil
}

// put writes a card to the cache through a temporary file, so that a
// build stopped halfway never leaves half a card; a cache that cannot be
// written is no error (the card was drawn).
func (c *cardCache) put(name string, b []byte) {
	if err := c.fs.MkdirAll(c.dir, 0o755); err != nil {
		return
	}
	f, err := afero.TempFile(c.fs, c.dir, ".card-*")
	if err != nil {
		return
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = c.fs.Rename(tmp, name)
	}
	if err != nil {
		_ = c.fs.Remove(tmp)
	}
}

// prune removes the cached cards that no build has used for keepUnused.
func (c *cardCache) prune() {
	if c == nil || c.dir == "" {
		return
	}
	entries, err := afero.ReadDir(c.fs, c.dir)
	if err != nil {
		return
	}
	old := time.Now().Add(-keepUnused)
	for _, e := range entries {
		if !e.IsDir() && cachedCard.MatchString(e.Name()) && e.ModTime().Before(old) {
			_ = c.fs.Remove(filepath.Join(c.dir, e.Name()))
		}
	}
}

// wholePNG reports whether b starts with the PNG signature and ends with
// its IEND chunk.
func wholePNG(b []byte) bool {
	return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) && bytes.HasSuffix(b, []byte("IEND\xaeB`\x82"))
}

// cardJobs draws the link-preview cards, a batch of them per job so that
// both workers draw.
func cardJobs(cards []view.CardJob, cache *cardCache) []func() (map[string][]byte, error) {
	const batch = 16
	var jobs []func() (map[string][]byte, error)
	for len(cards) > 0 {
		n := min(batch, len(cards))
		part := cards[:n]
		cards = cards[n:]
		jobs = append(jobs, func() (map[string][]byte, error) {
			files := make(map[string][]byte, len(part))
			for _, c := range part {
				b, err := cache.draw(c.Card)
				if err != nil {
					return nil, err
				}
				files[c.Path] = b
			}
			return files, nil
		})
	}
	return jobs
}
