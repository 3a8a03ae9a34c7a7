package search

import (
	"slices"
	"strings"
	"testing"
)

// portalCorpus reproduces, in small, what the Kon Tum portal gave "sap nhap
// thon" before: reports that say "thông tin", "sắp xếp" and "nhập" in every
// order (and "sáp nhập thông tin", a phrase only with the completion "thông"
// of "thon"), with "Thông" in their titles, next to the task whose title
// holds the words and its milestone. Agencies, milestones and reports share
// names, as on the portal, so that kind order and title fit matter.
var portalCorpus = []Doc{
	{URL: "nhiem-vu/sap-xep-don-vi-cap-xa/", Kind: "task", Status: "Quá hạn",
		Title: "6. Rà soát, xây dựng Đề án và triển khai sắp xếp, tổ chức lại đơn vị hành chính cấp xã và sáp nhập các thôn, tổ dân phố chưa đủ tiêu chuẩn theo quy định",
		Text:  "Rà soát, xây dựng Đề án và triển khai sắp xếp, tổ chức lại đơn vị hành chính cấp xã và sáp nhập các thôn, tổ dân phố chưa đủ tiêu chuẩn theo quy định\nỦy ban nhân dân các huyện, thành phố\nSở Nội vụ"},
	{URL: "nhiem-vu/sap-xep-don-vi-cap-xa/#moc-6a", Kind: "milestone", Status: "Quá hạn",
		Title: "Mốc 6a — Ủy ban nhân dân các huyện, thành phố",
		Text:  "Chủ tịch Ủy ban nhân dân các huyện, thành phố chỉ đạo rà soát, xây dựng Đề án sắp xếp, tổ chức lại các đơn vị hành chính cấp xã và sáp nhập các thôn, tổ dân phố chưa đủ tiêu chuẩn.\nĐề án sáp nhập thôn, tổ dân phố"},
	{URL: "nhiem-vu/sap-xep-don-vi-cap-xa/#moc-6b", Kind: "milestone", Status: "Hoàn thành chậm",
		Title: "Mốc 6b — Sở Nội vụ",
		Text:  "Giám đốc Sở Nội vụ tổng hợp, thẩm định hồ sơ, trình Ủy ban nhân dân tỉnh."},
	{URL: "nhiem-vu/tinh-gon-bo-may/", Kind: "task", Status: "Đang thực hiện",
		Title: "3. Sắp xếp tổ chức bộ máy tinh gọn, tinh giản biên chế",
		Text:  "Sắp xếp tổ chức bộ máy tinh gọn, tinh giản biên chế theo Nghị quyết số 18-NQ/TW."},
	{URL: "nhiem-vu/tinh-gon-bo-may/#moc-3a", Kind: "milestone", Status: "Đang thực hiện",
		Title: "Mốc 3a — Ủy ban nhân dân huyện Đắk Glei",
		Text:  "Ủy ban nhân dân huyện Đắk Glei rà soát các phòng chuyên môn."},
	{URL: "co-quan/ubnd-dak-glei/", Kind: "agency", Title: "Ủy ban nhân dân huyện Đắk Glei",
		Text: "Ủy ban nhân dân huyện Đắk Glei\nDak Glei District People's Committee"},
	{URL: "co-quan/ubnd-ia-hdrai/", Kind: "agency", Title: "Ủy ban nhân dân huyện Ia H'Drai",
		Text: "Ủy ban nhân dân huyện Ia H'Drai\nIa H'Drai District People's Committee"},
	{URL: "co-quan/so-noi-vu/", Kind: "agency", Title: "Sở Nội vụ",
		Text: "Sở Nội vụ\nDepartment of Home Affairs\nSNV"},
	{URL: "co-quan/so-thong-tin-truyen-thong/", Kind: "agency", Title: "Sở Thông tin và Truyền thông",
		Text: "Sở Thông tin và Truyền thông\nDepartment of Information and Communications"},
	{URL: "ky-bao-cao/2018/so-thong-tin-truyen-thong/", Kind: "report",
		Title: "Báo cáo 92/BC-STTTT — Sở Thông tin và Truyền thông (Năm 2018)",
		Text:  "Sở hướng dẫn các huyện sáp nhập thông tin của các thôn vào cổng thông tin điện tử; sắp xếp lại chuyên mục thông tin."},
	{URL: "ky-bao-cao/2019-H1/so-thong-tin-truyen-thong/", Kind: "report",
		Title: "Báo cáo 48/BC-STTTT — Sở Thông tin và Truyền thông (6 tháng đầu năm 2019)",
		Text:  "Đã nhập thông tin của 120 thôn vào cơ sở dữ liệu; sắp tới sẽ sắp xếp lại hệ thống thông tin cơ sở."},
	{URL: "ky-bao-cao/2018-H1/ubnd-dak-glei/", Kind: "report",
		Title: "Báo cáo 98/BC-UBND — Ủy ban nhân dân huyện Đắk Glei (6 tháng đầu năm 2018)",
		Text:  "Huyện sắp xếp thông tin các thôn đặc biệt khó khăn; số liệu đã nhập vào phần mềm. Sắp tới sẽ sáp nhập trường học."},
	{URL: "ky-bao-cao/2018-H1/ubnd-ia-hdrai/", Kind: "report",
		Title: "Báo cáo 45/BC-UBND — Ủy ban nhân dân huyện Ia H'Drai (6 tháng đầu năm 2018)",
		Text:  "Huyện Ia H'Drai triển khai Nghị quyết số 18-NQ/TW về tổ chức bộ máy tinh gọn; sắp xếp các thôn mới thành lập."},
	{URL: "ky-bao-cao/2018-05-10/so-noi-vu/", Kind: "report",
		Title: "Báo cáo 45/BC-SNV — Sở Nội vụ (Đột xuất ngày 10/5/2018)",
		Text:  "Sở Nội vụ báo cáo đột xuất tình hình sáp nhập các cơ quan, tinh giản biên chế."},
	{URL: "ky-bao-cao/2018-H1/so-noi-vu/", Kind: "report",
		Title: "Báo cáo 112/BC-SNV — Sở Nội vụ (6 tháng đầu năm 2018)",
		Text:  "Tiếp nhận và xử lý 45 hồ sơ; rà soát, sắp xếp tổ chức bộ máy; tinh gian biên chế (văn bản gõ không dấu)."},
	{URL: "ke-hoach/", Kind: "page",
		Title: "Kế hoạch triển khai Chương trình số 51-CTr/TU thực hiện Nghị quyết số 18-NQ/TW",
		Text:  "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả."},
}

// containsFolded reports whether the title or text of d holds phrase, both
// folded, as a sequence of words.
func containsFolded(d Doc, phrase string) bool {
	words := func(s string) string {
		var f []string
		for _, w := range (&splitter{}).split(s) {
			f = append(f, w.fold)
		}
		return " " + strings.Join(f, " ") + " "
	}
	return strings.Contains(words(d.Title)+words(d.Text), words(phrase))
}

func TestPortalRanking(t *testing.T) {
	t.Parallel()
	files := Build(portalCorpus)
	task, milestone := "nhiem-vu/sap-xep-don-vi-cap-xa/", "nhiem-vu/sap-xep-don-vi-cap-xa/#moc-6a"
	for _, tc := range []struct {
		query string
		top   []string // the first results, in this order
	}{
		// The task has the words in its title and "sáp nhập" as a title
		// phrase; its milestone the phrase in its text. The reports' "sáp
		// nhập thông tin" and "Thông" in their titles are completions of
		// "thon", which is a whole word: they do not score.
		{"sap nhap thon", []string{task, milestone}},
		{"sáp nhập thôn", []string{task, milestone}},
		{"SÁP NHẬP THÔN", []string{task, milestone}},
		// The agency is named by its title alone: it comes before the
		// milestone whose title is "Mốc 3a — " and the same name, although
		// milestones come before agencies in a tie.
		{"Dak Glei", []string{"co-quan/ubnd-dak-glei/", "nhiem-vu/tinh-gon-bo-may/#moc-3a"}},
		{"Đắk Glei", []string{"co-quan/ubnd-dak-glei/", "nhiem-vu/tinh-gon-bo-may/#moc-3a"}},
		{"dak glei", []string{"co-quan/ubnd-dak-glei/"}},
		{"Sở Nội vụ", []string{"co-quan/so-noi-vu/", "nhiem-vu/sap-xep-don-vi-cap-xa/#moc-6b"}},
		{"so noi vu", []string{"co-quan/so-noi-vu/", "nhiem-vu/sap-xep-don-vi-cap-xa/#moc-6b"}},
		// An apostrophe inside a name: typed with it, without it, or as
		// two words.
		{"ia hdrai", []string{"co-quan/ubnd-ia-hdrai/", "ky-bao-cao/2018-H1/ubnd-ia-hdrai/"}},
		{"Ia H'Drai", []string{"co-quan/ubnd-ia-hdrai/", "ky-bao-cao/2018-H1/ubnd-ia-hdrai/"}},
		{"ia h drai", []string{"co-quan/ubnd-ia-hdrai/", "ky-bao-cao/2018-H1/ubnd-ia-hdrai/"}},
		{"hdrai", []string{"co-quan/ubnd-ia-hdrai/", "ky-bao-cao/2018-H1/ubnd-ia-hdrai/"}},
		// A document number: the report with it, not the other 45/… or
		// …/BC-SNV ones.
		{"45/BC-SNV", []string{"ky-bao-cao/2018-05-10/so-noi-vu/"}},
		{"45 bc snv", []string{"ky-bao-cao/2018-05-10/so-noi-vu/"}},
		// The status label is searchable: the overdue task and milestone.
		{"quá hạn", []string{task, milestone}},
		{"qua han", []string{task, milestone}},
	} {
		r, err := Query(files, tc.query, 20)
		if err != nil {
			t.Fatalf("%q: %v", tc.query, err)
		}
		got := urls(r.Results)
		if r.Fallback || len(got) < len(tc.top) || !slices.Equal(got[:len(tc.top)], tc.top) {
			t.Errorf("%q (fallback %v): got %q, want first %q", tc.query, r.Fallback, got, tc.top)
		}
	}
}

// TestDocumentNumber checks that the parts of a document number are a
// phrase, however they are typed.
func TestDocumentNumber(t *testing.T) {
	t.Parallel()
	files := Build(portalCorpus)
	for _, q := range []string{"45/BC-SNV", "45 BC SNV", "45-bc/snv"} {
		r, err := Query(files, q, 20)
		if err != nil || len(r.Results) == 0 {
			t.Fatalf("%q: %v", q, err)
		}
		if top := r.Results[0]; top.URL != "ky-bao-cao/2018-05-10/so-noi-vu/" || top.Phrase != 2 || top.InTitle != 3 {
			t.Errorf("%q: %+v", q, top)
		}
	}
}

// TestPhraseFound checks that a query finds every document with its words as
// a phrase, and ranks them before the documents without it.
func TestPhraseFound(t *testing.T) {
	t.Parallel()
	files := Build(portalCorpus)
	for _, tc := range []struct{ query, phrase string }{
		{"tinh gon", "tinh gọn"},
		{"tinh gọn", "tinh gọn"},
		{"18-NQ/TW", "18-NQ/TW"},
		{"18 NQ TW", "18-NQ/TW"},
		{"18/nq tw", "18-NQ/TW"},
		{"tinh gian bien che", "tinh giản biên chế"},
	} {
		r, err := Query(files, tc.query, 100)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, d := range portalCorpus {
			if containsFolded(d, tc.phrase) {
				want = append(want, d.URL)
			}
		}
		if len(want) < 2 {
			t.Fatalf("%q: the corpus has %d documents with %q", tc.query, len(want), tc.phrase)
		}
		got := urls(r.Results)
		if len(got) < len(want) {
			t.Errorf("%q: got %q, want %q first", tc.query, got, want)
			continue
		}
		first := slices.Clone(got[:len(want)])
		slices.Sort(first)
		slices.Sort(want)
		if !slices.Equal(first, want) {
			t.Errorf("%q: the first %d results are %q, want the documents with %q: %q", tc.query, len(want), got[:len(want)], tc.phrase, want)
		}
	}
}

// TestExactDiacritics checks that "sắp xếp" typed exactly ranks the
// documents with "sắp xếp" above those with only "sáp nhập" or "sắp" and
// another "xếp", and that typed without diacritics every spelling is equal.
func TestExactDiacritics(t *testing.T) {
	t.Parallel()
	docs := append(slices.Clone(portalCorpus),
		Doc{URL: "ky-bao-cao/2018/so-noi-vu/", Kind: "report", Title: "Báo cáo 285/BC-SNV — Sở Nội vụ (Năm 2018)",
			Text: "Sáp nhập hai phòng; xếp loại công chức."},
		Doc{URL: "ky-bao-cao/2018/so-tu-phap/", Kind: "report", Title: "Báo cáo 132/BC-STP — Sở Tư pháp (Năm 2018)",
			Text: "Sắp tới sẽ xếp lương mới."},
		Doc{URL: "ky-bao-cao/2018/so-tai-chinh/", Kind: "report", Title: "Báo cáo 118/BC-STC — Sở Tài chính (Năm 2018)",
			Text: "Sáp xếp lại kho (lỗi gõ)."},
	)
	files := Build(docs)
	r, err := Query(files, "sắp xếp", 100)
	if err != nil {
		t.Fatal(err)
	}
	exactly := func(u string) bool {
		for _, d := range docs {
			if d.URL == u {
				return strings.Contains(strings.ToLower(d.Title+" "+d.Text), "sắp xếp")
			}
		}
		panic(u)
	}
	seenOther := ""
	for _, res := range r.Results {
		if !exactly(res.URL) {
			if seenOther == "" {
				seenOther = res.URL
			}
		} else if seenOther != "" {
			t.Errorf("%s (with “sắp xếp”) ranks below %s (without)", res.URL, seenOther)
		}
	}
	if r.Total != len(r.Results) || r.Total < 10 {
		t.Fatalf("Total %d", r.Total)
	}
	// Typed without diacritics, "sáp xếp" (a typo) and "sắp xếp" are the
	// same phrase: the typo report ranks with the others of its kind by
	// URL, not last.
	r, _ = Query(files, "sap xep", 100)
	var reports []string
	for _, res := range r.Results {
		if res.Kind == "report" && res.Phrase == 1 {
			reports = append(reports, res.URL)
		}
	}
	if !slices.IsSorted(reports) || !slices.Contains(reports, "ky-bao-cao/2018/so-tai-chinh/") {
		t.Errorf("sap xep: the reports with the phrase are %q, want them in URL order with the typo", reports)
	}
}

// TestCompletions checks the prefix rules: a completion never scores when
// the word is whole in the index, and scores less than a whole word when
// it is not.
func TestCompletions(t *testing.T) {
	t.Parallel()
	files := Build([]Doc{
		{URL: "a/", Kind: "report", Title: "Thông tin", Text: "Sáp nhập thông tin các thôn."},
		{URL: "b/", Kind: "report", Title: "Báo cáo", Text: "Sáp nhập thôn."},
		{URL: "c/", Kind: "report", Title: "Báo cáo", Text: "Sáp nhập thông tin; thôn."},
	})
	r, err := Query(files, "sap nhap thon", 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := urls(r.Results); !slices.Equal(got, []string{"b/", "a/", "c/"}) {
		t.Fatalf("sap nhap thon: %q", got)
	}
	// a/: "nhập thông" and "Thông" in the title are completions of "thon".
	if a := r.Results[1]; a.Phrase != 1 || a.InTitle != 0 || a.Score != phraseWeight {
		t.Errorf("a/: %+v", a)
	}
	// "sáp nhập thô": no whole "thô", so its completions score, a phrase
	// with one less than a phrase of whole words.
	whole, _ := Query(files, "sáp nhập thôn", 10)
	part, _ := Query(files, "sáp nhập thô", 10)
	if len(part.Results) != 3 || len(whole.Results) != 3 {
		t.Fatalf("%d and %d results", len(part.Results), len(whole.Results))
	}
	byURL := func(rs []Result, u string) Result {
		for _, r := range rs {
			if r.URL == u {
				return r
			}
		}
		t.Fatalf("%s not found in %q", u, urls(rs))
		return Result{}
	}
	if w, p := byURL(whole.Results, "b/"), byURL(part.Results, "b/"); w.Phrase != 2 || p.Phrase != 2 ||
		p.Score != w.Score-(phraseWeight-completionPhraseWeight) {
		t.Errorf("b/: whole %+v, completion %+v", w, p)
	}
	// And the completion in the title counts then: "Thông tin" ranks a/
	// first.
	if a := part.Results[0]; a.URL != "a/" || a.InTitle != 1 || a.Phrase != 2 {
		t.Errorf("sáp nhập thô: %+v", a)
	}
}

// TestKindOrder checks ties: tasks and milestones, then agencies, reports,
// pages, other kinds, then URL.
func TestKindOrder(t *testing.T) {
	t.Parallel()
	var docs []Doc
	for _, k := range []string{"page", "report", "other", "agency", "milestone", "task"} {
		for _, u := range []string{"z", "a"} {
			docs = append(docs, Doc{URL: u + "-" + k + "/", Kind: k, Title: "Báo cáo", Text: "Sáp nhập thôn."})
		}
	}
	files := Build(docs)
	got := urls(Search(files, "sáp nhập thôn", 20))
	want := []string{"a-milestone/", "a-task/", "z-milestone/", "z-task/", "a-agency/", "z-agency/",
		"a-report/", "z-report/", "a-page/", "z-page/", "a-other/", "z-other/"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
