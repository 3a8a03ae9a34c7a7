package search

import (
	"os"
	"strings"
	"testing"
	"fmt"
)

func TestDebugCost(t *testing.T) {
	qs := os.Getenv("DBG_Q")
	if qs == "" {
		t.Skip()
	}
	docs := synthetic(10000, 40000, 60000)
	files := Build(docs)
	for _, q := range strings.Split(qs, ",") {
		r, _ := Query(files, q, PageSize)
		by := map[string]int{}
		cnt := map[string]int{}
		for _, f := range r.Files {
			c := f[:1]
			by[c] += len(files[f+".js"])
			cnt[c]++
		}
		fmt.Printf("%q total %d results %d\n", q, r.Cost, r.Total)
		for c, v := range by {
			fmt.Printf("   %s: %d files %d bytes\n", c, cnt[c], v)
		}
		for _, f := range r.Files {
			if len(files[f+".js"]) > 3000 { fmt.Printf("      %s %d\n", f, len(files[f+".js"])) }
		}
	}
}
