// Command s3server is the S3-compatible server the deploy tests publish
// to: github.com/johannesboyne/gofakes3, an implementation of the S3
// protocol (not Amazon's service: it checks no credentials), keeping
// its objects in memory. It listens on 127.0.0.1 only, creates the
// buckets named by -bucket, prints its address ("http://127.0.0.1:PORT")
// on one line, and exits when its standard input is closed, so that it
// never outlives the test that started it. gofakes3 keeps no
// Cache-Control header; with -requests FILE, the server writes a line
// "PUT /bucket/key Cache-Control: VALUE" to FILE for every upload that
// carries one, so that a test can check what was sent.
//
//	go run ./internal/deploy/s3server -bucket site
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on (loopback only)")
	buckets := flag.String("bucket", "site", "comma-separated buckets to create")
	requests := flag.String("requests", "", "file to log the Cache-Control header of uploads to")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || !net.ParseIP(host).IsLoopback() {
		log.Fatalf("s3server: -addr %q is not a loopback address", *addr)
	}
	backend := s3mem.New()
	for _, b := range strings.Split(*buckets, ",") {
		if err := backend.CreateBucket(b); err != nil {
			log.Fatalf("s3server: %v", err)
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("s3server: %v", err)
	}
	fmt.Printf("http://%s\n", ln.Addr())
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	handler := gofakes3.New(backend).Server()
	if *requests != "" {
		f, err := os.Create(*requests)
		if err != nil {
			log.Fatalf("s3server: %v", err)
		}
		var mu sync.Mutex
		inner := handler
		handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if cc := r.Header.Get("Cache-Control"); r.Method == http.MethodPut && cc != "" {
				mu.Lock()
				fmt.Fprintf(f, "PUT %s Cache-Control: %s\n", r.URL.Path, cc)
				mu.Unlock()
			}
			inner.ServeHTTP(w, r)
		})
	}
	srv := &http.Server{Handler: handler}
	log.Fatal(srv.Serve(ln))
}
