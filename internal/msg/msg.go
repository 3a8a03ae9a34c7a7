// Package msg says every word minhbach says to a person, in Vietnamese and
// English, and picks the language.
//
// The words are not in Go: they are the catalogue i18n/vi.toml and
// i18n/en.toml at the root of the repository, the same files Hugo reads for
// the templates, built into the binary (package minhbach) and read here
// with go-i18n, the library Hugo reads them with. A message is a key and a
// text per language: a format for Go's fmt (Get, Plural: %s, %d, %q) or a
// template (T: {{ .N }}). Both files must have the same keys with the same
// verbs and the same template fields, and no text may be defined twice
// (msg_test.go).
package msg

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/gohugoio/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/minhbach/minhbach"
)

// Lang is a language of the command-line interface.
type Lang string

// The languages minhbach speaks. Vietnamese is the default.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// For is the language of a page or a text whose language is given as a
// string: Vietnamese for "vi", English for anything else.
func For(lang string) Lang {
	if lang == string(VI) {
		return VI
	}
	return EN
}

// FromEnv picks the language from an explicit choice ("vi", "en"), else from
// LC_ALL, LC_MESSAGES or LANG: English when it names English, Vietnamese
// otherwise.
func FromEnv(choice string) Lang {
	switch strings.ToLower(choice) {
	case "en", "english":
		return EN
	case "vi", "vietnamese":
		return VI
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "en") {
				return EN
			}
			return VI
		}
	}
	return VI
}

// catalogue is the words of one language as read from its file.
type catalogue struct {
	file  string            // i18n/<lang>.toml
	text  map[string]string // key -> text (a plural table's "other" form)
	order []string          // the keys in the order of the file's messages
}

// parse reads the catalogue file of lang from fsys with go-i18n, as Hugo
// does, decoding the TOML with BurntSushi/toml. A key defined twice in the
// file is a TOML error; a key with plural forms other than "other" is an
// error too, since Vietnamese has one form and Plural uses key+".one".
func parse(b *i18n.Bundle, data []byte, lang Lang) (*catalogue, error) {
	c := &catalogue{file: "i18n/" + string(lang) + ".toml", text: map[string]string{}}
	mf, err := b.ParseMessageFileBytes(data, c.file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.file, err)
	}
	for _, m := range mf.Messages {
		if m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "" {
			return nil, fmt.Errorf("%s: %q has plural forms; write its singular as the key %q", c.file, m.ID, m.ID+".one")
		}
		c.text[m.ID] = m.Other
		c.order = append(c.order, m.ID)
	}
	return c, nil
}

// load reads the catalogues of both languages from the files built into the
// binary. A broken catalogue is a defect of the binary itself (the tests
// read the same files), so it stops the program at once.
func load() (*i18n.Bundle, map[Lang]*catalogue) {
	b := i18n.NewBundle(language.Vietnamese)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	cats := map[Lang]*catalogue{}
	for _, l := range []Lang{VI, EN} {
		data, err := minhbach.Words.ReadFile("i18n/" + string(l) + ".toml")
		if err == nil {
			cats[l], err = parse(b, data, l)
		}
		if err != nil {
			panic("minhbach: the catalogue of words is broken: " + err.Error())
		}
	}
	return b, cats
}

var bundle, files = load()

// vi and en are the texts Get reads: the catalogue files' texts, and
// nothing else (a test fails when code adds a key here).
var (
	vi = clone(files[VI].text)
	en = clone(files[EN].text)
)

func clone(m map[string]string) map[string]string {
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// Catalogue returns the messages of lang.
func Catalogue(l Lang) map[string]string {
	if l == EN {
		return en
	}
	return vi
}

// Has reports whether the catalogue has the key.
func Has(key string) bool { _, ok := vi[key]; return ok }

// Get formats the message key in lang with fmt. An unknown key is returned
// as is, with its arguments, so that nothing is ever lost.
func Get(l Lang, key string, args ...any) string {
	f, ok := Catalogue(l)[key]
	if !ok {
		if f, ok = vi[key]; !ok {
			return fmt.Sprint(append([]any{key, ": "}, args...)...)
		}
	}
	if len(args) == 0 && strings.IndexByte(f, '%') < 0 {
		return f // most labels: what Sprintf would return, without its cost
	}
	return fmt.Sprintf(f, args...)
}

// Plural formats the message key for the count n in l: in English, with
// n == 1, the key's singular form key+".one" when the catalogue has it.
// Vietnamese has no plural: one form serves every count. args are all the
// message's arguments (n among them where the message says it).
func Plural(l Lang, key string, n int, args ...any) string {
	if n == 1 && l == EN {
		if _, ok := en[key+".one"]; ok {
			key += ".one"
		}
	}
	return Get(l, key, args...)
}

// T renders the template message key ({{ .N }}) in l with data, through
// go-i18n as Hugo's T does, so that Go and the templates say a message the
// same way. An unknown key or a broken template is returned as the key.
func T(l Lang, key string, data map[string]any) string {
	s, err := i18n.NewLocalizer(bundle, string(l)).Localize(&i18n.LocalizeConfig{MessageID: key, TemplateData: data})
	if err != nil {
		return key
	}
	return s
}

// Date writes t as a day in l, by the catalogue's date_layout: 5/7/2018,
// 5 July 2018.
func Date(l Lang, t time.Time) string { return t.Format(Get(l, "date_layout")) }
