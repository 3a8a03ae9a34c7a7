package search

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugTop(t *testing.T) {
	if os.Getenv("DBG_TOP") == "" {
		t.Skip()
	}
	docs := synthetic(1000, 4000, 6000)
	files := Build(docs)
	for _, q := range []string{"kang pau ke", "chừơi trôc kẹ", "ke", "kh"} {
		r, _ := Query(files, q, 20)
		fmt.Println(q, r.Total, r.Cost)
		for _, x := range r.Results {
			fmt.Println("  ", x.URL, x.Exact, x.Phrase, x.Matched, x.InTitle)
		}
	}
}
