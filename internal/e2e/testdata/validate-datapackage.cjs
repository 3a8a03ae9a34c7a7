// Validates Data Packages with the Frictionless Data library for JavaScript
// (npm package datapackage, pinned in package-lock.json), for
// validate_test.go. For each datapackage.json given on the command line it
// loads the descriptor (checked against its profile, such as
// tabular-data-package, which the library ships), then reads every resource
// with type casting against its Table Schema and with its foreign keys
// resolved. It prints one JSON result per descriptor and exits 0; the Go
// test decides what passes.
//
// The byte order mark. The portal's CSV files start with the UTF-8 byte
// order mark, so that Excel shows Vietnamese right; the descriptor says
// "encoding": "utf-8", which is what they are. The Frictionless specs
// leave the mark to the reader: consumers should strip it
// (frictionlessdata/specs#613), and the Python framework (frictionless-py)
// reads UTF-8 with a mark as utf-8-sig. This JavaScript library does not:
// it hands its CSV parser (csv-parse) the file as it is and reads the mark
// as part of the first column's name. So, as the specs ask of a consumer,
// the script turns on that parser's own option for it (csv-parse's `bom`)
// on every table the library reads; the files themselves are read as
// published, not copied. With --keep-bom first on the command line it does
// not, for the test that shows the marks are there and what the library
// makes of them without the option.
'use strict';
const path = require('path');
const {Table} = require('tableschema');
const {Package} = require('datapackage');

const args = process.argv.slice(2);
const keepBOM = args[0] === '--keep-bom';
if (keepBOM) args.shift();
if (!keepBOM) {
  const iter = Table.prototype.iter;
  Table.prototype.iter = function (...a) {
    this._parserOptions = Object.assign({}, this._parserOptions, {bom: true});
    return iter.apply(this, a);
  };
}

const messages = (e) => {
  const out = [String(e && e.message || e)];
  for (const sub of (e && e.errors) || []) out.push(String(sub && sub.message || sub));
  return out;
};

(async () => {
  const results = [];
  for (const file of args) {
    const r = {file, valid: false, profile: '', errors: [], resources: []};
    try {
      const p = await Package.load(file, {basePath: path.dirname(file)});
      r.valid = p.valid;
      r.profile = p.descriptor.profile || '';
      r.errors = p.errors.map((e) => String(e.message || e));
      if (p.valid) {
        for (const res of p.resources) {
          const rr = {name: res.name, rows: 0, fields: 0, errors: []};
          try {
            rr.fields = res.schema ? res.schema.fields.length : 0;
            const rows = await res.read({cast: true, relations: true});
            rr.rows = rows.length;
          } catch (e) {
            rr.errors = messages(e);
          }
          r.resources.push(rr);
        }
      }
    } catch (e) {
      r.errors = messages(e);
    }
    results.push(r);
  }
  process.stdout.write(JSON.stringify(results));
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
