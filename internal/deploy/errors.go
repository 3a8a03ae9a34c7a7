package deploy

import "github.com/minhbach/minhbach/internal/publish"

// Error is a problem of a deploy, told in the user's language: the
// publisher's error, whose Key is a message of internal/msg (deploy.*),
// with its Args and its cause.
type Error = publish.Error
