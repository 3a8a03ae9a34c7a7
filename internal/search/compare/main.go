// Command compare sets the portal's own search beside Pagefind 1.6 on the
// same built site, and prints Markdown tables:
//
//   - the size of each index: ours (tim-kiem/chi-muc, Vietnamese) and
//     Pagefind's folder, with and without its UI scripts and styles;
//   - the bytes a query downloads: ours as search.QueryCost counts them,
//     Pagefind's as headless Chromium fetches them (Resource Timing);
//   - the first results of each, and whether each found the page a citizen
//     would want.
//
// Usage, from the repository root after `go run ./cmd/minhbach build`:
//
//	go run ./internal/search/compare -site public
//
// It copies the site to a temporary folder and runs
// `npx pagefind --site COPY --output-subdir pagefind` there (the npm package
// pagefind from the repository's node_modules), never touching -site. Both
// are served by a local Go file server on 127.0.0.1, without HTTP
// compression and with caching off, so every query is measured cold and
// the byte counts compare (Pagefind compresses its own index files inside).
package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/minhbach/minhbach/internal/search"
)

// query is one citizen's query and the page (relative to the Vietnamese
// root, without a #fragment) it should find first; "" when the portal has no
// such page.
type query struct {
	text, want string
}

var queries = []query{
	{"sap nhap thon", "nhiem-vu/sap-xep-don-vi-cap-xa/"},
	{"Đắk Glei", "co-quan/ubnd-dak-glei/"},
	{"dak glei", "co-quan/ubnd-dak-glei/"},
	{"tinh gian bien che", "nhiem-vu/sap-xep-co-quan-truc-thuoc/"},
	{"trung tâm hành chính công", "nhiem-vu/day-manh-cai-cach-hanh-chinh/"},
	{"quá hạn", "nhiem-vu/sap-xep-don-vi-cap-xa/"},
	{"Sở Nội vụ", "co-quan/so-noi-vu/"},
	{"so noi vu", "co-quan/so-noi-vu/"},
	{"khoán phụ cấp", "nhiem-vu/khoan-phu-cap-khong-chuyen-trach/"},
	{"thôn trưởng", "nhiem-vu/vai-tro-thon-truong/"},
	{"bí thư chi bộ kiêm trưởng thôn", "nhiem-vu/vai-tro-thon-truong/"},
	{"hợp nhất văn phòng", "nhiem-vu/hop-nhat-van-phong-tham-muu/"},
	{"đề án", "nhiem-vu/sap-xep-don-vi-cap-xa/"},
	{"Kon Plông", "co-quan/ubnd-kon-plong/"},
	{"ia hdrai", "co-quan/ubnd-ia-hdrai/"},
	{"PAPI", "nhiem-vu/day-manh-cai-cach-hanh-chinh/"},
	{"một cửa liên thông", "nhiem-vu/day-manh-cai-cach-hanh-chinh/"},
	{"tổ chức phối hợp liên ngành", "nhiem-vu/giam-to-chuc-lien-nganh/"},
	{"Ngọc Hồi", "co-quan/ubnd-ngoc-hoi/"},
	{"45/BC-SNV", ""}, // no report has this number; the data package names it as an example
}

const (
	indexDir    = "tim-kiem/chi-muc"
	pagefindDir = "pagefind"
	pfResults   = 10 // results whose data() the Pagefind page (pfPage) loads
)

func main() {
	site := flag.String("site", "public", "the built site")
	chromium := flag.String("chromium", "/usr/bin/chromium", "the Chromium executable")
	npx := flag.String("npx", "npx", "the npx executable (run from the current folder, which must hold node_modules/pagefind)")
	keep := flag.Bool("keep", false, "keep the temporary copy of the site")
	top := flag.Int("top", 3, "results shown per query and engine")
	details := flag.Bool("details", false, "also print our first 5 results of each query with their scores")
	flag.Parse()
	if err := run(*site, *chromium, *npx, *keep, *top, *details); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

func run(site, chromium, npx string, keep bool, top int, details bool) error {
	ours, err := readDir(filepath.Join(site, filepath.FromSlash(indexDir)))
	if err != nil {
		return fmt.Errorf("our index (build the site first): %w", err)
	}
	oursEn, _ := readDir(filepath.Join(site, "en", filepath.FromSlash(indexDir)))
	client, _ := os.ReadFile(filepath.Join(site, "js", "search.js"))

	tmp, err := os.MkdirTemp("", "minhbach-compare-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Fprintln(os.Stderr, "compare: the copy stays in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	copyDir := filepath.Join(tmp, "site")
	if err := os.CopyFS(copyDir, os.DirFS(site)); err != nil {
		return fmt.Errorf("copying %s: %w", site, err)
	}
	if _, err := os.Stat(filepath.Join(copyDir, pagefindDir)); err == nil {
		return fmt.Errorf("%s already has a %s/ folder", site, pagefindDir)
	}

	// Pagefind.
	cmd := exec.Command(npx, "pagefind", "--site", copyDir, "--output-subdir", pagefindDir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("pagefind: %v\n%s", err, out)
	}
	pfLog := string(out)
	pf, err := readDir(filepath.Join(copyDir, pagefindDir))
	if err != nil {
		return err
	}
	var entry struct {
		Version   string `json:"version"`
		Languages map[string]struct {
			Hash      string  `json:"hash"`
			Wasm      *string `json:"wasm"`
			PageCount int     `json:"page_count"`
		} `json:"languages"`
	}
	if err := json.Unmarshal(pf["pagefind-entry.json"], &entry); err != nil {
		return fmt.Errorf("pagefind-entry.json: %w", err)
	}
	vi, ok := entry.Languages["vi"]
	if !ok {
		return errors.New("pagefind found no Vietnamese pages (html lang=\"vi\")")
	}
	viWasm := "unknown"
	if vi.Wasm != nil {
		viWasm = *vi.Wasm
	}

	// The page that runs a Pagefind query, at the site's root.
	if err := os.WriteFile(filepath.Join(copyDir, "__compare.html"), []byte(pfPage), 0o644); err != nil {
		return err
	}
	srv, base, err := serve(copyDir)
	if err != nil {
		return err
	}
	defer srv.Close()

	pfRuns, browser, err := runPagefind(chromium, tmp, base)
	if err != nil {
		return err
	}

	// Sizes.
	isUI := func(name string) bool {
		return regexp.MustCompile(`^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$`).MatchString(name)
	}
	pfAll, pfNoUI, pfVi, pfViData := 0, 0, 0, 0
	for name, b := range pf {
		pfAll += len(b)
		if !isUI(name) {
			pfNoUI += len(b)
		}
		base := path.Base(name)
		viFile := strings.HasPrefix(base, "vi_") || base == "pagefind."+vi.Hash+".pf_meta"
		if viFile || name == "pagefind-entry.json" {
			pfViData += len(b)
		}
		if viFile || name == "pagefind-entry.json" || name == "pagefind.js" || name == "wasm."+viWasm+".pagefind" {
			pfVi += len(b)
		}
	}
	oursVi, oursViGz := total(ours), gzipTotal(ours)
	oursBoth := oursVi + total(oursEn)

	w := os.Stdout
	fmt.Fprintf(w, "### Search index: ours and Pagefind %s\n\n", entry.Version)
	fmt.Fprintf(w, "Command: `go run ./internal/search/compare -site %s` (%s). Both served by a Go `http.FileServer` on 127.0.0.1 **without HTTP compression** (and caching off, so each query is cold); bytes are response bodies (Resource Timing `encodedBodySize` for Pagefind, file sizes for ours). Pagefind gzips its own index files inside; ours are plain JavaScript, which a server's gzip would shrink (column “gzip”).\n\n", site, browser)
	fmt.Fprintf(w, "Pagefind: %s\n\n", pfSummary(pfLog, entry.Languages))

	fmt.Fprintln(w, "| Index | Files | Bytes | gzip -9 |")
	fmt.Fprintln(w, "|---|---:|---:|---:|")
	fmt.Fprintf(w, "| ours, Vietnamese (`%s/`) | %d | %s | %s |\n", indexDir, len(ours), kb(oursVi), kb(oursViGz))
	fmt.Fprintf(w, "| ours, Vietnamese + English | %d | %s | %s |\n", len(ours)+len(oursEn), kb(oursBoth), kb(oursViGz+gzipTotal(oursEn)))
	fmt.Fprintf(w, "| ours, client `js/search.js` (not in the rows above) | 1 | %s | %s |\n", kb(len(client)), kb(gzipLen(client)))
	fmt.Fprintf(w, "| Pagefind `%s/`, both languages, without UI JS/CSS | %d | %s | – |\n", pagefindDir, countIf(pf, func(n string) bool { return !isUI(n) }), kb(pfNoUI))
	fmt.Fprintf(w, "| Pagefind `%s/`, both languages, with UI JS/CSS | %d | %s | – |\n", pagefindDir, len(pf), kb(pfAll))
	fmt.Fprintf(w, "| Pagefind, Vietnamese part: index, fragments, meta, entry | – | %s | – |\n", kb(pfViData))
	fmt.Fprintf(w, "| Pagefind, Vietnamese part + `pagefind.js` + its WebAssembly | – | %s | – |\n\n", kb(pfVi))

	// Per query.
	fmt.Fprintf(w, "Bytes per query: ours = `search.QueryCost` (manifest, dictionary shards, sets, metadata of the first %d results, as the browser client loads them; in parentheses with metadata for %d results, as Pagefind's page loads). Pagefind = everything under `/%s/` that Chromium fetched for `await pagefind.search(q)` and `data()` of the first %d results (`noWorker`, so that Resource Timing sees the requests; in a worker Pagefind also loads `pagefind-worker.js`, %s); in parentheses without `pagefind.js` and the WebAssembly. Rank = position of the wanted page among the first %d results (a milestone counts as its task's page), – if absent.\n\n",
		search.PageSize, pfResults, pagefindDir, pfResults, kb(len(pf["pagefind-worker.js"])), pfResults)
	fmt.Fprintln(w, "| # | Query | Wanted page | Ours: bytes | Pagefind: bytes | Ours: rank | Pagefind: rank | Ours: results | Pagefind: results |")
	fmt.Fprintln(w, "|---:|---|---|---:|---:|:---:|:---:|---:|---:|")
	var oursCosts, pfCosts []int
	oursFound, pfFound := 0, 0
	type row struct{ ours, pf []string }
	rows := make([]row, len(queries))
	for i, q := range queries {
		r, err := search.Query(ours, q.text, pfResults)
		if err != nil {
			return fmt.Errorf("%q: %v", q.text, err)
		}
		cost := search.QueryCost(ours, q.text)
		// Both as paths from the site's root.
		var oursURLs []string
		for _, res := range r.Results {
			oursURLs = append(oursURLs, "/"+res.URL)
		}
		p := pfRuns[i]
		var pfURLs []string
		for _, u := range p.URLs {
			pfURLs = append(pfURLs, strings.TrimSuffix(u, "index.html"))
		}
		rows[i] = row{oursURLs, pfURLs}
		ro, rp := rank(oursURLs, q.want), rank(pfURLs, q.want)
		if ro == "1" {
			oursFound++
		}
		if rp == "1" {
			pfFound++
		}
		oursCosts = append(oursCosts, cost)
		pfCosts = append(pfCosts, p.Bytes)
		want := "(none)"
		if q.want != "" {
			want = "`/" + q.want + "`"
		}
		oursTotal := fmt.Sprint(r.Total)
		if r.Fallback {
			oursTotal += " (some words)"
		}
		fmt.Fprintf(w, "| %d | %s | %s | %s (%s) | %s (%s) | %s | %s | %s | %d |\n", i+1, q.text, want,
			kb(cost), kb(r.Cost), kb(p.Bytes), kb(p.Bytes-p.RuntimeBytes), ro, rp, oursTotal, p.Total)
	}
	fmt.Fprintf(w, "| | **median** | | **%s** | **%s** | **%d/%d first** | **%d/%d first** | | |\n\n",
		kb(median(oursCosts)), kb(median(pfCosts)), oursFound, countWanted(), pfFound, countWanted())

	fmt.Fprintf(w, "First %d results, side by side:\n\n", top)
	fmt.Fprintln(w, "| # | Query | Ours | Pagefind |")
	fmt.Fprintln(w, "|---:|---|---|---|")
	for i, q := range queries {
		fmt.Fprintf(w, "| %d | %s | %s | %s |\n", i+1, q.text, list(rows[i].ours, top, q.want), list(rows[i].pf, top, q.want))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "**bold** = the wanted page (or a milestone on it).")

	if details {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "### Our first 5 results, with the scores they were ranked by")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "M matched words, E exact words, S score (title words, phrases), T title words, F title fit; then kind and URL.")
		for _, q := range queries {
			r, _ := search.Query(ours, q.text, 5)
			fb := ""
			if r.Fallback {
				fb = ", some words only"
			}
			fmt.Fprintf(w, "\n`%s` — %d results%s\n\n", q.text, r.Total, fb)
			for i, res := range r.Results {
				fmt.Fprintf(w, "%d. M%d E%d S%d T%d F%d %s `%s` %s\n", i+1, res.Matched, res.Exact, res.Score, res.InTitle, res.Fit, res.Kind, res.URL, shorten(res.Title, 80))
			}
		}
	}
	return nil
}

// pfPage runs one Pagefind query from ?q= and leaves its answer in
// window.__result. lang="vi" makes Pagefind pick its Vietnamese index.
const pfPage = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body>
<script type="module">
const q = new URLSearchParams(location.search).get('q');
try {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({ noWorker: true });
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  const files = performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.startsWith('/pagefind/'))
    .map((e) => ({ path: new URL(e.name).pathname, body: e.encodedBodySize, transfer: e.transferSize }));
  window.__result = { total: search.results.length, urls: data.map((d) => d.url), titles: data.map((d) => d.meta.title || ''), files };
} catch (e) {
  window.__result = { error: String(e && e.stack || e) };
}
</script>
</body></html>
`

// pfRun is what the Pagefind page reported for one query.
type pfRun struct {
	Total  int      `json:"total"`
	URLs   []string `json:"urls"`
	Titles []string `json:"titles"`
	Files  []struct {
		Path     string `json:"path"`
		Body     int    `json:"body"`
		Transfer int    `json:"transfer"`
	} `json:"files"`
	Error string `json:"error"`

	Bytes, RuntimeBytes int `json:"-"`
}

// runPagefind runs every query in headless Chromium, each on a fresh page
// load, and returns the answers and the browser's version.
func runPagefind(chromium, tmp, base string) ([]pfRun, string, error) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(filepath.Join(tmp, "chromium")),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	// The first Run starts the browser and must not have a timeout.
	if err := chromedp.Do(ctx); err != nil {
		return nil, "", fmt.Errorf("starting %s: %w", chromium, err)
	}
	version := "?"
	if out, err := exec.Command(chromium, "--version").Output(); err == nil {
		version = strings.TrimSpace(string(out))
	}
	var runs []pfRun
	for _, q := range queries {
		qctx, qcancel := context.WithTimeout(ctx, 60*time.Second)
		err := chromedp.Do(qctx, chromedp.Navigate(base+"__compare.html?q="+urlQueryEscape(q.text)))
		var raw []byte
		if err == nil {
			raw, err = chromedp.Run(qctx, chromedp.Poll[[]byte](`window.__result`, chromedp.WithPollingInterval(20*time.Millisecond)))
		}
		qcancel()
		if err != nil {
			return nil, "", fmt.Errorf("pagefind %q: %w", q.text, err)
		}
		var r pfRun
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, "", fmt.Errorf("pagefind %q: %w", q.text, err)
		}
		if r.Error != "" {
			return nil, "", fmt.Errorf("pagefind %q: %s", q.text, r.Error)
		}
		for _, f := range r.Files {
			r.Bytes += f.Body
			name := path.Base(f.Path)
			if name == "pagefind.js" || name == "pagefind-worker.js" || strings.HasPrefix(name, "wasm.") {
				r.RuntimeBytes += f.Body
			}
		}
		runs = append(runs, r)
	}
	return runs, version, nil
}

// serve serves dir on 127.0.0.1 without compression or caching and returns
// the server and its base URL (ending with /).
func serve(dir string) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	fsrv := http.FileServer(http.Dir(dir))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		fsrv.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	return srv, "http://" + ln.Addr().String() + "/", nil
}

// readDir returns the files under dir keyed by slash path relative to it.
func readDir(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("%s is empty", dir)
	}
	return files, err
}

// pfSummary sums up what Pagefind said it indexed.
func pfSummary(log string, langs map[string]struct {
	Hash      string  `json:"hash"`
	Wasm      *string `json:"wasm"`
	PageCount int     `json:"page_count"`
}) string {
	var parts []string
	if m := regexp.MustCompile(`Found (\d+) files? matching`).FindStringSubmatch(log); m != nil {
		parts = append(parts, m[1]+" HTML files found")
	}
	if m := regexp.MustCompile(`Indexed (\d+) pages`).FindStringSubmatch(log); m != nil {
		parts = append(parts, m[1]+" pages indexed")
	}
	if m := regexp.MustCompile(`Indexed (\d+) words`).FindStringSubmatch(log); m != nil {
		parts = append(parts, m[1]+" words")
	}
	var names []string
	for l := range langs {
		names = append(names, l)
	}
	sort.Strings(names)
	var per []string
	for _, l := range names {
		per = append(per, fmt.Sprintf("%s %d", l, langs[l].PageCount))
	}
	parts = append(parts, "pages per language: "+strings.Join(per, ", "))
	if strings.Contains(log, "Did not find a data-pagefind-body") {
		parts = append(parts, "no `data-pagefind-body` on the site, so it indexed each page's whole `<body>` (header, navigation and footer included)")
	}
	return strings.Join(parts, "; ") + "."
}

// rank returns the 1-based position of the page want (relative to the
// root) among urls (from the root, a #fragment ignored), or "–".
func rank(urls []string, want string) string {
	if want == "" {
		return "n/a"
	}
	for i, u := range urls {
		if page(u) == "/"+want {
			return fmt.Sprint(i + 1)
		}
	}
	return "–"
}

func page(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return u
}

// list shows the first n urls, the wanted page in bold.
func list(urls []string, n int, want string) string {
	var out []string
	for _, u := range urls[:min(n, len(urls))] {
		s := "`" + u + "`"
		if want != "" && page(u) == "/"+want {
			s = "**" + s + "**"
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return "(nothing)"
	}
	return strings.Join(out, "<br>")
}

func countWanted() int {
	n := 0
	for _, q := range queries {
		if q.want != "" {
			n++
		}
	}
	return n
}

func countIf(files map[string][]byte, f func(string) bool) int {
	n := 0
	for name := range files {
		if f(path.Base(name)) {
			n++
		}
	}
	return n
}

func total(files map[string][]byte) int {
	n := 0
	for _, b := range files {
		n += len(b)
	}
	return n
}

// gzipTotal is the sum of each file's size gzipped at the best level, as a
// server that compresses would send them one by one.
func gzipTotal(files map[string][]byte) int {
	n := 0
	for _, b := range files {
		n += gzipLen(b)
	}
	return n
}

func gzipLen(b []byte) int {
	cw := &countWriter{}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return cw.n
}

type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

func median(xs []int) int {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func kb(n int) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1024)
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// urlQueryEscape escapes s for a query string (spaces as %20, so that the
// page's URLSearchParams reads it back unchanged).
func urlQueryEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
