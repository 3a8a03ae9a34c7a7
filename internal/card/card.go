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
	"image/png"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// Version names the drawing: change it whenever a change to this package
// (or its fonts) changes the pixels, so that caches of drawn cards are not
// used for the new drawing.
const Version = "minhbach-card/2"

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
	cv := newCanvas()
	cv.fill(image.Rect(0, 0, Width, Height), white)
	cv.fill(image.Rect(0, 0, Width, 96), brand)
	cv.fill(image.Rect(0, Height-16, Width, Height), brand)

	// The faces, regular or bold at a size; err keeps the first failure.
	var err error
	load := func(bold bool, size float64) font.Face {
		f, e := face(bold, size)
		if err == nil {
			err = e
		}
		return f
	}
	small, kindF, titleF, pillF := load(false, 30), load(true, 30), load(true, 54), load(true, 34)
	if err != nil {
		return nil, err
	}

	// The band: the portal's name, and the sample marker on the right.
	right := Width - margin
	if s := clean(c.Sample); s != "" {
		w := measure(pillF, s)
		box := image.Rect(right-w-32, 20, right, 76)
		cv.fill(box, amber)
		cv.text(pillF, amber, ink, box.Min.X+16, 61, s)
		right = box.Min.X - 24
	}
	cv.text(small, brand, white, margin, 59, fit(small, clean(c.Site), right-margin))

	y := 96 + 64
	if k := clean(c.Kind); k != "" {
		cv.text(kindF, white, muted, margin, y, fit(kindF, k, Width-2*margin))
		y += 16
	}
	// The title, up to four lines (three when there is a status to show).
	maxLines := 4
	if c.Status != "" || c.Detail != "" {
		maxLines = 3
	}
	for _, line := range wrap(titleF, clean(c.Title), Width-2*margin, maxLines) {
		y += 66
		cv.text(titleF, white, ink, margin, y, line)
	}

	// The status pill and its detail, then the as-of date, from the bottom.
	base := Height - 16 - 48
	if a := clean(c.AsOf); a != "" {
		cv.text(small, white, muted, margin, base, fit(small, a, Width-2*margin))
		base -= 70
	}
	if s := clean(c.Status); s != "" {
		col, err := parseHex(c.StatusColor)
		if err != nil {
			return nil, err
		}
		w := measure(pillF, s)
		box := image.Rect(margin, base-44, margin+w+40, base+16)
		cv.fill(box, col)
		cv.text(pillF, col, white, margin+20, base, s)
		if d := clean(c.Detail); d != "" {
			cv.text(small, white, ink, box.Max.X+24, base-2, fit(small, d, Width-margin-box.Max.X-24))
		}
	} else if d := clean(c.Detail); d != "" {
		cv.text(kindF, white, ink, margin, base, fit(kindF, d, Width-2*margin))
	}

	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, cv.img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// clean normalises s to NFC and folds its white space to single spaces.
func clean(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// canvas is a card being drawn: an 8-bit paletted image (a card has a
// handful of colours, and a paletted PNG encodes about four times faster
// than a true-colour one and is smaller), whose palette holds each solid
// colour used and, for each text colour on each background, 16 shades
// between the two for the anti-aliased edges of the letters.
type canvas struct {
	img     *image.Paletted
	solids  map[color.RGBA]uint8
	ramps   map[[2]color.RGBA]uint8
	scratch *image.RGBA
}

func newCanvas() *canvas {
	return &canvas{
		img:    image.NewPaletted(image.Rect(0, 0, Width, Height), nil),
		solids: map[color.RGBA]uint8{},
		ramps:  map[[2]color.RGBA]uint8{},
	}
}

func (c *canvas) solid(col color.RGBA) uint8 {
	if i, ok := c.solids[col]; ok {
		return i
	}
	i := uint8(len(c.img.Palette))
	c.img.Palette = append(c.img.Palette, col)
	c.solids[col] = i
	return i
}

// shades are the levels of a ramp from the background (0) to the text
// colour (shades-1).
const shades = 16

func (c *canvas) ramp(bg, fg color.RGBA) uint8 {
	k := [2]color.RGBA{bg, fg}
	if i, ok := c.ramps[k]; ok {
		return i
	}
	i := uint8(len(c.img.Palette))
	mix := func(a, b uint8, t int) uint8 {
		return uint8((int(a)*(shades-1-t) + int(b)*t + (shades-1)/2) / (shades - 1))
	}
	for t := range shades {
		c.img.Palette = append(c.img.Palette, color.RGBA{mix(bg.R, fg.R, t), mix(bg.G, fg.G, t), mix(bg.B, fg.B, t), 0xff})
	}
	c.ramps[k] = i
	return i
}

func (c *canvas) fill(r image.Rectangle, col color.RGBA) {
	r = r.Intersect(c.img.Rect)
	i := c.solid(col)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := c.img.Pix[c.img.PixOffset(r.Min.X, y):c.img.PixOffset(r.Max.X, y)]
		for x := range row {
			row[x] = i
		}
	}
}

// text draws s in fg on bg (the colour already under it) with its
// baseline starting at (x, y): the letters are rasterised into a scratch
// mask over their bounds only, then each covered pixel takes the shade of
// its coverage.
func (c *canvas) text(f font.Face, bg, fg color.RGBA, x, y int, s string) {
	if s == "" {
		return
	}
	b, _ := font.BoundString(f, s)
	r := image.Rect(x+b.Min.X.Floor(), y+b.Min.Y.Floor(), x+b.Max.X.Ceil()+1, y+b.Max.Y.Ceil()+1).Intersect(c.img.Rect)
	if r.Empty() {
		return
	}
	if c.scratch == nil || len(c.scratch.Pix) < 4*r.Dx()*r.Dy() {
		c.scratch = &image.RGBA{Pix: make([]byte, 4*r.Dx()*r.Dy())}
	}
	m := &image.RGBA{Pix: c.scratch.Pix[:4*r.Dx()*r.Dy()], Stride: 4 * r.Dx(), Rect: r}
	clear(m.Pix)
	d := &font.Drawer{Dst: m, Src: image.Opaque, Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
	base := c.ramp(bg, fg)
	for py := r.Min.Y; py < r.Max.Y; py++ {
		src := m.Pix[m.PixOffset(r.Min.X, py):]
		dst := c.img.Pix[c.img.PixOffset(r.Min.X, py):]
		for px := 0; px < r.Dx(); px++ {
			if a := int(src[4*px+3]); a > 0 {
				if t := (a*(shades-1) + 127) / 255; t > 0 {
					dst[px] = base + uint8(t)
				}
			}
		}
	}
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
