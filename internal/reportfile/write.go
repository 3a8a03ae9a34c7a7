package reportfile

import (
	"path/filepath"

	"github.com/spf13/afero"
)

// Replace writes data to the file at name in one step: into a new
// temporary file beside it (a name no file had, so nothing of the user's
// is overwritten on the way), then renamed over name. On failure the
// temporary file is removed and name is left as it was.
func Replace(fsys afero.Fs, name string, data []byte) error {
	f, err := afero.TempFile(fsys, filepath.Dir(name), "."+filepath.Base(name)+".minhbach-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = fsys.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = fsys.Rename(tmp, name)
	}
	if err != nil {
		_ = fsys.Remove(tmp)
	}
	return err
}
