// dependency-cruiser, run by `npm run check:cycles` (and so by `npm run check:ci`): no import cycle in any package's
// sources. The one rule is no-circular; type-only imports count too (`tsPreCompilationDeps`), because a cycle through
// types still ties modules together and is how a value cycle starts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A module reaches itself through its imports (type-only imports included). Move the shared part into a leaf module.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Each workspace's sources only (packages/*/src, and apps/*/src when there is one); another workspace is reached
    // through node_modules, as users reach it, and is cruised as its own sources.
    includeOnly: "^(packages|apps)/[^/]+/src/",
    exclude: { path: "(^|/)(node_modules|dist|\\.turbo|\\.data|\\.git)/" },
    doNotFollow: { path: "node_modules" },
    // Keep `import type` and type-only specifiers: TypeScript would erase them before a JavaScript cruise.
    tsPreCompilationDeps: true,
    // NodeNext resolution: dependency-cruiser itself resolves the sources' `.js` specifiers to their `.ts` files.
    tsConfig: { fileName: "tsconfig.base.json" },
  },
};
