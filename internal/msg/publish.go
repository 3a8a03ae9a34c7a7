package msg

// The publisher's sentences (internal/publish): why a destination is
// refused, what state the folders are in after a failure, and which
// public addresses a build would drop. Each says what to do.
func init() {
	for k, v := range publishVI {
		vi[k] = v
	}
	for k, v := range publishEN {
		en[k] = v
	}
}

var publishVI = map[string]string{
	"publish.isSource":     "không tạo trang web vào %s: đó là chính thư mục của cổng thông tin (nơi có data/ và content/) — chọn một thư mục kết quả khác, ví dụ --dest public; không có tệp nào bị thay đổi",
	"publish.aboveSource":  "không tạo trang web vào %s: thư mục này chứa cổng thông tin %s — chọn một thư mục khác, ví dụ --dest public; không có tệp nào bị thay đổi",
	"publish.readFolder":   "không tạo trang web vào %s: đó là (hoặc nằm trong) thư mục %s/ mà minhbach đọc — chọn một thư mục khác, ví dụ --dest public; không có tệp nào bị thay đổi",
	"publish.notFolder":    "không tạo trang web vào %s: đó là một tệp, không phải thư mục — chọn một thư mục khác với --dest; tệp được giữ nguyên",
	"publish.notOurs":      "không thay thư mục %s: thư mục này có tệp không do minhbach tạo (%s) và không có tệp đánh dấu %s — chọn một thư mục trống hoặc chưa có với --dest (ví dụ --dest public), hoặc tự chuyển các tệp đó đi; không có tệp nào bị xóa",
	"publish.badMarker":    "không thay thư mục %s: tệp đánh dấu của minhbach trong đó không đọc được (%v) — chọn một thư mục khác với --dest, hoặc xem lại thư mục đó và tự xóa nó nếu không cần; không có tệp nào bị xóa",
	"publish.changed":      "không thay thư mục %s: các tệp sau đã được thêm hoặc sửa sau lần tạo trước: %s — nếu cần công bố chúng, chuyển vào static/ (sẽ được chép vào mỗi lần tạo), nếu không thì xóa chúng, rồi chạy lại; không có tệp nào bị xóa",
	"publish.cannotRead":   "không đọc được %s (%v) — kiểm tra đường dẫn và quyền truy cập rồi chạy lại; không có tệp nào bị thay đổi",
	"publish.cannotCreate": "không tạo được thư mục cho %s (%s: %v) — cấp quyền ghi hoặc chọn --dest ở nơi ghi được; không có tệp nào bị thay đổi",
	"publish.cannotWrite":  "không ghi được vào thư mục %s (%v); không có gì trong %s bị thay đổi và không còn thư mục tạm nào — cấp quyền ghi cho thư mục đó hoặc chọn --dest ở nơi ghi được",
	"publish.write":        "không ghi được tệp %s của trang web mới (%v); %s được giữ nguyên như trước và thư mục tạm đã được xóa — ổ đĩa có thể đã đầy hoặc không cho ghi: giải phóng chỗ trống hoặc chọn --dest khác, rồi chạy lại",
	"publish.reserved":     "một tệp của cổng thông tin (trong static/) cũng tên là %s, trùng tên tệp đánh dấu mà minhbach đặt vào mỗi trang web; %s được giữ nguyên — đổi tên hoặc chuyển tệp đó ra khỏi static/ rồi chạy lại",
	"publish.stopping":     "đang dừng: trang web cũ được giữ nguyên — chờ một chút để xóa thư mục tạm, hoặc nhấn Ctrl+C lần nữa để dừng ngay (lần tạo sau sẽ xóa nó)",
	"publish.interrupted":  "đã dừng tạo trang web (Ctrl+C hoặc tín hiệu dừng); trang web cũ được giữ nguyên và thư mục tạm đã được xóa — chạy lại lệnh khi cần",
	"publish.renameAside":  "không đổi tên được thư mục cũ %s để thay bằng trang web mới (%v); %s được giữ nguyên như trước và thư mục tạm đã được xóa — đóng các chương trình đang mở thư mục đó (trình quản lý tệp, máy chủ web) rồi chạy lại; nếu đó là một ổ đĩa gắn vào (mount), dùng --dest với một thư mục bên trong nó",
	"publish.renameIn":     "không đặt được trang web mới vào %s (%v); trang web cũ được giữ nguyên và thư mục tạm đã được xóa — đóng các chương trình đang mở thư mục đó rồi chạy lại, hoặc chọn --dest khác",
	"publish.stuck":        "không đặt được trang web mới vào %s (%v) và không trả lại được trang web cũ: trang web cũ đang ở %s, trang web mới ở %s — đổi tên %s thành %s để trả lại trang web cũ (hoặc đổi tên thư mục mới thành tên đó để công bố trang mới)",
	"publish.oldKept":      "trang web mới đã được đặt vào %s; thư mục cũ được giữ lại ở %s vì có tệp được thêm hoặc sửa trong lúc tạo (%s) — lấy ra các tệp cần giữ (đưa vào static/ nếu cần công bố) rồi tự xóa thư mục đó",
	"publish.oldStays":     "trang web mới đã được đặt vào %s, nhưng không xóa được bản cũ %s (%v) — tự xóa thư mục đó; lần tạo sau cũng sẽ tự xóa nó",
	"publish.taskRenamed":  "nhiệm vụ %d đổi slug từ %q thành %q: địa chỉ cũ đã công bố sẽ mất — thêm aliases = [%q] vào nhiệm vụ %d trong data/plan.toml để liên kết cũ chuyển tới trang mới",
	"publish.taskGone":     "địa chỉ nhiem-vu/%s/ (nhiệm vụ %d ở lần tạo trước) sẽ mất — thêm aliases = [%q] vào nhiệm vụ thay thế nó trong data/plan.toml để liên kết cũ chuyển tới trang mới",
	"publish.agencyGone":   "địa chỉ co-quan/%s/ của lần tạo trước sẽ mất — thêm aliases = [%q] vào cơ quan (hoặc nhóm) thay thế nó trong data/agencies.toml để liên kết cũ chuyển tới trang mới",
	"publish.linksGone":    "%d địa chỉ đã công bố sẽ mất nên trang web chưa được tạo; trang web cũ được giữ nguyên — thêm các aliases như trên rồi chạy lại",
}

var publishEN = map[string]string{
	"publish.isSource":     "will not build into %s: it is the portal's own folder (where data/ and content/ are) — choose another output folder, such as --dest public; no file was changed",
	"publish.aboveSource":  "will not build into %s: it holds the portal %s — choose another folder, such as --dest public; no file was changed",
	"publish.readFolder":   "will not build into %s: it is (or is inside) the folder %s/ that minhbach reads — choose another folder, such as --dest public; no file was changed",
	"publish.notFolder":    "will not build into %s: it is a file, not a folder — choose another folder with --dest; the file is left as it is",
	"publish.notOurs":      "will not replace the folder %s: it holds files minhbach did not make (%s) and no %s marker — choose an empty or new folder with --dest (such as --dest public), or move those files away yourself; nothing was deleted",
	"publish.badMarker":    "will not replace the folder %s: minhbach's marker in it cannot be read (%v) — choose another folder with --dest, or look at that folder and delete it yourself if it is not needed; nothing was deleted",
	"publish.changed":      "will not replace the folder %s: these files were added or changed after the last build: %s — to publish them, move them into static/ (copied into every build), otherwise delete them, then build again; nothing was deleted",
	"publish.cannotRead":   "cannot read %s (%v) — check the path and the permissions, then build again; no file was changed",
	"publish.cannotCreate": "cannot create the folder for %s (%s: %v) — give write permission or choose a --dest where you can write; no file was changed",
	"publish.cannotWrite":  "cannot write in the folder %s (%v); nothing in %s was changed and no temporary folder is left — give write permission to that folder or choose a --dest where you can write",
	"publish.write":        "cannot write the new site's file %s (%v); %s is as it was and the temporary folder was removed — the disk may be full or read-only: free some space or choose another --dest, then build again",
	"publish.reserved":     "a file of the portal (in static/) is also named %s, the name of the marker minhbach puts in every site; %s is as it was — rename that file or move it out of static/, then build again",
	"publish.stopping":     "stopping: the previous site stays as it is — wait a moment for the temporary folder to be removed, or press Ctrl+C again to stop at once (the next build removes it)",
	"publish.interrupted":  "the build was stopped (Ctrl+C or a stop signal); the previous site is as it was and the temporary folder was removed — run the command again when you are ready",
	"publish.renameAside":  "cannot rename the previous folder %s to replace it with the new site (%v); %s is as it was and the temporary folder was removed — close the programs that have the folder open (a file manager, a web server) and build again; if it is a mounted drive, use --dest with a folder inside it",
	"publish.renameIn":     "cannot put the new site in place at %s (%v); the previous site is as it was and the temporary folder was removed — close the programs that have the folder open and build again, or choose another --dest",
	"publish.stuck":        "cannot put the new site in place at %s (%v) nor move the previous site back: the previous site is in %s, the new one in %s — rename %s to %s to restore the previous site (or rename the new folder to that name to publish it)",
	"publish.oldKept":      "the new site is in place at %s; the previous folder is kept at %s because files were added or changed in it during the build (%s) — take out the files you need (into static/ to publish them), then delete that folder yourself",
	"publish.oldStays":     "the new site is in place at %s, but the previous copy %s could not be deleted (%v) — delete that folder yourself; the next build also deletes it",
	"publish.taskRenamed":  "task %d changed its slug from %q to %q: its published address would disappear — add aliases = [%q] to task %d in data/plan.toml so that old links lead to the new page",
	"publish.taskGone":     "the address nhiem-vu/%s/ (task %d in the previous build) would disappear — add aliases = [%q] to the task that replaces it in data/plan.toml so that old links lead to the new page",
	"publish.agencyGone":   "the address co-quan/%s/ of the previous build would disappear — add aliases = [%q] to the agency (or group) that replaces it in data/agencies.toml so that old links lead to the new page",
	"publish.linksGone":    "%d published addresses would disappear, so the site was not built; the previous site is as it was — add the aliases above and build again",
}
