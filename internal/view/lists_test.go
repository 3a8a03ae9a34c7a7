package view

import (
	"fmt"
	"testing"
)

func TestPagerOf(t *testing.T) {
	url := furtherURL("nhiem-vu/", "nhiem-vu/trang/")
	cases := []struct {
		items, per, page int
		want             string // pages (current in brackets), prev, next
	}{
		{0, 3, 1, "nil"},
		{3, 3, 1, "nil"},
		{4, 3, 1, "[1] 2 prev= next=nhiem-vu/trang/2/"},
		{4, 3, 2, "1 [2] prev=nhiem-vu/ next="},
		{7, 3, 2, "1 [2] 3 prev=nhiem-vu/ next=nhiem-vu/trang/3/"},
	}
	for _, c := range cases {
		pg := pagerOf(c.page, pageCount(c.items, c.per), url, "")
		got := "nil"
		if pg != nil {
			got = ""
			for _, p := range pg.Pages {
				if p.Current {
					got += fmt.Sprintf("[%d] ", p.Number)
				} else {
					got += fmt.Sprintf("%d ", p.Number)
				}
				if p.URL != url(p.Number) {
					t.Errorf("page %d at %s, want %s", p.Number, p.URL, url(p.Number))
				}
			}
			got += "prev=" + pg.Prev + " next=" + pg.Next
		}
		if got != c.want {
			t.Errorf("%d items, %d a page, page %d: got %q, want %q", c.items, c.per, c.page, got, c.want)
		}
	}
}

func TestPageOf(t *testing.T) {
	all := []int{1, 2, 3, 4, 5, 6, 7}
	for i, want := range []string{"[1 2 3]", "[4 5 6]", "[7]", "[]"} {
		if got := fmt.Sprint(pageOf(all, i+1, 3)); got != want {
			t.Errorf("page %d: %s, want %s", i+1, got, want)
		}
	}
	if got := pageOf([]int(nil), 1, 3); got != nil {
		t.Errorf("an empty list gives %v, want nil (left out of the view)", got)
	}
	if pageCount(0, 3) != 1 || pageCount(6, 3) != 2 || pageCount(7, 3) != 3 {
		t.Error("pageCount")
	}
}
