// The npm registry reachable here lacks some platform builds that packages list as optional
// dependencies (rolldown and jco bindings for other systems). `npm install` skips them but still
// writes the edges into package-lock.json, and `npm ci` then refuses the lock as out of sync.
// This drops the edges whose package the lock does not hold at the wanted version.
// Run it after any `npm install` that rewrites the lock: `npm run lockfile:prune`.
import fs from 'node:fs';

const file = 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;

/** Node's lookup: the nearest node_modules/<name> walking up from `location`. */
function resolve(location, name) {
  let base = location;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return packages[candidate];
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

let removed = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, wanted] of Object.entries(entry.optionalDependencies ?? {})) {
    const found = resolve(location, name);
    if (!found || (/^\d/.test(wanted) && found.version !== wanted)) {
      delete entry.optionalDependencies[name];
      removed += 1;
    }
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: dropped ${removed} optional edge(s) to packages the registry does not have`);
