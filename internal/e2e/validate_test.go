package e2e

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The validators of this file are other people's: the Nu HTML Checker (the
// W3C's, npm package vnu-jar, run with Java), xmllint (Debian's
// libxml2-utils) with the sitemap schema of the npm package sitemap, and the
// Frictionless Data Package library of the npm package datapackage. Each
// runs once per build over all of its files, fails the test on any error,
// and logs its counts on lines that start with "count:" (.ci/run prints
// them). Without the tool the test is skipped with a message, except with
// CI=true, where that is a failure (missingTool).

// validatorHint says how to install the validators.
const validatorHint = "install Java with `apt-get install -y default-jre-headless` and xmllint with `apt-get install -y libxml2-utils` (Debian/Ubuntu), and vnu-jar, sitemap and datapackage with `npm ci` in the repository root"

// builds are the three builds every validator checks.
var builds = []string{"root", "sub-path", "relative"}

// vnuMessage is one message of the Nu HTML Checker's JSON output.
type vnuMessage struct {
	Type      string `json:"type"`    // "error", "info" or "non-document-error"
	SubType   string `json:"subType"` // "warning" for an info that is a warning, "fatal", "io"…
	URL       string `json:"url"`
	FirstLine int    `json:"firstLine"`
	LastLine  int    `json:"lastLine"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
}

// failure reports whether the message makes the document non-conforming or
// says that it could not be checked.
func (m vnuMessage) failure() bool { return m.Type == "error" || m.Type == "non-document-error" }

func (m vnuMessage) warning() bool { return m.Type == "info" && m.SubType == "warning" }

func (m vnuMessage) where(dir string) string {
	p := strings.TrimPrefix(m.URL, "file:")
	if rel, err := filepath.Rel(dir, p); err == nil && !strings.HasPrefix(rel, "..") {
		p = rel
	}
	if m.LastLine > 0 {
		return fmt.Sprintf("%s:%d", p, m.LastLine)
	}
	return p
}

// vnuCommand returns the command line that runs the Nu HTML Checker, or
// skips (fails with CI=true) when Java or vnu.jar is missing.
func vnuCommand(t *testing.T) (java, jar string) {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		missingTool(t, "Java was not found (the Nu HTML Checker needs Java 17 or later): "+validatorHint)
	}
	jar, _ = filepath.Abs(filepath.Join(repoRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar"))
	if _, err := os.Stat(jar); err != nil {
		missingTool(t, fmt.Sprintf("vnu-jar is not installed (%v): %s", err, validatorHint))
	}
	return java, jar
}

// runVNU checks the HTML, CSS and SVG files of the given folders and files in
// one run of the checker (one JVM: starting it is the slow part).
func runVNU(t *testing.T, java, jar string, paths ...string) []vnuMessage {
	t.Helper()
	args := append([]string{"-jar", jar, "--format", "json", "--stdout", "--exit-zero-always",
		"--skip-non-html", "--also-check-css", "--also-check-svg"}, paths...)
	cmd := exec.Command(java, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("running the Nu HTML Checker: %v\n%s", err, stderr.String())
	}
	var res struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("reading the Nu HTML Checker's output: %v\n%s\n%s", err, shorten(string(out), 500), stderr.String())
	}
	return res.Messages
}

// canaryHTML is a page with the two mistakes the checker once found in the
// portal: ARIA roles on the rows and cells of a table, and an empty form
// action. Checked in the same run as each build, it shows that the checker
// ran and reports errors.
const canaryHTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
<body><table><tr role="row"><td role="cell">1</td></tr></table>
<form action=""><button type="submit">go</button></form></body></html>
`

// TestValidateHTML runs the Nu HTML Checker over every HTML page (and the
// style sheet and the SVG images) of the root, sub-path and relative builds,
// in one run, and requires zero errors. Warnings are printed, grouped by
// message.
func TestValidateHTML(t *testing.T) {
	java, jar := vnuCommand(t)
	canaryDir := t.TempDir()
	canary := filepath.Join(canaryDir, "canary.html")
	if err := os.WriteFile(canary, []byte(canaryHTML), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(canaryDir, "canary.css"), []byte("a { colr: red }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// One run of the checker (one JVM) over the canary and the three builds.
	sites := map[string]*builtSite{}
	paths := []string{canaryDir}
	for _, name := range builds {
		sites[name] = getSite(t, name)
		paths = append(paths, sites[name].dir)
	}
	msgs := runVNU(t, java, jar, paths...)
	byDir := map[string][]vnuMessage{}
	canaryErrs := map[string]int{}
	for _, m := range msgs {
		p := strings.TrimPrefix(m.URL, "file:")
		if strings.HasPrefix(p, canaryDir+string(filepath.Separator)) {
			if m.failure() {
				canaryErrs[filepath.Ext(p)]++
				if strings.Contains(m.Message, "role") || strings.Contains(m.Message, "action") || strings.Contains(m.Message, "colr") {
					canaryErrs["expected"]++
				}
			}
			continue
		}
		found := false
		for _, name := range builds {
			if strings.HasPrefix(p, sites[name].dir+string(filepath.Separator)) {
				byDir[name] = append(byDir[name], m)
				found = true
			}
		}
		if !found {
			t.Errorf("a message about no file of the builds: %s: %s: %s", m.URL, m.Type, m.Message)
		}
	}
	if canaryErrs[".html"] < 3 || canaryErrs[".css"] < 1 || canaryErrs["expected"] < 4 {
		t.Fatalf("the checker did not report the canary's mistakes (errors by file type: %v); is it working?", canaryErrs)
	}
	for _, name := range builds {
		t.Run(name, func(t *testing.T) {
			s := sites[name]
			files := countFiles(t, s.dir)
			for _, l := range languages {
				for _, p := range pageTypes {
					f := filepath.Join(s.dir, filepath.FromSlash(l.prefix+p.path))
					if p.path == "" || strings.HasSuffix(p.path, "/") {
						f = filepath.Join(f, "index.html")
					}
					if _, err := os.Stat(f); err != nil {
						t.Errorf("the %s page (%s) is missing from the build: %v", p.name, l.code, err)
					}
				}
			}
			mine := byDir[name]
			errs, warns, infos := 0, 0, 0
			warnGroups := map[string][]string{}
			for _, m := range mine {
				switch {
				case m.failure():
					errs++
					t.Errorf("%s: %s: %s\n    %s", m.where(s.dir), m.Type, m.Message, shorten(m.Extract, 160))
				case m.warning():
					warns++
					key := quoted.ReplaceAllString(m.Message, "“…”")
					warnGroups[key] = append(warnGroups[key], m.where(s.dir)+": "+m.Message)
				default:
					infos++
				}
			}
			keys := make([]string, 0, len(warnGroups))
			for k := range warnGroups {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				g := warnGroups[k]
				t.Logf("warning ×%d: %s (first: %s)", len(g), k, g[0])
			}
			if len(warnGroups) > 0 {
				t.Logf("note: the checker reads the files from disk (file: URLs), so it cannot match 'self' in the Content-Security-Policy <meta> to the site's own origin and warns about each style sheet, script and image; a web server serves them from the page's origin")
			}
			t.Logf("count: vnu %s build: %d HTML, %d CSS, %d SVG files: %d errors, %d warnings, %d info messages", name, files[".html"], files[".css"], files[".svg"], errs, warns, infos)
		})
	}
}

// quoted matches the quoted names and values in the checker's messages.
var quoted = regexp.MustCompile(`“[^”]*”`)

// countFiles counts the files of a folder by extension.
func countFiles(t *testing.T, dir string) map[string]int {
	t.Helper()
	n := map[string]int{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			n[filepath.Ext(p)]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n[".html"] == 0 {
		t.Fatalf("%s has no HTML file", dir)
	}
	return n
}

// xmlKind is what an XML file of the build is, by its root element.
func xmlKind(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if err != nil {
			return "unknown"
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Space + " " + se.Name.Local
		}
	}
}

const (
	atomFeed     = "http://www.w3.org/2005/Atom feed"
	sitemapURLs  = "http://www.sitemaps.org/schemas/sitemap/0.9 urlset"
	sitemapIndex = "http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"
)

// xhtmlLink matches the xhtml:link alternates of a sitemap (Google's
// hreflang extension), which sitemap.xsd admits only with a schema for
// their namespace that no package here ships; the test removes them from
// its copy before the schema check.
var xhtmlLink = regexp.MustCompile(`<xhtml:link\b[^>]*/>`)

// runXmllint runs xmllint over files and returns its verdict per file:
// "" for a file that passed, else the messages about it.
func runXmllint(t *testing.T, xmllint string, args []string, files []string) map[string]string {
	t.Helper()
	cmd := exec.Command(xmllint, append(append([]string{"--noout", "--nonet"}, args...), files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("running xmllint: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		out[f] = ""
	}
	last := "" // the file the previous message was about
	for _, line := range strings.Split(stderr.String(), "\n") {
		if line == "" {
			continue
		}
		named := false
		for _, f := range files {
			if strings.HasPrefix(line, f+":") || strings.HasPrefix(line, f+" ") {
				last, named = f, true
				break
			}
		}
		if named && strings.HasSuffix(line, " validates") {
			continue
		}
		if last == "" {
			// Not about a file: the schema or xmllint itself is wrong.
			t.Fatalf("xmllint: %s", stderr.String())
		}
		out[last] += line + "\n" // a message, or its context and caret lines
	}
	if err != nil {
		failed := false
		for _, v := range out {
			failed = failed || v != ""
		}
		if !failed {
			t.Fatalf("xmllint failed without naming a file: %v\n%s", err, stderr.String())
		}
	}
	return out
}

// TestValidateXML checks the Atom feeds and the sitemaps of the three builds
// with xmllint (libxml2): every XML file must be well-formed XML with
// namespaces, and every sitemap <urlset> must be valid against sitemap.xsd
// of sitemaps.org, as shipped by the npm package sitemap. The sitemap index
// and the feeds are checked for well-formedness only: no package available
// here ships a schema for them (see README, "Tests").
func TestValidateXML(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		missingTool(t, "xmllint was not found: "+validatorHint)
	}
	xsd, _ := filepath.Abs(filepath.Join(repoRoot, "node_modules", "sitemap", "schema", "sitemap.xsd"))
	if _, err := os.Stat(xsd); err != nil {
		missingTool(t, fmt.Sprintf("the npm package sitemap is not installed (%v): %s", err, validatorHint))
	}
	canaries := t.TempDir()
	badFeed := filepath.Join(canaries, "bad-feed.xml")
	badSitemap := filepath.Join(canaries, "bad-sitemap.xml")
	if err := os.WriteFile(badFeed, []byte(`<?xml version="1.0" encoding="utf-8"?>`+"\n"+`<feed xmlns="http://www.w3.org/2005/Atom"><title>x</feed>`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(badSitemap, []byte(`<?xml version="1.0" encoding="utf-8"?>`+"\n"+`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>hôm qua</lastmod></url></urlset>`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range builds {
		t.Run(name, func(t *testing.T) {
			s := getSite(t, name)
			var all, urlsets []string
			kinds := map[string]int{}
			err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xml") {
					all = append(all, p)
					k := xmlKind(t, p)
					kinds[k]++
					switch k {
					case atomFeed, sitemapIndex:
					case sitemapURLs:
						urlsets = append(urlsets, p)
					default:
						t.Errorf("%s: an XML file of an unexpected kind (root element %q)", p, k)
					}
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if kinds[atomFeed] == 0 || kinds[sitemapURLs] == 0 || kinds[sitemapIndex] == 0 {
				t.Fatalf("the build lacks feeds or sitemaps: %v", kinds)
			}
			// Well-formedness of every XML file, in one run.
			wf := runXmllint(t, xmllint, nil, append(all, badFeed))
			if wf[badFeed] == "" {
				t.Fatalf("xmllint accepted a malformed feed; is it working?")
			}
			wfErrs := 0
			for _, f := range all {
				if wf[f] != "" {
					wfErrs++
					t.Errorf("%s is not well-formed XML:\n%s", f, wf[f])
				}
			}
			// The sitemaps against the schema, in one run, on copies without
			// the xhtml:link alternates.
			copies := t.TempDir()
			var check []string
			links := 0
			origin := map[string]string{}
			for i, f := range urlsets {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				links += len(xhtmlLink.FindAll(b, -1))
				c := filepath.Join(copies, fmt.Sprintf("%d-%s", i, filepath.Base(f)))
				if err := os.WriteFile(c, xhtmlLink.ReplaceAll(b, nil), 0o644); err != nil {
					t.Fatal(err)
				}
				check = append(check, c)
				origin[c] = f
			}
			sv := runXmllint(t, xmllint, []string{"--schema", xsd}, append(check, badSitemap))
			if sv[badSitemap] == "" {
				t.Fatalf("xmllint accepted a sitemap that breaks sitemap.xsd; is it working?")
			}
			schemaErrs := 0
			for _, c := range check {
				if sv[c] != "" {
					schemaErrs++
					t.Errorf("%s does not match sitemap.xsd:\n%s", origin[c], sv[c])
				}
			}
			t.Logf("count: xmllint %s build: %d XML files well-formed (%d Atom feeds, %d sitemaps, %d sitemap index), %d errors; %d sitemaps valid against sitemap.xsd (%d xhtml:link alternates set aside), %d errors",
				name, len(all)-wfErrs, kinds[atomFeed], kinds[sitemapURLs], kinds[sitemapIndex], wfErrs, len(check)-schemaErrs, links, schemaErrs)
		})
	}
}

// dataPackageResult is what testdata/validate-datapackage.cjs reports about
// one descriptor.
type dataPackageResult struct {
	File      string   `json:"file"`
	Valid     bool     `json:"valid"`
	Profile   string   `json:"profile"`
	Errors    []string `json:"errors"`
	Resources []struct {
		Name   string   `json:"name"`
		Rows   int      `json:"rows"`
		Fields int      `json:"fields"`
		Errors []string `json:"errors"`
	} `json:"resources"`
}

// copyDataPackage copies the open-data folder of a build into a new folder,
// applying edit to each file's bytes (for the broken samples; the real
// files are validated where the build wrote them), and counts the CSV files
// that start with the UTF-8 byte order mark.
func copyDataPackage(t *testing.T, from string, edit func(name string, b []byte) []byte) (descriptor string, boms int) {
	t.Helper()
	to := t.TempDir()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".csv") || n == "datapackage.json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, n))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(n, ".csv") && bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
			boms++
		}
		if edit != nil {
			b = edit(n, b)
		}
		if err := os.WriteFile(filepath.Join(to, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(to, "datapackage.json"), boms
}

// TestValidateDataPackage validates du-lieu/datapackage.json of the three
// builds with the Frictionless Data library (npm package datapackage):
// the descriptor against its profile (tabular-data-package), then every
// CSV file against its Table Schema (types, enums, primary and foreign
// keys). It reads the files as the build wrote them, byte order marks
// included, with the library's CSV parser told to strip the mark as the
// Frictionless specs ask of a reader (testdata/validate-datapackage.cjs).
// Three broken copies show that the library reports what it must; the
// real files read without that option show that the marks are there (for
// Excel) and that the option is what the library lacked.
func TestValidateDataPackage(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		missingTool(t, "Node.js was not found: "+validatorHint)
	}
	if _, err := os.Stat(filepath.Join(repoRoot, "node_modules", "datapackage", "package.json")); err != nil {
		missingTool(t, fmt.Sprintf("the npm package datapackage is not installed (%v): %s", err, validatorHint))
	}
	script, _ := filepath.Abs(filepath.Join("testdata", "validate-datapackage.cjs"))
	for _, name := range builds {
		t.Run(name, func(t *testing.T) {
			s := getSite(t, name)
			src := filepath.Join(s.dir, "du-lieu")
			good := filepath.Join(src, "datapackage.json")
			_, boms := copyDataPackage(t, src, nil)
			csvs, _ := filepath.Glob(filepath.Join(src, "*.csv"))
			if len(csvs) < 3 || boms != len(csvs) {
				t.Errorf("%d of the %d CSV files start with a byte order mark; want all (Excel needs it)", boms, len(csvs))
			}
			keep := exec.Command(node, script, "--keep-bom", good)
			keepOut, err := keep.Output()
			var kept []dataPackageResult
			if err != nil || json.Unmarshal(keepOut, &kept) != nil || len(kept) != 1 {
				t.Fatalf("running %s --keep-bom: %v: %s", script, err, shorten(string(keepOut), 300))
			}
			for _, x := range kept[0].Resources {
				if !strings.Contains(strings.Join(x.Errors, "\n"), "header names do not match") {
					t.Errorf("read without stripping the byte order mark, resource %s gave no header error: %+v", x.Name, x)
				}
			}
			badDescriptor, _ := copyDataPackage(t, src, func(n string, b []byte) []byte {
				if n == "datapackage.json" {
					return bytes.Replace(b, []byte(`"schema"`), []byte(`"schema_"`), 1)
				}
				return b
			})
			badType, _ := copyDataPackage(t, src, func(n string, b []byte) []byte {
				if n == "nhiem-vu.csv" {
					return regexp.MustCompile(`(?m)^1,`).ReplaceAll(b, []byte("một,"))
				}
				return b
			})
			badKey, _ := copyDataPackage(t, src, func(n string, b []byte) []byte {
				if n == "moc.csv" {
					return bytes.Replace(b, []byte(",pho-bien-quan-triet-tuyen-truyen,"), []byte(",khong-co-nhiem-vu-nay,"), 1)
				}
				return b
			})
			cmd := exec.Command(node, script, good, badDescriptor, badType, badKey)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("running %s: %v\n%s", script, err, stderr.String())
			}
			var res []dataPackageResult
			if err := json.Unmarshal(out, &res); err != nil || len(res) != 4 {
				t.Fatalf("reading the validator's output (%v): %s", err, shorten(string(out), 300))
			}
			// The canaries first: a validator that finds nothing proves nothing.
			if res[1].Valid {
				t.Error("the validator accepted a descriptor whose first resource has no schema")
			}
			resErr := func(r dataPackageResult, resource, want string) bool {
				for _, x := range r.Resources {
					if x.Name == resource {
						return strings.Contains(strings.Join(x.Errors, "\n"), want)
					}
				}
				return false
			}
			if !resErr(res[2], "nhiem-vu", `"một"`) {
				t.Errorf("the validator accepted a task number that is not an integer: %+v", res[2])
			}
			if !resErr(res[3], "moc", "Foreign key") {
				t.Errorf("the validator accepted a milestone of a task that does not exist: %+v", res[3])
			}
			r := res[0]
			errs := len(r.Errors)
			for _, e := range r.Errors {
				t.Errorf("%s/datapackage.json: %s", src, e)
			}
			if r.Profile != "tabular-data-package" {
				t.Errorf("%s/datapackage.json: profile %q, want tabular-data-package", src, r.Profile)
			}
			if r.Valid && len(r.Resources) == 0 {
				t.Errorf("%s/datapackage.json: no resources", src)
			}
			var parts []string
			for _, x := range r.Resources {
				errs += len(x.Errors)
				for _, e := range x.Errors {
					t.Errorf("%s: resource %s: %s", src, x.Name, e)
				}
				if len(x.Errors) == 0 && x.Rows == 0 {
					t.Errorf("%s: resource %s has no rows", src, x.Name)
				}
				parts = append(parts, fmt.Sprintf("%s %d rows × %d fields", x.Name, x.Rows, x.Fields))
			}
			t.Logf("count: datapackage %s build: descriptor valid=%v (%s), %d resources (%s; the %d CSV files read as published, byte order marks included), %d errors",
				name, r.Valid, r.Profile, len(r.Resources), strings.Join(parts, ", "), boms, errs)
		})
	}
}
