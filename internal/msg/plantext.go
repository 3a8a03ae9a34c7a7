package msg

// The messages about the plan's full text ([[text]] in data/plan.toml) and
// the milestones' references into it. They join the catalogues at
// start-up.
func init() {
	for k, v := range planTextVI {
		vi[k] = v
	}
	for k, v := range planTextEN {
		en[k] = v
	}
}

var planTextVI = map[string]string{
	"text.newline":                 "mỗi [[text]] chỉ chứa một dòng của kế hoạch — tách đoạn này thành nhiều khối [[text]], mỗi dòng một khối",
	"text.sicMissing":              "cụm từ sic = %q không có trong text của khối này — chép đúng cụm từ như trong text, hoặc xóa nó khỏi sic",
	"text.basisNotAllowed":         "basis chỉ dùng cho các đoạn \"Căn cứ …\" (kind = \"basis\"), không cho kind = %q — xóa dòng basis hoặc đổi kind",
	"text.basisUnknown":            "không có văn bản căn cứ số %q trong [[basis]] — sửa số hiệu (gợi ý: %s) hoặc thêm một [[basis]] có number = %[1]q",
	"text.basisNotInText":          "văn bản căn cứ %q không có trong text của đoạn này — sửa số hiệu cho đúng như đoạn viết, hoặc xóa khỏi basis",
	"text.labelNotAllowed":         "kind = %q không có số thứ tự, nhưng ở đây có label = %q — xóa dòng label, hoặc đổi kind thành \"section\", \"clause\", \"point\" hay \"dash\"",
	"text.labelMissing":            "kind = %q cần số thứ tự như in trong kế hoạch — thêm dòng label = %q",
	"text.labelOrder":              "số thứ tự label = %q không đúng thứ tự, ở đây cần %q — sửa label, hoặc kiểm tra xem có thiếu hay thừa khối [[text]] nào ở phía trên không",
	"text.pointOutside":            "điểm %q không nằm trong khoản nào — thêm một khối [[text]] có kind = \"clause\" (ví dụ label = \"1.\") trước điểm này",
	"text.subDashOutside":          "gạch đầu dòng \"+\" phải đứng sau một gạch đầu dòng \"-\" — thêm dòng \"-\" trước nó, hoặc đổi label thành \"-\"",
	"text.afterRecipients":         "kind = %q nằm sau \"Nơi nhận\" — sau kind = \"recipients\" chỉ có các gạch đầu dòng; chuyển khối này lên trước",
	"text.refNoText":               "%s = %q trỏ vào toàn văn kế hoạch nhưng data/plan.toml chưa có [[text]] — chép toàn văn vào các khối [[text]], hoặc xóa dòng %[1]s",
	"text.refUnknown":              "không có chỗ %q trong toàn văn kế hoạch — sửa %s (gợi ý: %s); viết theo dạng \"II.6.a\" (điểm a khoản 6 mục II), \"II.6.a.p2\" (đoạn thứ hai của điểm đó), \"II.6.b.d1\" (gạch đầu dòng thứ nhất)",
	"text.actionNotQuoted":         "action của mốc %q không đúng nguyên văn kế hoạch tại %s (%s) — chép đúng từng chữ như trong [[text]], kể cả lỗi chính tả (đánh dấu bằng sic và note trong [[text]]), hoặc sửa ref",
	"text.conditionNotQuoted":      "điều kiện %q của mốc %q không có nguyên văn trong kế hoạch tại ref hay due_ref — chép đúng cụm từ kế hoạch viết, hoặc sửa ref/due_ref",
	"milestone.waitingNoCondition": "mốc %q có %s nhưng không có condition — thêm condition = \"…\" (điều kiện như kế hoạch viết), hoặc xóa dòng này",
}

var planTextEN = map[string]string{
	"text.newline":                 "each [[text]] holds one line of the plan — split this one into several [[text]] blocks, one per line",
	"text.sicMissing":              "the phrase sic = %q is not in this block's text — copy the phrase exactly as the text has it, or remove it from sic",
	"text.basisNotAllowed":         "basis is only for the \"Căn cứ …\" paragraphs (kind = \"basis\"), not for kind = %q — delete the basis line or change the kind",
	"text.basisUnknown":            "there is no basis document number %q in [[basis]] — correct the number (perhaps: %s) or add a [[basis]] with number = %[1]q",
	"text.basisNotInText":          "basis document %q is not in this paragraph's text — write the number as the paragraph does, or remove it from basis",
	"text.labelNotAllowed":         "kind = %q has no numbering, but this block has label = %q — delete the label line, or change the kind to \"section\", \"clause\", \"point\" or \"dash\"",
	"text.labelMissing":            "kind = %q needs its numbering as printed in the plan — add a line label = %q",
	"text.labelOrder":              "the numbering label = %q is out of order, %q is expected here — correct the label, or check whether a [[text]] block above is missing or extra",
	"text.pointOutside":            "point %q is not inside any clause — add a [[text]] block with kind = \"clause\" (such as label = \"1.\") before this point",
	"text.subDashOutside":          "a \"+\" item must follow a \"-\" item — add the \"-\" line before it, or change the label to \"-\"",
	"text.afterRecipients":         "kind = %q comes after \"Nơi nhận\" — only dash items follow kind = \"recipients\"; move this block above it",
	"text.refNoText":               "%s = %q points into the plan's full text, but data/plan.toml has no [[text]] — transcribe the full text into [[text]] blocks, or delete the %[1]s line",
	"text.refUnknown":              "there is no place %q in the plan's full text — correct %s (perhaps: %s); write it as \"II.6.a\" (point a, clause 6, section II), \"II.6.a.p2\" (that point's second paragraph), \"II.6.b.d1\" (the first dash item)",
	"text.actionNotQuoted":         "the action of milestone %q is not the plan's wording at %s (%s) — copy it word for word from the [[text]], typos included (mark them with sic and note in the [[text]]), or correct the ref",
	"text.conditionNotQuoted":      "condition %q of milestone %q is not the plan's wording at its ref or due_ref — copy the phrase as the plan writes it, or correct ref/due_ref",
	"milestone.waitingNoCondition": "milestone %q has %s but no condition — add condition = \"…\" (the condition as the plan writes it), or delete this line",
}
