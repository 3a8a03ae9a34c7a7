package site

// extras returns the files Go writes into the output besides Hugo's pages,
// keyed by path relative to the output folder.
func (m *model) extras(o Options) (map[string][]byte, error) {
	files := map[string][]byte{}
	return files, nil
}
