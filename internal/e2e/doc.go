// Package e2e holds the end-to-end tests of the built portal: they build the
// Kon Tum portal of this repository with site.Build, serve the output on the
// loopback interface, and check it the way a visitor meets it.
//
// The package has no code of its own; everything is in its _test.go files:
//
//   - e2e_test.go drives a real Chromium through the DevTools protocol
//     (github.com/chromedp/chromedp): every page type in Vietnamese and
//     English loads without console errors, failed requests or requests to
//     another origin; the <h1> and the statuses are visible; axe-core finds no
//     WCAG 2.1 A/AA violation; the keyboard reaches only links and controls,
//     each with a visible focus indicator, the skip link first; search works;
//     the site works under a sub-path; and screenshots of each page type are
//     written at 375 and 1280 CSS pixels wide.
//   - print_test.go lays the period's printable summary out under print
//     media at the width of an A4 page: no navigation shown, every source
//     report's address printed, no table wider than the page; it keeps a
//     print-media screenshot and Chrome's PDF of the page with the
//     screenshots.
//   - links_test.go (no browser) follows every internal href/src in the HTML,
//     XML, SVG and CSS of the root build, the sub-path build and the
//     relative-link build, fragments included.
//   - html_test.go (no browser) checks that every page is well formed: tags
//     balanced and nested, no duplicate id, one <h1>, <html lang>, a <title>.
//
// # Running the tests
//
// From the repository root:
//
//	apt-get install -y chromium fonts-noto-core   # the browser and its fonts
//	npm ci                                         # axe-core, from package-lock.json
//	go test ./internal/e2e/ -v -count=1
//
// Without Chromium (or without node_modules/axe-core) the browser tests are
// skipped with a message that says how to install them, except when the
// environment variable CI is "true": there they fail, so that a CI run can
// never pass by skipping them. The link and HTML tests need neither.
//
// Environment variables:
//
//   - MINHBACH_CHROMIUM: the browser to run (default: /usr/bin/chromium,
//     then chromium, chromium-browser, google-chrome on the PATH).
//   - MINHBACH_SCREENSHOTS: the folder for the screenshots (default
//     testdata/screenshots at the repository root, which git ignores).
//   - CI=true: a missing browser or axe-core is a failure, not a skip.
//
// The browser runs headless with a fresh profile in a temporary folder, and
// every server listens on 127.0.0.1 only; no test makes a request beyond the
// loopback interface, and a page that tries to is reported.
package e2e
