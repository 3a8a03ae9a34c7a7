// Package card draws the link-preview pictures of the portal's pages: a
// PNG of 1200×630 pixels (the size Facebook, Zalo and X show best) with the
// page's title, its status in the status colour, the as-of date and, while
// the data is sample data, a marker saying so. Link previews ignore SVG, so
// the cards are raster images, drawn at build time in Go with a font
// shipped in the repository (Noto Sans, SIL Open Font License: see
// fonts/OFL.txt), never by a browser. The same card draws the same bytes.
package card

import (
	"bytes"
	_ "embed"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// Width and Height are the size of a card in pixels.
const (
	Width  = 1200
	Height = 630
)

//go:embed fonts/NotoSans-Regular.ttf
var regularTTF []byte

//go:embed fonts/NotoSans-Bold.ttf
var boldTTF []byte

// Card is what one picture shows. Every text is shown as given (after
// Unicode NFC normalisation, so that Vietnamese typed with combining marks
// draws with the font's precomposed letters); empty fields are left out.
type Card struct {
	// Site is the portal's name, on the band at the top.
	Site string
	// Kind says what the page is ("Nhiệm vụ 6", "Cơ quan"), above the title.
	Kind string
	// Title is the page's title, in up to four lines, cut with "…".
	Title string
	// Status is the status label, drawn on a pill of StatusColor
	// ("#rrggbb"); Detail follows it on the same line (e.g. "3/10 đơn vị"),
	// or stands alone where there is no status (the counts of a plan).
	Status      string
	StatusColor string
	Detail      string
	// AsOf is the line of the as-of date ("Tính đến ngày 30/6/2019").
	AsOf string
	// Sample is the marker of sample data ("DỮ LIỆU MẪU"); empty when the
	// data is real.
	Sample string
}

var (
	faces     map[faceKey]font.Face
	facesOnce sync.Once
	drawMu    sync.Mutex // opentype faces are not safe for concurrent use
)

type faceKey struct {
	bold bool
	size float64
}

func face(bold bool, size float64) (font.Face, error) {
	facesOnce.Do(func() { faces = map[faceKey]font.Face{} })
	k := faceKey{bold, size}
	if f, ok := faces[k]; ok {
		return f, nil
	}
	src := regularTTF
	if bold {
		src = boldTTF
	}
	ft, err := opentype.Parse(src)
	if err != nil {
		return nil, err
	}
	f, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	faces[k] = f
	return f, nil
}

// The colours of a card, as on the site (static/css/site.css).
var (
	brand = color.RGBA{0x0e, 0x3a, 0x66, 0xff}
	ink   = color.RGBA{0x1f, 0x23, 0x28, 0xff}
	muted = color.RGBA{0x4b, 0x53, 0x5d, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	amber = color.RGBA{0xff, 0xd3, 0x4d, 0xff}
)

const margin = 64

// PNG draws the card.
func (c Card) PNG() ([]byte, error) {
	drawMu.Lock()
	defer drawMu.Unlock()
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), &image.Uniform{white}, image.Point{}, draw.Src)
	fill(img, image.Rect(0, 0, Width, 96), brand)
	fill(img, image.Rect(0, Height-16, Width, Height), brand)

	small, err := face(false, 30)
	if err != nil {
		return nil, err
	}
	kindF, err := face(true, 30)
	if err != nil {
		return nil, err
	}
	titleF, err := face(true, 54)
	if err != nil {
		return nil, err
	}
	pillF, err := face(true, 34)
	if err != nil {
		return nil, err
	}

	// The band: the portal's name, and the sample marker on the right.
	right := Width - margin
	if s := clean(c.Sample); s != "" {
		w := measure(pillF, s)
		box := image.Rect(right-w-32, 20, right, 76)
		fill(img, box, amber)
		text(img, pillF, ink, box.Min.X+16, 61, s)
		right = box.Min.X - 24
	}
	text(img, small, white, margin, 59, fit(small, clean(c.Site), right-margin))

	y := 96 + 64
	if k := clean(c.Kind); k != "" {
		text(img, kindF, muted, margin, y, fit(kindF, k, Width-2*margin))
		y += 16
	}
	// The title, up to four lines (three when there is a status to show).
	maxLines := 4
	if c.Status != "" || c.Detail != "" {
		maxLines = 3
	}
	for _, line := range wrap(titleF, clean(c.Title), Width-2*margin, maxLines) {
		y += 66
		text(img, titleF, ink, margin, y, line)
	}

	// The status pill and its detail, then the as-of date, from the bottom.
	base := Height - 16 - 48
	if a := clean(c.AsOf); a != "" {
		text(img, small, muted, margin, base, fit(small, a, Width-2*margin))
		base -= 70
	}
	if s := clean(c.Status); s != "" {
		col, err := parseHex(c.StatusColor)
		if err != nil {
			return nil, err
		}
		w := measure(pillF, s)
		box := image.Rect(margin, base-44, margin+w+40, base+16)
		fill(img, box, col)
		text(img, pillF, white, margin+20, base, s)
		if d := clean(c.Detail); d != "" {
			text(img, small, ink, box.Max.X+24, base-2, fit(small, d, Width-margin-box.Max.X-24))
		}
	} else if d := clean(c.Detail); d != "" {
		text(img, kindF, ink, margin, base, fit(kindF, d, Width-2*margin))
	}

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// clean normalises s to NFC and folds its white space to single spaces.
func clean(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
}

func text(img *image.RGBA, f font.Face, c color.Color, x, y int, s string) {
	d := &font.Drawer{Dst: img, Src: &image.Uniform{c}, Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

func measure(f font.Face, s string) int { return font.MeasureString(f, s).Ceil() }

// fit cuts s with "…" so that it is at most width pixels wide.
func fit(f font.Face, s string, width int) string {
	if measure(f, s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && measure(f, string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ,;:") + "…"
}

// wrap breaks s into lines at most width pixels wide, at most max lines;
// the last line is cut with "…" when s does not fit.
func wrap(f font.Face, s string, width, max int) []string {
	var lines []string
	words := strings.Fields(s)
	cur := ""
	for i, w := range words {
		next := w
		if cur != "" {
			next = cur + " " + w
		}
		if measure(f, next) <= width || cur == "" {
			cur = next
			continue
		}
		lines = append(lines, cur)
		cur = w
		if len(lines) == max-1 {
			cur = strings.Join(words[i:], " ")
			break
		}
	}
	if cur != "" {
		lines = append(lines, fit(f, cur, width))
	}
	for i := range lines {
		lines[i] = fit(f, lines[i], width)
	}
	return lines
}

// parseHex reads a colour written #rrggbb.
func parseHex(s string) (color.RGBA, error) {
	var r, g, b uint8
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil || len(s) != 7 {
		return color.RGBA{}, fmt.Errorf("card: colour %q is not #rrggbb", s)
	}
	return color.RGBA{r, g, b, 0xff}, nil
}
