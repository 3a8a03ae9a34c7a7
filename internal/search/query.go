package search

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Result is one search result, with the scores it was ranked by.
type Result struct {
	URL     string // site-relative, as in Doc
	Title   string
	Kind    string
	Status  string
	Excerpt string // the start of the text, for a snippet
	Exact   int    // query words found with the diacritics as typed
	Phrase  int    // adjacent query word pairs found adjacent
	Matched int    // query words found (folded)
	InTitle int    // query words found in the title
	Score   int    // title words and phrases, weighted (see the package doc)
	Fit     int    // 32 less the title's other words; 0: no query word in it
}

// Response is the answer to one query.
type Response struct {
	Total    int      // number of matching documents
	Fallback bool     // no document has every word: Results have some (OR)
	Results  []Result // the first results, best first
	Files    []string // index files read, sorted (each read once)
	Cost     int      // their total size in bytes
}

// Search returns the first limit results for query over the index files
// made by Build, ranked as the browser client ranks them. A malformed index
// gives no results.
func Search(files map[string][]byte, query string, limit int) []Result {
	r, err := Query(files, query, limit)
	if err != nil {
		return nil
	}
	return r.Results
}

// QueryCost returns the bytes the browser client downloads to answer query
// and show its first page of results (PageSize), manifest included.
func QueryCost(files map[string][]byte, query string) int {
	r, _ := Query(files, query, PageSize)
	return r.Cost
}

// queryWord is one word of the query and what the index says of it.
type queryWord struct {
	word
	prefix bool
	exact  *entry   // the entry of the word's own token, if any
	comps  []*entry // the tokens the word matches: its own, then completions
}

// scoring returns the tokens that score w (title, phrase): its own token
// when the index has it, else its completions. So when the word is a whole
// token, its completions only make documents match ("thon" finds "thông"
// but scores only "thôn").
func (w *queryWord) scoring() []*entry {
	if w.exact != nil {
		return []*entry{w.exact}
	}
	return w.comps
}

// Score weights: a query word in the title, a phrase pair of whole words,
// a phrase pair whose second word is a completion of the prefix. A pair
// counts twice when both its words are in the title.
const (
	titleWeight            = 1
	phraseWeight           = 2
	completionPhraseWeight = 1
)

// Query answers query over the index files made by Build, reading the same
// files as the browser client, and returns up to limit results.
func Query(files map[string][]byte, query string, limit int) (Response, error) {
	ws := queryWords(query)
	if len(ws) == 0 {
		return Response{}, nil
	}
	q := &querier{files: files, read: map[string]any{}, shards: map[int][]*entry{}}
	resp, err := q.run(ws, limit)
	for k := range q.read {
		resp.Files = append(resp.Files, k)
	}
	slices.Sort(resp.Files)
	resp.Cost = q.cost
	return resp, err
}

// queryWords splits a query as the client does: at most MaxWords words, the
// last a prefix when its token has two runes or more.
func queryWords(query string) []queryWord {
	sp := &splitter{}
	var ws []queryWord
	for _, w := range sp.split(query) {
		if len(ws) == MaxWords {
			break
		}
		ws = append(ws, queryWord{word: w})
	}
	if n := len(ws); n > 0 && utf8.RuneCountInString(ws[n-1].fold) >= 2 {
		ws[n-1].prefix = true
	}
	return ws
}

// entry is one token of the dictionary.
type entry struct {
	id          int
	token       string
	df          int
	d, v, t, g  any
	docs        []int32 // decoded d, once loaded
	docsDecoded bool
}

// querier reads index files, counting the bytes.
type querier struct {
	files  map[string][]byte
	read   map[string]any
	cost   int
	n      int
	man    map[string]any
	shards map[int][]*entry
}

// load returns the JSON value of the file key, reading it once.
func (q *querier) load(key string) (any, error) {
	if v, ok := q.read[key]; ok {
		return v, nil
	}
	file, ok := q.files[key+".js"]
	if !ok {
		return nil, fmt.Errorf("search: index file %s.js is missing", key)
	}
	body, err := unwrap(key, file)
	if err != nil {
		return nil, err
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, fmt.Errorf("search: index file %s.js: %v", key, err)
	}
	q.read[key] = v
	q.cost += len(file)
	return v, nil
}

func (q *querier) run(ws []queryWord, limit int) (Response, error) {
	m, err := q.load("manifest")
	if err != nil {
		return Response{}, err
	}
	man, ok := m.(map[string]any)
	if !ok || num(man["v"]) != FormatVersion {
		return Response{}, fmt.Errorf("search: manifest.js is not version %d", FormatVersion)
	}
	q.man, q.n = man, num(man["docs"])

	// Dictionary.
	found := false
	for i := range ws {
		if err := q.lookup(&ws[i]); err != nil {
			return Response{}, err
		}
		found = found || len(ws[i].comps) > 0
	}
	if !found {
		return Response{}, nil
	}

	// Sets, accumulated per document.
	k, n := len(ws), q.n
	matched, exact, phrase, score := make([]uint8, n), make([]uint8, n), make([]uint8, n), make([]uint8, n)
	inTitle := make([]uint8, n)  // bit i: word i is in the title
	titleLen := make([]uint8, n) // words in the title, when some word is
	pairs := make([][]int32, k)  // pairs[i]: word i directly followed by word i+1 (i < k-1)
	for i := range ws {
		w := &ws[i]
		var mi [][]int32
		for _, c := range w.comps {
			docs, err := q.docs(c)
			if err != nil {
				return Response{}, err
			}
			mi = append(mi, docs)
		}
		add(matched, union(mi))
		ei, err := q.exactDocs(w)
		if err != nil {
			return Response{}, err
		}
		add(exact, ei)
		for _, c := range w.scoring() {
			if c.t == "" {
				continue
			}
			docs, lens, err := q.titles(c)
			if err != nil {
				return Response{}, err
			}
			for j, d := range docs {
				inTitle[d] |= 1 << i
				titleLen[d] = uint8(lens[j])
			}
		}
		if i+1 < k {
			if pairs[i], err = q.pairDocs(w, &ws[i+1]); err != nil {
				return Response{}, err
			}
		}
	}
	for d := range n {
		score[d] = uint8(titleWeight * bits.OnesCount8(inTitle[d]))
	}
	for i, ps := range pairs[:k-1] {
		weight := phraseWeight
		if ws[i+1].exact == nil {
			weight = completionPhraseWeight
		}
		for _, d := range ps {
			phrase[d]++
			if inTitle[d]>>i&3 == 3 {
				score[d] += uint8(2 * weight)
			} else {
				score[d] += uint8(weight)
			}
		}
	}

	// Candidates and ranking.
	var resp Response
	var cand []int32
	for d := range n {
		if int(matched[d]) == k {
			cand = append(cand, int32(d))
		}
	}
	if len(cand) == 0 && k > 1 {
		for d := range n {
			if matched[d] > 0 {
				cand = append(cand, int32(d))
			}
		}
		resp.Fallback = len(cand) > 0
	}
	// fit is 32 less the title's words that are not query words, or 0 when
	// no query word is in the title.
	fit := func(d int32) uint8 {
		if inTitle[d] == 0 {
			return 0
		}
		return uint8(maxTitleLen + 1 - max(0, int(titleLen[d])-bits.OnesCount8(inTitle[d])))
	}
	// One number per document: the scores, highest first, then the
	// document number, lowest first (matched, exact and title words are at
	// most MaxWords, score below 256, fit below 64; documents below 2^32).
	rank := func(d int32) uint64 {
		return uint64(matched[d])<<60 | uint64(exact[d])<<56 | uint64(score[d])<<48 |
			uint64(bits.OnesCount8(inTitle[d]))<<44 | uint64(fit(d))<<36 | uint64(math.MaxUint32-uint32(d))
	}
	slices.SortFunc(cand, func(a, b int32) int { return cmp.Compare(rank(b), rank(a)) })
	resp.Total = len(cand)

	// Metadata of the first page.
	kinds, _ := man["kinds"].([]any)
	statuses, _ := man["statuses"].([]any)
	chunk := max(1, num(man["chunk"]))
	for _, d := range cand[:min(limit, len(cand))] {
		rows, err := q.load(fileKey('m', int(d)/chunk))
		if err != nil {
			return resp, err
		}
		rs, _ := rows.([]any)
		if int(d)%chunk >= len(rs) {
			return resp, fmt.Errorf("search: metadata of document %d is missing", d)
		}
		row, _ := rs[int(d)%chunk].([]any)
		if len(row) < 5 {
			return resp, fmt.Errorf("search: metadata of document %d is malformed", d)
		}
		resp.Results = append(resp.Results, Result{
			URL: str(row[0]), Title: str(row[1]),
			Kind: str(at(kinds, num(row[2]))), Status: str(at(statuses, num(row[3]))),
			Excerpt: str(row[4]),
			Exact:   int(exact[d]), Phrase: int(phrase[d]), Matched: int(matched[d]),
			InTitle: bits.OnesCount8(inTitle[d]), Score: int(score[d]), Fit: int(fit(d)),
		})
	}
	return resp, nil
}

// lookup finds the entries of w: its own token and, for a prefix, the
// completions: its own token first, then the others by document frequency
// (then token order), each taken only while their estimated sizes add up to
// at most PrefixBudget, MaxCompletions in all.
func (q *querier) lookup(w *queryWord) error {
	dict, _ := q.man["dict"].([]any)
	nShards := len(dict) / 2
	if nShards == 0 {
		return nil
	}
	first := func(i int) string { return str(dict[2*i]) }
	// The last shard whose first token is not after w's token.
	j := sort.Search(nShards, func(i int) bool { return jsCompare(first(i), w.fold) > 0 }) - 1
	j = max(j, 0)
	var found []*entry
	for ; j < nShards; j++ {
		if f := first(j); jsCompare(f, w.fold) > 0 && !(w.prefix && strings.HasPrefix(f, w.fold)) {
			break
		}
		es, err := q.shard(j, num(dict[2*j+1]))
		if err != nil {
			return err
		}
		for _, e := range es {
			if e.token == w.fold {
				w.exact = e
				found = append(found, e)
			} else if w.prefix && strings.HasPrefix(e.token, w.fold) {
				found = append(found, e)
			}
		}
		if !w.prefix {
			break
		}
	}
	slices.SortStableFunc(found, func(a, b *entry) int {
		if c := cmp.Compare(b.df, a.df); c != 0 {
			return c
		}
		return jsCompare(a.token, b.token)
	})
	if w.exact != nil {
		w.comps = append(w.comps, w.exact)
	}
	spent := 0
	for _, e := range found {
		if len(w.comps) == MaxCompletions {
			break
		}
		if e == w.exact {
			continue
		}
		if cost := estimateBytes(e.df, q.n); spent+cost <= PrefixBudget {
			w.comps = append(w.comps, e)
			spent += cost
		}
	}
	return nil
}

// estimateBytes is a rough size of the sets of a token found in df of n
// documents, used to keep a prefix from pulling in too many large sets.
func estimateBytes(df, n int) int {
	return min((n+5)/6, 2*min(df, n-df)) + 16
}

// shard returns the entries of dictionary shard i, numbered from firstID.
func (q *querier) shard(i, firstID int) ([]*entry, error) {
	if es, ok := q.shards[i]; ok {
		return es, nil
	}
	v, err := q.load(fileKey('d', i))
	if err != nil {
		return nil, err
	}
	arr, _ := v.([]any)
	es := make([]*entry, 0, len(arr))
	for k, raw := range arr {
		f, _ := raw.([]any)
		if len(f) < 3 {
			return nil, fmt.Errorf("search: dictionary shard d/%d is malformed", i)
		}
		e := &entry{id: firstID + k, token: str(f[0]), df: num(f[1]), d: f[2], v: "", t: "", g: ""}
		for idx, p := range []*any{&e.v, &e.t, &e.g} {
			if len(f) > 3+idx {
				*p = f[3+idx]
			}
		}
		es = append(es, e)
	}
	q.shards[i] = es
	return es, nil
}

// docs returns the documents of e.
func (q *querier) docs(e *entry) ([]int32, error) {
	if !e.docsDecoded {
		s, err := q.setString(e.d)
		if err != nil {
			return nil, err
		}
		if e.docs, err = decodeSet(s, q.n); err != nil {
			return nil, err
		}
		e.docsDecoded = true
	}
	return e.docs, nil
}

// setString resolves a set reference: the set itself, or a p/ file number.
func (q *querier) setString(ref any) (string, error) {
	switch r := ref.(type) {
	case string:
		return r, nil
	case float64:
		v, err := q.load(fileKey('p', int(r)))
		if err != nil {
			return "", err
		}
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("search: set file p/%d is malformed", int(r))
		}
		return s, nil
	}
	return "", fmt.Errorf("search: malformed set reference %v", ref)
}

// subset returns the documents of the set ref, a subset of base.
func (q *querier) subset(ref any, base []int32) ([]int32, error) {
	s, err := q.setString(ref)
	if err != nil {
		return nil, err
	}
	idx, err := decodeSet(s, len(base))
	if err != nil {
		return nil, err
	}
	for i, v := range idx {
		idx[i] = base[v]
	}
	return idx, nil
}

// titles returns the documents with e in their title and the number of
// words of each title.
func (q *querier) titles(e *entry) ([]int32, []int, error) {
	s, err := q.setString(e.t)
	if err != nil {
		return nil, nil, err
	}
	base, err := q.docs(e)
	if err != nil {
		return nil, nil, err
	}
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		return nil, nil, errors.New("search: malformed title set")
	}
	idx, err := decodeSet(s[:dot], len(base))
	if err != nil {
		return nil, nil, err
	}
	r := &reader{s: s[dot+1:]}
	lens := make([]int, len(idx))
	for i, v := range idx {
		idx[i] = base[v]
		lens[i] = r.varint()
	}
	if r.err != nil || r.pos != len(r.s) {
		return nil, nil, errors.New("search: malformed title lengths")
	}
	return idx, lens, nil
}

// exactDocs returns E for w: the documents with w's own token written as w
// was typed (any spelling, when w was typed without diacritics).
func (q *querier) exactDocs(w *queryWord) ([]int32, error) {
	e := w.exact
	if e == nil {
		return nil, nil
	}
	docs, err := q.docs(e)
	if err != nil {
		return nil, err
	}
	if w.form == w.fold {
		return docs, nil
	}
	switch v := e.v.(type) {
	case string:
		if v == w.form {
			return docs, nil
		}
	case []any:
		for i := 0; i+1 < len(v); i += 2 {
			if str(v[i]) == w.form {
				return q.subset(v[i+1], docs)
			}
		}
	}
	return nil, nil
}

// pairDocs returns P for w followed by next: the documents where w's own
// token is directly followed by one of next's scoring tokens.
func (q *querier) pairDocs(w, next *queryWord) ([]int32, error) {
	e := w.exact
	nexts := next.scoring()
	if e == nil || e.g == "" || len(nexts) == 0 {
		return nil, nil
	}
	base, err := q.docs(e)
	if err != nil {
		return nil, err
	}
	want := map[int]bool{}
	for _, c := range nexts {
		want[c.id] = true
	}
	var groups []string
	switch g := e.g.(type) {
	case string:
		groups = []string{g}
	case []any, float64:
		dir, ok := g.([]any)
		if !ok {
			v, err := q.load(fileKey('b', int(g.(float64))))
			if err != nil {
				return nil, err
			}
			dir, _ = v.([]any)
		}
		parts := len(dir) / 2
		var keys []int
		for _, c := range nexts {
			p := sort.Search(parts, func(i int) bool { return num(dir[2*i]) > c.id }) - 1
			if p >= 0 {
				keys = append(keys, num(dir[2*p+1]))
			}
		}
		slices.Sort(keys)
		for _, key := range slices.Compact(keys) {
			v, err := q.load(fileKey('b', key))
			if err != nil {
				return nil, err
			}
			s, _ := v.(string)
			groups = append(groups, s)
		}
	}
	var sets [][]int32
	for _, g := range groups {
		r := &reader{s: g}
		id := 0
		for !r.done() {
			id += r.varint()
			var ref any
			if l := r.varint(); l > 0 {
				ref = r.take(l)
			} else {
				ref = float64(r.varint())
			}
			if r.err != nil {
				return nil, r.err
			}
			if want[id] {
				s, err := q.subset(ref, base)
				if err != nil {
					return nil, err
				}
				sets = append(sets, s)
			}
		}
	}
	return union(sets), nil
}

// union returns the sorted union of sorted sets.
func union(sets [][]int32) []int32 {
	if len(sets) == 1 {
		return sets[0]
	}
	var out []int32
	for _, s := range sets {
		out = append(out, s...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// add counts one for every document of set.
func add(count []uint8, set []int32) {
	for _, d := range set {
		count[d]++
	}
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func at(a []any, i int) any {
	if i < 0 || i >= len(a) {
		return nil
	}
	return a[i]
}
