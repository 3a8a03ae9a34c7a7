package site

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/view"
)

// portalTxtar is a Hugo txtar archive of the portal: the repository's
// site.toml, layouts and i18n, and the pages and data minhbach generates
// for the given portal source, so that the templates can be tested with
// Hugo's own harness.
func portalTxtar(t *testing.T, fsys afero.Fs, src string, extra map[string]string) string {
	t.Helper()
	p, err := plan.Load(fsys, src)
	if err != nil {
		t.Fatal(err)
	}
	m := view.New(p, plan.Date{}, false)
	m.BasePath = "/"
	files := map[string]string{}
	err = m.Pages(func(name string, data []byte) error {
		files[projectPath(name)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// The harness has no network and no base URL of ours.
	files["hugo.toml"] = string(cfg)
	for _, dir := range []string{"layouts", "i18n"} {
		err := filepath.WalkDir(filepath.Join(repoRoot, dir), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			rel, _ := filepath.Rel(repoRoot, p)
			files[filepath.ToSlash(rel)] = string(data)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range extra {
		files[k] = v
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		b.WriteString("-- " + n + " --\n" + files[n])
		if !strings.HasSuffix(files[n], "\n") {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestTemplatesRenderTheViewModel renders the Kon Tum portal's generated
// pages with the repository's templates in Hugo's integration-test harness
// and checks what a citizen reads on the main page types.
func TestTemplatesRenderTheViewModel(t *testing.T) {
	fsys := memPortal(t)
	b := hugolib.Test(t, portalTxtar(t, fsys, "/src", nil))

	b.AssertFileContent("public/index.html",
		`<html lang="vi">`,
		"Kế hoạch sắp xếp tổ chức bộ máy tinh gọn",
		"Trạng thái tính đến ngày 30/6/2019",
		`class="status st-overdue"`,
		"Dữ liệu tiến độ trên trang này là dữ liệu mẫu",
		`href="/nhiem-vu/sap-xep-don-vi-cap-xa/"`,
	)
	b.AssertFileContent("public/nhiem-vu/sap-xep-don-vi-cap-xa/index.html",
		`id="moc-6a"`,
		"9/10",
		"Ủy ban nhân dân huyện Ia H&#39;Drai",
		"Trong quý III/2018",
		"badge.svg",
		`href="/nhiem-vu/sap-xep-don-vi-cap-xa/atom.xml"`,
	)
	b.AssertFileContent("public/en/nhiem-vu/sap-xep-don-vi-cap-xa/index.html",
		`<html lang="en">`,
		"In Q3 2018",
		"Overdue",
		`hreflang="vi"`,
	)
	b.AssertFileContent("public/ky-bao-cao/2019-H1/index.html",
		"Ủy ban nhân dân huyện Kon Plông",
		"Quá hạn",
	)
	b.AssertFileContent("public/ky-bao-cao/2018-H1/so-noi-vu/index.html",
		"Sở Nội vụ",
		"Phê duyệt",
	)
	b.AssertFileContent("public/ky-bao-cao/2019-H1/index.html", `href="/ky-bao-cao/2019-H1/tong-hop/"`, "Bản tổng hợp của kỳ để in")
	b.AssertFileContent("public/ky-bao-cao/2019-H1/tong-hop/index.html",
		"Báo cáo tổng hợp kết quả thực hiện Kế hoạch — 6 tháng đầu năm 2019",
		"Trạng thái tính đến ngày 30/6/2019, chỉ từ các báo cáo đã được phê duyệt.",
		"Đã nhận 15/30 báo cáo phải gửi; 15 đơn vị chưa báo cáo.",
		`<th scope="col">Trạng thái đến 30/6/2019</th>`,
		`href="/nhiem-vu/sap-xep-don-vi-cap-xa/#moc-6a"`,
		`class="src-link" href="/ky-bao-cao/2018/ubnd-ia-hdrai/"`,
		"Số ngày quá hạn: <span class=\"late-days\">273</span>",
	)
	b.AssertFileContent("public/en/ky-bao-cao/2019-H1/tong-hop/index.html",
		`<html lang="en">`,
		"Summary of the plan&#39;s implementation — First half of 2019",
		"Status as of 30 June 2019",
	)
	b.AssertFileContent("public/ke-hoach/index.html", "18-NQ/TW", "Căn cứ")
	b.AssertFileContent("public/tim-kiem/index.html", `id="search-results"`, `<noscript>`, `data-index="/tim-kiem/chi-muc/"`)
}

// TestRemoteResourcesAreRefused proves the [security] settings of
// site.toml: a template that fetches from the network fails the build.
func TestRemoteResourcesAreRefused(t *testing.T) {
	fsys := memPortal(t)
	layout := `{{ define "main" }}{{ with resources.GetRemote "https://example.org/x.css" }}{{ .Content }}{{ end }}{{ end }}`
	_, err := hugolib.TestE(t, portalTxtar(t, fsys, "/src", map[string]string{"layouts/home.html": layout}))
	if err == nil || !strings.Contains(err.Error(), "security") {
		t.Fatalf("resources.GetRemote was not refused: %v", err)
	}
	env := `{{ define "main" }}{{ getenv "HOME" }}{{ end }}`
	_, err = hugolib.TestE(t, portalTxtar(t, fsys, "/src", map[string]string{"layouts/home.html": env}))
	if err == nil || !strings.Contains(err.Error(), "access denied") {
		t.Fatalf("getenv was not refused: %v", err)
	}
}
