package gen

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/spf13/afero"
)

const osCreate = os.O_CREATE | os.O_WRONLY | os.O_TRUNC

// PortalItems are the files and folders of a portal source, relative to
// its root, that the generator copies from the repository.
var PortalItems = []string{"site.toml", "data", "content", "layouts", "static", "i18n"}

// copyPortal copies PortalItems from the repository into the output,
// leaving out the slash paths in skip (and everything under them).
func copyPortal(c Config, w *writer, skip map[string]bool) error {
	if c.RepoFs == nil {
		return fmt.Errorf("no repository to copy the portal's templates from")
	}
	for _, item := range PortalItems {
		root := filepath.Join(c.Repo, filepath.FromSlash(item))
		info, err := c.RepoFs.Stat(root)
		if err != nil {
			if os.IsNotExist(err) {
				w.st.Missing = append(w.st.Missing, item)
				continue
			}
			return err
		}
		if !info.IsDir() {
			if err := copyFile(c.RepoFs, root, w, item); err != nil {
				return err
			}
			continue
		}
		var files []string
		err = afero.Walk(c.RepoFs, root, func(name string, info fs.FileInfo, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(c.Repo, name)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			if skipped(rel, skip) {
				if info.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if info.Mode().IsRegular() {
				files = append(files, rel)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.Strings(files)
		for _, rel := range files {
			if err := copyFile(c.RepoFs, filepath.Join(c.Repo, filepath.FromSlash(rel)), w, rel); err != nil {
				return err
			}
		}
	}
	return nil
}

// skipped reports whether rel is in skip or under a folder in skip.
func skipped(rel string, skip map[string]bool) bool {
	for p := rel; p != "." && p != "/" && p != ""; p = path.Dir(p) {
		if skip[p] {
			return true
		}
	}
	return false
}

func copyFile(src afero.Fs, name string, w *writer, rel string) error {
	f, err := src.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return w.file(rel, data)
}

// countCopied fills the counts of st from the copied portal, which must
// load without problems.
func countCopied(c Config, st *Stats) error {
	p, err := plan.Load(c.Fs, c.Out)
	if p != nil && p.Plan != nil {
		st.Tasks = len(p.Plan.Tasks)
		for _, t := range p.Plan.Tasks {
			st.Milestones += len(t.Milestones)
		}
		st.Agencies = len(p.Agencies.Agencies)
		st.Groups = len(p.Agencies.Groups)
		st.Roles = len(p.Agencies.Roles)
		for _, r := range p.Reports {
			if r.IsPublished() {
				st.Approved++
				st.Updates += len(r.Updates)
			} else {
				st.Other++
			}
		}
		for _, per := range status.Periods(p) {
			if per.Regular() {
				st.Periods++
			}
		}
	}
	if err != nil {
		msg := err.Error()
		if i := strings.IndexByte(msg, '\n'); i > 0 {
			msg = msg[:i] + " …"
		}
		return fmt.Errorf("the copied portal does not load: %s", msg)
	}
	return nil
}
