package plan

import "sort"

// MaxSuggestions is how many ids a suggestion lists when none is close
// enough to be the one meant: a few to choose from, not the whole list.
const MaxSuggestions = 3

// Closest returns up to n of known, the closest to bad first (by edit
// distance, then in the order given).
func Closest(bad string, known []string, n int) []string {
	type cand struct {
		id   string
		d, i int
	}
	cs := make([]cand, 0, len(known))
	seen := map[string]bool{}
	for i, k := range known {
		if seen[k] {
			continue
		}
		seen[k] = true
		cs = append(cs, cand{k, editDistance(bad, k), i})
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].d < cs[b].d })
	out := make([]string, 0, n)
	for _, c := range cs {
		if len(out) == n {
			break
		}
		out = append(out, c.id)
	}
	return out
}
