package deploy

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/spf13/afero"
)

// ConfigFile is the portal's configuration file, which holds the
// [deployment] table next to Hugo's settings.
const ConfigFile = "site.toml"

// Config is the [deployment] table of site.toml, in Hugo's conventions:
// named targets with a URL, and matchers that set the headers of the
// files whose path matches a pattern. It never holds a credential.
type Config struct {
	Targets  []Target  `toml:"targets"`
	Matchers []Matcher `toml:"matchers"`
	// MaxDeletes is the default of --max-deletes (Hugo's maxDeletes); 0
	// when not set, and then DefaultMaxDeletes applies.
	MaxDeletes int `toml:"maxDeletes"`
}

// Target is a place the site is published to: a name to choose it with
// --target, and its URL (s3://, gs://, azblob://, file:// or sftp://).
type Target struct {
	Name string `toml:"name"`
	URL  string `toml:"URL"`
	line int
}

// Matcher gives the files whose slash path (relative to the site's root)
// matches Pattern, a regular expression, a Cache-Control header, a
// Content-Type other than the one the file's extension gives, a
// Content-Encoding, or Force: upload them on every deploy even when
// unchanged (to apply a changed header). The first matcher that matches
// a path applies, as in Hugo.
type Matcher struct {
	Pattern         string `toml:"pattern"`
	CacheControl    string `toml:"cacheControl"`
	ContentType     string `toml:"contentType"`
	ContentEncoding string `toml:"contentEncoding"`
	Force           bool   `toml:"force"`
	re              *regexp.Regexp
	line            int
}

// DefaultMaxDeletes is the largest number of files a deploy deletes
// unless --max-deletes or maxDeletes says otherwise (Hugo's default).
const DefaultMaxDeletes = 256

// match returns the matcher of the slash path p, or nil.
func (c *Config) match(p string) *Matcher {
	for i := range c.Matchers {
		if c.Matchers[i].re.MatchString(p) {
			return &c.Matchers[i]
		}
	}
	return nil
}

// secretWords are query parameters that look like a credential.
var secretWords = regexp.MustCompile(`(?i)(secret|password|passwd|token|credential|access_?key|account_?key|sas|sig|signature|key_?path|private)`)

// LoadConfig reads the [deployment] table of src/site.toml. A missing
// table is an empty Config. A problem is an *Error naming the line.
func LoadConfig(fsys afero.Fs, src string) (*Config, error) {
	name := filepath.Join(src, ConfigFile)
	data, err := afero.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{Key: "deploy.noConfig", Args: []any{name}}
	}
	if err != nil {
		return nil, &Error{Key: "deploy.readConfig", Args: []any{name, err}, Err: err}
	}
	var doc struct {
		Deployment Config `toml:"deployment"`
	}
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line := pe.Position.Line
			if pe.Position.Start > 0 {
				// The parser's line is at times the one after the newline
				// it stopped on: the byte offset is exact.
				line = strings.Count(string(data[:min(pe.Position.Start, len(data))]), "\n") + 1
			}
			return nil, &Error{Key: "deploy.configSyntax", Args: []any{ConfigFile, line, pe.Message}, Err: err}
		}
		return nil, &Error{Key: "deploy.configValue", Args: []any{ConfigFile, 1, err}, Err: err}
	}
	lines := strings.Split(string(data), "\n")
	c := &doc.Deployment
	for _, k := range md.Undecoded() {
		// Hugo's other keys (include/exclude, gzip, order, CDN
		// invalidation…) are told as not supported rather than ignored.
		if len(k) > 1 && k[0] == "deployment" {
			return nil, &Error{Key: "deploy.unsupportedKey", Args: []any{ConfigFile, keyLine(lines, k[len(k)-1], 1), k.String()}}
		}
	}
	targetLines := headerLines(lines, "[[deployment.targets]]")
	matcherLines := headerLines(lines, "[[deployment.matchers]]")
	seen := map[string]bool{}
	for i := range c.Targets {
		t := &c.Targets[i]
		t.line = at(targetLines, i)
		if t.Name == "" || t.URL == "" {
			return nil, &Error{Key: "deploy.targetIncomplete", Args: []any{ConfigFile, t.line}}
		}
		if seen[t.Name] {
			return nil, &Error{Key: "deploy.targetTwice", Args: []any{ConfigFile, t.line, t.Name}}
		}
		seen[t.Name] = true
		if err := checkURL(t.URL); err != nil {
			err.Args = append([]any{ConfigFile, keyLine(lines, "URL", t.line)}, err.Args...)
			err.Key += "InConfig"
			return nil, err
		}
	}
	for i := range c.Matchers {
		m := &c.Matchers[i]
		m.line = at(matcherLines, i)
		re, err := regexp.Compile(m.Pattern)
		if err != nil || m.Pattern == "" {
			return nil, &Error{Key: "deploy.badPattern", Args: []any{ConfigFile, keyLine(lines, "pattern", m.line), m.Pattern}}
		}
		m.re = re
	}
	if c.MaxDeletes < 0 {
		return nil, &Error{Key: "deploy.badMaxDeletes", Args: []any{ConfigFile, keyLine(lines, "maxDeletes", 1), c.MaxDeletes}}
	}
	return c, nil
}

// Find returns the target named name, or, when name is a URL, a target
// for that URL. With name "", the first configured target.
func (c *Config) Find(name string) (Target, error) {
	if name == "" {
		if len(c.Targets) == 0 {
			return Target{}, &Error{Key: "deploy.noTarget"}
		}
		return c.Targets[0], nil
	}
	for _, t := range c.Targets {
		if t.Name == name {
			return t, nil
		}
	}
	if strings.Contains(name, "://") {
		if err := checkURL(name); err != nil {
			return Target{}, err
		}
		return Target{Name: name, URL: name}, nil
	}
	var names []string
	for _, t := range c.Targets {
		names = append(names, t.Name)
	}
	if len(names) == 0 {
		return Target{}, &Error{Key: "deploy.unknownTargetNone", Args: []any{name}}
	}
	return Target{}, &Error{Key: "deploy.unknownTarget", Args: []any{name, strings.Join(names, ", ")}}
}

// schemes are the kinds of target minhbach publishes to.
var schemes = map[string]bool{"s3": true, "gs": true, "azblob": true, "file": true, "sftp": true}

// checkURL refuses a target URL of an unknown kind or one that holds a
// credential (a password, a secret in the query): credentials come only
// from the environment and the host's configuration.
func checkURL(raw string) *Error {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return &Error{Key: "deploy.badURL", Args: []any{redact(raw)}}
	}
	if !schemes[u.Scheme] {
		return &Error{Key: "deploy.badScheme", Args: []any{redact(raw), u.Scheme}}
	}
	if _, has := u.User.Password(); has {
		return &Error{Key: "deploy.passwordInURL", Args: []any{redact(raw)}}
	}
	for k := range u.Query() {
		if secretWords.MatchString(k) {
			return &Error{Key: "deploy.secretInURL", Args: []any{redact(raw), k}}
		}
	}
	return nil
}

// redact returns a URL as it may be printed: without a password or a
// query (which might hold a secret given by mistake).
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		if i := strings.IndexAny(raw, "@?"); i >= 0 {
			return raw[:i] + "…"
		}
		return raw
	}
	changed := false
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
			changed = true
		}
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if secretWords.MatchString(k) {
				q.Set(k, "xxxxx")
				changed = true
			}
		}
		u.RawQuery = q.Encode()
	}
	if !changed {
		return raw
	}
	return u.String()
}

// headerLines returns the 1-based lines where header is written.
func headerLines(lines []string, header string) []int {
	var out []int
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), header) {
			out = append(out, i+1)
		}
	}
	return out
}

func at(ns []int, i int) int {
	if i < len(ns) {
		return ns[i]
	}
	return 1
}

// keyLine returns the first line from the 1-based line from on where key
// is assigned, or from itself.
func keyLine(lines []string, key string, from int) int {
	re := regexp.MustCompile(`^\s*(\w+\.)*` + regexp.QuoteMeta(key) + `\s*=`)
	for i := from - 1; i >= 0 && i < len(lines); i++ {
		if re.MatchString(lines[i]) {
			return i + 1
		}
	}
	return from
}

// String is the target as it may be printed.
func (t Target) String() string {
	if t.Name == t.URL {
		return redact(t.URL)
	}
	return fmt.Sprintf("%s (%s)", t.Name, redact(t.URL))
}
