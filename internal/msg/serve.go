package msg

// The preview server's sentences: the answer to a request that is not for
// the preview, and what serve prints about hosts allowed besides this
// computer. They join the catalogues at start-up.
func init() {
	for k, v := range serveVI {
		vi[k] = v
	}
	for k, v := range serveEN {
		en[k] = v
	}
}

var serveVI = map[string]string{
	"serve.forbiddenHost":        "minhbach serve không trả lời theo địa chỉ %q — mở bản xem trước tại %s",
	"serve.forbiddenOrigin":      "trang web %q không được đọc bản xem trước này — mở %s trực tiếp trong trình duyệt",
	"cli.flag.allowHost":         "cho phép thêm một tên máy hoặc địa chỉ IP của máy này (ví dụ 192.168.1.20) để người duyệt trong mạng nội bộ mở bản xem trước; có thể dùng nhiều lần",
	"cli.serve.badHost":          "--allow-host %q không phải tên máy hay địa chỉ IP — ví dụ --allow-host 192.168.1.20 hoặc --allow-host may-cua-toi.local",
	"cli.serve.allowHost":        "Máy khác trong mạng nội bộ cũng mở được bản xem trước tại %s",
	"cli.serve.allowHostWarning": "Cảnh báo: bản xem trước nhận kết nối từ mạng nội bộ; chỉ dùng --allow-host trong mạng tin cậy và dừng lệnh (Ctrl+C) khi duyệt xong.",
	"cli.serve.allowHostDrafts":  "Cảnh báo: có --drafts nên các báo cáo CHƯA PHÊ DUYỆT cũng hiện ra cho mọi người mở được địa chỉ trên trong mạng nội bộ.",
}

var serveEN = map[string]string{
	"serve.forbiddenHost":        "minhbach serve does not answer to the address %q — open the preview at %s",
	"serve.forbiddenOrigin":      "the web page %q may not read this preview — open %s directly in the browser",
	"cli.flag.allowHost":         "also allow a host name or IP address of this computer (such as 192.168.1.20) so that a reviewer on the local network can open the preview; may be repeated",
	"cli.serve.badHost":          "--allow-host %q is not a host name or IP address — for example --allow-host 192.168.1.20 or --allow-host my-computer.local",
	"cli.serve.allowHost":        "Other computers on the local network can open the preview at %s too",
	"cli.serve.allowHostWarning": "Warning: the preview accepts connections from the local network; use --allow-host only on a trusted network and stop it (Ctrl+C) when the review is done.",
	"cli.serve.allowHostDrafts":  "Warning: with --drafts, reports that are NOT APPROVED are shown too, to anyone on the local network who opens the address above.",
}
