package search

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/minhbach/minhbach/internal/fold"
)

// maxQueryBytes is the most a typical query may download.
const maxQueryBytes = 150 * 1024

// syllables returns n distinct Vietnamese-like syllables with diacritics,
// in random order.
func syllables(r *rand.Rand, n int) []string {
	onsets := strings.Fields("_ b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x")
	rimes := strings.Fields("a ai am an ang anh ao au ay ăm ăn ăng ăc âm ân âng âu ây âc e em en eo ec ê êm ên ênh êu êch i im in inh iu ich o oi om on ong oc ô ôi ôm ôn ông ôc ơ ơi ơm ơn ơc u ui um un ung uc uy uyên ư ưa ưng ưc ươc ương ươi ươn iêt iêu iên oa oai oan oang oanh oat uân uôn uông uôi")
	tones := []string{"", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		o := strings.TrimPrefix(onsets[r.IntN(len(onsets))], "_")
		rime := []rune(rimes[r.IntN(len(rimes))])
		tone := tones[r.IntN(len(tones))]
		// Put the tone on the first vowel of the rime.
		s := o + string(rime[:1]) + tone + string(rime[1:])
		s = norm.NFC.String(s)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// zipf draws ranks 0..n-1 with probability proportional to 1/(rank+1).
type zipf struct{ cum []float64 }

func newZipf(n int) zipf {
	z := zipf{cum: make([]float64, n)}
	sum := 0.0
	for i := range n {
		sum += 1 / float64(i+1)
		z.cum[i] = sum
	}
	for i := range z.cum {
		z.cum[i] /= sum
	}
	return z
}

func (z zipf) draw(r *rand.Rand) int {
	return min(sort.SearchFloat64s(z.cum, r.Float64()), len(z.cum)-1)
}

// synthetic returns a portal of the given size, with Zipf-distributed
// words: 60% of them drawn as two-syllable compounds (so that frequent
// phrases like "ủy ban" exist), the rest as single syllables.
func synthetic(tasks, milestones, reports int) []Doc {
	r := rand.New(rand.NewPCG(2018, 51))
	vocab := syllables(r, 3000)
	words := newZipf(len(vocab))
	compounds := make([][2]string, 2000)
	for i := range compounds {
		compounds[i] = [2]string{vocab[words.draw(r)], vocab[words.draw(r)]}
	}
	compZipf := newZipf(len(compounds))
	sentence := func(lo, hi int) string {
		n := lo + r.IntN(hi-lo+1)
		var b strings.Builder
		for i := 0; i < n; {
			if i > 0 {
				if r.IntN(12) == 0 {
					b.WriteString(", ")
				} else {
					b.WriteByte(' ')
				}
			}
			if r.Float64() < 0.6 && i+1 < n {
				c := compounds[compZipf.draw(r)]
				b.WriteString(c[0] + " " + c[1])
				i += 2
			} else {
				b.WriteString(vocab[words.draw(r)])
				i++
			}
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	statuses := []string{"", "Hoàn thành đúng hạn", "Hoàn thành chậm", "Quá hạn", "Chưa báo cáo", "Đang thực hiện"}
	var docs []Doc
	add := func(n int, kind, prefix string) {
		for i := range n {
			docs = append(docs, Doc{
				URL:    fmt.Sprintf("%s/%s-%d/", prefix, fold.String(vocab[r.IntN(len(vocab))]), i),
				Title:  strings.TrimSuffix(sentence(5, 14), "."),
				Kind:   kind,
				Status: statuses[r.IntN(len(statuses))],
				Text:   sentence(30, 80),
			})
		}
	}
	add(tasks, "task", "nhiem-vu")
	add(milestones, "milestone", "moc")
	add(reports, "report", "ky-bao-cao/2018-H1")
	return docs
}

// typicalQueries returns n queries of 2 or 3 consecutive words copied from
// the text of random documents, half of them typed without diacritics.
func typicalQueries(docs []Doc, n int) []string {
	r := rand.New(rand.NewPCG(7, 7))
	sp := newSplitter()
	var qs []string
	for len(qs) < n {
		ws := sp.split(docs[r.IntN(len(docs))].Text)
		k := 2 + r.IntN(2)
		start := r.IntN(len(ws) - k)
		var parts []string
		for _, w := range ws[start : start+k] {
			if len(qs)%2 == 1 {
				parts = append(parts, w.fold)
			} else {
				parts = append(parts, w.form)
			}
		}
		qs = append(qs, strings.Join(parts, " "))
	}
	return qs
}

func percentile(xs []int, p float64) int {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[min(len(s)-1, int(math.Ceil(p*float64(len(s))))-1)]
}

// TestScale builds the index of a synthetic portal (30–80 words per
// document, Zipf-distributed over 3,000 syllables with diacritics) and
// asserts that typical 2–3 word queries, the same queries while the last
// word is being typed, and the three most frequent words of the corpus each
// download at most the budget: manifest, dictionary shards, sets, and the
// metadata of the first page of results.
//
// The full size is 10,000 tasks, 40,000 milestones and 60,000 reports with a
// budget of 150 KB; run it with MINHBACH_SEARCH_SCALE=1 (about 25 s of CPU).
// By default the portal is 0.3 of that (0.05 with -short), and the budget
// scales with it: the part of a query's download that does not depend on the
// number of documents (manifest, a few dictionary shards and group parts, 20
// metadata chunks) is allowed fixedAllowance, the rest shrinks in
// proportion, since sets grow linearly with the number of documents.
func TestScale(t *testing.T) {
	t.Parallel()
	scale := 0.3
	if testing.Short() {
		scale = 0.05
	}
	if s := os.Getenv("MINHBACH_SEARCH_SCALE"); s != "" {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f <= 0 || f > 1 {
			t.Fatalf("MINHBACH_SEARCH_SCALE=%q: want a number in (0, 1]", s)
		}
		scale = f
	}
	const fixedAllowance = 40 * 1024
	budget := fixedAllowance + int(float64(maxQueryBytes-fixedAllowance)*scale)
	n := func(x int) int { return max(1, int(float64(x)*scale)) }
	docs := synthetic(n(10000), n(40000), n(60000))

	start := time.Now()
	files := Build(docs)
	built := time.Since(start)
	total := 0
	for _, f := range files {
		total += len(f)
	}
	t.Logf("%d docs: %d files, %.1f MB in all, built in %v; budget per query %.1f KB",
		len(docs), len(files), float64(total)/1e6, built.Round(time.Millisecond), kb(budget))

	check := func(what string, queries []string) {
		t.Helper()
		var costs []int
		worst, worstQ := 0, ""
		for _, q := range queries {
			r, err := Query(files, q, PageSize)
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			if r.Total == 0 {
				t.Errorf("%q, made of words of a document, finds nothing", q)
			}
			costs = append(costs, r.Cost)
			if r.Cost > worst {
				worst, worstQ = r.Cost, q
			}
			if r.Cost > budget {
				t.Errorf("%q downloads %d bytes in %d files, more than %d", q, r.Cost, len(r.Files), budget)
			}
		}
		t.Logf("%s: median %.1f KB, p90 %.1f KB, max %.1f KB (%q)",
			what, kb(percentile(costs, 0.5)), kb(percentile(costs, 0.9)), kb(worst), worstQ)
	}
	typical := typicalQueries(docs, 300)
	check("typical 2–3 word queries", typical)

	// Search as you type: the same queries with the last word cut to two
	// letters.
	var typing []string
	for _, q := range typical[:100] {
		rs := []rune(q)
		cut := len(rs) - 1
		for cut > 0 && rs[cut-1] != ' ' {
			cut--
		}
		if len(rs)-cut > 2 {
			typing = append(typing, string(rs[:cut+2]))
		}
	}
	check("typing (last word cut to 2 letters)", typing)

	// The worst case of the format: the most frequent words.
	hot := hottestTokens(files, 3)
	check("the 3 most frequent words", []string{strings.Join(hot, " "), hot[0] + " " + hot[1], hot[0]})
}

func kb(n int) float64 { return float64(n) / 1024 }
