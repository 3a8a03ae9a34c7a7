package deploy

import "github.com/minhbach/minhbach/internal/msg"

// Error is a problem of a deploy, told in the user's language: Key is a
// message of internal/msg (deploy.*), Args its arguments, Err the cause.
type Error struct {
	Key  string
	Args []any
	Err  error
}

func (e *Error) Error() string { return msg.Get(msg.EN, e.Key, e.Args...) }

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// Text is the message in language l.
func (e *Error) Text(l msg.Lang) string { return msg.Get(l, e.Key, e.Args...) }
