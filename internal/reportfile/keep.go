package reportfile

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
)

// KeptDir is where an approved report is kept when a tool replaces or
// withdraws it, relative to the portal's folder: outside content/, so that
// no load, check or build ever reads a kept copy as a report.
const KeptDir = "ban-luu/bao-cao"

// Keep copies the approved report r, whose file in the portal at root is
// r.File, byte for byte to KeptDir/<period>/<agency>-<approved_on>.md and
// returns that path, relative to root, with slashes. A copy already there
// with the same bytes is kept as it is and its path returned; one with other
// bytes is never overwritten: the copy goes to -2.md, -3.md and so on. The
// copy is read back and compared before Keep returns.
func Keep(fsys afero.Fs, root string, r *plan.Report) (string, error) {
	src, err := afero.ReadFile(fsys, path.Join(root, r.File))
	if err != nil {
		return "", err
	}
	on := r.Approval.ApprovedOn.String()
	if on == "" {
		on = "chua-duyet"
	}
	dir := path.Join(KeptDir, r.Period)
	if err := fsys.MkdirAll(path.Join(root, dir), 0o755); err != nil {
		return "", err
	}
	for n := 1; n < 1000; n++ {
		name := fmt.Sprintf("%s-%s.md", r.Agency, on)
		if n > 1 {
			name = fmt.Sprintf("%s-%s-%d.md", r.Agency, on, n)
		}
		rel := path.Join(dir, name)
		abs := path.Join(root, rel)
		if old, err := afero.ReadFile(fsys, abs); err == nil {
			if bytes.Equal(old, src) {
				return rel, nil
			}
			continue
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		f, err := fsys.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			if errors.Is(err, os.ErrExist) {
				continue
			}
			return "", err
		}
		_, werr := f.Write(src)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			_ = fsys.Remove(abs)
			return "", werr
		}
		back, err := afero.ReadFile(fsys, abs)
		if err != nil || !bytes.Equal(back, src) {
			return "", fmt.Errorf("the copy %s does not read back as written", rel)
		}
		return rel, nil
	}
	return "", fmt.Errorf("too many kept copies of %s in %s", r.File, dir)
}
