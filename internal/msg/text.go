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
	"group.partialScope": "nhóm %q có partial = true nhưng chưa có scope — thêm scope = \"…\" nói danh sách gồm những đơn vị nào và còn thiếu những đơn vị nào, để trang web nói rõ danh sách chưa đủ",
}

var textEN = map[string]string{
	"group.partialScope": "group %q has partial = true but no scope — add scope = \"…\" saying which units the list holds and which it leaves out, so that the site can say the list is partial",
}
