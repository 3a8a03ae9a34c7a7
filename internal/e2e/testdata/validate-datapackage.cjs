// Validates Data Packages with the Frictionless Data library for JavaScript
// (npm package datapackage, pinned in package-lock.json), for
// validate_test.go. For each datapackage.json given on the command line it
// loads the descriptor (checked against its profile, such as
// tabular-data-package, which the library ships), then reads every resource
// with type casting against its Table Schema and with its foreign keys
// resolved. It prints one JSON result per descriptor and exits 0; the Go
// test decides what passes.
'use strict';
const path = require('path');
const {Package} = require('datapackage');

const messages = (e) => {
  const out = [String(e && e.message || e)];
  for (const sub of (e && e.errors) || []) out.push(String(sub && sub.message || sub));
  return out;
};

(async () => {
  const results = [];
  for (const file of process.argv.slice(2)) {
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
