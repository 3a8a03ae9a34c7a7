// Package msg holds every sentence minhbach says to a person, in Vietnamese
// and English, and picks the language.
//
// A message is a key and a format per language; both catalogues must have
// the same keys with the same verbs (a test compares them).
package msg

import (
	"fmt"
	"os"
	"strings"
)

// Lang is a language of the command-line interface.
type Lang string

// The languages minhbach speaks. Vietnamese is the default.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

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

// Catalogue returns the messages of lang.
func Catalogue(l Lang) map[string]string {
	if l == EN {
		return en
	}
	return vi
}

// Get formats the message key in lang. An unknown key is returned as is,
// with its arguments, so that nothing is ever lost.
func Get(l Lang, key string, args ...any) string {
	f, ok := Catalogue(l)[key]
	if !ok {
		if f, ok = vi[key]; !ok {
			return fmt.Sprint(append([]any{key, ": "}, args...)...)
		}
	}
	return fmt.Sprintf(f, args...)
}
