package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/gen"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/minhbach/minhbach/internal/serve"
	"github.com/minhbach/minhbach/internal/site"
	"github.com/minhbach/minhbach/internal/status"
)

// HugoVersion is the Hugo release minhbach is built with; the benchmark
// compares against the hugo command of the same release.
const HugoVersion = "v0.165.0"

// benchServe says whether the benchmark measures serve's rebuild of an
// edited report (the -serve flag).
var benchServe = true

// measurement is one timed run of a command.
type measurement struct {
	wall  time.Duration
	rssKB int64
}

// memoryLimitKB is the most resident memory a measured command may take
// before the benchmark stops it: the machine is shared, and a build that
// needs more does not fit it (the README's targets are far below).
const memoryLimitKB = 8 << 20

// errTooBig says a command was stopped at memoryLimitKB.
var errTooBig = fmt.Errorf("stopped: resident memory passed %d MB", memoryLimitKB>>10)

// timed runs a command and returns its wall time and peak memory; it stops
// the command with errTooBig when its memory passes memoryLimitKB.
func timed(dir string, name string, args ...string) (measurement, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return measurement{}, err
	}
	done := make(chan struct{})
	var killed atomic.Bool
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(200 * time.Millisecond):
			}
			if rssKB(cmd.Process.Pid) > memoryLimitKB {
				killed.Store(true)
				_ = cmd.Process.Kill()
				return
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	m := measurement{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.rssKB = ru.Maxrss
	}
	if killed.Load() {
		return m, fmt.Errorf("%s: %w", name, errTooBig)
	}
	if err != nil {
		return m, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return m, nil
}

// rssKB returns the resident memory of a process from /proc, or 0 where
// there is no /proc (the limit is then not enforced).
func rssKB(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// loadAverage returns the machine's load averages over 1, 5 and 15
// minutes as /proc/loadavg gives them, or "n/a" where there is none: the
// benchmark's times mean little without it on a shared machine.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "n/a"
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func maxRSS(ms []measurement) int64 {
	var m int64
	for _, x := range ms {
		m = max(m, x.rssKB)
	}
	return m
}

func walls(ms []measurement) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = m.wall
	}
	return out
}

// findHugo returns the hugo command of HugoVersion, or an error that says
// how to install it.
func findHugo() (string, error) {
	candidates := []string{}
	if p, err := exec.LookPath("hugo"); err == nil {
		candidates = append(candidates, p)
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		candidates = append(candidates, filepath.Join(strings.TrimSpace(string(out)), "bin", "hugo"))
	}
	for _, c := range candidates {
		out, err := exec.Command(c, "version").Output()
		if err == nil && strings.Contains(string(out), HugoVersion) {
			return c, nil
		}
	}
	return "", fmt.Errorf("the hugo command %s is needed: go install github.com/gohugoio/hugo@%s", HugoVersion, HugoVersion)
}

func treeSize(dir string) (files, pages int, bytes int64) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				bytes += info.Size()
			}
			files++
			if strings.HasSuffix(p, ".html") {
				pages++
			}
		}
		return nil
	})
	return
}

// bench measures, on one machine in one run, (a) minhbach build, (b) the
// hugo command rendering the same pages written out beforehand, and (c)
// cp -r of the output, and prints medians of runs.
func bench(scaleName, repo string, seed uint64, runs int, w io.Writer) error {
	sc, ok := gen.ScaleByName(scaleName)
	if !ok {
		return fmt.Errorf("unknown scale %q: use S, M or L", scaleName)
	}
	hugo, err := findHugo()
	if err != nil {
		return err
	}
	repo, err = filepath.Abs(repo)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "minhbach-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	src, hugoSrc := filepath.Join(tmp, "src"), filepath.Join(tmp, "hugo")
	osfs := afero.NewOsFs()
	fmt.Fprintf(w, "generating scale %s…\n", scaleName)
	if _, err := gen.Generate(gen.Config{Scale: sc, Seed: seed, RepoFs: osfs, Repo: repo, Fs: osfs, Out: src}); err != nil {
		return err
	}
	bin := filepath.Join(tmp, "minhbach")
	if _, err := timed(repo, "go", "build", "-o", bin, "./cmd/minhbach"); err != nil {
		return err
	}
	if err := site.WriteHugoProject(site.Options{Source: src}, hugoSrc); err != nil {
		return err
	}

	var mb, hg, cp []measurement
	hugoTooBig := false
	loadStart := loadAverage()
	var domain []time.Duration
	for i := 0; i < runs; i++ {
		fmt.Fprintf(w, "run %d/%d…\n", i+1, runs)
		out := filepath.Join(tmp, "out")
		os.RemoveAll(out) // as for hugo: both build into a fresh folder
		m, err := timed(tmp, bin, "build", "--source", src, "--dest", out)
		if err != nil {
			return err
		}
		mb = append(mb, m)
		hout := filepath.Join(tmp, "out-hugo")
		os.RemoveAll(hout)
		if !hugoTooBig {
			m, err = timed(tmp, hugo, "--source", hugoSrc, "--config", site.ConfigFile, "--destination", hout, "--quiet", "--noBuildLock")
			switch {
			case errors.Is(err, errTooBig):
				hugoTooBig = true
				fmt.Fprintf(w, "plain hugo does not fit: %v\n", err)
			case err != nil:
				return err
			default:
				hg = append(hg, m)
			}
		}
		copyTo := filepath.Join(tmp, "out-cp")
		m, err = timed(tmp, "cp", "-r", out, copyTo)
		if err != nil {
			return err
		}
		cp = append(cp, m)
		os.RemoveAll(copyTo)
		start := time.Now()
		p, err := plan.Load(osfs, src)
		if err != nil {
			return err
		}
		status.Current(p, plan.Date{})
		status.History(p)
		domain = append(domain, time.Since(start))
	}
	var inc time.Duration
	incRatio := "n/a"
	if benchServe {
		if inc, err = incremental(src); err != nil {
			return err
		}
	}
	files, pages, size := treeSize(filepath.Join(tmp, "out"))
	_, hpages, hsize := treeSize(filepath.Join(tmp, "out-hugo"))
	a, c := median(walls(mb)), median(walls(cp))
	var b time.Duration
	ratio, hugoRSS := "n/a", fmt.Sprintf("n/a(over_%d)", memoryLimitKB>>10)
	if len(hg) > 0 {
		b = median(walls(hg))
		ratio, hugoRSS = fmt.Sprintf("%.2f", float64(a)/float64(b)), fmt.Sprint(maxRSS(hg)/1024)
	}
	d := median(domain)
	if benchServe {
		incRatio = fmt.Sprintf("%.2f", float64(inc)/float64(a))
	}
	fmt.Fprintf(w, "\nscale %s, %d runs, medians; machine: %d cores, load average %s at the start, %s at the end\n\n", scaleName, runs, runtime.NumCPU(), loadStart, loadAverage())
	fmt.Fprintf(w, "| step | wall | peak memory | pages | output |\n|---|---|---|---|---|\n")
	fmt.Fprintf(w, "| (a) minhbach build | %s | %d MB | %d | %.1f MB in %d files |\n", a.Round(time.Millisecond), maxRSS(mb)/1024, pages, float64(size)/(1<<20), files)
	if len(hg) > 0 {
		fmt.Fprintf(w, "| (b) hugo %s, same pages as Markdown | %s | %d MB | %d | %.1f MB |\n", HugoVersion, b.Round(time.Millisecond), maxRSS(hg)/1024, hpages, float64(hsize)/(1<<20))
	} else {
		fmt.Fprintf(w, "| (b) hugo %s, same pages as Markdown | did not fit in %d MB | | | |\n", HugoVersion, memoryLimitKB>>10)
	}
	fmt.Fprintf(w, "| (c) cp -r of the output | %s | | | |\n", c.Round(time.Millisecond))
	fmt.Fprintf(w, "| load + validate + status + history (in (a)) | %s (%.1f%% of a) | | | |\n", d.Round(time.Millisecond), 100*float64(d)/float64(a))
	if benchServe {
		fmt.Fprintf(w, "| serve: one report edited → its page served | %s (%.0f%% of a) | | | |\n\n", inc.Round(time.Millisecond), 100*float64(inc)/float64(a))
	} else {
		fmt.Fprintf(w, "| serve: one report edited → its page served | not measured (-serve=false) | | | |\n\n")
	}
	fmt.Fprintf(w, "ratio a/b = %s, a/c = %.1f\n", ratio, float64(a)/float64(c))
	fmt.Fprintf(w, "scale=%s pages=%d ratio_vs_hugo=%s ratio_vs_cp=%.1f peak_rss_mb=%d hugo_peak_rss_mb=%s incremental_ratio=%s\n",
		scaleName, pages, ratio, float64(a)/float64(c), maxRSS(mb)/1024, hugoRSS, incRatio)
	return nil
}

// incremental starts a preview server on the portal, edits one approved
// report and returns how long it takes until the edited page is served.
func incremental(src string) (time.Duration, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := serve.Start(ctx, serve.Options{Build: site.Options{Source: src}, Addr: "127.0.0.1:0", Debounce: 20 * time.Millisecond})
	if err != nil {
		return 0, err
	}
	defer srv.Close()
	p, err := plan.Load(afero.NewOsFs(), src)
	if err != nil {
		return 0, err
	}
	pub := p.Published()
	if len(pub) == 0 {
		return 0, fmt.Errorf("no approved report to edit")
	}
	r := pub[len(pub)/2]
	file := filepath.Join(src, filepath.FromSlash(r.File))
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	defer os.WriteFile(file, data, 0o644)
	token := fmt.Sprintf("Đoạn sửa đổi để đo %d.", time.Now().UnixNano())
	url := srv.URL() + "ky-bao-cao/" + r.Period + "/" + r.Agency + "/"
	edited, err := editReport(r, data, token)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		return 0, err
	}
	for time.Since(start) < 10*time.Minute {
		res, err := http.Get(url)
		if err == nil {
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if strings.Contains(string(body), token) {
				return time.Since(start), nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return 0, fmt.Errorf("the edited report was not served within 10 minutes")
}

// editReport returns the report file with a paragraph added to its
// narrative. A report whose approval carries a digest gets the digest of
// its new content too, as approve --amend would write it (without the
// amendment's record, which the measurement does not need): otherwise the
// preview would rightly refuse the change as unseen and never serve it.
func editReport(r *plan.Report, data []byte, token string) ([]byte, error) {
	edited := append(append([]byte{}, data...), []byte("\n"+token+"\n")...)
	if r.Approval.Digest == "" {
		return edited, nil
	}
	after := *r
	after.Body = r.Body + "\n" + token + "\n"
	a := r.Approval
	a.Digest = after.ContentDigest()
	return reportfile.SetApproval(edited, a)
}
