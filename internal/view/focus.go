package view

// ReportPages makes the pages of the shown reports read from the given
// files (paths from the source root, with slashes, as plan.Report.File),
// in every language, exactly as Pages makes them, and hands them to put.
// The preview makes these first when a reviewer edits a report, so that
// the page being edited is served before the rest of the site is brought
// up to date.
func (m *Model) ReportPages(put Sink, files []string) error {
	want := map[string]bool{}
	for _, f := range files {
		want[f] = true
	}
	for _, lang := range Langs {
		pr := &presenter{Model: m, lang: lang, put: put}
		for _, r := range m.published {
			if want[r.File] {
				if err := pr.report(r); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
