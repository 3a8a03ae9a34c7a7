package view

// DataFileV describes one open-data file.
type DataFileV struct {
	Path string `json:"path"`
	Name string `json:"name"`
	Desc string `json:"desc"`
	Size int    `json:"size"`
}

func (pr *presenter) dataPage() error {
	return pr.write("du-lieu", page{Title: pr.t("Dữ liệu mở", "Open data"), Type: "opendata", Params: params{V: map[string]any{"files": pr.DataFiles}}}, "")
}

// milestoneLink names a milestone with its task and links to its place on
