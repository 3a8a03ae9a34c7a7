package search

import (
	"os"
	"strings"
	"testing"
	"fmt"
	"encoding/json"
)

func TestDebugCost(t *testing.T) {
	qs := os.Getenv("DBG_Q")
	if qs == "" {
		t.Skip()
	}
	docs := synthetic(10000, 40000, 60000)
	files := Build(docs)
	role := map[string]string{}
	for k, f := range files {
		if !strings.HasPrefix(k, "d/") { continue }
		key := strings.TrimSuffix(k, ".js")
		body, _ := unwrap(key, f)
		var es [][]any
		json.Unmarshal(body, &es)
		for _, e := range es {
			tok := e[0].(string)
			if x, ok := e[2].(float64); ok { role[fileKey('p', int(x))] = tok + " D df=" + fmt.Sprint(e[1]) }
			if len(e) > 3 { if v, ok := e[3].([]any); ok { for i := 1; i < len(v); i += 2 { if x, ok := v[i].(float64); ok { role[fileKey('p', int(x))] = tok + " V " + v[i-1].(string) } } } }
			if len(e) > 4 { if x, ok := e[4].(float64); ok { role[fileKey('p', int(x))] = tok + " T" } }
		}
	}
	man, _ := unwrap("manifest", files["manifest.js"])
	fmt.Println("manifest", len(files["manifest.js"]), len(man))
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
			if len(files[f+".js"]) > 3000 { fmt.Printf("      %s %d %s %.20s\n", f, len(files[f+".js"]), role[f], files[f+".js"][len(filePrefix)+len(f)+4:]) }
		}
	}
}
