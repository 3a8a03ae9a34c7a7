package view

// DataV is the open-data page: the files, with their sizes.
type DataV struct {
	Files []DataFileV `json:"files"`
}

// DataFileV describes one open-data file.
type DataFileV struct {
	Path string `json:"path"`
	Name string `json:"name"`
	Desc string `json:"desc"`
	Size int    `json:"size"`
}

func (pr *presenter) dataPage() error {
	return pr.write("du-lieu", page{Title: pr.w("title_opendata"), Type: "opendata", Params: params{V: DataV{Files: pr.DataFiles}}}, "")
}

// milestoneLink names a milestone with its task and links to its place on
