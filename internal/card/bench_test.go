package card

import "testing"

// BenchmarkCard measures one card: about 22 ms of CPU on this machine,
// most of it the PNG encoding of 1200×630 pixels.
func BenchmarkCard(b *testing.B) {
	for b.Loop() {
		if _, err := sample.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}
