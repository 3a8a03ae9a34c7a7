package search

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestZZScratch(t *testing.T) {
	dir := os.Getenv("IDX")
	if dir == "" {
		t.Skip()
	}
	files := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		r, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(r)] = b
		return nil
	})
	qs := []string{os.Getenv("Q")}
	if os.Getenv("Q") == "" {
		qs = []string{"sap nhap thon", "Đắk Glei", "dak glei", "tinh gian bien che", "trung tâm hành chính công", "quá hạn", "Sở Nội vụ", "so noi vu", "khoán phụ cấp", "thôn trưởng", "bí thư chi bộ kiêm trưởng thôn", "hợp nhất văn phòng", "đề án", "Kon Plông", "ia hdrai", "PAPI", "một cửa liên thông", "tổ chức phối hợp liên ngành", "Ngọc Hồi", "45/BC-SNV", "tinh gon", "18-NQ/TW", "18 NQ TW", "sắp xếp"}
	}
	n, _ := strconv.Atoi(os.Getenv("N"))
	if n == 0 {
		n = 5
	}
	for _, q := range qs {
		r, err := Query(files, q, n)
		fmt.Println(q, r.Total, r.Fallback, r.Cost, err)
		for i, x := range r.Results {
			fmt.Printf("%2d E%d P%d M%d T%d S%d F%d %-8s %s | %s\n", i+1, x.Exact, x.Phrase, x.Matched, x.InTitle, x.Score, x.Fit, x.Kind, x.URL, trunc(x.Title))
		}
	}
}

func trunc(s string) string {
	r := []rune(s)
	if len(r) > 70 {
		return string(r[:70]) + "…"
	}
	return s
}
