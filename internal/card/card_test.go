package card

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var sample = Card{
	Site:        "Cổng minh bạch — Kế hoạch 51-KH/TU tỉnh Kon Tum",
	Kind:        "Nhiệm vụ 6",
	Title:       "Rà soát, sắp xếp, kiện toàn tổ chức bộ máy của Ủy ban nhân dân dân tỉnh, các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố và các đơn vị sự nghiệp công lập theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả",
	Status:      "Quá hạn",
	StatusColor: "#c62828",
	Detail:      "9/10 đơn vị hoàn thành",
	AsOf:        "Tính đến ngày 30/6/2019 · Cập nhật 27/6/2019",
	Sample:      "DỮ LIỆU MẪU",
}

func TestCardIsA1200x630PNG(t *testing.T) {
	t.Parallel()
	b, err := sample.PNG()
	if err != nil {
		t.Fatal(err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || format != "png" || cfg.Width != Width || cfg.Height != Height {
		t.Fatalf("got %s %dx%d (%v), want a png of %dx%d", format, cfg.Width, cfg.Height, err, Width, Height)
	}
	if out := os.Getenv("CARD_OUT"); out != "" {
		os.WriteFile(out, b, 0o644)
	}
}

func TestCardIsDeterministic(t *testing.T) {
	t.Parallel()
	a, err := sample.PNG()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := sample.PNG()
	if !bytes.Equal(a, b) {
		t.Fatal("the same card drew different bytes")
	}
}

// TestCardShowsWhatItIsGiven: the status pill is drawn in the status
// colour, the sample marker in amber; without them, neither colour is
// anywhere (the counter-check that the pixel search finds what is there).
func TestCardShowsWhatItIsGiven(t *testing.T) {
	t.Parallel()
	count := func(c Card, r, g, b uint8) int {
		data, err := c.PNG()
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for y := 0; y < Height; y++ {
			for x := 0; x < Width; x++ {
				cr, cg, cb, _ := img.At(x, y).RGBA()
				if uint8(cr>>8) == r && uint8(cg>>8) == g && uint8(cb>>8) == b {
					n++
				}
			}
		}
		return n
	}
	if n := count(sample, 0xc6, 0x28, 0x28); n < 2000 {
		t.Errorf("status colour on %d pixels, want a pill", n)
	}
	if n := count(sample, 0xff, 0xd3, 0x4d); n < 2000 {
		t.Errorf("sample marker colour on %d pixels, want a marker", n)
	}
	bare := sample
	bare.Status, bare.Sample = "", ""
	if n := count(bare, 0xc6, 0x28, 0x28); n != 0 {
		t.Errorf("no status, yet %d pixels of its colour", n)
	}
	if n := count(bare, 0xff, 0xd3, 0x4d); n != 0 {
		t.Errorf("no sample marker, yet %d pixels of its colour", n)
	}
}

// TestDecomposedVietnameseDrawsTheSame: text typed with combining marks
// (NFD) draws exactly as the precomposed text.
func TestDecomposedVietnameseDrawsTheSame(t *testing.T) {
	t.Parallel()
	nfd := sample
	nfd.Title = norm.NFD.String(sample.Title)
	if nfd.Title == sample.Title {
		t.Fatal("the title has no letter to decompose")
	}
	a, _ := sample.PNG()
	b, err := nfd.PNG()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("decomposed text draws differently")
	}
}

func TestBadColourIsAnError(t *testing.T) {
	t.Parallel()
	c := sample
	c.StatusColor = "red"
	if _, err := c.PNG(); err == nil {
		t.Fatal("want an error for a colour not written #rrggbb")
	}
}
