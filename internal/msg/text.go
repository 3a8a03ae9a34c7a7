package msg

// Messages about what the plan's full text and the groups it defines need
// in the data files. They join the catalogues at start-up.
func init() {
	for k, v := range textVI {
		vi[k] = v
	}
	for k, v := range textEN {
		en[k] = v
	}
}

var textVI = map[string]string{
	// The kinds of body added with the full list of "các cơ quan, đơn vị"
	// (plan.AgencyKinds), for the period summary's column of kinds.
	"cli.summary.kind.thanh-tra": "Thanh tra tỉnh",
	"cli.summary.kind.ban":       "Ban thuộc tỉnh",
	"group.partialScope":         "nhóm %q có partial = true nhưng chưa có scope — thêm scope = \"…\" nói danh sách gồm những đơn vị nào và còn thiếu những đơn vị nào, để trang web nói rõ danh sách chưa đủ",
}

var textEN = map[string]string{
	"cli.summary.kind.thanh-tra": "Provincial Inspectorate",
	"cli.summary.kind.ban":       "Provincial board",
	"group.partialScope":         "group %q has partial = true but no scope — add scope = \"…\" saying which units the list holds and which it leaves out, so that the site can say the list is partial",
}
