// Jest runs the suite as CommonJS. NestJS 12 and a few of its dependencies ship ES modules only,
// while other Nest packages (throttler, nestjs-pino) are CommonJS that require() them; Node 20's
// Jest cannot mix the two. So every ES module (our TypeScript and ESM packages in node_modules)
// is compiled to CommonJS by SWC, and CommonJS packages pass through untouched.
const { createTransformer } = require('@swc/jest');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const common = {
  jsc: {
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
  },
  module: { type: 'commonjs', ignoreDynamic: false },
  sourceMaps: 'inline',
};
const typescript = createTransformer({ ...common, jsc: { ...common.jsc, parser: { syntax: 'typescript', decorators: true, tsx: true } } });
const javascript = createTransformer({ ...common, jsc: { ...common.jsc, parser: { syntax: 'ecmascript' } } });

const packageTypeCache = new Map();
function isEsmPackageFile(file) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  let dir = dirname(file);
  while (dir !== dirname(dir)) {
    if (packageTypeCache.has(dir)) return packageTypeCache.get(dir);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const type = JSON.parse(readFileSync(pkg, 'utf8')).type;
      const esm = type === 'module';
      packageTypeCache.set(dir, esm);
      return esm;
    }
    dir = dirname(dir);
  }
  return false;
}

module.exports = {
  process(source, file, options) {
    if (/\.tsx?$/.test(file)) return typescript.process(source, file, options);
    if (isEsmPackageFile(file)) return javascript.process(source, file, options);
    return { code: source };
  },
  getCacheKey(source, file, options) {
    return typescript.getCacheKey(source, file, options) + (isEsmPackageFile(file) ? ':esm' : ':cjs');
  },
};
