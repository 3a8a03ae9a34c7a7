package msg

// The preview's line for an edit handed to the build kept alive (minhbach
// serve): how many reports the site shows, how many pages were rendered
// again, and how long it took.
func init() {
	vi["cli.serve.updated"] = "Đã cập nhật: %d báo cáo; vẽ lại %d trang, trong %s."
	en["cli.serve.updated"] = "Updated: %d reports; %d pages rendered again, in %s."
}
