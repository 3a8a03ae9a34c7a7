package search

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestZZScratch(t *testing.T) {
	dir := os.Getenv("IDX")
	if dir == "" {
		t.Skip()
	}
	files := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		r, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(r)] = b
		return nil
	})
	for _, q := range []string{os.Getenv("Q")} {
		r, err := Query(files, q, 20)
		fmt.Println(q, r.Total, r.Fallback, r.Cost, err)
		for i, x := range r.Results {
			fmt.Printf("%2d E%d P%d M%d T%d %-8s %s | %s\n", i+1, x.Exact, x.Phrase, x.Matched, x.InTitle, x.Kind, x.URL, x.Title)
		}
	}
}
